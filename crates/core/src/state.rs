//! The one application state.
//!
//! Owns: everything the app shows and saves, as one immutable value. Articles are shared `Rc`s,
//! so a change copies only the article it touches and the storage effect can tell which articles
//! changed by pointer. Must never: be changed except by `reducer::reduce`.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::format::ImportBatch;
use crate::history::History;
use crate::label::{Label, LabelSet};
use crate::pending::{Analysis, ArticleSuggestions, Pending, SuggestionId};
use crate::relation::{Relation, RelationId};
use crate::span::{Span, SpanId};

/// The largest article accepted, in UTF-8 bytes. Articles up to this size open, paint and save
/// without freezing the page; larger ones are refused with a message rather than half-working.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the person: what just happened, or why something was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice { kind: NoticeKind::Info, text: text.into() }
    }
    pub fn error(text: impl Into<String>) -> Self {
        Notice { kind: NoticeKind::Error, text: text.into() }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// The new-article form; `text` prefills it (from a paste), `error` says why adding failed.
    NewArticle {
        title: String,
        text: String,
        error: Option<String>,
    },
    Help,
    /// Several spans lie under a click: the person picks one.
    ChooseSpan {
        candidates: Vec<SpanId>,
    },
    Rename {
        article: ArticleId,
    },
    /// The label set editor.
    Labels {
        error: Option<String>,
    },
    /// An import whose files use labels the workspace does not have: the person maps each onto
    /// a label of theirs, or keeps it as a new label (`None`).
    MapLabels {
        batch: Box<ImportBatch>,
        mapping: Vec<(Label, Option<Label>)>,
    },
}

/// A relation being drawn: from a span to the span the person points at next.
#[derive(Debug, Clone, PartialEq)]
pub struct Linking {
    pub from: SpanId,
    /// The span the relation would end at, chosen by stepping with the keyboard.
    pub target: Option<SpanId>,
}

/// Where the state stands with storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Persistence {
    /// The stored workspace has not been read yet; nothing may be saved before it is.
    Loading,
    Ready {
        saved_revision: u64,
        error: Option<String>,
    },
    /// The stored workspace could not be read. Nothing is saved in this tab, so the stored data
    /// stays as it was for the person (or a later version) to recover.
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub articles: Vec<Rc<Article>>,
    pub open: Option<ArticleId>,
    /// The person's current text selection in the open article, already snapped.
    pub selection: Option<(usize, usize)>,
    pub selected_span: Option<SpanId>,
    /// The relation shown in the side panel; cleared when its article changes.
    pub selected_relation: Option<RelationId>,
    /// A relation being drawn from a span, if any.
    pub linking: Option<Linking>,
    /// The workspace's labels: the built-in four and the person's own.
    pub labels: LabelSet,
    /// Grows each time the person asks to be shown the selected span or suggestion (from a list,
    /// the summary or the keyboard), so the view scrolls to it even when the selection itself
    /// did not change.
    pub reveal: u64,
    /// The pending suggestion a person is looking at. Never set together with `selected_span`,
    /// so keys and the side panel act on one thing.
    pub selected_suggestion: Option<SuggestionId>,
    /// Pending suggestions per article; not saved (see `suggestions`). Read them through
    /// `suggestions_of`, which checks that they belong to the article's text.
    pub suggestions: BTreeMap<ArticleId, ArticleSuggestions>,
    /// The analysis the app is running, if any.
    pub analysing: Option<Analysis>,
    pub snap_to_words: bool,
    /// Labels hidden from the side panel's list (and from span-to-span stepping).
    pub hidden_labels: Vec<Label>,
    pub history: History,
    pub next_article: u64,
    /// The number of the next suggestion id and analysis job; only ever grow.
    pub next_suggestion: u64,
    pub next_job: u64,
    /// Grows with every change that must be saved.
    pub revision: u64,
    pub persistence: Persistence,
    pub notice: Option<Notice>,
    pub dialog: Option<Dialog>,
}

impl Default for State {
    fn default() -> Self {
        State {
            articles: Vec::new(),
            open: None,
            selection: None,
            selected_span: None,
            selected_relation: None,
            linking: None,
            labels: LabelSet::builtin(),
            reveal: 0,
            selected_suggestion: None,
            suggestions: BTreeMap::new(),
            analysing: None,
            snap_to_words: true,
            hidden_labels: Vec::new(),
            history: History::default(),
            next_article: 1,
            next_suggestion: 1,
            next_job: 1,
            revision: 0,
            persistence: Persistence::Loading,
            notice: None,
            dialog: None,
        }
    }
}

impl State {
    pub fn article(&self, id: &ArticleId) -> Option<&Rc<Article>> {
        self.articles.iter().find(|a| &a.id == id)
    }

    pub fn article_index(&self, id: &ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| &a.id == id)
    }

    pub fn open_article(&self) -> Option<&Rc<Article>> {
        self.open.as_ref().and_then(|id| self.article(id))
    }

    pub fn selected(&self) -> Option<&Span> {
        let id = self.selected_span.as_ref()?;
        self.open_article()?.spans.get(id)
    }

    pub fn selected_relation(&self) -> Option<&Relation> {
        let id = self.selected_relation.as_ref()?;
        self.open_article()?.relations.get(id)
    }

    /// The pending suggestions of `article`, if any were computed for its text.
    pub fn suggestions_of(&self, article: &Article) -> Option<&ArticleSuggestions> {
        self.suggestions.get(&article.id).filter(|s| s.fits(article))
    }

    /// The open article's pending suggestions, in text order (empty when there are none).
    pub fn open_suggestions(&self) -> &[Pending] {
        self.open_article().and_then(|a| self.suggestions_of(a)).map_or(&[], |s| s.as_slice())
    }

    pub fn selected_pending(&self) -> Option<&Pending> {
        let id = self.selected_suggestion?;
        self.open_suggestions().iter().find(|p| p.id == id)
    }

    /// Whether the analysis of the open article is running.
    pub fn analysing_open(&self) -> bool {
        matches!((&self.analysing, &self.open), (Some(a), Some(open)) if &a.article == open)
    }

    pub fn is_saved(&self) -> bool {
        matches!(self.persistence, Persistence::Ready { saved_revision, error: None } if saved_revision == self.revision)
    }

    pub fn label_shown(&self, label: Label) -> bool {
        !self.hidden_labels.contains(&label)
    }

    /// A fresh article id not used in the workspace.
    pub(crate) fn fresh_article_id(&mut self) -> ArticleId {
        loop {
            let id = ArticleId::new(format!("a{}", self.next_article));
            self.next_article += 1;
            if self.article(&id).is_none() {
                return id;
            }
        }
    }
}

/// A title for text that came without one: its first non-blank line, shortened.
pub fn title_from_text(text: &str) -> String {
    const MAX: usize = 80;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled");
    if line.chars().count() <= MAX {
        line.to_string()
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A title from a file name: the name without its extension.
pub fn title_from_file_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}
