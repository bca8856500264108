//! What a save must write: the records whose content differs from what was last written.
//!
//! Owns: the one place that reads the app state for storage (`Workspace::of`), what was last
//! saved, and the comparison that turns the two into a list of writes. Must never: touch
//! IndexedDB (see `storage`), or leave a changed record out (a save that writes too little loses
//! work; one that writes too much only costs time).

use std::collections::HashMap;
use std::rc::Rc;

use newsmark_core::{Article, ArticleId, LabelSet, State};

use super::layout::{Counters, Settings};

/// What storage keeps of the state. The state's shape may change; only `of` follows it.
#[derive(Clone, Copy)]
pub struct Workspace<'a> {
    pub articles: &'a [Rc<Article>],
    pub labels: &'a LabelSet,
    pub open: Option<&'a ArticleId>,
    pub snap_to_words: bool,
    pub next_article: u64,
}

impl<'a> Workspace<'a> {
    pub fn of(state: &'a State) -> Self {
        Workspace {
            articles: &state.document.articles,
            labels: &state.document.labels,
            open: state.view.open.as_ref(),
            snap_to_words: state.view.snap_to_words,
            next_article: state.document.next_article,
        }
    }

    pub fn order(&self) -> Vec<ArticleId> {
        self.articles.iter().map(|a| a.id.clone()).collect()
    }

    pub fn counters(&self) -> Counters {
        Counters { next_article: self.next_article }
    }

    pub fn settings(&self) -> Settings {
        Settings { open: self.open.map(|id| id.as_str().to_string()), snap_to_words: self.snap_to_words }
    }
}

/// One record to write.
#[derive(Debug, PartialEq)]
pub enum Write<'a> {
    /// The article's text, new to storage.
    Text(&'a Article),
    /// The article's title, spans, relations and id counters.
    Annotations(&'a Article),
    /// Both records of an article that is no longer in the workspace.
    Forget(ArticleId),
    Order,
    Labels,
    Counters,
    Settings,
}

/// What storage holds, as far as this tab knows: what it read or last wrote. A record it cannot
/// vouch for (`None`, or an article absent from the maps) is written by the next save.
#[derive(Default)]
pub struct Saved {
    /// Each article as last written: its text and its annotations.
    articles: HashMap<ArticleId, Rc<Article>>,
    order: Option<Vec<ArticleId>>,
    labels: Option<LabelSet>,
    counters: Option<Counters>,
    settings: Option<Settings>,
    /// Articles whose last write failed for lack of space; written after the others.
    too_big: Vec<ArticleId>,
    /// The stamp of each annotations record as this tab last wrote or read it (`layout::stamp_of`).
    stamps: Vec<(ArticleId, f64)>,
}

impl Saved {
    /// What storage holds after `workspace` was read from it or written to it whole.
    pub fn of(workspace: Workspace<'_>) -> Self {
        let mut saved = Saved::default();
        saved.record(workspace);
        saved
    }

    /// The records that differ between storage and `now`.
    pub fn changes<'a>(&self, now: Workspace<'a>) -> Vec<Write<'a>> {
        let mut writes = Vec::new();
        // Spans name their labels, so renaming a label changes every article's annotations; a
        // new colour or a new label changes none.
        let renamed = self.labels.as_ref().is_none_or(|saved| renamed(saved, now.labels));
        for article in now.articles {
            let saved = self.articles.get(&article.id);
            if !saved.is_some_and(|saved| same(&saved.text, &article.text)) {
                writes.push(Write::Text(article));
            }
            if renamed || !saved.is_some_and(|saved| same(saved, article)) {
                writes.push(Write::Annotations(article));
            }
        }
        let gone = self.articles.keys().filter(|id| !now.articles.iter().any(|a| &a.id == *id));
        writes.extend(gone.map(|id| Write::Forget(id.clone())));
        if self.order.as_deref().is_none_or(|order| !order.iter().eq(now.articles.iter().map(|a| &a.id))) {
            writes.push(Write::Order);
        }
        if self.labels.as_ref() != Some(now.labels) {
            writes.push(Write::Labels);
        }
        if self.counters.as_ref() != Some(&now.counters()) {
            writes.push(Write::Counters);
        }
        if self.settings.as_ref() != Some(&now.settings()) {
            writes.push(Write::Settings);
        }
        writes
    }

    /// The article as storage last held it, as far as this tab knows.
    pub fn article(&self, id: &ArticleId) -> Option<&Rc<Article>> {
        self.articles.get(id)
    }

    /// Storage holds `article` under `id` now (`None`: no records).
    pub fn set_article(&mut self, id: &ArticleId, article: Option<Rc<Article>>) {
        match article {
            Some(a) => {
                self.too_big.retain(|t| t != id);
                self.articles.insert(id.clone(), a)
            }
            None => self.articles.remove(id),
        };
    }

    /// A write of the article failed (`full`: for lack of space): storage may hold anything under
    /// `id`, so the next save writes both its records.
    pub fn failed(&mut self, id: &ArticleId, full: bool) {
        self.articles.remove(id);
        self.set_stamp(id, None);
        self.too_big.retain(|t| t != id);
        if full {
            self.too_big.push(id.clone());
        }
    }

    /// The stamp the article's annotations record had when this tab last wrote or read it.
    pub fn stamp(&self, id: &ArticleId) -> Option<f64> {
        self.stamps.iter().find(|(a, _)| a == id).map(|(_, s)| *s)
    }

    pub fn set_stamp(&mut self, id: &ArticleId, stamp: Option<f64>) {
        self.stamps.retain(|(a, _)| a != id);
        if let Some(stamp) = stamp {
            self.stamps.push((id.clone(), stamp));
        }
    }

    /// Whether the article's last write failed for lack of space.
    pub fn too_big(&self, id: &ArticleId) -> bool {
        self.too_big.contains(id)
    }

    pub fn order(&self) -> &[ArticleId] {
        self.order.as_deref().unwrap_or_default()
    }

    pub fn set_order(&mut self, order: Vec<ArticleId>) {
        self.order = Some(order);
    }

    /// The label set as storage last held it, as far as this tab knows.
    pub fn labels(&self) -> Option<&LabelSet> {
        self.labels.as_ref()
    }

    pub fn set_labels(&mut self, labels: &LabelSet) {
        self.labels = Some(labels.clone());
    }

    /// The workspace store holds these now.
    pub fn set_workspace(&mut self, order: Vec<ArticleId>, labels: &LabelSet, counters: Counters, settings: Option<Settings>) {
        self.order = Some(order);
        self.labels = Some(labels.clone());
        self.counters = Some(counters);
        if settings.is_some() {
            self.settings = settings;
        }
    }

    /// Takes `now` as what storage holds, once its writes are under way.
    pub fn record(&mut self, now: Workspace<'_>) {
        self.articles = now.articles.iter().map(|a| (a.id.clone(), a.clone())).collect();
        self.order = Some(now.order());
        self.labels = Some(now.labels.clone());
        self.counters = Some(now.counters());
        self.settings = Some(now.settings());
    }
}

/// Equal content. The pointers are equal for everything an edit leaves alone, so this is O(1)
/// then; an article read from storage is compared by value once (its text by pointer still).
fn same<T: PartialEq>(saved: &Rc<T>, now: &Rc<T>) -> bool {
    Rc::ptr_eq(saved, now) || saved == now
}

/// Whether a label that was saved has another name now (or is gone).
fn renamed(saved: &LabelSet, now: &LabelSet) -> bool {
    saved.iter().any(|def| now.get(def.label).map(|d| &d.name) != Some(&def.name))
}

#[cfg(test)]
mod tests {
    use newsmark_core::{reduce, Action, Label, LabelDef};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// A restored workspace of two articles (the second open), as storage last saw it.
    fn restored() -> (State, Saved) {
        let mut state = reduce(&State::default(), Action::Restore(None));
        state = reduce(&state, Action::AddArticle { title: "Two".into(), text: "The mayor said the bridge is safe.".into() });
        let saved = Saved::of(Workspace::of(&state));
        (state, saved)
    }

    fn kinds(writes: &[Write<'_>]) -> Vec<String> {
        writes
            .iter()
            .map(|w| match w {
                Write::Text(a) => format!("text {}", a.id.as_str()),
                Write::Annotations(a) => format!("annotations {}", a.id.as_str()),
                Write::Forget(id) => format!("forget {}", id.as_str()),
                other => format!("{other:?}").to_lowercase(),
            })
            .collect()
    }

    fn changes(saved: &Saved, state: &State) -> Vec<String> {
        kinds(&saved.changes(Workspace::of(state)))
    }

    #[wasm_bindgen_test]
    fn a_tag_writes_only_its_articles_annotations() {
        let (state, saved) = restored();
        assert_eq!(changes(&saved, &state), Vec::<String>::new());
        let state = reduce(&state, Action::Select(Some(newsmark_core::CpRange::new(4, 9))));
        let state = reduce(&state, Action::Tag(Label::Claim));
        assert_eq!(changes(&saved, &state), ["annotations a2"]);
    }

    #[wasm_bindgen_test]
    fn an_article_read_back_from_storage_is_not_written_again() {
        let (state, _) = restored();
        // What `load` hands the reducer: equal articles, but new allocations.
        let copies: Vec<Rc<Article>> = state.document.articles.iter().map(|a| Rc::new((**a).clone())).collect();
        let saved = Saved::of(Workspace { articles: &copies, ..Workspace::of(&state) });
        assert_eq!(changes(&saved, &state), Vec::<String>::new());
    }

    #[wasm_bindgen_test]
    fn adding_opening_and_deleting_articles_write_their_records_and_the_order() {
        let (state, saved) = restored();
        let added = reduce(&state, Action::AddArticle { title: "Three".into(), text: "Workers demand a raise.".into() });
        assert_eq!(changes(&saved, &added), ["text a3", "annotations a3", "order", "counters", "settings"]);
        let opened = reduce(&state, Action::OpenArticle(state.document.articles[0].id.clone()));
        assert_eq!(changes(&saved, &opened), ["settings"]);
        let deleted = reduce(&state, Action::DeleteArticle(state.document.articles[0].id.clone()));
        assert_eq!(changes(&saved, &deleted), ["forget a1", "order"]);
        // Undo brings the article back (and opens it), and with it both its records.
        let undone = reduce(&deleted, Action::Undo);
        let mut after_delete = Saved::of(Workspace::of(&deleted));
        assert_eq!(changes(&after_delete, &undone), ["text a1", "annotations a1", "order", "settings"]);
        after_delete.record(Workspace::of(&undone));
        assert_eq!(changes(&after_delete, &undone), Vec::<String>::new());
    }

    #[wasm_bindgen_test]
    fn renaming_a_label_rewrites_the_annotations_but_a_new_colour_only_the_labels() {
        let (state, saved) = restored();
        let quote = state.document.labels.get(Label::Quote).unwrap().clone();
        let recoloured = reduce(&state, Action::UpdateLabel(LabelDef { colour: "#123456".into(), ..quote }));
        assert_eq!(changes(&saved, &recoloured), ["labels"]);
        let added = reduce(
            &state,
            Action::AddLabel(LabelDef {
                label: Label::Custom(0),
                name: "Rumour".into(),
                colour: "#aa5500".into(),
                hotkey: None,
                description: String::new(),
            }),
        );
        assert_eq!(changes(&saved, &added), ["labels"]);
        let saved = Saved::of(Workspace::of(&added));
        let rumour = added.document.labels.by_name("Rumour").and_then(|l| added.document.labels.get(l)).unwrap().clone();
        let renamed = reduce(&added, Action::UpdateLabel(LabelDef { name: "Hearsay".into(), ..rumour }));
        assert_eq!(changes(&saved, &renamed), ["annotations a1", "annotations a2", "labels"]);
    }

    #[wasm_bindgen_test]
    fn storage_that_cannot_be_vouched_for_gets_every_record() {
        let (state, _) = restored();
        assert_eq!(
            changes(&Saved::default(), &state),
            ["text a1", "annotations a1", "text a2", "annotations a2", "order", "labels", "counters", "settings"]
        );
    }
}
