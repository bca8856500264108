//! The addressee of a demanded that-clause: "X demanded that Y do Z" asks Y (`to`), while the
//! item stays "Y do Z"; passive and existential clauses, and subjects that are no party, name
//! no addressee. The "called on … to" shape keeps its own addressee.

use newsmark_analysis::demands;
use newsmark_analysis::doc::Doc;

/// Each suggestion as (item, by, to).
fn demands_in(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let chars: Vec<char> = text.chars().collect();
    demands::find(&Doc::new(text), &[])
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.attributes.by, s.attributes.to))
        .collect()
}

fn one(item: &str, by: &str, to: Option<&str>) -> Vec<(String, Option<String>, Option<String>)> {
    vec![(item.to_string(), Some(by.to_string()), to.map(str::to_string))]
}

#[test]
fn demanded_that_a_definite_party_do_something() {
    assert_eq!(
        demands_in("The drivers' union demanded that the council restore the night bus route."),
        one("the council restore the night bus route", "The drivers' union", Some("the council"))
    );
}

#[test]
fn urged_that_a_name_should_act() {
    assert_eq!(
        demands_in("Farmers urged that Brenmore Water should repair the dam before winter."),
        one("Brenmore Water should repair the dam before winter", "Farmers", Some("Brenmore Water"))
    );
}

#[test]
fn asked_that_the_government_must_pay() {
    assert_eq!(
        demands_in("The residents' group asked that the government must pay for the cleanup."),
        one("the government must pay for the cleanup", "The residents' group", Some("the government"))
    );
}

#[test]
fn insisted_that_with_a_deontic_names_the_addressee() {
    assert_eq!(
        demands_in("Mayor Ilse Varga insisted that the transport board must publish its accounts."),
        one("the transport board must publish its accounts", "Mayor Ilse Varga", Some("the transport board"))
    );
}

#[test]
fn demanded_that_a_named_person_resign() {
    assert_eq!(
        demands_in("Opposition leaders demanded that Minister Oskar Lind resign over the tender."),
        one("Minister Oskar Lind resign over the tender", "Opposition leaders", Some("Minister Oskar Lind"))
    );
}

#[test]
fn a_pronoun_subject_is_carried_to_its_name() {
    let text = "The Harbour Authority raised fees in May. The fishermen's cooperative demanded that it reverse the rise.";
    assert_eq!(demands_in(text), one("it reverse the rise", "The fishermen's cooperative", Some("The Harbour Authority")));
}

#[test]
fn a_passive_clause_names_no_addressee() {
    assert_eq!(
        demands_in("The union demanded that the law be changed before the vote."),
        one("the law be changed before the vote", "The union", None)
    );
    assert_eq!(demands_in("Commuters demanded that fares be frozen."), one("fares be frozen", "Commuters", None));
    assert_eq!(demands_in("Critics urged that the plan should be dropped."), one("the plan should be dropped", "Critics", None));
}

#[test]
fn an_existential_clause_names_no_addressee() {
    assert_eq!(demands_in("The senators demanded that there be a vote."), one("there be a vote", "The senators", None));
}

#[test]
fn a_clause_without_a_base_or_modal_verb_names_no_addressee() {
    // "the city council's budget" is no subject acting; "the money went" is past tense.
    assert_eq!(
        demands_in("The union demanded that the money from the sale go to the workers."),
        one("the money from the sale go to the workers", "The union", None)
    );
}

#[test]
fn called_on_to_keeps_its_addressee() {
    assert_eq!(demands_in("The union called on the council to freeze fares."), one("freeze fares", "The union", Some("the council")));
}

#[test]
fn a_thing_as_the_clause_subject_is_no_addressee() {
    assert_eq!(
        demands_in("The mayor demanded that the new budget should fund three more clinics."),
        one("the new budget should fund three more clinics", "The mayor", None)
    );
}

#[test]
fn a_relative_clause_on_the_noun_demands_is_no_demand() {
    assert_eq!(demands_in("She said the endless demands that come with the job wore her down."), vec![]);
    assert_eq!(demands_in("Envoys fear new demands that could derail the talks."), vec![]);
    // Near miss: a noun subject followed by a preposition, with its own verb, is a demand.
    assert_eq!(
        demands_in("The nurses' union demanded that pay for night shifts be raised."),
        one("pay for night shifts be raised", "The nurses' union", None)
    );
}

#[test]
fn insisting_on_being_someone_is_a_stance() {
    assert_eq!(demands_in("Aides said the governor will insist on being the candidate."), vec![]);
    assert_eq!(demands_in("The contractors insisted on being paid in full."), one("being paid in full", "The contractors", None));
}

#[test]
fn what_someone_asks_for_follows_the_copula() {
    let found = demands_in("The growers' association said all it was asking for is a fair hearing before the board.");
    assert_eq!(found.iter().map(|(item, _, _)| item.as_str()).collect::<Vec<_>>(), ["a fair hearing before the board"]);
}

#[test]
fn a_bare_day_after_the_addressee_is_not_part_of_it() {
    assert_eq!(
        demands_in("The director instructed staff Monday to check the visitor logs."),
        one("check the visitor logs", "The director", Some("staff"))
    );
}

#[test]
fn ordered_an_action_noun_is_the_item() {
    assert_eq!(
        demands_in("The governor ordered the evacuation of three coastal villages."),
        one("the evacuation of three coastal villages", "The governor", None)
    );
    // Near miss: a party before "to" stays the addressee.
    assert_eq!(
        demands_in("The governor ordered the police to close the bridge."),
        one("close the bridge", "The governor", Some("the police"))
    );
}

#[test]
fn a_demand_nouns_that_clause_names_its_addressee_too() {
    assert_eq!(
        demands_in("The tenants' association renewed its demand that the council must repair the lifts."),
        one("the council must repair the lifts", "The tenants' association", Some("the council"))
    );
    assert_eq!(
        demands_in("The tenants' association renewed its demand that the lifts be repaired."),
        one("the lifts be repaired", "The tenants' association", None)
    );
}

#[test]
fn a_single_call_that_no_one_makes_only_mentions_a_demand() {
    assert_eq!(demands_in("Delegates removed a call for new border fences from the draft."), vec![]);
    // Near miss: an owned call is a demand.
    assert_eq!(demands_in("The bishop's call for a ceasefire was ignored."), one("a ceasefire", "The bishop", None));
}

#[test]
fn a_relative_clauses_directive_verb_takes_the_noun_as_actor() {
    assert_eq!(demands_in("Farmers face a drought that demands a national water plan."), one("a national water plan", "a drought", None));
    assert_eq!(
        demands_in("The talks stalled over Senator Ruth Adler, who demanded a recount."),
        one("a recount", "Senator Ruth Adler", None)
    );
}

#[test]
fn a_modal_before_the_directive_verb_keeps_the_subject() {
    assert_eq!(demands_in("Mayors could urge residents to leave the coast."), one("leave the coast", "Mayors", Some("residents")));
    assert_eq!(demands_in("The regulator may demand a full audit."), one("a full audit", "The regulator", None));
}
