//! Evaluative predicates: "The explanation is simple.", "This extreme is not good for the
//! town.", "The risk is real." — a form of "be", a few degree words, and an adjective of
//! `PREDICATE_EVALUATIVE` that closes its clause.
//!
//! Owns: reading that shape from the form of "be". Must never: count the adjective before a
//! noun ("is a simple device", "is good news"), in a passive or participle ("was sound asleep"
//! is not on the list for that reason), or look more than a few tokens past "be".

use crate::lexicon::opinion::predicate::*;
use crate::lexicon::opinion::stance::BE_FORMS;
use crate::lexicon::sources::{has, Tok};

/// The most degree words between "be" and the adjective: "is not so very simple".
const MAX_BETWEEN: usize = 3;

/// If the form of "be" at `k` opens an evaluative predicate, the index of its adjective.
pub(super) fn predicate(toks: &[Tok], k: usize) -> Option<usize> {
    if !has(BE_FORMS, &toks[k].lower) || k == 0 {
        return None;
    }
    let mut j = k + 1;
    while j < k + 1 + MAX_BETWEEN && toks.get(j).is_some_and(|t| t.word && has(BEFORE_PREDICATE, &t.lower)) {
        j += 1;
    }
    let adjective = toks.get(j).filter(|t| t.word && has(PREDICATE_EVALUATIVE, &t.lower))?;
    // "the best" is a superlative only after "the": "is the best", not "is the right".
    if toks[k + 1..j].iter().any(|t| t.is("the")) && !matches!(adjective.lower.as_str(), "best" | "worst") {
        return None;
    }
    let closes = match toks.get(j + 1) {
        None => true,
        Some(n) if !n.word => !matches!(n.lower.as_str(), "-" | "'" | "’"),
        Some(n) => has(AFTER_PREDICATE, &n.lower),
    };
    closes.then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::sources::tokenize;

    fn found(s: &str) -> bool {
        let toks = tokenize(s, 0..s.len());
        (0..toks.len()).any(|k| predicate(&toks, k).is_some())
    }

    #[test]
    fn predicates_close_their_clause() {
        assert!(found("The explanation is simple."));
        assert!(found("This is not good for the town."));
        assert!(found("The ferry is far too slow and the fare is worse than before."));
        assert!(!found("It is a simple device."));
        assert!(!found("The news is good news."));
        assert!(!found("The bridge is right-angled."));
        assert!(!found("Simple is the name of the boat."));
    }
}
