//! Demand suggestions: each directive construction, one span per demanded item (lists in the
//! sentence and bulleted lines), the actor and the addressee, and property tests.

#[path = "demands/cases.rs"]
mod cases;
mod common;

use common::{assert_all_in_bounds, document, find_with_rough_quotes, quote};
use newsmark_analysis::demands;
use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::Quote;
use newsmark_core::Label;
use proptest::prelude::*;

#[derive(Debug, PartialEq)]
struct D {
    item: String,
    by: Option<String>,
    to: Option<String>,
}

fn demands_with(text: &str, quotes: &[Quote]) -> Vec<D> {
    let doc = Doc::new(text);
    let chars: Vec<char> = text.chars().collect();
    demands::find(&doc, quotes)
        .into_iter()
        .map(|s| {
            assert_eq!(s.label, Label::Demand);
            assert!(!s.provenance.reason.is_empty());
            D { item: chars[s.start..s.end].iter().collect(), by: s.attributes.by, to: s.attributes.to }
        })
        .collect()
}

fn demands_in(text: &str) -> Vec<D> {
    demands_with(text, &[])
}

fn d(item: &str, by: Option<&str>, to: Option<&str>) -> D {
    D { item: item.into(), by: by.map(Into::into), to: to.map(Into::into) }
}

#[test]
fn call_on_to_with_each_item_of_the_list() {
    assert_eq!(
        demands_in("The union called on the council to freeze fares, to publish the accounts, and to give commuters a seat."),
        vec![
            d("freeze fares", Some("The union"), Some("the council")),
            d("publish the accounts", Some("The union"), Some("the council")),
            d("give commuters a seat", Some("The union"), Some("the council")),
        ]
    );
}

#[test]
fn demands_include_a_b_and_c() {
    assert_eq!(
        demands_in("The rail union's demands include higher pay, shorter shifts and safer trains."),
        vec![
            d("higher pay", Some("The rail union"), None),
            d("shorter shifts", Some("The rail union"), None),
            d("safer trains", Some("The rail union"), None)
        ]
    );
    let items: Vec<String> = demands_in("Their demands are better pay and fewer hours.").into_iter().map(|x| x.item).collect();
    assert_eq!(items, vec!["better pay", "fewer hours"]);
}

#[test]
fn bulleted_items_after_a_colon() {
    let text = "The tenants issued a list of demands:\n- a rent freeze;\n• repairs within a week\n* 2. no evictions\n1. an apology\nThe landlord did not reply.";
    let found = demands_in(text);
    let items: Vec<&str> = found.iter().map(|x| x.item.as_str()).collect();
    assert_eq!(items, vec!["a rent freeze", "repairs within a week", "2. no evictions", "an apology"]);
    assert!(found.iter().all(|x| x.by.as_deref() == Some("The tenants")), "{found:?}");
}

#[test]
fn verbs_and_their_actors_and_addressees() {
    assert_eq!(
        demands_in("Protesters demanded the resignation of the mayor."),
        vec![d("the resignation of the mayor", Some("Protesters"), None)]
    );
    assert_eq!(
        demands_in("The families demanded an apology from the ministry."),
        vec![d("an apology", Some("The families"), Some("the ministry"))]
    );
    assert_eq!(demands_in("Labour called for an inquiry into the deal."), vec![d("an inquiry into the deal", Some("Labour"), None)]);
    assert_eq!(demands_in("The mayor urged residents to stay indoors."), vec![d("stay indoors", Some("The mayor"), Some("residents"))]);
    assert_eq!(demands_in("Critics pressed for a vote."), vec![d("a vote", Some("Critics"), None)]);
    assert_eq!(
        demands_in("The law requires companies to publish pay gaps."),
        vec![d("publish pay gaps", Some("The law"), Some("companies"))]
    );
    assert_eq!(demands_in("She asked the court to dismiss the case."), vec![d("dismiss the case", Some("She"), Some("the court"))]);
    assert_eq!(demands_in("The senator insisted that the bill must pass."), vec![d("the bill must pass", Some("The senator"), None)]);
    assert_eq!(
        demands_in("Russia issued an ultimatum to Kyiv to withdraw its troops."),
        vec![d("withdraw its troops", Some("Russia"), Some("Kyiv"))]
    );
}

#[test]
fn passives_make_the_subject_the_addressee() {
    assert_eq!(demands_in("Residents were urged to stay indoors."), vec![d("stay indoors", None, Some("Residents"))]);
    assert_eq!(demands_in("Staff were asked to work from home."), vec![d("work from home", None, Some("Staff"))]);
}

#[test]
fn first_person_demands_in_a_quote_belong_to_its_speaker() {
    let text = "“We demand a refund,” said Jane Smith.";
    let doc = Doc::new(text);
    let q = quote(&doc, 0..text.find(',').unwrap() + "”".len() + 1, Some("Jane Smith"));
    assert_eq!(demands_with(text, &[q]), vec![d("a refund", Some("Jane Smith"), None)]);
}

#[test]
fn not_demands() {
    for text in [
        "The demand for oil rose.",
        "He insisted that he was innocent.",
        "He called her a liar.",
        "They asked whether it was true.",
        "She was asked about the deal.",
        "Weather conditions were poor.",
        "",
    ] {
        assert_eq!(demands_in(text), vec![], "{text}");
    }
}

// ---- Every shape of the issue, with its near miss (tests/demands/cases.rs) ---------------------

#[test]
fn every_shape_gives_its_items_actor_and_addressee() {
    for case in cases::CASES {
        let expected: Vec<D> = case.expected.iter().map(|(item, by, to)| d(item, *by, *to)).collect();
        assert_eq!(demands_in(case.text), expected, "{}: {}", case.shape, case.text);
    }
}

#[test]
fn every_near_miss_gives_nothing() {
    for case in cases::CASES {
        assert_eq!(demands_in(case.near_miss), vec![], "{}: {}", case.shape, case.near_miss);
    }
}

#[test]
fn the_issue_s_not_demands() {
    for text in [
        // A relative clause that only mentions demands.
        "The union withdrew the demands it had earlier put to the council.",
        "The council rejected the demands that the union made last year as unaffordable.",
        // Requests for comment.
        "The ministry did not respond to a request for comment.",
        "Asked for comment, a spokesman said the talks were continuing.",
        "The company declined repeated requests for comment on Friday.",
        "Reporters asked for details of the plan.",
        // "in demand", "on demand", "demanding" as an adjective, economic demand.
        "Welders are in demand across the region.",
        "The service streams films on demand.",
        "It was a demanding role, the actor said.",
        "The most demanding part of the route is the climb.",
        "Demand for housing in the valley has doubled.",
        "Global oil demand fell in March.",
        // Not a verb of demanding: a name, an interview.
        "The Court of Appeals for the Ninth Circuit ruled on Monday.",
        "Pressed on the delay, the minister blamed the weather.",
        // Told is a report, not one of the issue's directive verbs.
        "She told reporters the plan was ready.",
    ] {
        assert_eq!(demands_in(text), vec![], "{text}");
    }
}

#[test]
fn an_actor_is_a_noun_phrase_never_a_fragment() {
    // The words before "calls" are no subject: no demand is read.
    assert_eq!(demands_in("The candidate needs to make additional appeals to young voters to register."), vec![]);
    // A participle after a comma belongs to the sentence's opening subject.
    assert_eq!(
        demands_in("A coalition of tenant groups in 2024 wrote to the mayor, calling for a rent freeze."),
        vec![d("a rent freeze", Some("A coalition of tenant groups"), None)]
    );
    // A possessive pronoun with no one named before is no actor.
    assert_eq!(demands_in("Their demands include a rent freeze."), vec![d("a rent freeze", None, None)]);
}

#[test]
fn traps_of_wire_copy() {
    // A directive word opening a sentence has no subject: a noun, not a verb.
    assert_eq!(demands_in("Demands on the regional budget keep growing."), vec![]);
    // "needs" as a noun does not make an insisted claim a demand.
    assert_eq!(demands_in("The agency insisted that the new kits will cover testing needs this winter."), vec![]);
    // "a demand for" with no one making it is the market's.
    assert_eq!(demands_in("Higher wages create a demand for better schools."), vec![]);
    // After "called for", only a definite phrase or a name is an addressee.
    assert_eq!(
        demands_in("The party lobbied for a referendum to end the monarchy."),
        vec![d("a referendum to end the monarchy", Some("The party"), None)]
    );
    // A time adjunct is not part of the addressee.
    assert_eq!(
        demands_in("The minister ordered the port authority in March 2025 to suspend night shifts."),
        vec![d("suspend night shifts", Some("The minister"), Some("the port authority"))]
    );
    // "there have been calls for": a noun with no one named, never "there" as the actor.
    assert_eq!(demands_in("There have been calls for a recount."), vec![d("a recount", None, None)]);
    // A leading "Say" is no part of the subject.
    assert_eq!(demands_in("Say Velmar demanded that the border reopen."), vec![d("the border reopen", Some("Velmar"), None)]);
}

#[test]
fn subjects_over_parentheses_addressees_and_pairs() {
    assert_eq!(
        demands_in("Opposition deputies, led by Karin Volz of the Green Party, demanded an emergency session."),
        vec![d("an emergency session", Some("Opposition deputies"), None)]
    );
    assert_eq!(
        demands_in("The marchers, many of them nurses, chanted slogans calling for the minister to step down."),
        vec![d("step down", Some("The marchers"), Some("the minister"))]
    );
    // "member states" is no reporting verb; "for years" is no part of the addressee.
    assert_eq!(
        demands_in("The commission urged member states to share the costs."),
        vec![d("share the costs", Some("The commission"), Some("member states"))]
    );
    assert_eq!(
        demands_in("Villagers have pressed the council for years to repair the bridge."),
        vec![d("repair the bridge", Some("Villagers"), Some("the council"))]
    );
    // Two items when the second has its own determiner and the first no preposition.
    assert_eq!(
        demands_in("The opposition called for fresh elections and the release of political prisoners."),
        vec![d("fresh elections", Some("The opposition"), None), d("the release of political prisoners", Some("The opposition"), None)]
    );
    assert_eq!(
        demands_in("Protesters demanded the resignation of the mayor and the council."),
        vec![d("the resignation of the mayor and the council", Some("Protesters"), None)]
    );
}

#[test]
fn pronouns_carry_to_the_last_named_party_or_person() {
    assert_eq!(
        demands_in("Talks with the Orvel Pilots' Association broke down on Monday. Its demands include a 6 percent raise."),
        vec![d("a 6 percent raise", Some("the Orvel Pilots' Association"), None)]
    );
    assert_eq!(
        demands_in("Councillor Anja Petrov spoke at the meeting. He said nothing, but she called for a recount."),
        vec![d("a recount", Some("Councillor Anja Petrov"), None)]
    );
    // "she" prefers the previous sentence's subject to a person named after it.
    assert_eq!(
        demands_in("Councillor Anja Petrov met Mayor Ivo Sand on Friday. She urged the council to delay the vote."),
        vec![d("delay the vote", Some("Councillor Anja Petrov"), Some("the council"))]
    );
    // A name after the pronoun is not what it stands for.
    assert_eq!(
        demands_in("Councillor Anja Petrov spoke first. She called Hallam Steel's plan reckless and called for a review."),
        vec![d("a review", Some("Councillor Anja Petrov"), None)]
    );
}

#[test]
fn reasons_name_the_cue_and_the_list_position() {
    let doc = Doc::new("The strikers' demands include higher pay and shorter shifts. The mayor urged residents to stay indoors.");
    let reasons: Vec<String> = demands::find(&doc, &[]).iter().map(|s| s.provenance.reason.to_string()).collect();
    assert_eq!(reasons, vec!["list item 1 of 'demands include'", "list item 2 of 'demands include'", "directive 'urged' … to"]);
}

#[test]
fn the_actor_kind_is_kept_in_the_attributes() {
    let kinds = |text: &str| -> Vec<String> {
        let found = demands::find(&Doc::new(text), &[]);
        found.iter().filter_map(|s| s.attributes.other.iter().find(|(k, _)| k == "actor_kind").map(|(_, v)| v.clone())).collect()
    };
    assert_eq!(kinds("The ministry called for calm."), vec!["named-organisation"]);
    assert_eq!(kinds("Senator Ilse Brandt called for calm."), vec!["named-person"]);
    assert_eq!(kinds("Residents were urged to stay indoors."), vec!["unnamed"]);
}

// ---- Property tests -------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "demanded",
    "demands",
    "include",
    "called",
    "on",
    "for",
    "urged",
    "to",
    "asked",
    "insisted",
    "that",
    "ultimatum",
    "conditions",
    "the",
    "council",
    "fares",
    "and",
    "or",
    ",",
    ".",
    ":",
    ";",
    "\n",
    "\n- ",
    "\n• ",
    "\n1. ",
    "\r\n* ",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "Smith",
    "We",
    "их",
    "要求",
    "طالب",
    "e\u{301}",
    "👩‍👩‍👧",
    "\t",
    "  ",
    "was",
    "were",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn demands_never_panic_and_stay_in_bounds(text in document(PIECES)) {
        assert_all_in_bounds(&text, Label::Demand, &find_with_rough_quotes(&text, demands::find));
    }

    #[test]
    fn demands_on_any_unicode(text in "\\PC{0,300}") {
        assert_all_in_bounds(&text, Label::Demand, &demands::find(&Doc::new(&text), &[]));
    }
}

/// Large inputs that a quadratic step could not finish (speed itself is measured by the
/// benchmarks, not here).
#[test]
fn huge_paragraphs_and_long_bullet_runs_end_quickly() {
    let unit = "they demanded that the council, urged to act, call on officials to pay, to stop, and to go, including A, B and C ";
    let text = unit.repeat(200_000 / unit.len());
    let found = demands::find(&Doc::new(&text), &[]);
    assert_all_in_bounds(&text, Label::Demand, found.iter().take(200));
    // Every line an introduction followed by bullets.
    let text = "Demands:\n- a\n".repeat(20_000);
    let found = demands::find(&Doc::new(&text), &[]);
    assert!(!found.is_empty());
}
