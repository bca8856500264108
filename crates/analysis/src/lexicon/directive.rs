//! Directive words: verbs and nouns by which someone demands something from someone.
//!
//! Owns: the list of directive verb forms with the construction each takes ("call on X to",
//! "urge X to", "demand that"), the directive nouns ("demands", "ultimatum") and the words that
//! end or introduce a list of demanded items. Must never: hold words that are mostly not
//! directive on their own ("call", "ask" and "press" only count in the constructions
//! `demands.rs` checks). Written for newsmark; every list is lower case and sorted.

/// How a directive verb takes its addressee and what is demanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    /// "demanded (that) X", "demanded X from Y".
    Demand,
    /// "called for X", "called on Y to X".
    Call,
    /// "urged Y to X", "urged X"; "exhorted" and "implored" likewise.
    Urge,
    /// "insisted that X should …", "insisted on X".
    Insist,
    /// "pressed for X", "pressed Y to X".
    Press,
    /// "required Y to X", "required that X", "required X".
    Require,
    /// "asked Y to X", "asked for X".
    Ask,
    /// "requested that X", "requested Y to X", "requested X" ("requests" is a noun).
    Request,
    /// "appealed to Y to X", "appealed for X".
    Appeal,
    /// "ordered Y to X", "instructed Y to X".
    Order,
    /// "pushed for X", "lobbied for X": only with "for" ("pushed the cart to the door" is not a
    /// demand).
    PushFor,
}

/// Every form of each directive verb, sorted by form.
pub const VERBS: &[(&str, Directive)] = &[
    ("appeal", Directive::Appeal),
    ("appealed", Directive::Appeal),
    ("appealing", Directive::Appeal),
    ("appeals", Directive::Appeal),
    ("ask", Directive::Ask),
    ("asked", Directive::Ask),
    ("asking", Directive::Ask),
    ("asks", Directive::Ask),
    ("call", Directive::Call),
    ("called", Directive::Call),
    ("calling", Directive::Call),
    ("calls", Directive::Call),
    ("demand", Directive::Demand),
    ("demanded", Directive::Demand),
    ("demanding", Directive::Demand),
    ("demands", Directive::Demand),
    ("exhort", Directive::Urge),
    ("exhorted", Directive::Urge),
    ("exhorting", Directive::Urge),
    ("exhorts", Directive::Urge),
    ("implore", Directive::Urge),
    ("implored", Directive::Urge),
    ("implores", Directive::Urge),
    ("imploring", Directive::Urge),
    ("insist", Directive::Insist),
    ("insisted", Directive::Insist),
    ("insisting", Directive::Insist),
    ("insists", Directive::Insist),
    ("instructed", Directive::Order),
    ("lobbied", Directive::PushFor),
    ("ordered", Directive::Order),
    ("orders", Directive::Order),
    ("press", Directive::Press),
    ("pressed", Directive::Press),
    ("presses", Directive::Press),
    ("pressing", Directive::Press),
    ("pushed", Directive::PushFor),
    ("pushing", Directive::PushFor),
    ("request", Directive::Request),
    ("requested", Directive::Request),
    ("requesting", Directive::Request),
    ("require", Directive::Require),
    ("required", Directive::Require),
    ("requires", Directive::Require),
    ("requiring", Directive::Require),
    ("urge", Directive::Urge),
    ("urged", Directive::Urge),
    ("urges", Directive::Urge),
    ("urging", Directive::Urge),
];

pub fn verb(lower: &str) -> Option<Directive> {
    VERBS.binary_search_by(|(w, _)| w.cmp(&lower)).ok().map(|i| VERBS[i].1)
}

/// Directive nouns. "conditions", "terms" and "demands" need a list or a complement after them
/// ("demands include …", "conditions: …") to count; "terms" also an owner ("the lenders' terms").
pub const NOUNS: &[&str] = &[
    "appeal",
    "appeals",
    "call",
    "calls",
    "condition",
    "conditions",
    "demand",
    "demands",
    "request",
    "requests",
    "term",
    "terms",
    "ultimatum",
    "ultimatums",
];

/// Words between a directive noun and its list: "demands include", "conditions are".
pub const LIST_INTROS: &[&str] = &["are", "include", "included", "includes", "including", "is", "was", "were"];

/// Forms of "include", which introduce a list after a directive noun in any tense.
pub const INCLUDE: &[&str] = &["include", "included", "includes", "including"];

/// Hedges, auxiliaries and adverbs that may stand between a directive noun and "include":
/// "demands reportedly included", "conditions are said to include", "demands have included".
/// They belong to neither the cue's item nor its actor.
pub const HEDGES: &[&str] = &[
    "allegedly",
    "also",
    "apparently",
    "are",
    "be",
    "been",
    "believed",
    "could",
    "had",
    "has",
    "have",
    "initially",
    "is",
    "may",
    "might",
    "now",
    "originally",
    "ostensibly",
    "reportedly",
    "reputedly",
    "said",
    "still",
    "supposedly",
    "thought",
    "to",
    "understood",
    "was",
    "were",
    "will",
    "would",
];

/// What a request for comment or information asks for: "asked for comment", "did not respond to
/// requests for comment", "pressed for details". Never a demand.
pub const ASKED_FOR_INFO: &[&str] = &[
    "anonymity",
    "clarification",
    "comment",
    "comments",
    "details",
    "elaboration",
    "information",
    "interview",
    "interviews",
    "reaction",
    "response",
];

/// Goods and markets: "demand for oil", "demand for housing" is the market's, not a demand.
pub const MARKET_GOODS: &[&str] = &[
    "bonds",
    "cars",
    "chips",
    "coal",
    "copper",
    "credit",
    "electricity",
    "energy",
    "exports",
    "food",
    "fuel",
    "gas",
    "gold",
    "goods",
    "grain",
    "homes",
    "housing",
    "imports",
    "labor",
    "labour",
    "loans",
    "metals",
    "oil",
    "petrol",
    "power",
    "products",
    "services",
    "steel",
    "wheat",
    "workers",
];

/// Verbs of a market moving: "demand for flats rose", "demand, which slowed, …".
pub const MARKET_VERBS: &[&str] = &[
    "declined",
    "dropped",
    "eased",
    "fell",
    "grew",
    "increased",
    "lifted",
    "outpaced",
    "outstripped",
    "picked",
    "recovered",
    "rose",
    "slowed",
    "slumped",
    "soared",
    "surged",
    "tumbled",
    "weakened",
];

/// Words before "demand" that make it the market's ("demand for oil rose"), a state ("in demand",
/// "on demand") or a quality ("a demanding schedule"), never someone's demand.
pub const NOT_DEMAND_BEFORE: &[&str] = &[
    "consumer",
    "domestic",
    "energy",
    "falling",
    "global",
    "great",
    "heavy",
    "high",
    "in",
    "increasing",
    "less",
    "low",
    "more",
    "most",
    "oil",
    "on",
    "rising",
    "so",
    "strong",
    "too",
    "very",
    "weak",
    "weakening",
    "weaker",
];

/// Words after which a directive verb form is a noun: "their demands", "the union's call".
pub const NOUN_BEFORE: &[&str] = &[
    "a", "an", "central", "eight", "five", "formal", "four", "fresh", "further", "her", "his", "its", "key", "list", "main", "new", "nine",
    "of", "original", "our", "public", "renewed", "repeated", "seven", "six", "ten", "the", "their", "these", "those", "three", "two",
    "whose", "your",
];

/// Words that end a demanded item: a new clause begins. ("before", "until" and "unless" do not:
/// "urged residents to stay indoors until the storm passes" is one demand.)
pub const ITEM_STOPS: &[&str] = &[
    "after",
    "although",
    "amid",
    "as",
    "because",
    "but",
    "citing",
    "despite",
    "following",
    "if",
    "saying",
    "since",
    "though",
    "when",
    "whereas",
    "which",
    "while",
    "who",
];

/// Verb forms that are past participles, so "X was asked to" is passive: X is the addressee.
pub const PARTICIPLES: &[&str] = &["asked", "called", "instructed", "ordered", "pressed", "requested", "required", "urged"];

/// Forms of "be" before a participle.
pub const BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lower_case() {
        assert!(VERBS.windows(2).all(|w| w[0].0 < w[1].0));
        for list in [
            MARKET_GOODS,
            MARKET_VERBS,
            NOUNS,
            LIST_INTROS,
            INCLUDE,
            HEDGES,
            ASKED_FOR_INFO,
            NOT_DEMAND_BEFORE,
            NOUN_BEFORE,
            ITEM_STOPS,
            PARTICIPLES,
            BE,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()), "{list:?}");
        }
        assert_eq!(verb("urged"), Some(Directive::Urge));
        assert_eq!(verb("walked"), None);
        assert_eq!(verb("told"), None);
    }
}
