//! Claim suggestions, one invented wire-style case per form of issue 17, each with its span, its
//! source and its `source_kind`, and beside it a near miss that must not be claimed with a
//! source: "said" not reporting, "according to plan", a stance verb, a passive event.

use newsmark_analysis::claims;
use newsmark_analysis::doc::Doc;

/// (claim text, source, source_kind) of every claim in `text` (no quotations).
fn claims_in(text: &str) -> Vec<(String, Option<String>, String)> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    claims::find(&doc, &[])
        .into_iter()
        .map(|s| {
            let kind = s.attributes.other.iter().find(|(k, _)| k == "source_kind").map(|(_, v)| v.clone()).unwrap_or_default();
            (chars[s.start..s.end].iter().collect(), s.attributes.source.clone(), kind)
        })
        .collect()
}

/// The one claim of `text`, as (span, source, source_kind).
fn one(text: &str) -> (String, Option<String>, String) {
    let found = claims_in(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

fn is(text: &str, span: &str, source: Option<&str>, kind: &str) {
    let (s, src, k) = one(text);
    assert_eq!((s.as_str(), src.as_deref(), k.as_str()), (span, source, kind), "{text}");
}

/// No claim of `text` carries a source.
fn no_sourced_claim(text: &str) {
    let found = claims_in(text);
    assert!(found.iter().all(|f| f.1.is_none()), "{text}: {found:?}");
}

#[test]
fn reporting_verb_with_that() {
    is(
        "The harbour authority announced on Tuesday that ferry fares would rise by 8 percent.",
        "ferry fares would rise by 8 percent",
        Some("The harbour authority"),
        "named-organisation",
    );
    // Near miss: "found" with an object, not a clause.
    no_sourced_claim("The inspectors found the missing ledgers in a basement.");
}

#[test]
fn reporting_verb_with_a_bare_clause_in_any_tense() {
    is(
        "Mayor Ines Carvalho says the tunnel will open in 2027.",
        "the tunnel will open in 2027",
        Some("Mayor Ines Carvalho"),
        "named-person",
    );
    is("Ines Carvalho has repeatedly insisted the tunnel is safe.", "the tunnel is safe", Some("Ines Carvalho"), "named-person");
    is(
        "The ministry is warning the reservoir could run dry by August.",
        "the reservoir could run dry by August",
        Some("The ministry"),
        "named-organisation",
    );
    // Near misses: "said" and "says" in a sense that reports nothing.
    assert!(claims_in("Carvalho says little about the tunnel.").is_empty());
    assert!(claims_in("The captain said goodbye to the crew.").is_empty());
}

#[test]
fn parenthetical_source_inside_or_after_the_statement() {
    is(
        "The strike will end on Friday, said Tomas Brandt, a union steward.",
        "The strike will end on Friday",
        Some("Tomas Brandt"),
        "named-person",
    );
    is(
        "The tunnel will cost twice the first estimate, the auditors said.",
        "The tunnel will cost twice the first estimate",
        Some("the auditors"),
        "anonymous",
    );
    let (span, source, _) = one("The second tunnel, the mayor said, will cost twice the first estimate.");
    assert_eq!((span.as_str(), source.as_deref()), ("will cost twice the first estimate", Some("the mayor")));
    // Near miss: the verb ends the sentence with no comma before its subject.
    no_sourced_claim("Prices rose sharply and the council said nothing.");
}

#[test]
fn according_to_a_source() {
    is(
        "Exports fell by a third last year, according to the customs agency.",
        "Exports fell by a third last year",
        Some("the customs agency"),
        "named-organisation",
    );
    is(
        "According to the audit, the agency overpaid its contractors.",
        "the agency overpaid its contractors",
        Some("the audit"),
        "document",
    );
    // Near miss: "according to plan" is a manner.
    no_sourced_claim("The repairs went according to plan, and the bridge reopened on Monday.");
}

#[test]
fn told_someone_that() {
    is(
        "Ines Carvalho told the regional council that the budget had a hole of 40 million euros.",
        "the budget had a hole of 40 million euros",
        Some("Ines Carvalho"),
        "named-person",
    );
    is("Carvalho told reporters the tunnel would open in May.", "the tunnel would open in May", Some("Carvalho"), "named-person");
    // Near miss: "told … to" is an instruction.
    assert!(claims_in("Carvalho told the council to cut spending.").is_empty());
}

#[test]
fn as_someone_put_it() {
    is("As one commuter put it, the new timetable is a lottery.", "the new timetable is a lottery", Some("one commuter"), "anonymous");
    is("The timetable is a lottery, as the rail union noted.", "The timetable is a lottery", Some("the rail union"), "named-organisation");
    // Near miss: "put it" in another sense.
    no_sourced_claim("As the storm put it out of service, the ferry stayed in port.");
}

#[test]
fn hedged_reports_have_an_unnamed_source() {
    is("The minister reportedly offered to resign on Sunday.", "The minister reportedly offered to resign on Sunday", None, "unnamed");
    is("The ferry is said to be the oldest in service.", "The ferry is said to be the oldest in service", None, "unnamed");
    is("It is understood that the talks will resume in March.", "It is understood that the talks will resume in March", None, "unnamed");
    is("The trawler is believed to have sunk near the cape.", "The trawler is believed to have sunk near the cape", None, "unnamed");
    is("It is alleged that the firm hid its losses.", "It is alleged that the firm hid its losses", None, "unnamed");
    // Near miss: "was reported to police" is an event, not a hedge.
    assert!(claims_in("The theft was reported to police on Monday.").iter().all(|f| f.2 != "unnamed"));
}

#[test]
fn source_kinds() {
    let kind = |text: &str| one(text).2;
    assert_eq!(kind("A person briefed on the plan said the merger would be announced on Friday."), "anonymous");
    assert_eq!(kind("Analysts said the currency would weaken further."), "anonymous");
    assert_eq!(kind("Officials said the currency would weaken further."), "anonymous");
    assert_eq!(kind("Sources said the currency would weaken further."), "anonymous");
    assert_eq!(kind("The audit found that the agency overpaid its contractors."), "document");
    assert_eq!(kind("The central bank said the currency would weaken further."), "named-organisation");
    assert_eq!(kind("Lena Fischer said the currency would weaken further."), "named-person");
}

#[test]
fn speech_acts_report_their_object() {
    is("Senator Ada Moore criticised the new fare rules.", "the new fare rules", Some("Senator Ada Moore"), "named-person");
    is("The union vowed to appeal the ruling.", "to appeal the ruling", Some("The union"), "named-organisation");
    // Speech verbs that also take a noun phrase, and still credit content before them.
    is("The ministry acknowledged the risk of flooding.", "the risk of flooding", Some("The ministry"), "named-organisation");
    is("The dam is safe for now, the ministry acknowledged.", "The dam is safe for now", Some("the ministry"), "named-organisation");
    // A passive with an agent: the subject is what the agent spoke of.
    is("The new fare rules were sharply criticised by the rail union.", "The new fare rules", Some("the rail union"), "named-organisation");
    // Near misses: a passive with no agent, and "by" giving a time.
    no_sourced_claim("The rules were criticised heavily.");
    no_sourced_claim("The new fare rules were announced by noon on Friday.");
}

#[test]
fn stance_verbs_are_left_to_the_opinion_finder() {
    // "decide by the verb": believe, think, fear, hope, worry, doubt with a holder are opinions.
    for text in [
        "Officials believe the bridge is unsafe.",
        "He believes that the vote was rigged.",
        "Residents fear the plant will close.",
        "The mayor hopes the tunnel will open in May.",
        "Economists doubt the plan will work.",
        "Ines Carvalho thinks the fares are too high.",
    ] {
        assert!(claims_in(text).is_empty(), "{text}: {:?}", claims_in(text));
    }
}

#[test]
fn nouns_that_look_like_reporting_verbs_are_not_cues() {
    // "states", "remarks" and "rules" as nouns.
    no_sourced_claim("The states signed the compact in 2019.");
    no_sourced_claim("His remarks drew a rebuke from the council.");
    no_sourced_claim("The United States said nothing and the talks ended.");
    no_sourced_claim("The new rules that could close the plants take effect in May.");
}

#[test]
fn adverbials_and_fragments_are_not_sources() {
    // The reader must not stop at an adverbial or a negation and take it for the source.
    for text in [
        "In August said the ferry would be sold.",
        "The council cannot confirm the ferry would be sold.",
        "Members sometimes dismiss the ferry plans as too costly.",
    ] {
        let found = claims_in(text);
        assert!(
            found.iter().all(|f| !matches!(f.1.as_deref(), Some("In August" | "cannot" | "sometimes" | "The council cannot"))),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn participles_and_second_verbs_keep_the_source() {
    let found = claims_in("The Harbour Workers Union ended the strike on Monday, saying the new contract met its terms.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("the new contract met its terms", Some("The Harbour Workers Union")));
    let found = claims_in("Ines Carvalho answered the critics by saying the tunnel would pay for itself.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("the tunnel would pay for itself", Some("Ines Carvalho")));
    let found = claims_in("The mayor has backed the plan but has said the fares will not rise.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("the fares will not rise", Some("The mayor")));
    is("Ines Carvalho appeared to suggest that the fares would rise.", "the fares would rise", Some("Ines Carvalho"), "named-person");
    // Near miss: "saying" as a noun after a determiner is not a participle of a report.
    no_sourced_claim("The old saying that crime does not pay was painted on the wall.");
}

#[test]
fn a_transcript_turn_runs_to_the_end_of_its_paragraph() {
    let text = "CARVALHO: The fares will not rise this year. The council has heard the commuters.\n\nQ: What about next year?";
    let found = claims_in(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "The fares will not rise this year. The council has heard the commuters.");
    assert_eq!((found[0].1.as_deref(), found[0].2.as_str()), (Some("CARVALHO"), "named-person"));
}
