//! Credits before an opening quotation mark: "X said: “…”", "X told reporters, “…”",
//! "According to X, “…”", "said X: “…”", "…, saying: “…”" and a colon with no verb after a
//! name ("A lesson from X: “…”").
//!
//! Owns: finding the last reporting verb of the clause that ends at the quote, and which
//! speaker it credits: the inverted subject after it, the subject before it, or for a
//! participle the sentence's subject. Must never: read back past the start of the clause or
//! more than a dozen tokens from the quote for the verb.

use std::ops::Range;

use super::mention::{subject_backward, subject_forward};
use super::{lower_is, starts_upper, verb_at, word, Found, Mention, Place, ADDRESS_VERBS};
use crate::names;
use crate::quotes::tokens::{Kind, Token};

/// The attribution in the tokens before an opening mark, from the start of its sentence (or the
/// end of the previous quote): "X said: “", "X told reporters, “", "According to X, “", "said X:
/// “".
pub fn before(text: &str, toks: &[Token]) -> Option<Found> {
    let n = toks.len();
    let last = toks.last()?;
    let punctuated = last.is_punct(':') || last.is_punct(',');
    let end = if punctuated { n - 1 } else { n };
    // The last reporting verb of the clause that ends at the quote.
    let mut v = None;
    for k in (0..end).rev() {
        if toks[k].ends_clause() || toks[k].kind == Kind::Mark {
            break;
        }
        if end - k > 12 {
            break;
        }
        if let Some(len) = verb_at(text, toks, k) {
            v = Some((k, len));
            break;
        }
        // An earlier verb form in a multi-word phrase: "according to".
        if k > 0 && verb_at(text, toks, k - 1) == Some(2) {
            v = Some((k - 1, 2));
            break;
        }
    }
    let Some((v, len)) = v else {
        return if last.is_punct(':') { colon_credit(text, &toks[..end]) } else { None };
    };
    let verb = toks[v].bytes.start..toks[v + len - 1].bytes.end;
    let between = v + len..end;
    // "Trump attacked Clinton, saying: “…”": the speaker is the subject of the sentence.
    if len == 1 && word(text, &toks[v]).ends_with("ing") {
        let (mention, kind) = sentence_subject(text, &toks[..=v])?;
        return Some(Found { mention, kind, role: None, place: Place::Before, verb: Some(verb), punctuated });
    }
    // Inverted: "said Angela Stent:", "According to the senator,".
    if !between.is_empty() && !lower_is(text, &toks[v], ADDRESS_VERBS) {
        if let Some((mention, kind, role)) = subject_forward(text, toks, between.start) {
            let inverted = kind != Mention::Pronoun
                && (mention.end >= toks[end - 1].bytes.end || role.as_ref().is_some_and(|r| r.end >= toks[end - 1].bytes.end));
            if inverted {
                return Some(Found { mention, kind, role, place: Place::Before, verb: Some(verb), punctuated });
            }
        }
    }
    // "X said that “…" and "X called it “…" are partial quotes inside a clause; still credit X,
    // but only when few words separate the verb from the quote.
    if between.len() > 8 {
        return None;
    }
    let (mention, kind, role) = subject_backward(text, toks, 0, v)?;
    Some(Found { mention, kind, role, place: Place::Before, verb: Some(verb), punctuated })
}

/// The subject of a sentence: its first subject pronoun or name followed by a lower-case word
/// (its verb), after any introductory phrase.
fn sentence_subject(text: &str, toks: &[Token]) -> Option<(Range<usize>, Mention)> {
    for (k, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        if lower_is(text, t, &["he", "she", "they"]) {
            return Some((t.bytes.clone(), Mention::Pronoun));
        }
        if !starts_upper(text, t) || (k > 0 && toks[k - 1].is_word() && starts_upper(text, &toks[k - 1])) {
            continue;
        }
        if let Some(n) = names::name_after(text, t.bytes.start).filter(|n| n.start == t.bytes.start) {
            let next = toks.iter().position(|x| x.bytes.start >= n.end);
            let verb_follows = next.and_then(|i| toks.get(i)).is_some_and(|x| x.is_word() && !starts_upper(text, x));
            let appos_follows = next.and_then(|i| toks.get(i)).is_some_and(|x| x.is_punct(','));
            if verb_follows || appos_follows {
                return Some((n, Mention::Name));
            }
        }
    }
    None
}

/// "A lesson from Loretta Lynch: “…”", "Warren to Stumpf: ‘…’": a colon with no reporting
/// verb credits the first person named in its clause (common in headlines).
fn colon_credit(text: &str, toks: &[Token]) -> Option<Found> {
    let start = toks.iter().rposition(|t| t.ends_clause() || t.kind == Kind::Mark).map_or(0, |k| k + 1);
    for t in &toks[start..] {
        if !starts_upper(text, t) {
            continue;
        }
        if let Some(n) = names::name_after(text, t.bytes.start).filter(|n| n.start == t.bytes.start) {
            // A single capitalised word opening the clause may just be its first word
            // ("Partial transcript as follows:"), unless it is a possessive ("Osei’s answer:");
            // followed by a verb ("Brook disagreed:") it is a name only if `resolve` knows it.
            let single = !text[n.clone()].contains(' ') && !text[n.end..].starts_with(['’', '\''].as_slice());
            let opens = t.bytes.start == toks[start].bytes.start;
            if names::person_like(&text[n.clone()]) && !(single && opens) {
                return Some(Found { mention: n, kind: Mention::Name, role: None, place: Place::Before, verb: None, punctuated: true });
            }
            let verb_follows = toks.iter().find(|x| x.bytes.start >= n.end).is_some_and(|x| x.is_word() && !starts_upper(text, x));
            if names::person_like(&text[n.clone()]) && single && opens && verb_follows {
                return Some(Found {
                    mention: n,
                    kind: Mention::Name,
                    role: None,
                    place: Place::ColonSubject,
                    verb: None,
                    punctuated: true,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::pair;
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn before_of(s: &str) -> Option<(String, Option<String>)> {
        let toks = tokenize(s, 0..s.len());
        before(s, &toks).map(|f| (s[f.mention].to_string(), f.role.map(|r| s[r].to_string())))
    }

    #[test]
    fn before_patterns() {
        assert_eq!(before_of("Clinton said: "), pair("Clinton", None));
        assert_eq!(before_of("Sen. Warren told reporters on Monday, "), pair("Sen. Warren", None));
        assert_eq!(before_of("According to Trump, "), pair("Trump", None));
        assert_eq!(before_of("She added: "), pair("She", None));
        assert_eq!(before_of("The weather was fine: "), None);
        assert_eq!(before_of("Osei told the radio station, "), pair("Osei", None));
        assert_eq!(before_of("In a speech, Trump attacked Clinton, saying, "), pair("Trump", None));
        assert_eq!(before_of("A lesson from Ines Carvalho: "), pair("Ines Carvalho", None));
        assert_eq!(before_of("The Ohio developer says of Carvalho, "), pair("The Ohio developer", None));
        assert_eq!(before_of("The ad uses footage of Mara Lindqvist asking, "), pair("Mara Lindqvist", None));
    }
}
