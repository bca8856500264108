//! Generators shared by the integration tests: article text built from the pieces that broke
//! other annotators' offsets, and articles with random spans over it.
//!
//! Owns: what "random text" means for these tests. Must never: produce an article the model
//! would refuse (empty spans, spans past the text, duplicate span ids, empty attribute values),
//! since those are import errors tested on their own.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::rc::Rc;

use newsmark_core::{
    Article, ArticleId, ArticleText, Attributes, Confidence, Label, LabelSet, Origin, Provenance, Relation, RelationId, Span, SpanId,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Multi-unit characters, grapheme clusters of several code points, every line break style,
/// right-to-left scripts, and characters JSON must escape.
pub const PIECES: &[&str] = &[
    "the",
    "mayor",
    "said",
    " ",
    " ",
    ",",
    ".",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "…",
    "😀",
    "🚧",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "🇩🇪",
    "e\u{301}",
    "n\u{303}\u{323}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "مرحبا بالعالم",
    "שָׁלוֹם",
    "中文",
    "日本語のテキスト",
    "한국어",
    "\u{feff}",
    "\u{2028}",
    "\u{200f}",
    "\"",
    "\\",
    "</script>",
    "\u{1}",
    "𝔘𝔫𝔦",
    "ß",
];

pub fn text() -> impl Strategy<Value = String> {
    text_of(0..80)
}

pub fn text_of(pieces: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => select(PIECES).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,9}",
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, pieces).prop_map(|parts| parts.concat())
}

fn attribute_value() -> impl Strategy<Value = String> {
    vec(select(PIECES), 1..4).prop_map(|parts| parts.concat())
}

fn attributes() -> impl Strategy<Value = Attributes> {
    let v = || option::weighted(0.3, attribute_value());
    let other = vec((select(&["Negated", "Confidence", "é ü", "\"q\""][..]), prop_oneof![Just(String::new()), attribute_value()]), 0..2)
        .prop_map(|mut pairs| {
            pairs.dedup_by(|a, b| a.0 == b.0);
            pairs.sort();
            pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>()
        });
    (v(), v(), v(), v(), v(), v(), other).prop_map(|(speaker, source, by, to, holder, note, other)| Attributes {
        speaker,
        source,
        by,
        to,
        holder,
        note,
        other,
    })
}

/// The label set the generated articles use: the built-in four and two labels of the person's
/// own (`Custom(1)` "person", `Custom(2)` "Source").
pub fn labels() -> LabelSet {
    let mut set = LabelSet::builtin();
    set.intern("person");
    set.intern("Source");
    set
}

const LABELS: [Label; 6] = [Label::Claim, Label::Demand, Label::Quote, Label::Opinion, Label::Custom(1), Label::Custom(2)];

/// Where a span came from: a person, an accepted suggestion with its confidence (any thousandth,
/// 0 and 1 included) and reason, or a file that says only "suggested".
fn origin() -> impl Strategy<Value = Origin> {
    let provenance = (0u16..=1000, attribute_value())
        .prop_map(|(p, reason)| Provenance { confidence: Confidence::from_permille(p), reason: reason.into() });
    prop_oneof![
        2 => Just(Origin::Manual),
        2 => provenance.prop_map(|p| Origin::Suggested(Some(p))),
        1 => Just(Origin::Suggested(None)),
    ]
}

/// Prefixes make ids that are not all `s<n>`: other tools' ids, and ones JSON must escape.
const ID_PREFIXES: &[&str] = &["s", "s", "T", "span-", "é", "😀", "\"q\"", ""];

fn spans(len: usize) -> BoxedStrategy<Vec<Span>> {
    if len == 0 {
        return Just(Vec::new()).boxed();
    }
    let one = (0..len, 0..len, select(LABELS.to_vec()), origin(), attributes(), select(ID_PREFIXES), any::<bool>());
    vec(one, 0..10)
        .prop_map(|raw| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (a, b, label, origin, attributes, prefix, split))| {
                    let (start, end) = (a.min(b), a.max(b) + 1);
                    // Some spans of four or more code points become two fragments with a gap.
                    let mid = start + (end - start) / 2;
                    // Out of text order and touching pieces occur in real brat files (PolNeAR).
                    let pieces = match i % 3 {
                        0 => vec![(start, mid), (mid + 1, end)],
                        1 => vec![(mid + 1, end), (start, mid)],
                        _ => vec![(start, mid), (mid, end)],
                    };
                    let fragments = (split && end - start >= 4).then(|| pieces.into());
                    Span { id: SpanId::new(format!("{prefix}{}", i + 1)), label, start, end, attributes, origin, fragments }
                })
                .collect()
        })
        .boxed()
}

/// Relations between some of `spans`, with the kinds newsmark offers and one from elsewhere.
fn relations(spans: Vec<Span>) -> BoxedStrategy<(Vec<Span>, Vec<Relation>)> {
    let n = spans.len();
    if n < 2 {
        return Just((spans, Vec::new())).boxed();
    }
    const KINDS: [&str; 5] = ["speaker", "source", "actor", "Attribution", "said_by"];
    vec((0..n, 0..n, select(&KINDS[..]), any::<bool>()), 0..4)
        .prop_map(move |raw| {
            let relations = raw
                .into_iter()
                .filter(|(a, b, _, _)| a != b)
                .enumerate()
                .map(|(i, (a, b, kind, event))| Relation {
                    id: RelationId::new(format!("r{}", i + 1)),
                    kind: kind.into(),
                    from: spans[a].id.clone(),
                    to: spans[b].id.clone(),
                    event: event.then(|| "E1".into()),
                })
                .collect();
            (spans.clone(), relations)
        })
        .boxed()
}

pub fn article(id: String) -> impl Strategy<Value = Article> {
    (text_of(0..6), text()).prop_flat_map(move |(title, text)| {
        let id = id.clone();
        let len = text.chars().count();
        spans(len).prop_flat_map(relations).prop_map(move |(spans, relations)| {
            let text = Rc::new(ArticleText::new(text.as_str()));
            Article::with_spans(ArticleId::new(id.as_str()), title.clone(), text, spans).with_relations(relations)
        })
    })
}

/// One to three articles with distinct ids, as an export would hold them.
pub fn articles() -> impl Strategy<Value = Vec<Article>> {
    (1usize..4).prop_flat_map(|n| (0..n).map(|i| article(format!("a{}", i + 1))).collect::<Vec<_>>())
}

pub const EXPORTED_AT: &str = "2026-11-21T10:00:00.000Z";
