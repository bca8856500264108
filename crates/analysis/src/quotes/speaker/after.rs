//! Credits after a closing quotation mark: "…,” said X", "…,” X said", "…,” X, a senior
//! fellow at Y, said" and the dash credit "…” — X".
//!
//! Owns: which of these patterns the words after a quote hold, and leaving to `before` a
//! participle or an address verb that continues the sentence before the quote ("…,” adding
//! that"). Must never: read more than `MAX_SPEAKER_FIRST_TOKENS` tokens for a speaker-first
//! credit, or take a capitalised word that starts a new sentence as a speaker.

use super::mention::{subject_backward, subject_forward};
use super::{is_pronoun, lower_is, starts_upper, verb_at, word, Found, Mention, Place, ADDRESS_VERBS};
use crate::quotes::tokens::{Kind, Token};

/// The most tokens between a quote and the verb of a speaker-first attribution (room for a long
/// apposition: "…,” Angela Stent, a senior fellow at the Brookings Institution and a former
/// national intelligence officer, said").
const MAX_SPEAKER_FIRST_TOKENS: usize = 32;

/// The attribution in the tokens after a closing mark (the window ends at the end of the
/// paragraph or at the next quote). `sentence_closed`: the quote ended with a full stop inside
/// the marks, so a following capitalised word begins a new sentence, not an attribution.
/// `question`: the quote ended with a question mark, so "asked X" names the one who asked.
pub fn after(text: &str, toks: &[Token], sentence_closed: bool, question: bool) -> Option<Found> {
    let mut i = 0;
    let mut dash = false;
    while let Some(t) = toks.get(i) {
        if t.is_punct(',') || t.is_punct('—') {
            dash |= t.is_punct('—');
            i += 1;
        } else {
            break;
        }
    }
    if dash {
        if let Some((mention, kind, role)) = subject_forward(text, toks, i) {
            if kind != Mention::Pronoun {
                // "— Trump said" is an ordinary speaker-first credit; "— Donald Trump" a dash one.
                let place = if speaker_first(text, toks, i).is_some() { Place::AfterSpeakerFirst } else { Place::Dash };
                return Some(Found { mention, kind, role, place, verb: None, punctuated: true });
            }
        }
    }
    if let Some(len) = verb_at(text, toks, i) {
        // "…,” adding that …" and "…,” telling reporters …" continue the sentence before the
        // quote; its subject is found by `before`.
        let w = word(text, &toks[i]);
        let asked_by = question && lower_is(text, &toks[i], &["asked", "asks"]);
        if w.ends_with("ing") || (lower_is(text, &toks[i], ADDRESS_VERBS) && !asked_by) {
            return None;
        }
        let verb = toks[i].bytes.start..toks[i + len - 1].bytes.end;
        let (mention, kind, role) = subject_forward(text, toks, i + len)?;
        return Some(Found { mention, kind, role, place: Place::AfterVerbFirst, verb: Some(verb), punctuated: true });
    }
    if sentence_closed && toks.get(i).is_some_and(|t| starts_upper(text, t) && !is_pronoun(text, t)) {
        return None;
    }
    speaker_first(text, toks, i)
}

/// "X said", "X, a senior fellow at Y, said", "a campaign spokesman said" starting at token `i`.
fn speaker_first(text: &str, toks: &[Token], i: usize) -> Option<Found> {
    let limit = toks.len().min(i + MAX_SPEAKER_FIRST_TOKENS);
    let mut v = None;
    for k in i..limit {
        if toks[k].ends_clause() || toks[k].kind == Kind::Mark {
            break;
        }
        if let Some(len) = verb_at(text, toks, k) {
            v = Some((k, len));
            break;
        }
    }
    let (v, len) = v?;
    let verb = toks[v].bytes.start..toks[v + len - 1].bytes.end;
    let (mention, kind, role) = subject_backward(text, toks, i, v)?;
    Some(Found { mention, kind, role, place: Place::AfterSpeakerFirst, verb: Some(verb), punctuated: true })
}

#[cfg(test)]
mod tests {
    use super::super::pair;
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn after_of(s: &str) -> Option<(String, Option<String>)> {
        let toks = tokenize(s, 0..s.len());
        after(s, &toks, false, false).map(|f| (s[f.mention].to_string(), f.role.map(|r| s[r].to_string())))
    }

    #[test]
    fn after_patterns() {
        assert_eq!(after_of(" said Hillary Clinton."), pair("Hillary Clinton", None));
        assert_eq!(after_of(" Clinton said."), pair("Clinton", None));
        assert_eq!(after_of(" he added."), pair("he", None));
        assert_eq!(
            after_of(" Angela Stent, a senior fellow at the Brookings Institution, said."),
            pair("Angela Stent", Some("a senior fellow at the Brookings Institution"))
        );
        assert_eq!(
            after_of(" said Angela Stent, a senior fellow at Brookings."),
            pair("Angela Stent", Some("a senior fellow at Brookings"))
        );
        assert_eq!(after_of(" a campaign spokesman said."), pair("a campaign spokesman", None));
        assert_eq!(after_of(" campaign chairman John Podesta told reporters."), pair("John Podesta", Some("campaign chairman")));
        assert_eq!(after_of(" — Donald Trump"), pair("Donald Trump", None));
        assert_eq!(after_of(" the state claims."), pair("the state", None));
        assert_eq!(after_of(" and the crowd cheered."), None);
        assert_eq!(after_of(" Sen. Claire McCaskill (D-Mo.) said."), pair("Sen. Claire McCaskill", None));
        assert_eq!(after_of(" Mitch McConnell, R-Ky., said Tuesday."), pair("Mitch McConnell", Some("R-Ky.")));
        assert_eq!(after_of(" said 9/11 widow Terry Strada."), pair("Terry Strada", Some("9/11 widow")));
        assert_eq!(after_of(", adding that its value rose."), None);
    }
}
