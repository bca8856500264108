//! Claim forms beyond speech, each beside its near misses: attributions of intention, decision
//! and position ("X wants to …", "X decided that …", "X opposes the bill", the complement as
//! content), with the noun ("the plan", "their support"), the passive ("is expected to"), the
//! adjective ("the planned merger"), an intent inside another claim's content, and the stance
//! verbs (hope, fear) that stay the opinion finder's; the topic of speech ("complained about
//! …"); reported questions ("asked whether …"); title-case headlines; negated reports; a list as
//! an object; and the quiet sentences a closing credit ("…, X said.") takes in.

use newsmark_analysis::claims;
use newsmark_analysis::doc::Doc;

/// (claim text, source, reason) of every claim in `text` (no quotations).
fn claims_in(text: &str) -> Vec<(String, Option<String>, String)> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    claims::find(&doc, &[])
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.attributes.source.clone(), s.provenance.reason.to_string()))
        .collect()
}

fn is(text: &str, span: &str, source: &str, reason: &str) {
    let found = claims_in(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let (s, src, r) = &found[0];
    assert_eq!((s.as_str(), src.as_deref()), (span, Some(source)), "{text}");
    assert!(r.starts_with(reason), "{text}: {r}");
}

fn none(text: &str) {
    let found = claims_in(text);
    assert!(found.is_empty(), "{text}: {found:?}");
}

#[test]
fn intention_with_a_to_clause() {
    is("The ferry line aims to cut crossing times by a third.", "to cut crossing times by a third", "The ferry line", "intention 'aims'");
    is(
        "The port authority wants to double the number of night ferries by spring.",
        "to double the number of night ferries by spring",
        "The port authority",
        "intention 'wants' + to-clause",
    );
    is(
        "Councillor Amara Lindqvist plans to table the motion on Thursday.",
        "to table the motion on Thursday",
        "Councillor Amara Lindqvist",
        "intention 'plans'",
    );
    is("The union does not intend to return to talks.", "to return to talks", "The union", "intention 'intend'");
    // Near misses: the noun, and the plan of a possessive.
    none("The plans to double the number of night ferries were shelved.");
    none("Lindqvist's plans to table the motion drew applause.");
}

#[test]
fn decision_with_a_to_clause_or_a_that_clause() {
    is(
        "The regional court decided that the ballots must be recounted.",
        "the ballots must be recounted",
        "The regional court",
        "decision 'decided' + that-clause",
    );
    is(
        "The ferry operator refused to publish its safety audit.",
        "to publish its safety audit",
        "The ferry operator",
        "decision 'refused'",
    );
    is("A spokesman for the operator declined to comment.", "to comment", "A spokesman for the operator", "decision 'declined'");
    is("Both parties agreed to a ceasefire along the river.", "to a ceasefire along the river", "Both parties", "decision 'agreed'");
    // Near misses: "declined" as a fall in value, a passive.
    none("Ferry bookings declined sharply in March.");
    none("The new timetable was decided by a narrow vote.");
}

#[test]
fn position_with_an_object() {
    is(
        "Senator Tomas Brandt opposes the pipeline extension.",
        "the pipeline extension",
        "Senator Tomas Brandt",
        "position 'opposes' + object",
    );
    is("Most dock workers support the strike.", "the strike", "Most dock workers", "position 'support'");
    // Near misses: the noun after a possessive, a determiner or an adjective, and a position
    // verb before "that" (a relative pronoun, not a clause).
    none("Their support for the strike was never in doubt.");
    none("Republican support was more solid in the north.");
    none("The policies she supported that critics blamed for the floods were reversed.");
}

#[test]
fn passives_and_adjectives_are_not_intentions() {
    none("The minister is expected to resign on Friday.");
    none("The planned merger of the two ferry lines collapsed.");
    none("Such expected backers as the chamber of commerce stayed silent.");
}

#[test]
fn an_intent_inside_another_claim_is_part_of_its_content() {
    is(
        "The mayor said the council wants to sell the old depot.",
        "the council wants to sell the old depot",
        "The mayor",
        "indirect speech after 'said'",
    );
    is("The council opposes the depot sale, the mayor said.", "The council opposes the depot sale", "the mayor", "indirect speech before");
}

#[test]
fn stance_verbs_stay_with_the_opinion_finder() {
    none("The fishermen hope the quota will be raised.");
    none("Residents fear that the bridge will close.");
    none("The union believes the offer is too low.");
}

#[test]
fn the_topic_of_speech_after_about_or_against() {
    is("The ferry crews complained about the new rota.", "the new rota", "The ferry crews", "what 'complained about' reports");
    is(
        "Inspector Halvard Moe warned against cutting the coastguard budget.",
        "cutting the coastguard budget",
        "Inspector Halvard Moe",
        "what 'warned against'",
    );
    // Near misses: a credit after the content keeps its own reading, and "of" is not a topic.
    is("The rota is unfair, the crews complained about it on Monday.", "The rota is unfair", "the crews", "indirect speech before");
    none("The crews complained of little else.");
}

#[test]
fn a_noun_after_and_does_not_end_a_content() {
    // "and state law" is not a second report ("state" is a noun here).
    is(
        "The agency says the campaign violated federal and state law by using the images.",
        "the campaign violated federal and state law by using the images",
        "The agency",
        "indirect speech after 'says'",
    );
}

#[test]
fn an_object_that_is_a_list_runs_to_its_last_item() {
    is(
        "The minister wants to widen the harbour, dredge the channel and build a second quay.",
        "to widen the harbour, dredge the channel and build a second quay",
        "The minister",
        "intention 'wants'",
    );
    // Near miss: a comma with no "and" after it ends the object.
    is("The minister wants to widen the harbour, a plan costing millions.", "to widen the harbour", "The minister", "intention 'wants'");
}

#[test]
fn a_title_case_headline_reads_its_capitalised_verb() {
    let text = "Harbour Chief Says Ferry Fares Will Rise\n\nThe harbour board met on Monday.";
    let found = claims_in(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("Ferry Fares Will Rise", Some("Harbour Chief")));
    let found = claims_in("Dock Union Vows To Fight Closure\n\nThe union met on Monday.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("To Fight Closure", Some("Dock Union")));
    // Near misses: a headline whose capitalised word is a noun, and a capitalised verb inside an
    // ordinary sentence.
    none("Storm Warning for the Northern Coast\n\nThe wind rose on Monday.");
    none("The board met in the Hall Says Museum on Monday.");
}

#[test]
fn a_negated_report_keeps_its_subject() {
    is(
        "Councillor Lindqvist did not deny that the budget had been cut.",
        "the budget had been cut",
        "Councillor Lindqvist",
        "indirect speech after 'deny that'",
    );
    is("The ferry operator has never disputed the figures.", "the figures", "The ferry operator", "what 'disputed' reports");
    // Near miss: a modal makes a possibility, not a report.
    none("The ministry could threaten to close the port.");
}

#[test]
fn votes_and_offers() {
    is("Senator Tomas Brandt voted against the harbour levy.", "the harbour levy", "Senator Tomas Brandt", "decision 'voted' + object");
    is("The council voted to close the old depot.", "to close the old depot", "The council", "decision 'voted' + to-clause");
    is("The operator offered to refund every ticket.", "to refund every ticket", "The operator", "intention 'offered'");
    // Near misses: what a shop offers is no statement, nor is a vote's count.
    none("The kiosk offers hot drinks and newspapers.");
    none("The motion won 42 votes to 17.");
}

#[test]
fn speaking_about_a_topic() {
    is("Mayor Ines Carvalho spoke about the ferry closures.", "the ferry closures", "Mayor Ines Carvalho", "what 'spoke about' reports");
    is("The union has talked about a strike for weeks.", "a strike for weeks", "The union", "what 'talked about' reports");
    // Near misses: the noun "talks", and speaking to someone.
    none("The talks about the border stalled on Monday.");
    none("The mayor spoke to the ferry crews on Monday.");
}

#[test]
fn noun_forms_in_headlines_and_before_relative_that() {
    none("A Curious Plan To Fight The Floods\n\nThe river rose on Monday.");
    none("The savings plans that the harbour bank offers are cheap.");
    // The base form "vote for" is usually a hypothetical ("if you vote for …"); the past is a report.
    none("If you vote for the levy, nothing changes.");
}

#[test]
fn a_reported_question() {
    is(
        "The harbour pilots asked whether the new channel was deep enough.",
        "whether the new channel was deep enough",
        "The harbour pilots",
        "question 'asked' …",
    );
    is(
        "Councillor Lindqvist asked the minister why the ferry was late.",
        "why the ferry was late",
        "Councillor Lindqvist",
        "question 'asked the minister'",
    );
    // Near misses: a request (the demand finder's), a plea for help, and a question put to the source.
    none("The union asked members to vote against the offer.");
    none("The stranded crew asked for help over the radio.");
    none("Asked about the fares, the mayor smiled.");
}

#[test]
fn a_credit_after_its_content_takes_in_the_quiet_sentences_before_it() {
    is(
        "The reef is recovering. Coral cover rose by a third last year, the survey team said.",
        "The reef is recovering. Coral cover rose by a third last year",
        "the survey team",
        "indirect speech before",
    );
    // At most two sentences before, and only in the same paragraph.
    is(
        "Divers counted the fish. The water was clear. The reef is recovering. Coral cover rose by a third last year, the survey team said.",
        "The water was clear. The reef is recovering. Coral cover rose by a third last year",
        "the survey team",
        "indirect speech before",
    );
    is(
        "The reef is dying.\n\nCoral cover rose by a third last year, the survey team said.",
        "Coral cover rose by a third last year",
        "the survey team",
        "indirect speech before",
    );
    // Near misses: a sentence with its own claim or a quotation mark stops the run.
    let found = claims_in("The mayor said the reef is dying. Coral cover rose by a third last year, the survey team said.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Coral cover rose by a third last year");
    is(
        "The reef is “dying”. Coral cover rose by a third last year, the survey team said.",
        "Coral cover rose by a third last year",
        "the survey team",
        "indirect speech before",
    );
}

#[test]
fn a_hedged_sentence_stops_the_run_before_a_credit() {
    let found = claims_in("The reef is reportedly dying. Coral cover rose by a third last year, the survey team said.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Coral cover rose by a third last year");
}
