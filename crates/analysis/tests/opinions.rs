//! Opinion suggestions: each kind of cue, the holder (a quotation's speaker or the person of
//! "in her view"), low confidence, and property tests.

mod common;

use common::{assert_all_in_bounds, document, find_with_rough_quotes, quote};
use newsmark_analysis::doc::Doc;
use newsmark_analysis::opinions;
use newsmark_analysis::quotes::Quote;
use newsmark_core::{Label, Suggestion};
use proptest::prelude::*;

/// (span text, holder, reason) of each opinion.
fn opinions_with(text: &str, quotes: &[Quote]) -> Vec<(String, Option<String>, String)> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    opinions::find(&doc, quotes)
        .into_iter()
        .map(|s| {
            assert_eq!(s.label, Label::Opinion);
            assert!(s.provenance.confidence.permille() <= 600, "{s:?}");
            (chars[s.start..s.end].iter().collect(), s.attributes.holder, s.provenance.reason.to_string())
        })
        .collect()
}

/// Opinions are suggested with a confidence of at most 0.6.
fn assert_low_confidence<'a>(found: impl IntoIterator<Item = &'a Suggestion>) {
    for s in found {
        assert!(s.provenance.confidence.permille() <= 600, "{s:?}");
    }
}

fn reasons(text: &str) -> Vec<String> {
    opinions_with(text, &[]).into_iter().map(|o| o.2).collect()
}

#[test]
fn first_person_epistemic_phrases() {
    for text in [
        "I don't think the plan will work.",
        "I believe the plan will work.",
        "In my view, the plan will work.",
        "We feel strongly that the plan will work.",
        "I’m convinced the plan will work.",
    ] {
        let r = reasons(text);
        assert_eq!(r.len(), 1, "{text}");
        assert!(r[0].starts_with("first-person view") || r[0].starts_with("view phrase"), "{text}: {r:?}");
    }
}

#[test]
fn hedges_and_evaluative_words() {
    assert!(reasons("The plan will probably fail.")[0].starts_with("hedge 'probably'"));
    assert!(reasons("It is arguably the best plan.")[0].starts_with("hedge 'arguably'"));
    assert!(reasons("The plan seems doomed.")[0].starts_with("hedge 'seems'"));
    assert!(reasons("The launch was a disaster.")[0].starts_with("evaluative word 'disaster'"));
    assert!(reasons("Their conduct was disgraceful and outrageous.")[0].starts_with("evaluative word"));
    assert!(reasons("A brilliant piece of work.")[0].starts_with("evaluative word 'brilliant'"));
}

#[test]
fn span_is_the_sentence() {
    let found = opinions_with("The bridge opened in May. The launch was a disaster. Traffic resumed.", &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "The launch was a disaster.");
    assert_eq!(found[0].1, None);
}

#[test]
fn holder_is_the_speaker_of_the_quote_holding_the_cue() {
    let text = "“I don’t think the plan will work,” said Jane Smith. The council disagreed.";
    let doc = Doc::new(text);
    let end = text.find("” said").unwrap() + "”".len();
    let found = opinions_with(text, &[quote(&doc, 0..end, Some("Jane Smith"))]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "“I don’t think the plan will work,”");
    assert_eq!(found[0].1.as_deref(), Some("Jane Smith"));
    assert!(found[0].2.ends_with("in a quotation"), "{}", found[0].2);
}

#[test]
fn holder_of_in_her_view_is_the_person_named_before() {
    let found = opinions_with("Maria Gonzalez chairs the board. In her view, the merger is a mistake.", &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Maria Gonzalez"));
    let found = opinions_with("In Warren's view, the merger is a mistake.", &[]);
    assert_eq!(found[0].1.as_deref(), Some("Warren"));
    let found = opinions_with("In the view of the court, the law is void.", &[]);
    assert_eq!(found[0].1.as_deref(), Some("the court"));
}

#[test]
fn a_place_after_a_preposition_is_not_the_holder() {
    let found = opinions_with(
        "Lena Fischer, a transport economist, said fares in Port Ellison had not risen for a decade. In her view, the council is postponing the inevitable.",
        &[],
    );
    assert!(found.iter().any(|(_, holder, _)| holder.as_deref() == Some("Lena Fischer")), "{found:?}");
}

#[test]
fn descriptive_uses_are_not_opinions() {
    for text in [
        "The region was declared a natural disaster area.",
        "Disaster relief arrived on Monday.",
        "She bought Brilliant Earth rings.",
        "I feel sick.",
        "I'm afraid of dogs.",
        "The council met on Monday.",
        "Officials said the state must act.",
        "",
    ] {
        assert_eq!(reasons(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn prescriptive_modals_count_only_in_the_writers_voice() {
    assert!(reasons("The state must act now.")[0].starts_with("prescriptive modal"));
    let text = "“The state must act now,” she said.";
    let doc = Doc::new(text);
    let end = text.find(',').unwrap() + 1 + "”".len();
    assert!(opinions_with(text, &[quote(&doc, 0..end, Some("Jane Smith"))]).is_empty());
}

#[test]
fn confidence_stays_low() {
    let doc = Doc::new("I think this disgraceful, outrageous plan is probably, frankly, a disaster!");
    assert_low_confidence(&opinions::find(&doc, &[]));
}

// ---- Property tests -------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "I",
    "we",
    "don't",
    "think",
    "believe",
    "feel",
    "that",
    "in",
    "my",
    "her",
    "view",
    "probably",
    "seems",
    "disaster",
    "natural",
    "outrageous",
    "must",
    "ought",
    "to",
    "!",
    ".",
    "?",
    ",",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "\n",
    "\r\n",
    "Smith",
    "Jane",
    "Ελλάδα",
    "東京",
    "كارثة",
    "e\u{301}",
    "🇫🇷",
    "👍🏽",
    "\u{200d}",
    "\t",
    "  ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn opinions_never_panic_and_stay_in_bounds(text in document(PIECES)) {
        let found = find_with_rough_quotes(&text, opinions::find);
        assert_all_in_bounds(&text, Label::Opinion, &found);
        assert_low_confidence(&found);
    }

    #[test]
    fn opinions_on_any_unicode(text in "\\PC{0,300}") {
        let found = opinions::find(&Doc::new(&text), &[]);
        assert_all_in_bounds(&text, Label::Opinion, &found);
        assert_low_confidence(&found);
    }
}

/// A large input that a quadratic step could not finish (speed itself is measured by the
/// benchmarks, not here).
#[test]
fn huge_paragraphs_end_quickly() {
    let unit = "I think “we feel it is probably a disaster, in her view ";
    let text = unit.repeat(200_000 / unit.len());
    let found = find_with_rough_quotes(&text, opinions::find);
    assert_all_in_bounds(&text, Label::Opinion, found.iter().take(200));
    assert_low_confidence(found.iter().take(200));
}
