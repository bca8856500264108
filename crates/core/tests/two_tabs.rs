//! Two tabs on one workspace, as the storage effect drives them: each tab's own actions, then
//! `Synced` with what the other saved. Storage itself is simulated by the last state written.

use newsmark_core::{reduce, Action, ArticleId, CpRange, Label, LabelSet, State, StoredWorkspace, Synced};

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

/// A tab that read a workspace of one article, `a1`, and is the `n`th tab open.
fn tab(n: u32, stored: &State) -> State {
    let workspace = StoredWorkspace {
        articles: stored.document.articles.iter().map(|a| (**a).clone()).collect(),
        open: Some(ArticleId::new("a1")),
        snap_to_words: false,
        next_article: stored.document.next_article,
        labels: LabelSet::builtin(),
    };
    run(State::default(), [Action::TabNumber(n), Action::Restore(Some(workspace))])
}

fn tag(s: State, start: usize, end: usize, label: Label) -> State {
    run(s, [Action::Select(Some(CpRange::new(start, end))), Action::Tag(label)])
}

fn ids(s: &State, article: &str) -> Vec<String> {
    s.document.article(&ArticleId::new(article)).unwrap().spans.iter().map(|sp| format!("{}:{:?}", sp.id.as_str(), sp.label)).collect()
}

fn articles(s: &State) -> Vec<&str> {
    s.document.articles.iter().map(|a| a.id.as_str()).collect()
}

/// What the storage effect tells a tab after the other saved: every article and the order, with
/// this tab's base (what it last knew) beside storage's version.
fn synced(base: &State, stored: &State) -> Action {
    let ids: Vec<ArticleId> = base.document.articles.iter().chain(&stored.document.articles).map(|a| a.id.clone()).collect();
    let pick = |s: &State, id: &ArticleId| s.document.article(id).cloned();
    let order = |s: &State| s.document.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    Action::Synced(Box::new(Synced {
        articles: ids.iter().map(|id| (id.clone(), (pick(base, id), pick(stored, id)))).collect(),
        order: Some((order(base), order(stored))),
        labels: None,
        next_article: Some(stored.document.next_article),
    }))
}

fn start() -> State {
    run(State::default(), [Action::Restore(None)])
}

#[test]
fn two_tabs_never_make_the_same_id_and_each_keeps_the_others_work() {
    let first = start();
    let (a, b) = (tab(1, &first), tab(2, &first));
    // Both tag the same article before either hears of the other, and both add an article.
    let a = tag(a, 0, 3, Label::Claim);
    let b = tag(b, 4, 9, Label::Quote);
    let a = run(a, [Action::AddArticle { title: "A".into(), text: "Tab A's article.".into() }]);
    let b = run(b, [Action::AddArticle { title: "B".into(), text: "Tab B's article.".into() }]);
    let sample_spans = first.document.articles[0].spans.len();
    assert_eq!(ids(&a, "a1").len(), sample_spans + 1);
    let new_in_a: Vec<_> = a.document.articles.iter().map(|x| x.id.as_str().to_string()).collect();
    let new_in_b: Vec<_> = b.document.articles.iter().map(|x| x.id.as_str().to_string()).collect();
    assert!(new_in_b.last().unwrap().ends_with("-2"), "tab 2's ids carry its number: {new_in_b:?}");
    assert_ne!(new_in_a.last(), new_in_b.last());

    // B saves first; A then merges B's work into its own and saves the merge.
    let a = reduce(&a, synced(&first, &b));
    assert_eq!(articles(&a).len(), 3, "{:?}", articles(&a));
    assert_eq!(ids(&a, "a1").len(), sample_spans + 2, "both tabs' new spans: {:?}", ids(&a, "a1"));
    // B hears of A's save.
    let b = reduce(&b, synced(&b, &a));
    assert_eq!(articles(&b), articles(&a));
    assert_eq!(ids(&b, "a1"), ids(&a, "a1"));
    // Undo in B undoes B's own last action (its article), not A's.
    let b = reduce(&b, Action::Undo);
    assert_eq!(articles(&b).len(), 2);
    assert!(articles(&b).iter().all(|id| !id.ends_with("-2")));
}

#[test]
fn the_later_change_to_one_span_wins_and_the_other_tab_shows_it() {
    let first = tag(start(), 0, 3, Label::Claim);
    let span = first.document.articles[0].spans.iter().find(|s| s.label == Label::Claim && s.start == 0).unwrap().id.clone();
    let (a, b) = (tab(1, &first), tab(2, &first));
    let a = run(a, [Action::Relabel(span.clone(), Label::Demand)]);
    let b = run(b, [Action::Relabel(span.clone(), Label::Opinion)]);
    // A saved first; B saved later, merging A's write: B's relabel wins in storage...
    let stored = reduce(&b, synced(&first, &a));
    let label = |s: &State| s.document.articles[0].spans.get(&span).unwrap().label;
    assert_eq!(label(&stored), Label::Opinion);
    // ...and A, which changed nothing since its save, shows B's label.
    let a = reduce(&a, synced(&a, &stored));
    assert_eq!(label(&a), Label::Opinion);
    assert_eq!(a.document.history.undo_depth(), 1, "taking in another tab's work records no undo step");
}

#[test]
fn an_article_deleted_in_another_tab_closes_here_unless_this_tab_changed_it() {
    let first = run(start(), [Action::AddArticle { title: "Two".into(), text: "Second text.".into() }]);
    let (a, b) = (tab(1, &first), tab(2, &first));
    let gone = ArticleId::new("a1");
    let b = run(b, [Action::DeleteArticle(gone.clone())]);
    let a2 = reduce(&a, synced(&a, &b));
    assert!(a2.document.article(&gone).is_none());
    assert_eq!(a2.view.open.as_ref().map(|id| id.as_str()), Some("a2"));
    // A that had tagged it meanwhile keeps it.
    let a = tag(run(a, [Action::OpenArticle(gone.clone())]), 0, 3, Label::Claim);
    let a = reduce(&a, synced(&first, &b));
    assert!(a.document.article(&gone).is_some());
}
