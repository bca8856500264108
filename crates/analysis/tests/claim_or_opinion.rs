//! The rule for a statement that is both a reported claim and an opinion: the verb decides
//! (reporting verbs make claims, stance verbs opinions). Tested on the rule itself and through
//! `suggest`.

use newsmark_analysis::doc::Doc;
use newsmark_analysis::opinions::claim_or_opinion::settle;
use newsmark_analysis::opinions::Opinion;
use newsmark_analysis::suggest;
use newsmark_core::{Attributes, Label, Suggestion};

const TEXT: &str =
    "Critics argued the plan was reckless, and residents fear the bridge will close. She said members were worried about the fees.";

fn span(label: Label, part: &str, source: Option<&str>) -> Suggestion {
    let doc = Doc::new(TEXT);
    let start = TEXT.find(part).unwrap();
    let attributes = Attributes { source: source.map(str::to_string), ..Attributes::default() };
    doc.suggestion(label, start..start + part.len(), attributes, 0.5, "test")
}

/// An opinion over `part`; a stance opinion has its cue at the first `cue` in the text.
fn opinion(part: &str, cue: Option<&str>) -> Opinion {
    let cue = cue.map(|c| {
        let at = TEXT.find(c).unwrap();
        at..at + c.len()
    });
    Opinion { suggestion: span(Label::Opinion, part, None), stance: cue.is_some(), cue }
}

#[test]
fn a_stance_verb_makes_the_statement_an_opinion() {
    let claims = vec![span(Label::Claim, "the bridge will close", Some("residents"))];
    let (claims, opinions) = settle(claims, vec![opinion("the bridge will close", Some("fear"))]);
    assert!(claims.is_empty());
    assert_eq!(opinions.len(), 1);
}

/// "She said members were worried …": the stance is inside what "said" reports, so the
/// reporting verb introduces the statement.
#[test]
fn a_stance_inside_a_sourced_claim_is_reported() {
    let statement = "members were worried about the fees";
    let claims = vec![span(Label::Claim, statement, Some("She"))];
    let (claims, opinions) = settle(claims.clone(), vec![opinion(statement, Some("were worried"))]);
    assert_eq!((claims.len(), opinions.len()), (1, 0));
    // The same stance against an unsourced claim: no reporting verb, the stance decides.
    let unsourced = vec![span(Label::Claim, statement, None)];
    let (claims, opinions) = settle(unsourced, vec![opinion(statement, Some("were worried"))]);
    assert_eq!((claims.len(), opinions.len()), (0, 1));
}

#[test]
fn a_reporting_verb_makes_the_statement_a_claim() {
    let claims = vec![span(Label::Claim, "the plan was reckless", Some("Critics"))];
    let (claims, opinions) = settle(claims, vec![opinion("Critics argued the plan was reckless", None)]);
    assert_eq!(claims.len(), 1);
    assert!(opinions.is_empty());
}

#[test]
fn with_no_verb_to_decide_both_stay() {
    let claims = vec![span(Label::Claim, "the plan was reckless", None)];
    let (claims, opinions) = settle(claims, vec![opinion("the plan was reckless", None)]);
    assert_eq!((claims.len(), opinions.len()), (1, 1));
}

#[test]
fn different_statements_both_stay() {
    // Overlapping, but by less than half of the longer: not the same statement.
    let claims = vec![span(Label::Claim, "the plan was reckless, and residents fear the bridge will close", Some("Critics"))];
    let (claims, opinions) =
        settle(claims, vec![opinion("the bridge will close", Some("fear")), opinion("residents fear the bridge", None)]);
    assert_eq!((claims.len(), opinions.len()), (1, 2));
}

fn labelled(text: &str, label: Label) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    suggest(text).into_iter().filter(|s| s.label == label).map(|s| chars[s.start..s.end].iter().collect()).collect()
}

#[test]
fn through_suggest_the_verb_decides() {
    // "said" reports: a claim, and the evaluative word does not make it an opinion too.
    let text = "Critics said the plan was reckless.";
    assert!(!labelled(text, Label::Claim).is_empty(), "{:?}", suggest(text));
    assert_eq!(labelled(text, Label::Opinion), Vec::<String>::new());
    // "fear" is a stance: an opinion, and no claim over the same statement.
    let text = "Residents fear that the bridge will close.";
    assert_eq!(labelled(text, Label::Opinion), vec!["the bridge will close"]);
    assert!(!labelled(text, Label::Claim).iter().any(|c| c.contains("bridge will close")));
}

/// The labels `suggest` gives `text`, with each span's text.
fn labels(text: &str) -> Vec<(Label, String)> {
    let chars: Vec<char> = text.chars().collect();
    suggest(text).into_iter().map(|s| (s.label, chars[s.start..s.end].iter().collect())).collect()
}

/// An evaluative word in the writer's own words around a report (here in its source) is not
/// reported: the claim and the writer's opinion both stay. Near miss: the same word inside
/// the reported content is the source's, and the claim wins.
#[test]
fn a_cue_outside_the_reported_content_keeps_the_writers_opinion() {
    let found = labels("The ministry's propaganda office announced that the harbour would reopen on Friday.");
    assert!(found.iter().any(|(l, _)| *l == Label::Claim), "{found:?}");
    assert!(found.iter().any(|(l, _)| *l == Label::Opinion), "{found:?}");
    let found = labels("The ministry announced that the harbour plan was a disaster.");
    assert!(found.iter().any(|(l, _)| *l == Label::Claim), "{found:?}");
    assert!(!found.iter().any(|(l, _)| *l == Label::Opinion), "{found:?}");
}
