//! Opinion cues of the writer's own voice added for issue 17's second round, each with the near
//! misses that must stay plain: evaluative predicates ("the explanation is simple"), the
//! writer's "should", loaded nouns, scare quotes and "so-called", and passive naming whose
//! agent holds the judgement ("was called a disaster by critics").

mod common;

use common::{assert_all_in_bounds, document, find_with_rough_quotes};
use newsmark_analysis::doc::Doc;
use newsmark_analysis::{opinions, suggest};
use newsmark_core::{Label, Suggestion};
use proptest::prelude::*;

/// (span text, holder, reason, holder_kind) of each opinion `opinions::find` gives.
fn found(text: &str) -> Vec<(String, Option<String>, String, Option<String>)> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    opinions::find(&doc, &[])
        .into_iter()
        .map(|s| {
            let kind = s.attributes.other.iter().find(|(k, _)| k == "holder_kind").map(|(_, v)| v.clone());
            (chars[s.start..s.end].iter().collect(), s.attributes.holder, s.provenance.reason.to_string(), kind)
        })
        .collect()
}

fn reasons(text: &str) -> Vec<String> {
    found(text).into_iter().map(|o| o.2).collect()
}

#[test]
fn evaluative_predicates_of_the_writer() {
    for (text, cue) in [
        ("The explanation for the delay is simple.", "evaluative predicate 'is simple'"),
        ("This way of funding the harbour is not good for Port Ellison.", "evaluative predicate 'is not good'"),
        ("The new timetable is far less effective than the old one.", "evaluative predicate 'is far less effective'"),
        ("But the risk to the coastal villages is real.", "evaluative predicate 'is real'"),
    ] {
        let o = found(text);
        assert_eq!(o.len(), 1, "{text}: {o:?}");
        assert!(o[0].2.starts_with(cue), "{text}: {o:?}");
        assert_eq!(o[0].3.as_deref(), Some("author"), "{text}");
    }
}

#[test]
fn predicate_adjectives_before_a_noun_or_in_a_report_are_not_the_writers() {
    for text in [
        "The valve is a simple device.",
        "The ferry timetable is good news for commuters.",
        "Real estate in Corvale is the main business.",
        "The harbour master said the risk was real.",
        "The bridge is right-angled at both ends.",
    ] {
        assert_eq!(reasons(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_writers_should_prescribes() {
    let r = reasons("A harbour master should at the very least know the tides.");
    assert!(r.first().is_some_and(|r| r.starts_with("prescriptive modal 'should'")), "{r:?}");
    assert!(reasons("No council in the valley should want the depot closed.")[0].starts_with("prescriptive modal"));
}

#[test]
fn should_in_a_condition_content_clause_or_report_is_not_the_writers() {
    for text in [
        "If the river should rise again, the ferry will stop.",
        "The plan rests on the idea that towns should share the cost.",
        "The mayor said the council should pay for the repairs.",
        "Nobody knows what should happen to the depot.",
    ] {
        assert!(!reasons(text).iter().any(|r| r.starts_with("prescriptive modal")), "{text}: {:?}", reasons(text));
    }
}

#[test]
fn loaded_nouns_are_evaluative() {
    assert!(reasons("The leaflets were propaganda from start to finish.")[0].starts_with("evaluative word 'propaganda'"));
    assert!(reasons("The subsidy is pure pandering to the ferry lobby.")[0].starts_with("evaluative word 'pandering'"));
    // Near miss: a plain word beside them.
    assert_eq!(reasons("The leaflets were printed in Corvale."), Vec::<String>::new());
}

#[test]
fn scare_quotes_and_so_called_mark_the_writers_distance() {
    // Scare quotes are a weak cue: with another weak cue (here the writer's question) they
    // make an opinion.
    let r = reasons("Is the harbour levy really the “solution” the council promised?");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("scare quotes"), "{r:?}");
    assert!(reasons("The so-called reform of the ferry fares began in May.")[0].starts_with("evaluative word 'so-called'"));
}

#[test]
fn quotation_marks_that_are_not_scare_quotes_leave_the_sentence_plain() {
    for text in [
        // A single quoted word alone is not enough.
        "The council called the levy a “solution” in its report.",
        // A term with a hyphen, a name and a longer quotation are someone's words.
        "Is the “zero-waste” rule in force?",
        "Is the “Solution” still moored at the quay?",
        "Is the “harbour solution” in force?",
    ] {
        assert_eq!(reasons(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn passive_naming_is_held_by_its_agent() {
    let o = found("The bypass was called a disaster by critics.");
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(o[0].0, "The bypass was called a disaster by critics");
    assert_eq!(o[0].1.as_deref(), Some("critics"));
    assert!(o[0].2.starts_with("passive naming 'was called'"), "{o:?}");
    assert_eq!(o[0].3, None, "not the writer's");
    let o = found("The ferry contract was widely described as a fiasco by the traders' guild in Corvale.");
    assert_eq!(o[0].1.as_deref(), Some("the traders' guild"), "{o:?}");
    let o = found("The levy was branded a disgrace by residents.");
    assert_eq!(o[0].1.as_deref(), Some("residents"), "{o:?}");
}

#[test]
fn passive_naming_without_an_agent_stays_the_writers_and_times_are_not_agents() {
    for text in
        ["The bypass was called a disaster by noon.", "The bypass was called a disaster by Monday.", "The bypass was called a disaster."]
    {
        let o = found(text);
        assert_eq!(o.len(), 1, "{text}: {o:?}");
        assert_eq!(o[0].1, None, "{text}");
        assert!(o[0].2.starts_with("evaluative word 'disaster'"), "{text}: {o:?}");
    }
    // A passive judgement with no evaluative word names no holder.
    assert_eq!(reasons("The mayor was criticised by residents."), Vec::<String>::new());
}

#[test]
fn passive_naming_wins_over_a_claim_through_suggest() {
    let opinions: Vec<Suggestion> =
        suggest("The bypass was called a disaster by critics.").into_iter().filter(|s| s.label == Label::Opinion).collect();
    assert_eq!(opinions.len(), 1, "{opinions:?}");
    assert_eq!(opinions[0].attributes.holder.as_deref(), Some("critics"));
}

const PIECES: &[&str] = &[
    "is",
    "not",
    "far",
    "simple",
    "good",
    "the",
    "a",
    "“",
    "”",
    "\"",
    "solution",
    "zero-waste",
    "?",
    ".",
    ",",
    "should",
    "if",
    "was",
    "called",
    "described",
    "as",
    "disaster",
    "by",
    "critics",
    "noon",
    "widely",
    "propaganda",
    "so-called",
    "Jane",
    "東京",
    "e\u{301}",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn new_cues_never_panic_and_stay_in_bounds(text in document(PIECES)) {
        let found = find_with_rough_quotes(&text, opinions::find);
        assert_all_in_bounds(&text, Label::Opinion, &found);
        assert!(found.iter().all(|s| s.provenance.confidence.permille() <= 600));
    }
}
