//! Notices: what the app tells the person about what just happened, as data.
//!
//! Owns: every message the reducer gives (`Message`), whether it is news or a refusal
//! (`NoticeKind`), and how long each one stays true (`Message::holds`, checked after every
//! action, so a notice goes away once what it reports no longer holds). Must never: hold
//! English; the app words every message in one place (`src/words`).

use super::State;
use crate::article::ArticleId;
use crate::label::{Label, LabelError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// News: shown as a status.
    Info,
    /// Something was refused or failed: shown as an alert.
    Error,
}

/// A message for the person: what just happened, or why something was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: Message,
}

impl Notice {
    pub fn info(message: Message) -> Self {
        Notice { kind: NoticeKind::Info, message }
    }

    pub fn error(message: Message) -> Self {
        Notice { kind: NoticeKind::Error, message }
    }
}

/// Why a text cannot become an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRefusal {
    /// Nothing but whitespace.
    Empty,
    /// More than `MAX_ARTICLE_BYTES` of UTF-8.
    TooBig { bytes: usize },
}

/// Everything a notice can say. Each variant carries what the wording needs and what its
/// condition (`holds`) checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The stored workspace could not be read, so nothing is saved over it in this tab.
    RestoreFailed { why: String },
    /// A rename to an empty title was refused.
    EmptyTitle,
    /// A text was refused as an article outside the new-article form (which shows it itself).
    TextRefused(TextRefusal),
    /// An article was deleted; undo brings it back.
    ArticleDeleted { article: ArticleId, title: String },
    /// A label edit was refused outside the label editor (which shows it itself).
    LabelRefused(LabelError),
    /// A custom label was removed with its spans; undo brings them back.
    LabelRemoved { label: Label, name: String, spans: usize },
    /// An import was added. `source` names the files (empty when unknown); `warnings` are
    /// worded by the format readers (see `format::ImportBatch::warnings`).
    Imported { articles: usize, spans: usize, relations: usize, source: String, warnings: Vec<String> },
    /// A relation from a span to itself was refused.
    SelfRelation,
    /// The two spans are already linked with this kind.
    AlreadyLinked { kind: String },
    /// The analysis of `article` ended.
    AnalysisDone { article: ArticleId, count: usize },
    /// The analysis could not finish; `why` comes from the worker.
    AnalysisFailed { why: String },
    /// Articles were exported (the app's downloads).
    Exported { count: usize },
    /// A download could not be offered; `why` comes from the browser or the formats worker.
    ExportFailed { why: String },
    /// A message the app worded where it arose (reading files); the core only shows it.
    Worded(String),
    /// An import was cancelled while its files were read or converted; nothing was added.
    ImportCancelled,
}

impl Message {
    /// Whether what the message reports still holds in `state`. A message that reports an
    /// event (an import, a refusal) holds until it is dismissed or replaced; one that reports
    /// how things stand goes away when they change.
    pub fn holds(&self, state: &State) -> bool {
        match self {
            // "Undo brings it back": once it is back, there is nothing left to say.
            Message::ArticleDeleted { article, .. } => state.document.article(article).is_none(),
            Message::LabelRemoved { label, .. } => !state.document.labels.contains(*label),
            // About the open article's suggestions: gone once they are all reviewed, or once
            // another article is open (the notice would cover that article's text).
            Message::AnalysisDone { article, count: 0 } => state.view.open.as_ref() == Some(article),
            Message::AnalysisDone { article, .. } => state.view.open.as_ref() == Some(article) && !state.open_suggestions().is_empty(),
            // The rename form it explains is still open.
            Message::EmptyTitle => matches!(state.view.dialog, Some(super::Dialog::Rename { .. })),
            Message::RestoreFailed { .. }
            | Message::TextRefused(_)
            | Message::LabelRefused(_)
            | Message::Imported { .. }
            | Message::SelfRelation
            | Message::AlreadyLinked { .. }
            | Message::AnalysisFailed { .. }
            | Message::Exported { .. }
            | Message::ExportFailed { .. }
            | Message::Worded(_)
            | Message::ImportCancelled => true,
        }
    }
}
