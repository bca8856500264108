//! Suggested spans: what an analysis proposes and a person accepts or rejects.
//!
//! Owns: the shape of a suggestion and of the provenance an accepted suggestion keeps (its
//! confidence and the human-readable reason it was proposed). Must never: know how suggestions
//! are found (that is `newsmark-analysis`).

use std::rc::Rc;

use crate::label::Label;
use crate::span::Attributes;

/// Confidence in thousandths, 0 to 1000. Stored as an integer so spans stay `Eq` and exports
/// round the same way every time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Confidence(u16);

impl Confidence {
    /// From a probability-like number; values outside 0..=1 are clamped.
    pub fn from_f32(p: f32) -> Self {
        Confidence((p.clamp(0.0, 1.0) * 1000.0).round() as u16)
    }

    pub fn from_permille(p: u16) -> Self {
        Confidence(p.min(1000))
    }

    pub fn permille(self) -> u16 {
        self.0
    }

    pub fn as_f32(self) -> f32 {
        f32::from(self.0) / 1000.0
    }
}

/// Why a span was suggested, kept on the span after it is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub confidence: Confidence,
    /// A short reason a person can check, e.g. "closing quote followed by 'said' and a name".
    pub reason: Rc<str>,
}

/// A proposed span, in code points like every span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub label: Label,
    pub start: usize,
    pub end: usize,
    pub attributes: Attributes,
    pub provenance: Provenance,
}
