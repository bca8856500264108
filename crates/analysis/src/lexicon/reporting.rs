//! Reporting verbs: the words that introduce or credit speech ("said", "told", "according to").
//!
//! Owns: the list, written for newsmark, and matching a word against it. Must never: include
//! words that are mostly not about speech ("put", "went", "read") on their own; those only count
//! inside the phrases listed in `PHRASES`.

mod claim_verbs;
mod intent_verbs;

pub use claim_verbs::{claim_verb, claim_verb_lemmas, Frame};
pub use intent_verbs::{intent_verb, intent_verb_lemmas, Intent, CLAUSE_ONLY, INTENT_NOUN_FORMS};

/// Every form of each reporting verb, lower case, kept sorted so lookup is a binary search.
/// Base form, third person, past/participle and -ing form are all listed because news writes
/// "says", "said" and "saying" with the same meaning.
pub const REPORTING_VERBS: &[&str] = &[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advise",
    "advised",
    "advises",
    "agree",
    "agreed",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "alleging",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answer",
    "answered",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assure",
    "assured",
    "assures",
    "boast",
    "boasted",
    "boasting",
    "boasts",
    "cautioned",
    "cautions",
    "charge",
    "charged",
    "charges",
    "chimed",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "comments",
    "complain",
    "complained",
    "complaining",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "conclude",
    "concluded",
    "concludes",
    "confirm",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "continue",
    "continued",
    "continues",
    "counter",
    "countered",
    "counters",
    "cried",
    "declare",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "denied",
    "denies",
    "deny",
    "describe",
    "described",
    "describes",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasize",
    "emphasized",
    "emphasizes",
    "exclaimed",
    "explain",
    "explained",
    "explaining",
    "explains",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joke",
    "joked",
    "jokes",
    "joking",
    "lament",
    "lamented",
    "laments",
    "maintain",
    "maintained",
    "maintains",
    "mused",
    "muttered",
    "note",
    "noted",
    "notes",
    "noting",
    "observe",
    "observed",
    "observes",
    "offered",
    "pleaded",
    "pledged",
    "posted",
    "predict",
    "predicted",
    "predicts",
    "pressed",
    "proclaimed",
    "promised",
    "quipped",
    "read",
    "reads",
    "reasoned",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "remark",
    "remarked",
    "remarks",
    "repeated",
    "replied",
    "replies",
    "reply",
    "reported",
    "reports",
    "respond",
    "responded",
    "responding",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "screamed",
    "shouted",
    "snapped",
    "speculated",
    "state",
    "stated",
    "states",
    "stating",
    "stress",
    "stressed",
    "stresses",
    "suggest",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "thundered",
    "told",
    "tweet",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
];

/// Multi-word reporting phrases, matched word by word (lower case). The first word alone is
/// not a reporting verb.
pub const PHRASES: &[&[&str]] = &[
    &["according", "to"],
    &["went", "on"],
    &["goes", "on"],
    &["pointed", "out"],
    &["points", "out"],
    &["put", "it"],
    &["summed", "up"],
    &["chimed", "in"],
    &["is", "quoted"],
    &["was", "quoted"],
];

/// Whether `word` (any case, no punctuation) is a form of a reporting verb.
pub fn is_reporting_verb(word: &str) -> bool {
    if word.len() > 16 || word.is_empty() {
        return false;
    }
    // Lower-case without allocating: reporting verbs are ASCII.
    let mut buf = [0u8; 16];
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    match std::str::from_utf8(&buf[..word.len()]) {
        Ok(lower) => REPORTING_VERBS.binary_search(&lower).is_ok(),
        Err(_) => false,
    }
}

/// The most common, least ambiguous speech verbs: a quote credited with one of these is almost
/// surely a direct quotation of that speaker ("said", "says", "told", "added", "asked").
pub fn is_core_speech_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "tweeted"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "continued"
            | "recalled"
            | "replied"
            | "responded"
            | "stated"
            | "declared"
            | "insisted"
            | "argued"
            | "warned"
            | "claimed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_lower_case() {
        assert!(REPORTING_VERBS.windows(2).all(|w| w[0] < w[1]), "keep REPORTING_VERBS sorted for binary search");
        assert!(REPORTING_VERBS.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn claim_verbs_are_many_without_stance_or_directive_verbs() {
        let lemmas: Vec<_> = claim_verb_lemmas().collect();
        assert!(lemmas.len() >= 50, "{} verbs", lemmas.len());
        let mut forms: Vec<&str> = lemmas.iter().flat_map(|(f, _)| f.iter().copied()).collect();
        assert!(forms.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
        let n = forms.len();
        forms.sort_unstable();
        forms.dedup();
        assert_eq!(forms.len(), n, "a form is listed twice");
        // Stance verbs are the opinion finder's; directive verbs make demands.
        for w in [
            "believe",
            "believes",
            "think",
            "thinks",
            "fear",
            "feared",
            "hope",
            "hopes",
            "worry",
            "worried",
            "doubt",
            "doubts",
            "feel",
            "feels",
            "expect",
            "want",
            "wants",
            "demand",
            "demanded",
            "urge",
            "urged",
            "press",
            "insist_on",
        ] {
            assert_eq!(claim_verb(w), None, "{w}");
        }
        assert_eq!(claim_verb("said"), Some(Frame::Say));
        assert_eq!(claim_verb("writing"), Some(Frame::Say));
        assert_eq!(claim_verb("found"), Some(Frame::Clause));
        assert_eq!(claim_verb("cited"), Some(Frame::Object));
        assert_eq!(claim_verb("Said"), None, "callers pass lower case");
    }

    #[test]
    fn matches_forms_in_any_case() {
        assert!(is_reporting_verb("said"));
        assert!(is_reporting_verb("Said"));
        assert!(is_reporting_verb("WROTE"));
        assert!(!is_reporting_verb("went"));
        assert!(!is_reporting_verb("sáid"));
        assert!(!is_reporting_verb(""));
    }
}
