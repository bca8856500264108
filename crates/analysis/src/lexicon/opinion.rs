//! Opinion cues: first-person epistemic verbs, view phrases, hedges and strongly evaluative
//! words.
//!
//! Owns: the lists `opinions.rs` matches, chosen for precision: a word is here only if, in news
//! prose, it nearly always marks a judgement rather than a fact. Must never: hold words that
//! are as often descriptive as evaluative ("crisis", "important", "likely", "great"), or a list
//! taken from a lexicon that may not ship (MPQA, NRC). Written for newsmark from scratch; every
//! list is lower case and sorted.

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
    "certainly",
    "disturbingly",
    "fortunately",
    "frankly",
    "hopefully",
    "indeed",
    "ironically",
    "laughably",
    "luckily",
    "obviously",
    "regrettably",
    "ridiculously",
    "sadly",
    "shamefully",
    "shockingly",
    "surely",
    "thankfully",
    "undeniably",
    "undoubtedly",
    "unfortunately",
    "unquestionably",
];

/// Strongly evaluative adjectives and nouns: a judgement of worth in one word.
pub const EVALUATIVE: &[&str] = &[
    "abhorrent",
    "abominable",
    "absurd",
    "absurdity",
    "admirable",
    "appalling",
    "atrocious",
    "awesome",
    "awful",
    "bigwigs",
    "brilliant",
    "cabal",
    "charade",
    "contemptible",
    "cowardly",
    "debacle",
    "deplorable",
    "despicable",
    "disaster",
    "disastrous",
    "disgrace",
    "disgraceful",
    "disgusting",
    "dishonest",
    "dismal",
    "draconian",
    "dreadful",
    "egregious",
    "excellent",
    "fabulous",
    "fantastic",
    "farce",
    "fiasco",
    "foolish",
    "hideous",
    "hoax",
    "horrendous",
    "horrible",
    "hypocrisy",
    "hypocritical",
    "idiotic",
    "inept",
    "inexcusable",
    "insane",
    "insidious",
    "laughable",
    "ludicrous",
    "magnificent",
    "marvellous",
    "marvelous",
    "mediocre",
    "mind-blowing",
    "mindblowing",
    "misguided",
    "monstrous",
    "nefarious",
    "nonsense",
    "outrageous",
    "pathetic",
    "pointless",
    "preposterous",
    "reckless",
    "reprehensible",
    "ridiculous",
    "scam",
    "scandalous",
    "senseless",
    "shameful",
    "shameless",
    "shoddy",
    "silly",
    "sinister",
    "sloppy",
    "so-called",
    "splendid",
    "stupid",
    "superb",
    "terrible",
    "terrific",
    "travesty",
    "unacceptable",
    "unconscionable",
    "unforgivable",
    "useless",
    "vile",
    "woeful",
    "wonderful",
    "wrongheaded",
];

/// Words after an evaluative noun that make it a technical term: "disaster relief".
pub const EVALUATIVE_EXCEPTIONS_AFTER: &[&str] =
    &["aid", "area", "areas", "declaration", "management", "preparedness", "recovery", "relief", "response", "zone", "zones"];

/// Words before an evaluative noun that make it descriptive: "natural disaster".
pub const EVALUATIVE_EXCEPTIONS_BEFORE: &[&str] = &["environmental", "humanitarian", "natural", "nuclear"];

/// Modal words by which the writer prescribes: "the state must act", "we ought to".
/// They count only in the writer's own voice (outside quotations, with no reporting verb in
/// the sentence): "X said the state must act" is X's demand, not the writer's opinion.
pub const PRESCRIPTIVE: &[&str] = &["imperative", "must", "ought"];

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
            EVALUATIVE_EXCEPTIONS_AFTER,
            EVALUATIVE_EXCEPTIONS_BEFORE,
            PRESCRIPTIVE,
            REPORTED,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()), "{list:?}");
        }
    }
}
