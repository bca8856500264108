//! Everything that can happen to the state, as data.
//!
//! Owns: the vocabulary between the UI and effects on one side and the reducer on the other.
//! Must never: carry DOM objects or UTF-16 offsets; positions are code points in the open article.

use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::format::ImportBatch;
use crate::label::{AttributeKey, Label, LabelDef, LabelSet};
use crate::pending::SuggestionId;
use crate::range::CpRange;
use crate::relation::RelationId;
use crate::snap::Edge;
use crate::span::SpanId;
use crate::state::{Dialog, Notice};
use crate::suggestion::Suggestion;

/// A workspace read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredWorkspace {
    pub articles: Vec<Article>,
    pub open: Option<ArticleId>,
    pub snap_to_words: bool,
    pub next_article: u64,
    pub labels: LabelSet,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Storage was read: `None` means nothing was stored yet (first visit).
    Restore(Option<StoredWorkspace>),
    /// A workspace could not be read; the app starts empty and must not overwrite storage.
    RestoreFailed(String),
    AddArticle {
        title: String,
        text: String,
    },
    OpenArticle(ArticleId),
    RenameArticle(ArticleId, String),
    DeleteArticle(ArticleId),
    /// Files were read. If they use labels the workspace lacks, the person first maps them
    /// (`Dialog::MapLabels`); otherwise the documents are added at once.
    Import(Box<ImportBatch>),
    /// In the mapping step: import the batch's `label` as the workspace's `target`, or as a new
    /// label of its own (`None`).
    MapLabel {
        label: Label,
        target: Option<Label>,
    },
    /// Ends the mapping step and adds the documents, as one undo step.
    ConfirmImport,
    AddLabel(LabelDef),
    /// Changes a label's name (custom labels only), colour, hotkey or description.
    UpdateLabel(LabelDef),
    /// Removes a custom label and every span that has it, as one undo step.
    RemoveLabel(Label),
    /// The person's raw text selection in the open article (its two ends, in either order,
    /// before snapping).
    Select(Option<CpRange>),
    /// Applies a label: tags the selection, or relabels the selected span.
    Tag(Label),
    /// A click at a code point: selects the span there, or offers a choice when spans overlap.
    ClickAt(usize),
    SelectSpan(Option<SpanId>),
    /// Selects the next (or previous) shown span after the selected one.
    StepSpan {
        forward: bool,
    },
    DeleteSpan(SpanId),
    Relabel(SpanId, Label),
    SetAttribute {
        span: SpanId,
        key: AttributeKey,
        value: String,
    },
    /// Moves an edge of the selected span by a character cluster or a word.
    MoveEdge {
        edge: Edge,
        forward: bool,
        by_word: bool,
    },
    /// Starts drawing a relation from the selected span; the next span clicked or chosen ends it.
    StartRelation,
    CancelRelation,
    /// Ends the relation being drawn at the span chosen with the keyboard.
    CompleteRelation,
    /// Adds a relation; `kind` `None` picks the usual one for the `from` span's label.
    AddRelation {
        from: SpanId,
        to: SpanId,
        kind: Option<String>,
    },
    DeleteRelation(RelationId),
    SetRelationKind(RelationId, String),
    SelectRelation(Option<RelationId>),
    /// The Suggest button: analyse the open article. Ignored while its analysis runs.
    RequestSuggestions,
    /// The analysis `job` (named by `State::analysing`) found these, in code points of
    /// `article`. A result of an older job, or for an article no longer open, is dropped.
    /// A batch of a job's suggestions: batch 0 replaces the article's list, later batches add to
    /// it, and the `last` batch ends the job. Long articles' results come in batches so that no
    /// single one keeps the page busy for long.
    SetSuggestions {
        article: ArticleId,
        job: u64,
        suggestions: Vec<Suggestion>,
        batch: usize,
        last: bool,
    },
    /// The analysis `job` could not finish.
    SuggestionsFailed {
        article: ArticleId,
        job: u64,
        why: String,
    },
    SelectSuggestion(Option<SuggestionId>),
    /// Selects the next (or previous) pending suggestion.
    StepSuggestion {
        forward: bool,
    },
    /// Makes a pending suggestion a span with origin "suggested".
    AcceptSuggestion(SuggestionId),
    RejectSuggestion(SuggestionId),
    /// Accepts (or rejects) every pending suggestion of the open article, or those of one label,
    /// as one undo step.
    AcceptAll(Option<Label>),
    RejectAll(Option<Label>),
    Undo,
    Redo,
    SetSnapToWords(bool),
    ToggleLabelShown(Label),
    OpenDialog(Dialog),
    CloseDialog,
    Notify(Notice),
    DismissNotice,
    /// Storage has everything up to this revision.
    Saved(u64),
    SaveFailed(String),
    /// A save failed because the browser's storage for the app is full (worded by the effect).
    StorageFull(String),
    /// This tab is the `n`th open on the workspace (1 when it is alone): ids it makes from now
    /// on carry the number, so no other tab makes the same.
    TabNumber(u32),
    /// Storage holds work another tab saved (or a merge of it with this tab's): take it in.
    Synced(Box<Synced>),
}

/// An article as this tab last knew it (the base) and as storage holds it now; `None`: absent.
pub type Versions = (Option<Rc<Article>>, Option<Rc<Article>>);

/// What storage holds now, for the parts that changed, beside what this tab last knew of them
/// (the base of a three-way merge, `crate::merge`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Synced {
    /// Per article: its id, the version this tab last knew and the stored one.
    pub articles: Vec<(ArticleId, Versions)>,
    /// The article order this tab last knew, and the stored one.
    pub order: Option<(Vec<ArticleId>, Vec<ArticleId>)>,
    /// The label set with the stored labels taken in (read by the effect with this tab's set).
    pub labels: Option<LabelSet>,
    /// The stored counter for new articles.
    pub next_article: Option<u64>,
}
