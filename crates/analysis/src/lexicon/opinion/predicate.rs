//! Adjectives that judge when the writer states them of a subject with "be": "The explanation
//! is simple.", "This approach is not sensible." Used plainly before a noun ("a simple
//! device", "a real risk") they describe, so they count only as predicates that end a clause.
//!
//! Owns: the list and the words allowed between "be" and the adjective. Must never: hold
//! adjectives that mostly describe the weather, markets or objects as predicates ("clear",
//! "strong", "weak", "hard", "fine"), words of `emphasis::MILD_EVALUATIVE` (those judge only
//! beside another cue: "the road is dangerous"), or a list taken from a lexicon that may not
//! ship.
//! Written for newsmark; lower case and sorted.

/// Adjectives of worth, sense, truth or ease that judge as the predicate of "be".
pub const PREDICATE_EVALUATIVE: &[&str] = &[
    "acceptable",
    "adequate",
    "appropriate",
    "bad",
    "baseless",
    "best",
    "better",
    "crucial",
    "difficult",
    "doubtful",
    "easy",
    "effective",
    "efficient",
    "essential",
    "excessive",
    "fair",
    "false",
    "futile",
    "good",
    "harmful",
    "healthy",
    "hopeless",
    "implausible",
    "important",
    "inadequate",
    "inappropriate",
    "ineffective",
    "inefficient",
    "insufficient",
    "justified",
    "meaningless",
    "misplaced",
    "necessary",
    "needless",
    "obvious",
    "overdue",
    "plausible",
    "premature",
    "real",
    "reasonable",
    "right",
    "risky",
    "sacred",
    "simple",
    "sound",
    "true",
    "unclear",
    "unhealthy",
    "unnecessary",
    "unreasonable",
    "untrue",
    "valid",
    "wise",
    "worse",
    "worst",
    "wrong",
];

/// Words that may stand between "be" and the adjective: "is not so simple", "was far too easy".
pub const BEFORE_PREDICATE: &[&str] = &[
    "all",
    "also",
    "always",
    "entirely",
    "equally",
    "especially",
    "far",
    "hardly",
    "just",
    "less",
    "more",
    "most",
    "much",
    "never",
    "no",
    "not",
    "often",
    "only",
    "particularly",
    "perfectly",
    "quite",
    "rather",
    "really",
    "simply",
    "so",
    "still",
    "the",
    "too",
    "very",
];

/// Words after the adjective that keep it a predicate closing its clause: "is good for",
/// "is easy to", "is worse than".
pub const AFTER_PREDICATE: &[&str] = &["and", "as", "but", "enough", "for", "in", "or", "than", "to", "yet"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::opinion::emphasis::MILD_EVALUATIVE;
    use crate::lexicon::opinion::EVALUATIVE;

    #[test]
    fn no_predicate_is_a_mild_or_strong_evaluative_word() {
        for w in PREDICATE_EVALUATIVE {
            assert!(!MILD_EVALUATIVE.contains(w) && !EVALUATIVE.contains(w), "{w}");
        }
    }
}
