//! Opinion cues: first-person epistemic verbs, view phrases, hedges, comment adverbs and
//! strongly evaluative words; stance verbs and nouns are in `stance`, the weaker signs that
//! count only in pairs in `emphasis`.
//!
//! Owns: the lists `opinions.rs` matches, chosen for precision: a word is here only if, in news
//! prose, it nearly always marks a judgement rather than a fact. Must never: hold words that
//! are as often descriptive as evaluative ("crisis", "important", "likely", "great"), or a list
//! taken from a lexicon that may not ship (MPQA, NRC). Written for newsmark from scratch; every
//! list is lower case and sorted.

pub mod emphasis;
mod evaluative;
pub mod predicate;
pub mod stance;

pub use evaluative::EVALUATIVE;

/// Verbs that, after "I" or "we", state a belief rather than a fact: "I think", "we feel".
pub const EPISTEMIC_VERBS: &[&str] = &["believe", "doubt", "feel", "guess", "reckon", "suppose", "suspect", "think"];

/// Words allowed between "I"/"we" and the epistemic verb: "I don't really think".
pub const EPISTEMIC_FILLERS: &[&str] = &[
    "also",
    "am",
    "can't",
    "cannot",
    "certainly",
    "did",
    "didn't",
    "do",
    "don't",
    "firmly",
    "genuinely",
    "honestly",
    "just",
    "never",
    "not",
    "personally",
    "really",
    "still",
    "strongly",
    "truly",
];

/// Nouns of "in my view", "in her opinion", "to my mind".
pub const VIEW_NOUNS: &[&str] = &["estimation", "eyes", "judgement", "judgment", "mind", "opinion", "view"];

/// Adjectives of "I am convinced", "we're sure".
pub const STANCE_ADJECTIVES: &[&str] = &["afraid", "certain", "confident", "convinced", "sure"];

/// Hedges: the writer or speaker marks a statement as uncertain or arguable.
pub const HEDGES: &[&str] = &[
    "arguably",
    "conceivably",
    "maybe",
    "perhaps",
    "presumably",
    "probably",
    "purportedly",
    "seem",
    "seemed",
    "seemingly",
    "seems",
    "supposedly",
];

/// Adverbs by which the writer comments on the statement itself.
pub const COMMENT_ADVERBS: &[&str] = &[
    "absurdly",
    "admittedly",
    "alarmingly",
    "certainly",
    "clearly",
    "conveniently",
    "curiously",
    "disgracefully",
    "disturbingly",
    "evidently",
    "foolishly",
    "fortunately",
    "frankly",
    "hopefully",
    "indeed",
    "inexplicably",
    "ironically",
    "laughably",
    "luckily",
    "mercifully",
    "obviously",
    "outrageously",
    "plainly",
    "predictably",
    "recklessly",
    "refreshingly",
    "regrettably",
    "remarkably",
    "ridiculously",
    "rightly",
    "sadly",
    "shamefully",
    "shockingly",
    "strangely",
    "surely",
    "tellingly",
    "thankfully",
    "tragically",
    "undeniably",
    "undoubtedly",
    "unfortunately",
    "unquestionably",
    "unsurprisingly",
    "wisely",
    "worryingly",
];

/// Words after "clearly", "evidently" or "plainly" that make it an adverb of manner, not the
/// writer's comment: "clearly visible", "plainly marked".
pub const MANNER_AFTER_CLEARLY: &[&str] = &[
    "audible",
    "defined",
    "displayed",
    "explained",
    "heard",
    "identified",
    "labeled",
    "labelled",
    "legible",
    "marked",
    "seen",
    "shown",
    "signposted",
    "stated",
    "visible",
    "written",
];

/// Words after "welcome" that make it a greeting or a place, not a judgement: "welcome to",
/// "welcome centre".
pub const WELCOME_EXCEPTIONS_AFTER: &[&str] = &["back", "center", "centre", "home", "mat", "pack", "party", "sign", "to"];

/// Verbs by which a writer, at the start of a sentence, addresses the reader: "Consider the
/// bridge.", "Remember that …", "Make no mistake". "let" counts before "us" or "'s".
pub const READER_IMPERATIVES: &[&str] = &["consider", "imagine", "let", "let's", "make", "observe", "remember", "suppose"];

/// Words after an evaluative noun that make it a technical term: "disaster relief".
pub const EVALUATIVE_EXCEPTIONS_AFTER: &[&str] =
    &["aid", "area", "areas", "declaration", "hall", "management", "preparedness", "recovery", "relief", "response", "zone", "zones"];

/// Words before an evaluative noun that make it descriptive: "natural disaster".
pub const EVALUATIVE_EXCEPTIONS_BEFORE: &[&str] = &["environmental", "humanitarian", "natural", "nuclear"];

/// Modal words by which the writer prescribes: "the state must act", "we ought to", "a
/// lawyer should not break the law" ("should" not in a clause of condition or report).
/// They count only in the writer's own voice (outside quotations, with no reporting verb in
/// the sentence): "X said the state must act" is X's demand, not the writer's opinion.
pub const PRESCRIPTIVE: &[&str] = &["imperative", "must", "ought", "should", "shouldn't"];

/// Unambiguous reporting words: a sentence with one reports someone else's modal.
pub const REPORTED: &[&str] = &[
    "according",
    "added",
    "argued",
    "argues",
    "believes",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "told",
    "warned",
    "warns",
    "wrote",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lower_case() {
        for list in [
            EPISTEMIC_VERBS,
            EPISTEMIC_FILLERS,
            VIEW_NOUNS,
            STANCE_ADJECTIVES,
            HEDGES,
            COMMENT_ADVERBS,
            EVALUATIVE,
            predicate::PREDICATE_EVALUATIVE,
            predicate::BEFORE_PREDICATE,
            predicate::AFTER_PREDICATE,
            EVALUATIVE_EXCEPTIONS_AFTER,
            EVALUATIVE_EXCEPTIONS_BEFORE,
            MANNER_AFTER_CLEARLY,
            READER_IMPERATIVES,
            emphasis::MILD_EVALUATIVE,
            WELCOME_EXCEPTIONS_AFTER,
            stance::STANCE_VERBS,
            stance::JUDGEMENT_VERBS,
            stance::STANCE_ADJECTIVES_AFTER_BE,
            stance::WELCOMED_GUESTS,
            stance::NAMING_VERBS,
            stance::STANCE_COMPLEMENTS,
            stance::STANCE_NOUNS,
            stance::JUDGEMENT_PREDICATES,
            stance::BE_FORMS,
            stance::CLAUSE_STARTS,
            emphasis::INTENSIFIERS,
            emphasis::UNIVERSALS,
            emphasis::DEGREE_WORDS,
            emphasis::WRITER_WE,
            emphasis::SOFT_MODALS,
            PRESCRIPTIVE,
            REPORTED,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()), "{list:?}");
        }
    }
}
