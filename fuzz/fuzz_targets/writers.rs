#![no_main]
//! Every writer, CoNLL included, on articles built from the input: the text (up to the first
//! NUL byte), a title (up to the second), then six bytes per span (two 16-bit positions, a label,
//! flags for fragments, a relation to the span before, a suggested origin and attributes). A
//! second article has the same title and the title as its text. Each readable format reads what
//! it wrote, with the same texts and the same spans (as pieces, where it has no discontinuous
//! spans; brat, which renames and cuts spans, only as a fixed point), and writes it again unchanged; the CoNLL file is four columns a token.

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use newsmark_core::{
    Article, ArticleId, ArticleText, AttributeKey, Attributes, Confidence, Label, LabelSet, Origin, Provenance, Relation, RelationId, Span,
    SpanId,
};
use newsmark_formats::{write, Format, OutputFile};
use newsmark_fuzz::{check_trip, EXPORTED_AT};

const CUSTOM: [&str; 3] = ["Source", "Zoë ж", "a-b_c 9"];
const KINDS: [&str; 3] = ["speaker", "source", "said by"];

fn spans_of(text: &ArticleText, title: &str, seeds: &[u8], pool: &[Label]) -> (Vec<Span>, Vec<Relation>) {
    let (mut spans, mut relations) = (Vec::<Span>::new(), Vec::new());
    let len = text.len();
    for seed in seeds.chunks_exact(6).filter(|_| len > 0) {
        let (x, y) = (usize::from(u16::from_le_bytes([seed[0], seed[1]])) % len, usize::from(u16::from_le_bytes([seed[2], seed[3]])) % len);
        let (start, end, label, flags) = (x.min(y), x.max(y) + 1, usize::from(seed[4]), seed[5]);
        let fragments: Option<Rc<[(usize, usize)]>> = (flags & 1 == 1 && end - start >= 3).then(|| {
            let cut = start + 1 + label % (end - start - 2);
            vec![(start, cut), (cut + 1, end)].into()
        });
        let origin = match flags & 4 {
            0 => Origin::Manual,
            _ => Origin::Suggested(Some(Provenance {
                confidence: Confidence::from_permille(u16::from(seed[0]) * 4),
                reason: format!("said {title}").into(),
            })),
        };
        let mut attributes = Attributes::default();
        if flags & 8 == 8 {
            // As the span editor sets them: an empty value is no value.
            attributes.set(AttributeKey::Speaker, title);
            attributes.set(AttributeKey::Note, "a note\r\nover “two” lines");
        }
        let id = SpanId::new(format!("s{}", spans.len() + 1));
        if let (true, Some(before)) = (flags & 2 == 2, spans.last()) {
            let kind = usize::from(flags >> 4) % KINDS.len();
            let event = (kind == 2).then(|| "E1".into());
            let rid = RelationId::new(format!("r{}", relations.len() + 1));
            relations.push(Relation { id: rid, kind: KINDS[kind].into(), from: id.clone(), to: before.id.clone(), event });
        }
        spans.push(Span { id, label: pool[label % pool.len()], start, end, attributes, origin, fragments });
    }
    (spans, relations)
}

/// Every span's pieces as (start, end, label name), sorted.
fn pieces(articles: &[Article], labels: &LabelSet) -> Vec<Vec<(usize, usize, String)>> {
    let of = |a: &Article| {
        let mut out: Vec<_> = a.spans.iter().flat_map(|s| s.pieces().into_iter().map(move |(x, y)| (x, y, labels.name(s.label)))).collect();
        out.sort();
        out
    };
    articles.iter().map(of).collect()
}

/// Each line of the CoNLL file is blank, the DOCSTART line, or a token without whitespace and
/// three more columns ending in a tag, an I- tag continuing its own label.
fn check_conll(files: &[OutputFile]) {
    let Some(file) = files.iter().find(|f| f.name.ends_with(".conll")) else { return };
    let mut previous: Option<&str> = None;
    for line in file.text.lines() {
        if line.is_empty() || line == newsmark_formats::conll::DOCSTART {
            previous = None;
            continue;
        }
        let columns: Vec<&str> = line.split(' ').collect();
        assert_eq!(columns.len(), 4, "a token line of {} columns: {line:?}", columns.len());
        assert!(!columns[0].is_empty() && !columns[0].contains(char::is_whitespace), "token {:?}", columns[0]);
        let tag = columns[3];
        if let Some(label) = tag.strip_prefix("I-") {
            assert!(previous.is_some_and(|p| p == label), "{tag} after {previous:?}");
        }
        assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "tag {tag:?}");
        previous = tag.get(2..).filter(|_| tag != "O");
    }
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let text = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let title = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let seeds = parts.next().unwrap_or_default();
    let mut labels = LabelSet::builtin();
    let mut pool = Label::BUILTIN.to_vec();
    pool.extend(CUSTOM.iter().filter_map(|n| labels.intern(n)));
    let text = Rc::new(ArticleText::new(text));
    let (spans, relations) = spans_of(&text, &title, seeds, &pool);
    let first = vec![
        Article::with_spans(ArticleId::new("a1"), title.clone(), text, spans).with_relations(relations),
        Article::new(ArticleId::new("a2"), title.clone(), &title),
    ];
    for format in Format::ALL {
        let refs: Vec<&Article> = first.iter().collect();
        if !format.can_read() {
            check_conll(&write(format, &refs, &labels, EXPORTED_AT));
            continue;
        }
        let (second, read_labels) = check_trip(format, &first, &labels);
        // brat names types without spaces and cuts spans at line breaks, as docs/formats says;
        // its trip is checked as a fixed point only.
        if format != Format::Brat {
            assert_eq!(pieces(&first, &labels), pieces(&second, &read_labels), "{} changed the spans", format.name());
        }
    }
});
