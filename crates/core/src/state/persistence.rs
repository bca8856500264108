//! Where the state stands with storage: not read yet, ready (with what was saved last), or
//! unreadable.
//!
//! Owns: the persistence part's reducer (`Persistence::saved`, `save_failed`, `unavailable`).
//! Must never: allow a save before the stored workspace was read, or after it could not be
//! read (a damaged store is never overwritten).

#[derive(Debug, Clone, PartialEq)]
pub enum Persistence {
    /// The stored workspace has not been read yet; nothing may be saved before it is.
    Loading,
    Ready {
        saved_revision: u64,
        error: Option<String>,
        /// The last save failed for lack of space: the person is offered to export their work.
        full: bool,
    },
    /// The stored workspace could not be read. Nothing is saved in this tab, so the stored data
    /// stays as it was for the person (or a later version) to recover.
    Unavailable(String),
}

impl Persistence {
    /// Storage was read; the state at `revision` is what it holds.
    pub(crate) fn ready(revision: u64) -> Persistence {
        Persistence::Ready { saved_revision: revision, error: None, full: false }
    }

    /// Storage has everything up to `revision`.
    pub(crate) fn saved(&mut self, revision: u64) {
        if let Persistence::Ready { saved_revision, error, full } = self {
            *saved_revision = (*saved_revision).max(revision);
            *error = None;
            *full = false;
        }
    }

    pub(crate) fn save_failed(&mut self, why: String, for_space: bool) {
        if let Persistence::Ready { error, full, .. } = self {
            *error = Some(why);
            *full = for_space;
        }
    }

    /// Storage could not be read: whether this is news (the first such report).
    pub(crate) fn unavailable(&mut self, why: String) -> bool {
        if !matches!(self, Persistence::Loading) {
            return false;
        }
        *self = Persistence::Unavailable(why);
        true
    }
}
