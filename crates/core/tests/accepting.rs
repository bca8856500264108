//! What accepting adds besides the span, and what a person's span takes off the list: a
//! suggestion over the same words as a span of its label is not offered (when the analysis
//! comes back, when the person marks the words later, and within one *Accept all*), and an
//! accepted demand is linked to the spans that name its actor and addressee, in one undo step.

use newsmark_core::LabelSet;
use newsmark_core::{reduce, Action, Attributes, Confidence, CpRange, Label, LabelDef, Provenance, SpanId, State, Suggestion};

const TEXT: &str = "The dockers' union met the port authority on Monday. The union demanded that the port authority restore night shifts. \
                    Its leaders called the offer an insult. “It is an insult,” a steward said.";

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

fn with_article() -> State {
    let workspace =
        newsmark_core::StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() };
    run(State::default(), [Action::Restore(Some(workspace)), Action::AddArticle { title: "T".into(), text: TEXT.into() }])
}

/// Code points of the `nth` occurrence (from 0) of `needle`.
fn nth(needle: &str, n: usize) -> (usize, usize) {
    let (byte, _) = TEXT.match_indices(needle).nth(n).unwrap_or_else(|| panic!("{needle} #{n} not in the text"));
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn suggestion(label: Label, needle: &str, attributes: Attributes) -> Suggestion {
    let (start, end) = nth(needle, 0);
    let provenance = Provenance { confidence: Confidence::from_permille(700), reason: "test".into() };
    Suggestion { label, start, end, attributes, provenance }
}

fn suggest(s: State, suggestions: Vec<Suggestion>) -> State {
    let s = reduce(&s, Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().expect("Suggest starts an analysis");
    reduce(&s, Action::SetSuggestions { article: job.article, job: job.job, suggestions, batch: 0, last: true })
}

fn tag(s: State, label: Label, needle: &str, n: usize) -> State {
    let (a, b) = nth(needle, n);
    run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(label)])
}

fn pending(s: &State) -> Vec<(Label, String)> {
    let a = s.open_article().unwrap();
    s.open_suggestions().iter().map(|p| (p.suggestion.label, a.text.slice(p.suggestion.start, p.suggestion.end).to_string())).collect()
}

fn spans(s: &State) -> Vec<(Label, String)> {
    let a = s.open_article().unwrap();
    a.spans.iter().map(|sp| (sp.label, a.span_text(sp).to_string())).collect()
}

/// The open article's relations as (kind, from text, to text).
fn relations(s: &State) -> Vec<(String, String, String)> {
    let a = s.open_article().unwrap();
    let text = |id| a.span_text(a.spans.get(id).expect("a relation's ends are spans")).to_string();
    a.relations.iter().map(|r| (r.kind.to_string(), text(&r.from), text(&r.to))).collect()
}

fn opinion() -> Suggestion {
    suggestion(Label::Opinion, "an insult.", Attributes { holder: Some("Its leaders".into()), ..Attributes::default() })
}

fn item(s: &str) -> (Label, String) {
    (Label::Opinion, s.to_string())
}

#[test]
fn a_suggestion_over_the_words_of_a_span_of_its_label_is_not_offered() {
    // The person's opinion leaves out the full stop the suggestion has: the same words.
    let s = tag(with_article(), Label::Opinion, "an insult", 0);
    let s = suggest(s, vec![opinion(), suggestion(Label::Claim, "an insult.", Attributes::default())]);
    assert_eq!(pending(&s), vec![(Label::Claim, "an insult.".to_string())], "another label over the same words stays");
}

#[test]
fn marking_the_words_later_takes_the_suggestion_off_the_list_in_the_same_step() {
    let s = suggest(with_article(), vec![opinion()]);
    assert_eq!(pending(&s), vec![item("an insult.")]);
    let s = tag(s, Label::Opinion, "an insult", 0);
    assert!(pending(&s).is_empty(), "Accept all can no longer add an opinion on top of the person's own");
    let s = reduce(&s, Action::AcceptAll(None));
    assert_eq!(spans(&s), vec![item("an insult")]);
    // One undo takes the span away and offers the suggestion again.
    let s = reduce(&s, Action::Undo);
    assert!(spans(&s).is_empty());
    assert_eq!(pending(&s), vec![item("an insult.")]);
    // Relabelling a span onto the label does the same.
    let s = tag(s, Label::Claim, "an insult", 0);
    let s = run(s, [Action::Select(None), Action::Relabel(SpanId::new("s2"), Label::Opinion)]);
    assert_eq!(spans(&s), vec![item("an insult")]);
    assert!(pending(&s).is_empty());
}

#[test]
fn accept_all_adds_one_span_for_suggestions_over_the_same_words() {
    let twin = suggestion(Label::Opinion, "an insult", Attributes::default());
    let s = suggest(with_article(), vec![opinion(), twin]);
    assert_eq!(pending(&s).len(), 2);
    let s = reduce(&s, Action::AcceptAll(None));
    assert_eq!(spans(&s), vec![item("an insult.")]);
    assert!(pending(&s).is_empty());
}

fn demand() -> Suggestion {
    let attributes = Attributes { by: Some("The union".into()), to: Some("the port authority".into()), ..Attributes::default() };
    suggestion(Label::Demand, "the port authority restore night shifts", attributes)
}

#[test]
fn an_accepted_demand_is_linked_to_the_spans_naming_its_actor_and_addressee_in_one_step() {
    let party =
        LabelDef { label: Label::Custom(0), name: "party".into(), colour: "#e69f00".into(), hotkey: None, description: "Who acts".into() };
    let s = reduce(&with_article(), Action::AddLabel(party));
    let person = s.document.labels.by_name("party").expect("the label was added");
    // "the port authority" is marked twice, before and inside the demand: the nearest one before
    // the demand's start is the addressee. "The union" matches whatever the case.
    let s = tag(s, person, "the port authority", 0);
    let s = tag(s, person, "the port authority", 1);
    let s = tag(s, person, "union", 1);
    let s = tag(s, person, "The union", 0);
    let s = suggest(s, vec![demand()]);
    let s = reduce(&s, Action::AcceptAll(None));
    assert_eq!(
        relations(&s),
        vec![
            ("actor".to_string(), "the port authority restore night shifts".to_string(), "The union".to_string()),
            ("addressee".to_string(), "the port authority restore night shifts".to_string(), "the port authority".to_string()),
        ]
    );
    let demand = s.open_article().unwrap().spans.iter().find(|sp| sp.label == Label::Demand).unwrap();
    assert_eq!(demand.attributes.by.as_deref(), Some("The union"), "the actor stays an attribute");
    assert_eq!(demand.attributes.to.as_deref(), Some("the port authority"));
    let s = reduce(&s, Action::Undo);
    assert!(relations(&s).is_empty() && s.open_article().unwrap().spans.iter().all(|sp| sp.label != Label::Demand));
    assert_eq!(spans(&s).len(), 4, "one undo takes the demand and its relations, and only them");
    let s = reduce(&s, Action::Redo);
    assert_eq!(relations(&s).len(), 2);
}

#[test]
fn a_demand_whose_actor_is_no_span_is_accepted_without_relations() {
    let s = suggest(with_article(), vec![demand()]);
    let s = reduce(&s, Action::AcceptAll(None));
    assert_eq!(spans(&s), vec![(Label::Demand, "the port authority restore night shifts".to_string())]);
    assert!(relations(&s).is_empty());
}

#[test]
fn the_actor_named_only_after_the_demand_is_linked_too() {
    let s = tag(with_article(), Label::Claim, "Its leaders", 0);
    let early = Attributes { by: Some("its leaders".into()), ..Attributes::default() };
    let s = suggest(s, vec![suggestion(Label::Demand, "restore night shifts", early)]);
    let s = reduce(&s, Action::AcceptAll(None));
    assert_eq!(relations(&s), vec![("actor".to_string(), "restore night shifts".to_string(), "Its leaders".to_string())]);
}
