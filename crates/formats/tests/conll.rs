//! CoNLL IOB2 export: tokens, tags, sentence breaks, overlap policy, and properties of the file
//! for any text and spans.

use std::rc::Rc;

use newsmark_core::{Article, ArticleId, ArticleText, Label, LabelSet, Span, SpanId};
use newsmark_formats::{conll, OutputFile};
use proptest::prelude::*;

fn span(id: &str, label: Label, pieces: &[(usize, usize)]) -> Span {
    let start = pieces.iter().map(|p| p.0).min().unwrap_or(0);
    let end = pieces.iter().map(|p| p.1).max().unwrap_or(0);
    Span { fragments: (pieces.len() > 1).then(|| Rc::from(pieces.to_vec())), ..Span::manual(SpanId::new(id), label, start, end) }
}

fn article(title: &str, text: &str, spans: Vec<Span>) -> Article {
    Article::with_spans(ArticleId::new(title), title.into(), Rc::new(ArticleText::new(text)), spans)
}

fn write(articles: &[Article], labels: &LabelSet) -> Vec<OutputFile> {
    let refs: Vec<&Article> = articles.iter().collect();
    conll::write(&refs, labels)
}

/// The CoNLL file's lines, without the fixed middle columns: "token TAG", "" and the DOCSTART line.
fn lines(out: &[OutputFile]) -> Vec<String> {
    assert_eq!(out[0].name, "conll/newsmark.conll");
    out[0]
        .text
        .lines()
        .map(|l| match l.strip_suffix(" O").and_then(|t| t.strip_suffix(" -X- -X-")) {
            Some("-DOCSTART-") => "DOCSTART".to_string(),
            _ => l.replacen(" -X- _ ", " ", 1),
        })
        .collect()
}

/// Code points of the first occurrence of `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

#[test]
fn tokens_tags_and_sentences() {
    let text = "Ms Lee said: “We’ll win.”\r\nCritics 😀 disagreed.";
    let lee = at(text, "Ms Lee");
    let quote = at(text, "“We’ll win.”");
    let a = article("a", text, vec![span("s1", Label::Claim, &[lee]), span("s2", Label::Quote, &[quote])]);
    let out = write(&[a], &LabelSet::builtin());
    assert_eq!(
        lines(&out),
        vec![
            "DOCSTART",
            "",
            "Ms B-claim",
            "Lee I-claim",
            "said O",
            ": O",
            "“ B-quote",
            "We’ll I-quote",
            "win I-quote",
            ". I-quote",
            "” I-quote",
            "",
            "Critics O",
            "😀 O",
            "disagreed O",
            ". O",
            ""
        ]
    );
    assert!(out[0].text.contains("\nMs -X- _ B-claim\n"), "four columns: {}", out[0].text);
    assert_eq!(out[1].name, "conll/README.txt");
    assert!(out[1].text.contains("No span was left out."));
    assert!(out[1].text.contains("1 document, 13 tokens"), "{}", out[1].text);
}

#[test]
fn span_edges_split_tokens_and_label_spaces_become_underscores() {
    let mut labels = LabelSet::builtin();
    let person = labels.intern("news person").expect("label");
    let text = "Obama's plan";
    let a = article("a", text, vec![span("s1", person, &[(0, 5)])]);
    assert_eq!(lines(&write(&[a], &labels)), vec!["DOCSTART", "", "Obama B-news_person", "' O", "s O", "plan O", ""]);
}

#[test]
fn overlapping_spans_keep_the_outermost_and_list_the_rest() {
    let text = "Lee said we will win the vote today.";
    let outer = span("s1", Label::Quote, &[at(text, "we will win the vote")]);
    let inner = span("s2", Label::Claim, &[at(text, "win the vote")]);
    let crossing = span("s3", Label::Opinion, &[at(text, "vote today")]);
    let after = span("s4", Label::Demand, &[at(text, "today")]);
    let a = article("Story", text, vec![inner, after, outer, crossing]);
    let out = write(&[a], &LabelSet::builtin());
    assert_eq!(
        lines(&out),
        vec![
            "DOCSTART",
            "",
            "Lee O",
            "said O",
            "we B-quote",
            "will I-quote",
            "win I-quote",
            "the I-quote",
            "vote I-quote",
            "today B-demand",
            ". O",
            ""
        ]
    );
    let readme = &out[1].text;
    assert!(readme.contains("Left out (2):"), "{readme}");
    assert!(readme.contains("Story: span s2 (claim) “win the vote” at 17–29: overlaps s1 (quote)"), "{readme}");
    assert!(readme.contains("Story: span s3 (opinion) “vote today” at 25–35: overlaps s1 (quote)"), "{readme}");
}

#[test]
fn discontinuous_spans_restart_after_a_gap_and_continue_when_touching() {
    let text = "“We will,” she said, “win.”";
    let first = at(text, "“We will,”");
    let second = at(text, "“win.”");
    let said = at(text, "said");
    let quote = span("s1", Label::Quote, &[first, second]);
    let touching = span("s2", Label::Claim, &[(said.0, said.0 + 2), (said.0 + 2, said.1)]);
    let a = article("a", text, vec![quote, touching]);
    assert_eq!(
        lines(&write(&[a], &LabelSet::builtin())),
        vec![
            "DOCSTART",
            "",
            "“ B-quote",
            "We I-quote",
            "will I-quote",
            ", I-quote",
            "” I-quote",
            "she O",
            "sa B-claim",
            "id I-claim",
            ", O",
            "“ B-quote",
            "win I-quote",
            ". I-quote",
            "” I-quote",
            ""
        ]
    );
}

#[test]
fn a_span_across_a_line_break_begins_again_in_the_next_sentence() {
    let text = "He said:\n\n“Yes\nindeed.”";
    let a = article("a", text, vec![span("s1", Label::Quote, &[at(text, "“Yes\nindeed.”")])]);
    assert_eq!(
        lines(&write(&[a], &LabelSet::builtin())),
        vec!["DOCSTART", "", "He O", "said O", ": O", "", "“ B-quote", "Yes I-quote", "", "indeed B-quote", ". I-quote", "” I-quote", ""]
    );
}

#[test]
fn each_document_starts_with_docstart() {
    let a = article("a", "One.", vec![]);
    let b = article("b", "", vec![]);
    let c = article("c", "Two", vec![]);
    assert_eq!(
        lines(&write(&[a, b, c], &LabelSet::builtin())),
        vec!["DOCSTART", "", "One O", ". O", "", "DOCSTART", "", "DOCSTART", "", "Two O", ""]
    );
    assert!(conll::write(&[], &LabelSet::builtin()).is_empty());
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("word"),
            Just("U.S."),
            Just(" "),
            Just("\n"),
            Just("\r\n"),
            Just("\t"),
            Just("😀"),
            Just("👍🏽"),
            Just("🇫🇷"),
            Just("e\u{301}"),
            Just("“"),
            Just(","),
            Just("-"),
            Just("\u{a0}"),
            Just("\u{1c}"),
            Just("\u{200b}"),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the text and spans: every line is a token with four columns or a blank or
    /// DOCSTART line; tokens hold no separator and, joined, are the text without separators;
    /// every I- tag continues a run of the same label; every span kept starts with one B-.
    #[test]
    fn the_file_is_well_formed(text in text_strategy(), raw in proptest::collection::vec((0usize..80, 1usize..12, 0usize..4, 0usize..3), 0..8)) {
        let len = text.chars().count();
        let labels = LabelSet::builtin();
        let spans: Vec<Span> = raw
            .iter()
            .enumerate()
            .filter_map(|(i, &(s, n, l, frags))| {
                if len == 0 { return None; }
                let s = s % len;
                let e = (s + n).min(len);
                let pieces: Vec<(usize, usize)> = if frags == 2 && e - s >= 3 { vec![(s, s + 1), (e - 1, e)] } else { vec![(s, e)] };
                Some(span(&format!("s{i}"), Label::BUILTIN[l], &pieces))
            })
            .collect();
        let a = article("a", &text, spans);
        let out = write(&[a], &labels);
        let file = &out[0].text;
        let mut tokens = String::new();
        let mut prev: Option<String> = None;
        for line in file.lines() {
            if line.is_empty() || line == conll::DOCSTART {
                prev = None;
                continue;
            }
            let cols: Vec<&str> = line.split(' ').collect();
            prop_assert_eq!(cols.len(), 4, "line {:?}", line);
            prop_assert!(!cols[0].is_empty() && !cols[0].chars().any(|c| c.is_whitespace() || c.is_control()));
            prop_assert_eq!((cols[1], cols[2]), ("-X-", "_"));
            let tag = cols[3];
            if let Some(label) = tag.strip_prefix("I-") {
                prop_assert_eq!(prev.as_deref(), Some(label), "I- continues its label: {}", file);
            }
            prev = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")).map(str::to_string);
            tokens.push_str(cols[0]);
        }
        let expected: String = text.chars().filter(|c| !(c.is_whitespace() || c.is_control())).collect();
        prop_assert_eq!(tokens, expected);
    }
}
