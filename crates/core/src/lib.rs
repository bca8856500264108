//! newsmark's pure core: everything that can be decided without a browser.
//!
//! The app crate renders this state and performs I/O; this crate never touches web-sys, the DOM,
//! storage or the clock (times come in as arguments), so all of it is tested natively.
//! Offsets everywhere in this crate are Unicode code points, end exclusive.

pub mod action;
pub mod article;
pub mod commands;
pub mod decimal;
pub mod encoding;
pub mod format;
pub mod history;
pub mod keymap;
pub mod label;
pub mod merge;
pub mod order;
pub mod pending;
pub mod range;
pub mod reducer;
pub mod relation;
pub mod sample;
pub mod shown;
pub mod snap;
pub mod span;
pub mod state;
pub mod suggestion;
pub mod text;

pub use action::{Action, StoredWorkspace, Synced};
pub use article::{Article, ArticleId};
pub use label::{AttributeKey, Label, LabelDef, LabelError, LabelSet};
pub use pending::{Analysis, ArticleSuggestions, Pending, SuggestionId};
pub use range::CpRange;
pub use reducer::reduce;
pub use relation::{Relation, RelationId, Relations};
pub use span::{Attributes, Origin, Span, SpanId, Spans};
pub use state::{Dialog, Message, Notice, NoticeKind, Persistence, State, TextRefusal};
pub use suggestion::{Confidence, Provenance, Suggestion};
pub use text::{ArticleText, Block};
