//! What kind of source a phrase names, and which phrases name a person a later "he" or "she"
//! may refer to.
//!
//! Owns: classifying a source phrase by its head word and markers of anonymity (a named person,
//! a named organisation, a document, an anonymous source), and finding the last person named in
//! a sentence. Must never: resolve a pronoun itself (each detector keeps its own memory of who
//! was named last), or look at more than the phrase or sentence it is given.

use super::kind_words::{
    ANONYMOUS_HEADS, ANONYMOUS_MARKERS, DOCUMENT_HEADS, GROUP_HEADS, HEAD_ENDS, ORGANISATION_HEADS, ORGANISATION_NAME_WORDS, PERSON_ROLES,
    PLACES, SPOKES_HEADS,
};
use super::subject::{DETERMINERS, SUBJECT_PRONOUNS};
use super::tokens::{has, tokenize, Tok};

/// What kind of source a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Person,
    Organisation,
    Document,
    Anonymous,
}

impl SourceKind {
    /// How the kind is shown in reasons and the summary panel.
    pub fn describe(self) -> &'static str {
        match self {
            SourceKind::Person => "named person",
            SourceKind::Organisation => "named organisation",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous source",
        }
    }
}

/// Classifies a source phrase: a named person, a named organisation, a document, or an
/// anonymous or unnamed source. Decided by the phrase's head word (the last word before "of",
/// "for", "familiar with" …) and markers of anonymity anywhere in it.
pub fn classify_source(s: &str) -> SourceKind {
    let toks: Vec<Tok> = tokenize(s, 0..s.len()).into_iter().filter(|t| t.word).collect();
    if toks.is_empty() {
        return SourceKind::Anonymous;
    }
    // ASCII is enough: the markers are ASCII (see `lower`).
    let lower = s.to_ascii_lowercase();
    if ANONYMOUS_MARKERS.iter().any(|m| lower.contains(m)) {
        return SourceKind::Anonymous;
    }
    let head_end = toks.iter().skip(1).position(|t| has(HEAD_ENDS, &t.lower)).map_or(toks.len(), |p| p + 1);
    let head = &toks[head_end - 1];
    let word = head.lower.trim_end_matches("'s");
    let indefinite = matches!(toks[0].lower.as_str(), "a" | "an" | "one" | "two" | "three" | "several" | "some");
    // All capitals and short: "FBI", "NATO", "U.S." (longer runs are names in transcripts: "PENCE").
    let letters = s[head.bytes.clone()].chars().filter(|c| c.is_alphabetic()).count();
    let acronym = (2..=4).contains(&letters) && s[head.bytes.clone()].chars().all(|c| c.is_uppercase() || c == '.');
    if (head.cap && has(ORGANISATION_NAME_WORDS, word)) || has(PLACES, word) {
        return SourceKind::Organisation;
    }
    if has(DOCUMENT_HEADS, word) {
        return SourceKind::Document;
    }
    if has(SPOKES_HEADS, word) {
        // Named organisations around the head: "a Pentagon spokesman", "a spokesperson for Acme".
        let named = toks.iter().enumerate().any(|(i, t)| i > 0 && t.cap && t.lower != word);
        return if named { SourceKind::Organisation } else { SourceKind::Anonymous };
    }
    if has(ANONYMOUS_HEADS, word) || has(GROUP_HEADS, word) {
        return SourceKind::Anonymous;
    }
    if has(ORGANISATION_HEADS, word) || acronym {
        return SourceKind::Organisation;
    }
    if has(PERSON_ROLES, word) {
        return if indefinite { SourceKind::Anonymous } else { SourceKind::Person };
    }
    match word {
        "he" | "she" | "i" | "we" | "you" | "him" | "her" => return SourceKind::Person,
        "it" => return SourceKind::Organisation,
        "they" => return SourceKind::Anonymous,
        _ => {}
    }
    if head.cap && !indefinite {
        SourceKind::Person
    } else {
        SourceKind::Anonymous
    }
}

/// Whether a phrase is a personal pronoun that should be resolved to a name.
pub fn is_person_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "he" | "she" | "his" | "her")
}

/// Whether a phrase names someone with a capitalised name that is not sentence-initial filler:
/// the kind of name a later "he" or "she" may refer to.
pub fn is_named_person(s: &str) -> bool {
    classify_source(s) == SourceKind::Person
        && tokenize(s, 0..s.len()).iter().any(|t| t.cap && t.word && !has(SUBJECT_PRONOUNS, &t.lower) && !has(DETERMINERS, &t.lower))
}

/// Prepositions after which a capitalised name is a place or an organisation, not a person.
const PLACE_PREPOSITIONS: &[&str] = &["across", "at", "from", "in", "into", "near", "of", "on", "to"];

/// The last person-like name in a sentence (two to four capitalised words; `person_like`
/// rejects runs led by function words such as "The"),
/// for "he", "she" and "in her view" in a later sentence.
pub fn last_person_name(text: &str, toks: &[Tok]) -> Option<String> {
    let mut best = None;
    let mut k = 0;
    while k < toks.len() {
        if !(toks[k].word && toks[k].cap) {
            k += 1;
            continue;
        }
        let start = k;
        while k < toks.len() && toks[k].word && toks[k].cap && k - start < 4 {
            k += 1;
        }
        // "in Port Ellison", "at Brookings": a name after a preposition is a place or a body.
        let after_preposition = start > 0 && {
            let prev = &text[toks[start - 1].bytes.clone()];
            PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(prev))
        };
        if k - start >= 2 && !after_preposition {
            let name = &text[toks[start].bytes.start..toks[k - 1].bytes.end];
            if crate::names::person_like(name) {
                best = Some(name.to_string());
            }
        }
    }
    best
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[PLACE_PREPOSITIONS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_sources() {
        use SourceKind::*;
        for (s, k) in [
            ("Two sources familiar with the matter", Anonymous),
            ("officials", Anonymous),
            ("a spokesperson who declined to be named", Anonymous),
            ("a senior administration official", Anonymous),
            ("experts", Anonymous),
            ("Angela Stent", Person),
            ("Sen. Elizabeth Warren", Person),
            ("the president", Person),
            ("he", Person),
            ("the Brookings Institution", Organisation),
            ("the ministry", Organisation),
            ("a Pentagon spokesman", Organisation),
            ("the FBI", Organisation),
            ("Russia", Organisation),
            ("The Washington Post", Organisation),
            ("a report by the Pew Research Center", Document),
            ("the court filing", Document),
            ("the study", Document),
        ] {
            assert_eq!(classify_source(s), k, "{s}");
        }
    }
}
