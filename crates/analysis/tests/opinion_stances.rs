//! Stance statements: X + a verb, adjective or noun of stance + the statement, with the holder
//! from the subject; judgement verbs and frames; one near miss per form.

mod common;

use common::{assert_all_in_bounds, find_with_rough_quotes, quote};
use newsmark_analysis::doc::Doc;
use newsmark_analysis::opinions;
use newsmark_analysis::quotes::Quote;
use newsmark_core::Label;

/// (span text, holder, reason) of each opinion.
fn found(text: &str, quotes: &[Quote]) -> Vec<(String, Option<String>, String)> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    opinions::find(&doc, quotes)
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.attributes.holder, s.provenance.reason.to_string()))
        .collect()
}

fn one(text: &str) -> (String, Option<String>, String) {
    let f = found(text, &[]);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().unwrap()
}

fn none(text: &str) {
    assert_eq!(found(text, &[]), vec![], "{text}");
}

#[test]
fn stance_verb_with_that_clause_gives_the_statement_and_the_subject() {
    let (span, holder, reason) = one("Harbour residents fear that the winter timetable will cut them off.");
    assert_eq!(span, "the winter timetable will cut them off");
    assert_eq!(holder.as_deref(), Some("Harbour residents"));
    assert_eq!(reason, "stance verb 'fear' + clause");
    let (span, holder, _) = one("Councillor Mira Osei believes the levy is a tax on the poor.");
    assert_eq!(span, "the levy is a tax on the poor");
    assert_eq!(holder.as_deref(), Some("Councillor Mira Osei"));
}

#[test]
fn stance_nouns_are_not_stance_verbs() {
    none("The Hope Diamond went on display in Corvale on Tuesday.");
    none("Hopes of a settlement faded after the vote on Friday.");
    none("Their hopes were dashed by the ruling.");
    none("The thought of a third runway divides the town.");
    // "felt" a sensation, not a view; a view with "that" or a pronoun clause.
    none("Residents felt the tremor at dawn.");
    assert_eq!(one("Residents felt it was unfair.").0, "it was unfair");
}

#[test]
fn parenthetical_stance_holds_the_statement_before_it() {
    let (span, holder, _) = one("The levy will hurt small shops, the traders' guild fears.");
    assert_eq!(span, "The levy will hurt small shops");
    assert_eq!(holder.as_deref(), Some("the traders' guild"));
}

#[test]
fn a_negated_stance_keeps_its_cue() {
    let (span, holder, _) = one("The harbour master does not think the pier is safe.");
    assert_eq!(span, "The harbour master does not think the pier is safe");
    assert_eq!(holder.as_deref(), Some("The harbour master"));
}

#[test]
fn a_pronoun_holder_is_the_reporter_or_the_person_named_before() {
    assert_eq!(one("The mayor said she believes the levy is unfair.").1.as_deref(), Some("The mayor"));
    let f = found("Ana Ruiz spoke in Corvale on Monday. She believes the levy is unfair.", &[]);
    assert_eq!(f[0].1.as_deref(), Some("Ana Ruiz"), "{f:?}");
}

#[test]
fn he_thinks_inside_someone_elses_quote_is_not_the_speakers_view() {
    let text = "“He thinks the bridge is safe,” said Ana Ruiz.";
    let doc = Doc::new(text);
    let end = text.find(" said").unwrap();
    let f = found(text, &[quote(&doc, 0..end, Some("Ana Ruiz"))]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "the bridge is safe");
    assert_eq!(f[0].1, None);
    assert!(f[0].2.ends_with("in a quotation"), "{f:?}");
}

#[test]
fn judgement_verbs_in_the_active_voice() {
    let (span, holder, reason) = one("Mayor Teodor Brandt condemned the attack on the clinic.");
    assert_eq!(span, "Mayor Teodor Brandt condemned the attack on the clinic");
    // The statement starts at the holder, not at the sentence's start.
    assert_eq!(one("On Monday, Mayor Teodor Brandt condemned the attack.").0, "Mayor Teodor Brandt condemned the attack");
    assert_eq!(holder.as_deref(), Some("Mayor Teodor Brandt"));
    assert_eq!(reason, "judgement verb 'condemned'");
    none("The clinic was praised in a report published on Monday.");
    // A host's welcome is not a judgement; welcoming a decision is.
    none("The minister welcomed the delegation at the airport.");
    none("The mayor welcomed Ana Ruiz to Corvale.");
    assert_eq!(one("The minister welcomed the decision.").2, "judgement verb 'welcomed'");
}

#[test]
fn naming_with_an_evaluative_word_is_a_judgement() {
    let (_, holder, reason) = one("Senator Ada Moore called the parking plan reckless.");
    assert_eq!(holder.as_deref(), Some("Senator Ada Moore"));
    assert_eq!(reason, "judgement verb 'called'");
    none("Residents called the police at midnight.");
    none("Senator Ada Moore described the parking plan as costly.");
}

#[test]
fn a_closing_attribution_is_not_part_of_the_statement() {
    let (span, holder, _) = one("The company thinks it can double sales, its chief executive said.");
    assert_eq!(span, "it can double sales");
    assert_eq!(holder.as_deref(), Some("The company"));
    // A comma inside the statement stays.
    assert_eq!(one("Officials think the fire, which began at dawn, was deliberate.").0, "the fire, which began at dawn, was deliberate");
}

#[test]
fn stance_adjectives_after_be() {
    let (span, holder, _) = one("The central bank is convinced that lending will slow.");
    assert_eq!(span, "lending will slow");
    assert_eq!(holder.as_deref(), Some("The central bank"));
    assert_eq!(one("The central bank is concerned about the pace of lending.").1.as_deref(), Some("The central bank"));
    // With no "that", the statement is the holder's whole clause.
    assert_eq!(one("She said members were worried about the fees.").0, "members were worried about the fees");
    none("The concerned parties met in Marlow on Friday.");
}

#[test]
fn stance_nouns_before_is() {
    let (span, holder, reason) = one("The fear is that the river will breach the levee again.");
    assert_eq!(span, "the river will breach the levee again");
    assert_eq!(holder, None);
    assert_eq!(reason, "stance noun 'The fear is'");
    let (span, _, _) = one("It is my hope that the talks resume.");
    assert_eq!(span, "the talks resume");
    none("The fear of flooding kept buyers away from Marlow.");
}

#[test]
fn judgement_frames() {
    let (span, _, reason) = one("It would be a mistake to close the border crossing now.");
    assert_eq!(span, "It would be a mistake to close the border crossing now");
    assert_eq!(reason, "judgement frame 'It would be a mistake'");
    assert_eq!(one("It is clear that the plan has failed.").2, "judgement frame 'It is clear'");
    none("The mistake in the ballot papers was corrected by noon.");
    none("The water in the reservoir was clear on Sunday.");
    none("It is clear water, the inspector found.");
}

/// A sentence with no full stop and a stance verb every few words: each statement is cut at a
/// bounded length, so this ends quickly (a statement to the sentence's end for each verb would
/// be quadratic). Speed itself is measured by the benchmarks.
#[test]
fn a_huge_sentence_of_stance_verbs_ends_quickly() {
    let unit = "residents fear that the bridge will close and ";
    let text = unit.repeat(600_000 / unit.len());
    let found = find_with_rough_quotes(&text, opinions::find);
    assert!(found.len() > 10_000);
    assert_all_in_bounds(&text, Label::Opinion, found.iter().take(300));
}
