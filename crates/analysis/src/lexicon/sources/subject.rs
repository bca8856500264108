//! Reading the phrase that names a source or actor next to a cue word: the subject before a
//! verb, or the noun phrase after a preposition ("according to X", "urged X to").
//!
//! Owns: stepping back over auxiliaries, adverbs, time adverbials, parentheses, appositions and
//! relative pronouns to the subject, and the word lists that end or bound such a phrase. Must
//! never: read more than `MAX_SUBJECT`, `MAX_APPOSITION` or `MAX_PARENTHESIS` tokens away from
//! the verb (the detectors call it once per cue and must stay linear), or decide what kind of
//! source the phrase names (that is `kind`).

use std::ops::Range;

use super::tokens::{has, Tok};

/// A phrase found next to a cue: token indices and the byte range they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub toks: Range<usize>,
    pub bytes: Range<usize>,
}

impl Phrase {
    fn of(toks: &[Tok], r: Range<usize>) -> Option<Phrase> {
        if r.is_empty() {
            return None;
        }
        Some(Phrase { bytes: toks[r.start].bytes.start..toks[r.end - 1].bytes.end, toks: r })
    }
}

/// The longest subject phrase read backwards; longer runs are not a subject we can trust.
const MAX_SUBJECT: usize = 16;
/// The longest apposition between a name and its verb ("Dana Kell, an outside adviser to
/// the council on housing and transport and a lecturer at …, said").
const MAX_APPOSITION: usize = 32;
/// The longest parenthesis after a name: "Sen. Ada Moore (R-Ore.)".
const MAX_PARENTHESIS: usize = 8;

/// The subject of the verb at token `verb`: the noun phrase right before it, after stepping
/// back over auxiliaries and adverbs ("has long argued"), a time adverbial ("this week"), a
/// parenthesis ("(R-Ga.)"), an apposition between commas ("Angela Stent, a senior fellow at
/// Brookings, said") or a relative pronoun ("Trump, who has said"). Returns the phrase and,
/// for an apposition, the apposition too.
pub fn subject_before(toks: &[Tok], verb: usize) -> Option<(Phrase, Option<Phrase>)> {
    let mut end = verb;
    let mut skipped = 0;
    while end > 0 && skipped < 4 && is_aux_or_adverb(&toks[end - 1]) {
        end -= 1;
        skipped += 1;
    }
    end = skip_time_adverbial(toks, end);
    end = skip_parenthesis(toks, end);
    if end == 0 {
        return None;
    }
    let mut apposition = None;
    if toks[end - 1].is(",") {
        // "X, a spokesman for Y, said": find the opening comma and read the phrase before it.
        let close = end - 1;
        let lowest = close.saturating_sub(MAX_APPOSITION);
        let open =
            (lowest..close).rev().find(|&j| !toks[j].word && !matches!(toks[j].lower.as_str(), "(" | ")" | "-" | "'" | "/" | "&"))?;
        if !toks[open].is(",") || close - open < 2 {
            return None;
        }
        let first = &toks[open + 1];
        // After a name, any apposition will do ("Revesz, director of …,"); otherwise it must
        // look like one ("a senior fellow", "who …").
        let after_name = open > 0 && (toks[open - 1].cap || toks[open - 1].is(")"));
        let looks_like = first.cap || has(APPOSITION_STARTS, &first.lower) || first.lower.chars().all(|c| c.is_ascii_digit());
        if !(looks_like || (after_name && first.word && !has(SUBJECT_STOPS, &first.lower) && !first.is("and"))) {
            return None;
        }
        apposition = Phrase::of(toks, open + 1..close);
        end = skip_parenthesis(toks, open);
        if end == 0 {
            return None;
        }
    } else if matches!(toks[end - 1].lower.as_str(), "who" | "which") {
        // "Trump, who has said …" and "officials who say …".
        end -= 1;
        if end > 0 && toks[end - 1].is(",") {
            end -= 1;
        }
    }
    // A personal pronoun right before the verb is the whole subject: "the impact it said".
    if apposition.is_none() && matches!(toks[end - 1].lower.as_str(), "he" | "she" | "it" | "they" | "i" | "we" | "you") {
        return Some((Phrase::of(toks, end - 1..end)?, None));
    }
    let mut start = end;
    while start > 0 && end - start < MAX_SUBJECT {
        let t = &toks[start - 1];
        if !t.word {
            break;
        }
        if t.is("and") || t.is("&") {
            // "Trump and Pence said": a coordination of names, not a new clause.
            let joins_names = start >= 2 && toks[start].cap && toks[start - 2].cap && toks[start - 2].word;
            if !joins_names {
                break;
            }
        } else if has(SUBJECT_STOPS, &t.lower) || looks_like_verb(toks, start - 1) || (start < end && has(OBJECT_PRONOUNS, &t.lower)) {
            break;
        }
        start -= 1;
    }
    if start == end || (end - start == MAX_SUBJECT && start > 0 && toks[start - 1].word) {
        return None;
    }
    // "On Monday the ministry said": drop a leading adverbial.
    if has(LEADING_PREPOSITIONS, &toks[start].lower) && end - start > 1 {
        let from = start + 1;
        let det = (from..end).rev().find(|&j| has(DETERMINERS, &toks[j].lower) && j > from);
        start = match det {
            Some(j) => j,
            None => (from..end).find(|&j| toks[j].cap && !has(TIME_WORDS, &toks[j].lower)).unwrap_or(end - 1),
        };
    }
    let last = &toks[end - 1];
    // Quantifiers stand alone as subjects ("all agreed", "many say"); articles do not.
    let quantifier = matches!(last.lower.as_str(), "all" | "both" | "many" | "most" | "some" | "several" | "few");
    if (has(DETERMINERS, &last.lower) && !quantifier) || has(LEADING_PREPOSITIONS, &last.lower) || has(NOT_SUBJECTS, &last.lower) {
        return None;
    }
    Some((Phrase::of(toks, start..end)?, apposition))
}

/// Steps back over a time adverbial that ends at `end`: "Trump this week said", "Obama on
/// Monday said", "Clinton earlier this month said". Returns `end` unchanged if there is none.
fn skip_time_adverbial(toks: &[Tok], end: usize) -> usize {
    let mut e = end;
    let mut saw_time = false;
    while e > 1 && end - e < 4 {
        let w = toks[e - 1].lower.as_str();
        if has(TIME_WORDS, w) || has(PERIODS, w) {
            saw_time = true;
        } else if !matches!(w, "this" | "on" | "next" | "earlier" | "last") {
            break;
        }
        e -= 1;
    }
    if saw_time && toks[e - 1].word {
        e
    } else {
        end
    }
}

/// Steps back over a parenthesis that ends at `end`: "Sen. David Perdue (R-Ga.) said".
fn skip_parenthesis(toks: &[Tok], end: usize) -> usize {
    if end == 0 || !toks[end - 1].is(")") {
        return end;
    }
    let lowest = end.saturating_sub(MAX_PARENTHESIS + 1);
    match (lowest..end - 1).rev().find(|&j| toks[j].is("(") || toks[j].is(")")) {
        Some(open) if toks[open].is("(") && open > 0 && toks[open - 1].word => open,
        _ => end,
    }
}

/// Whether the word at `k` looks like a verb, which ends a subject read backwards: a finite
/// auxiliary, a reporting verb, or a form in "-ed" or "-ing" followed by what a verb takes (an
/// object, "to", a preposition), unless a determiner or name precedes it: "forced to defend …
/// said" and "suing North Carolina … requires" stop, "the embattled chief said" and
/// "registered voters agreed" do not.
fn looks_like_verb(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.cap {
        return false;
    }
    if has(FINITE_AUXILIARIES, &t.lower) || crate::lexicon::reporting::is_reporting_verb(&t.lower) {
        return true;
    }
    let past = t.lower.len() > 4 && (t.lower.ends_with("ed") || t.lower.ends_with("ing"));
    let adjective_position = k > 0 && (has(DETERMINERS, &toks[k - 1].lower) || toks[k - 1].cap);
    let takes_object = toks.get(k + 1).is_some_and(|n| {
        n.cap
            || has(DETERMINERS, &n.lower)
            || has(LEADING_PREPOSITIONS, &n.lower)
            || has(OBJECT_PRONOUNS, &n.lower)
            || matches!(n.lower.as_str(), "that" | "her" | "them")
    });
    past && takes_object && !adjective_position
}

/// The noun phrase starting at token `from` (after "according to", the object of "urge"):
/// words up to a comma or other mark, a word in `stops`, or `max` tokens.
pub fn phrase_after(toks: &[Tok], from: usize, stops: &[&str], max: usize) -> Option<Phrase> {
    let mut end = from;
    while end < toks.len() && end - from < max {
        let t = &toks[end];
        if (!t.word && !matches!(t.lower.as_str(), "-" | "/")) || has(stops, &t.lower) {
            break;
        }
        end += 1;
    }
    // A phrase cannot end with a determiner or preposition ("according to the").
    while end > from && (has(DETERMINERS, &toks[end - 1].lower) || has(LEADING_PREPOSITIONS, &toks[end - 1].lower)) {
        end -= 1;
    }
    Phrase::of(toks, from..end)
}

fn is_aux_or_adverb(t: &Tok) -> bool {
    t.word && (has(AUXILIARIES, &t.lower) || (t.lower.ends_with("ly") && !t.cap && t.lower.len() > 4 && !has(NOT_ADVERBS, &t.lower)))
}

/// Words that start an apposition after a name: "Angela Stent, a senior fellow".
const APPOSITION_STARTS: &[&str] =
    &["a", "an", "another", "chief", "deputy", "executive", "former", "head", "her", "his", "its", "one", "senior", "the", "their", "who"];

/// Auxiliaries and adverbs that may stand between a subject and its verb.
const AUXILIARIES: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "been",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "further",
    "had",
    "has",
    "have",
    "is",
    "just",
    "last",
    "later",
    "long",
    "never",
    "now",
    "often",
    "once",
    "previously",
    "recently",
    "repeatedly",
    "still",
    "then",
    "was",
    "were",
    "will",
    "would",
];

/// Adverb-looking words ending in "ly" that are not adverbs.
const NOT_ADVERBS: &[&str] = &["ally", "assembly", "family", "italy", "july", "monopoly", "rally", "supply"];

/// Words that end a subject phrase read backwards: conjunctions, relative and subordinating
/// words, and verbs that start a new clause.
const SUBJECT_STOPS: &[&str] = &[
    "after",
    "although",
    "as",
    "because",
    "before",
    "but",
    "despite",
    "how",
    "if",
    "maybe",
    "meanwhile",
    "nor",
    "once",
    "or",
    "perhaps",
    "so",
    "than",
    "that",
    "then",
    "though",
    "thus",
    "unless",
    "until",
    "what",
    "when",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "yet",
];

/// Finite auxiliaries: a subject read backwards never contains one.
const FINITE_AUXILIARIES: &[&str] = &[
    "am", "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "shall", "should", "was", "were",
    "will", "would",
];

/// Object pronouns: "told him", "asked them" end a subject read backwards.
const OBJECT_PRONOUNS: &[&str] = &["him", "it", "me", "them", "us"];

/// Nouns of periods in time adverbials: "this week", "earlier this month".
const PERIODS: &[&str] = &["afternoon", "evening", "month", "morning", "night", "week", "weekend", "year"];

/// Words a subject phrase cannot end with.
const NOT_SUBJECTS: &[&str] =
    &["about", "also", "be", "can", "could", "even", "just", "may", "might", "must", "not", "only", "should", "to"];

/// Prepositions and time words that start an adverbial, not a subject.
pub const LEADING_PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "at", "before", "by", "during", "for", "from", "in", "into", "of", "on", "over", "since", "through", "to",
    "under", "with", "within", "without",
];

pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "every", "few", "her", "his", "its", "many", "most", "my", "no", "our", "several",
    "some", "that", "the", "their", "these", "this", "those", "your",
];

/// Weekdays, months and relative time words: they start adverbials ("Monday", "last week").
pub const TIME_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "earlier",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "last",
    "later",
    "march",
    "may",
    "monday",
    "morning",
    "night",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "yesterday",
];

pub const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[
    APPOSITION_STARTS,
    AUXILIARIES,
    FINITE_AUXILIARIES,
    OBJECT_PRONOUNS,
    PERIODS,
    NOT_ADVERBS,
    SUBJECT_STOPS,
    NOT_SUBJECTS,
    LEADING_PREPOSITIONS,
    DETERMINERS,
    TIME_WORDS,
    SUBJECT_PRONOUNS,
];

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn subject(s: &str, verb: &str) -> Option<String> {
        let toks = tokenize(s, 0..s.len());
        let v = toks.iter().position(|t| t.lower == verb)?;
        subject_before(&toks, v).map(|(p, _)| s[p.bytes].to_string())
    }

    #[test]
    fn subjects_before_verbs() {
        assert_eq!(
            subject("Two sources familiar with the matter said that", "said").as_deref(),
            Some("Two sources familiar with the matter")
        );
        assert_eq!(subject("In a statement, the ministry has also said", "said").as_deref(), Some("the ministry"));
        assert_eq!(subject("Angela Stent, a senior fellow at Brookings, said that", "said").as_deref(), Some("Angela Stent"));
        assert_eq!(subject("Prices rose, and Trump, who has long argued that", "argued").as_deref(), Some("Trump"));
        assert_eq!(subject("On Monday the council said", "said").as_deref(), Some("the council"));
        assert_eq!(subject("Trump and Pence said", "said").as_deref(), Some("Trump and Pence"));
        assert_eq!(subject("Prices rose, said", "said"), None);
    }
}
