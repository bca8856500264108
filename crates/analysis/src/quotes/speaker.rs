//! Finding who is credited with a quotation in the words right around it.
//!
//! Owns: the attribution patterns — after the quote ("…,” said X", "…,” X said", "…,” X, a
//! senior fellow at Y, said", "…” — X), before it ("X said: “…”", "X told reporters, “…”",
//! "According to X, “…”") — and cutting the speaker's mention and apposition (their role) out
//! of them. Must never: look outside the token windows it is given, or decide carrying and
//! pronoun resolution (that is `resolve`'s job, which sees the whole article).
//!
//! The parts, by where the credit stands: `after` reads the words after a closing mark, `before`
//! the words before an opening mark, and `mention` cuts the speaker's mention and role out of
//! either, with the help of `phrase` (a name in an apposition, after a preposition, …). This
//! file holds what they share: the kinds of mention and place, what was found, and which words
//! are reporting verbs.

mod after;
mod before;
mod mention;
mod phrase;

use std::ops::Range;

use super::tokens::Token;
use crate::lexicon::reporting;
use mention::BARE_SPEAKERS;

pub use after::after;
pub use before::before;

/// How the speaker is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    /// A capitalised name ("Angela Stent", "Sen. Warren", "the White House" is a description).
    Name,
    /// He, she, they, I, we: resolved later to the last named person.
    Pronoun,
    /// A description: "a campaign spokesman", "two sources familiar with the matter".
    Description,
}

/// Where the attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// After the closing mark, the verb first: "…,” said X".
    AfterVerbFirst,
    /// After the closing mark, the speaker first: "…,” X said".
    AfterSpeakerFirst,
    /// A dash credit after the closing mark: "…” — X".
    Dash,
    /// Before the opening mark, in the same sentence: "X said: “…”".
    Before,
    /// A one-word name opening a clause that ends with a colon, its verb no reporting verb ("Brook
    /// disagreed: “…”"): a credit only if that name is already known as a person's.
    ColonSubject,
}

/// An attribution found next to a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Bytes of the speaker's mention (the name, the pronoun or the description).
    pub mention: Range<usize>,
    pub kind: Mention,
    /// Bytes of the apposition or description that gives the speaker's role, if any.
    pub role: Option<Range<usize>>,
    pub place: Place,
    /// Bytes of the reporting verb, if there is one (a dash credit has none).
    pub verb: Option<Range<usize>>,
    /// Before the quote: the attribution ends with ':' or ',' right at the opening mark.
    pub punctuated: bool,
}

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.bytes.clone()]
}

fn lower_is(text: &str, t: &Token, list: &[&str]) -> bool {
    t.is_word() && list.iter().any(|w| word(text, t).eq_ignore_ascii_case(w))
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "two", "three", "four", "five", "several", "some", "many", "most",
    "another", "both", "each", "other", "few", "senior", "top", "former",
];
/// Verbs whose following noun is the person addressed, not the speaker: "told reporters",
/// "asked Trump". They never take an inverted subject.
const ADDRESS_VERBS: &[&str] =
    &["told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "urged", "warned", "assured", "advised", "pressed"];

/// Nouns that are also reporting verb forms ("the state", "his claims"): after a determiner
/// they are not verbs.
const NOUN_LIKE_VERBS: &[&str] = &[
    "state", "states", "claim", "claims", "report", "reports", "note", "notes", "remark", "remarks", "comment", "comments", "charge",
    "charges", "answer", "counter", "reply", "tweet", "tweets", "stress", "warning", "writing", "say", "suggest", "joke", "lament",
    "respond", "answered",
];

fn is_determiner(text: &str, t: &Token) -> bool {
    lower_is(text, t, DETERMINERS)
}

fn is_pronoun(text: &str, t: &Token) -> bool {
    lower_is(text, t, PRONOUNS)
}

fn is_possessive(text: &str, t: &Token) -> bool {
    let w = word(text, t);
    t.is_word() && (w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'"))
}

fn starts_upper(text: &str, t: &Token) -> bool {
    t.is_word() && word(text, t).chars().next().is_some_and(char::is_uppercase)
}

/// A reporting verb at token `i`: its length in tokens ("according to" is two).
pub fn verb_at(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let w = word(text, t);
    for phrase in reporting::PHRASES {
        let matches =
            phrase.iter().enumerate().all(|(k, p)| toks.get(i + k).is_some_and(|x| x.is_word() && word(text, x).eq_ignore_ascii_case(p)));
        if matches {
            return Some(phrase.len());
        }
    }
    if !reporting::is_reporting_verb(w) {
        return None;
    }
    // "the state", "his claims", "United States": nouns, not verbs.
    if lower_is(text, t, NOUN_LIKE_VERBS) {
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| {
            is_determiner(text, p) || is_possessive(text, p) || starts_upper(text, p) && w.chars().next().is_some_and(char::is_uppercase)
        }) {
            return None;
        }
    }
    // "state officials said", "state Sen. Ada Brook said": before a name, a title or a speaker
    // noun, "state" is a noun; as a verb it ends its clause or precedes a determiner ("…,” state
    // the authors").
    if w == "state" && toks.get(i + 1).is_some_and(|n| (starts_upper(text, n) && !is_pronoun(text, n)) || lower_is(text, n, BARE_SPEAKERS))
    {
        return None;
    }
    // A capitalised "Says" inside a name or title run ("Trump Says") is still a verb, but a
    // capitalised "State" or "Reports" is a name.
    if w.chars().next().is_some_and(char::is_uppercase) && lower_is(text, t, NOUN_LIKE_VERBS) {
        return None;
    }
    Some(1)
}

#[cfg(test)]
fn pair(a: &str, b: Option<&str>) -> Option<(String, Option<String>)> {
    Some((a.to_string(), b.map(str::to_string)))
}
