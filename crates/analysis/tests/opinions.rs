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
fn span_is_the_statement_between_semicolons_and_contrastive_joins() {
    let span = |text: &str| opinions_with(text, &[]).into_iter().map(|o| o.0).collect::<Vec<_>>();
    assert_eq!(span("The fare rose in May; the service is dreadful."), vec!["the service is dreadful."]);
    assert_eq!(span("The fare is cheap, but the service is dreadful."), vec!["the service is dreadful."]);
    assert_eq!(span("The service is dreadful, but the fare is cheap."), vec!["The service is dreadful"]);
    // A comma alone does not end the statement.
    assert_eq!(span("By May, the service was dreadful."), vec!["By May, the service was dreadful."]);
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
fn evaluative_adjectives_and_adverbs_with_their_factual_near_misses() {
    assert!(reasons("The handling of the flood warnings was reckless.")[0].starts_with("evaluative word 'reckless'"));
    assert!(reasons("Unfortunately, the council chose the cheapest contractor.")[0].starts_with("comment adverb 'Unfortunately'"));
    assert!(reasons("The stadium is clearly a waste of money.")[0].starts_with("comment adverb 'clearly'"));
    assert!(reasons("The rebate is a welcome relief for pensioners.")[0].starts_with("evaluative word 'welcome'"));
    for text in [
        "The runway markings were clearly visible from the tower.",
        "Officials spoke more clearly on Tuesday.",
        "Welcome to Port Ellison, the sign reads.",
        "The lake's water is clear and cold.",
    ] {
        assert_eq!(reasons(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn first_person_phrases_in_a_quote_belong_to_its_speaker() {
    for (text, cue) in [
        ("“I think the fare rise is a mistake,” said Lena Fischer.", "first-person view 'I think'"),
        ("“In my view, the ceasefire will not hold,” said Lena Fischer.", "view phrase 'In my view'"),
        ("“Frankly, the airport is too small,” said Lena Fischer.", "comment adverb 'Frankly'"),
    ] {
        let doc = Doc::new(text);
        let end = text.find(" said").unwrap();
        let found = opinions_with(text, &[quote(&doc, 0..end, Some("Lena Fischer"))]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1.as_deref(), Some("Lena Fischer"), "{text}");
        assert!(found[0].2.starts_with(cue), "{text}: {found:?}");
    }
    let text = "“We will meet again on Monday,” said Lena Fischer.";
    let doc = Doc::new(text);
    let end = text.find(" said").unwrap();
    assert!(opinions_with(text, &[quote(&doc, 0..end, Some("Lena Fischer"))]).is_empty());
}

/// The writer's own opinions carry `holder_kind = author`; a quotation's do not.
#[test]
fn the_writers_opinions_are_marked_as_the_authors() {
    let author = |text: &str, quotes: &[Quote]| -> Vec<bool> {
        let doc = Doc::new(text);
        opinions::find(&doc, quotes).iter().map(|s| s.attributes.other.contains(&("holder_kind".into(), "author".into()))).collect()
    };
    assert_eq!(author("The launch was a disaster.", &[]), vec![true]);
    let text = "“The launch was a disaster,” said Lena Fischer.";
    let doc = Doc::new(text);
    let end = text.find(" said").unwrap();
    assert_eq!(author(text, &[quote(&doc, 0..end, Some("Lena Fischer"))]), vec![false]);
    assert_eq!(author("Residents fear that the bridge will close.", &[]), vec![false]);
}

#[test]
fn two_weak_cues_make_an_opinion_one_does_not() {
    assert!(reasons("We owe our readers an apology.")[0].starts_with("two weaker cues: writer's 'we' 'We' and writer's 'we' 'our'"));
    assert!(reasons("We have never seen a worse plan.")[0].starts_with("two weaker cues"));
    assert!(reasons("Why should taxpayers pay for a second bridge?")[0].starts_with("two weaker cues"));
    assert!(reasons("The road is simply too dangerous to ignore.")[0].starts_with("two weaker cues"));
    for text in [
        "The best seats sold out on Monday.",
        "When will the bridge reopen?",
        "We met the delegation in Corvale.",
        "Officials said we should never have built it.",
        "“We should never have built it,” she said.",
    ] {
        assert_eq!(reasons(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn openings_that_insist_or_address_the_reader() {
    assert!(reasons("Of course, the council knew about the cracks.")[0].starts_with("comment adverb 'Of course'"));
    assert!(reasons("Consider the cost of a second bridge.")[0].starts_with("words to the reader 'Consider'"));
    assert!(reasons("Make no mistake, the levy will hurt.")[0].starts_with("words to the reader 'Make no mistake'"));
    assert_eq!(reasons("The council will consider the plan."), Vec::<String>::new());
    assert_eq!(reasons("In fact sheets, the ministry lists the fees."), Vec::<String>::new());
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
