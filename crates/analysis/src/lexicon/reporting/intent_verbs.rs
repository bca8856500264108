//! Verbs that attribute an intention, a decision or a position to a source: "X wants to …",
//! "X decided that …", "X opposes the plan". News reports these as it reports speech, and the
//! content is the complement (a to-clause, a that-clause or an object).
//!
//! Owns: the table, written for newsmark, every form of each verb with what it attributes.
//! Must never: hold a stance verb of belief, worry or hope (believe, think, feel, fear, hope,
//! worry, doubt): those make opinions, and the opinion finder owns them. Nor a directive verb
//! (demand, urge, call for …) nor a speech verb of `claim_verbs`.

use std::sync::OnceLock;

/// What the verb attributes to its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// "wants to", "plans to", "expects that".
    Intention,
    /// "decided to", "agreed to", "refused to".
    Decision,
    /// "supports the plan", "opposes the bill".
    Position,
}

impl Intent {
    pub fn describe(self) -> &'static str {
        match self {
            Intent::Intention => "intention",
            Intent::Decision => "decision",
            Intent::Position => "position",
        }
    }
}

/// Every verb, every form: base, third person, past (and participle), -ing.
const VERBS: &[(&[&str], Intent)] = &[
    (&["agree", "agrees", "agreed", "agreeing"], Intent::Decision),
    (&["aim", "aims", "aimed", "aiming"], Intent::Intention),
    (&["choose", "chooses", "chose", "chosen", "choosing"], Intent::Decision),
    (&["decide", "decides", "decided", "deciding"], Intent::Decision),
    (&["decline", "declines", "declined", "declining"], Intent::Decision),
    (&["expect", "expects", "expected", "expecting"], Intent::Intention),
    (&["favor", "favors", "favored", "favoring"], Intent::Position),
    (&["favour", "favours", "favoured", "favouring"], Intent::Position),
    (&["intend", "intends", "intended", "intending"], Intent::Intention),
    (&["offer", "offers", "offered", "offering"], Intent::Intention),
    (&["oppose", "opposes", "opposed", "opposing"], Intent::Position),
    (&["plan", "plans", "planned", "planning"], Intent::Intention),
    (&["prefer", "prefers", "preferred", "preferring"], Intent::Position),
    (&["refuse", "refuses", "refused", "refusing"], Intent::Decision),
    (&["seek", "seeks", "sought", "seeking"], Intent::Intention),
    (&["support", "supports", "supported", "supporting"], Intent::Position),
    (&["vote", "votes", "voted", "voting"], Intent::Decision),
    (&["want", "wants", "wanted", "wanting"], Intent::Intention),
];

/// Forms that also are common nouns ("the plan", "their support", "a decline"): a verb only
/// where the caller sees a verb's context.
pub const INTENT_NOUN_FORMS: &[&str] =
    &["aim", "aims", "decline", "declines", "offer", "offers", "plan", "plans", "support", "supports", "vote", "votes", "want", "wants"];

/// Forms that need a to-clause or a that-clause, never an object: "declined the offer" and
/// "planned the trip" are events, "chose the venue" a choice of no statement.
pub const CLAUSE_ONLY: &[&str] = &[
    "aim",
    "aimed",
    "aiming",
    "aims",
    "choose",
    "chooses",
    "choosing",
    "chose",
    "chosen",
    "decline",
    "declined",
    "declines",
    "declining",
    "plan",
    "planned",
    "planning",
    "plans",
    "seek",
    "seeking",
    "seeks",
    "sought",
];

/// What `lower` (a lower-case word) attributes, if it is a form of an intent verb.
pub fn intent_verb(lower: &str) -> Option<Intent> {
    // Every token of an article asks: a sorted table built once, searched by halves.
    static FORMS: OnceLock<Vec<(&'static str, Intent)>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut all: Vec<(&str, Intent)> = VERBS.iter().flat_map(|(forms, k)| forms.iter().map(move |w| (*w, *k))).collect();
        all.sort_by_key(|(w, _)| *w);
        all
    });
    forms.binary_search_by_key(&lower, |(w, _)| *w).ok().map(|i| forms[i].1)
}

/// Every verb of the table, for tests.
pub fn intent_verb_lemmas() -> impl Iterator<Item = (&'static [&'static str], Intent)> {
    VERBS.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_stance_speech_or_directive_verb_and_every_form_once() {
        let mut forms: Vec<&str> = intent_verb_lemmas().flat_map(|(f, _)| f.iter().copied()).collect();
        let n = forms.len();
        forms.sort_unstable();
        forms.dedup();
        assert_eq!(forms.len(), n, "a form is listed twice");
        for w in &forms {
            assert_eq!(super::super::claim_verb(w), None, "{w} is a speech verb too");
            assert!(intent_verb(w).is_some(), "{w}");
        }
        for w in ["believe", "think", "feel", "fear", "hope", "hoped", "worry", "doubt", "demand", "urge", "press", "said", "says"] {
            assert_eq!(intent_verb(w), None, "{w}");
        }
        assert_eq!(intent_verb("wants"), Some(Intent::Intention));
        assert_eq!(intent_verb("refused"), Some(Intent::Decision));
        assert_eq!(intent_verb("opposes"), Some(Intent::Position));
        for list in [INTENT_NOUN_FORMS, CLAUSE_ONLY] {
            assert!(list.iter().all(|w| intent_verb(w).is_some()), "{list:?}");
        }
        for list in [INTENT_NOUN_FORMS, CLAUSE_ONLY] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "keep {list:?} sorted for binary search");
        }
    }
}
