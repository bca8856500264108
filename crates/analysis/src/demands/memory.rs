//! Who a pronoun actor stands for: the parties named so far, so that "It demanded …" and "their
//! demands" carry to the last named organisation or group, and "She urged …" to the last named
//! person.
//!
//! Owns: reading the names of one sentence (runs of capitalised words, with "the" before an
//! organisation and "of" inside one: "the Chamber of Commerce") with their positions, and
//! remembering the last person and the last party, with the paragraph each was named in. Must
//! never: look at more than the sentence it is given (the pass stays linear), carry a pronoun
//! further than the previous paragraph, or take a lone capitalised word that opens a sentence
//! for a name ("Farmers pressed …" names no one).

use crate::lexicon::sources::{
    classify_source, has, is_named_person, SourceKind, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS,
};
use crate::names::person_like;

/// The most words in one name run.
const MAX_NAME_RUN: usize = 8;

/// A name in a sentence: where it starts, its text and whether it names a person.
pub(super) struct Named {
    pub at: usize,
    pub name: String,
    pub person: bool,
}

/// The last person and the last party named, each with its paragraph.
#[derive(Default)]
pub(super) struct Memory {
    person: Option<(String, usize)>,
    party: Option<(String, usize)>,
}

/// Pronouns (and possessive determiners) that stand for a person.
const PERSON_PRONOUNS: &[&str] = &["he", "her", "him", "his", "she"];
/// Pronouns that stand for an organisation or a group.
const PARTY_PRONOUNS: &[&str] = &["it", "its", "their", "them", "they"];

/// Whether an actor is a pronoun that `Memory::resolve` may carry to a name.
pub(super) fn is_pronoun(who: &str) -> bool {
    let lower = who.to_ascii_lowercase();
    has(PERSON_PRONOUNS, &lower) || has(PARTY_PRONOUNS, &lower)
}

impl Memory {
    /// The name `who` stands for when it is a pronoun: the last fitting name before byte `at` in
    /// this sentence (`named`), else the one remembered from this or the previous paragraph.
    pub(super) fn resolve(&self, who: &str, at: usize, named: &[Named], paragraph: usize) -> Option<String> {
        let lower = who.to_ascii_lowercase();
        let person = has(PERSON_PRONOUNS, &lower);
        if !person && !has(PARTY_PRONOUNS, &lower) {
            return None;
        }
        if let Some(n) = named.iter().rev().find(|n| n.at < at && n.person == person) {
            return Some(n.name.clone());
        }
        let remembered = if person { &self.person } else { &self.party };
        remembered.as_ref().filter(|(_, p)| paragraph <= p + 1).map(|(name, _)| name.clone())
    }

    /// Remembers what a sentence names (`antecedents`) and then the actors found in it (the
    /// later, the nearer antecedent; an actor is the best).
    pub(super) fn remember(&mut self, antecedents: &[(String, bool)], actors: &[String], paragraph: usize) {
        for (name, person) in antecedents {
            let slot = if *person { &mut self.person } else { &mut self.party };
            *slot = Some((name.clone(), paragraph));
        }
        for a in actors {
            if is_any_pronoun(a) {
                continue;
            }
            let slot = if is_named_person(a) { &mut self.person } else { &mut self.party };
            *slot = Some((a.clone(), paragraph));
        }
    }
}

fn is_any_pronoun(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    has(PERSON_PRONOUNS, &lower) || has(PARTY_PRONOUNS, &lower) || has(SUBJECT_PRONOUNS, &lower)
}

/// What a sentence offers as antecedents, in order, each with whether it names a person: its
/// opening subject ("Teachers in Marlow walked out"), then its names.
pub(super) fn antecedents(opening: Option<&str>, named: &[Named]) -> Vec<(String, bool)> {
    let opening = opening.filter(|o| !o.starts_with(char::is_lowercase) && !is_any_pronoun(o) && !named.iter().any(|n| n.name == *o));
    let phrases = opening.into_iter().map(|o| (o.to_string(), person_like(o)));
    phrases.chain(named.iter().map(|n| (n.name.clone(), n.person))).collect()
}

/// The names of a sentence in order: runs of capitalised words ("Senator Ilse Brandt", "the
/// Hallam Workers' Union", "Chamber of Commerce"), each a person or a party.
pub(super) fn names_in(text: &str, toks: &[Tok]) -> Vec<Named> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !(toks[k].word && toks[k].cap) || has(DETERMINERS, &toks[k].lower) || has(SUBJECT_PRONOUNS, &toks[k].lower) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        while end < toks.len() && end - start < MAX_NAME_RUN {
            let t = &toks[end];
            let joins = (t.word && t.cap)
                // "Workers' Union": a plural possessive inside a name.
                || ((t.is("'") || t.is("’")) && toks[end - 1].lower.ends_with('s') && toks.get(end + 1).is_some_and(|n| n.cap))
                || (matches!(t.lower.as_str(), "of" | "for" | "&") && toks.get(end + 1).is_some_and(|n| n.word && n.cap));
            if !joins {
                break;
            }
            end += 1;
        }
        k = end;
        // A lone capitalised word opening the sentence is any word, unless a lower-case word
        // (its verb) follows and it is no plural ("Trump said", not "Farmers pressed").
        let single = end - start == 1;
        let lower_next = toks.get(end).is_some_and(|t| t.word && !t.cap);
        if start == 0 && single && (!lower_next || toks[0].lower.ends_with('s')) {
            continue;
        }
        // "in Port Ellison", "at Brookings": a lone name after a preposition is a place or a body.
        let after_preposition = start > 0 && has(LEADING_PREPOSITIONS, &toks[start - 1].lower);
        let name = &text[toks[start].bytes.start..toks[end - 1].bytes.end];
        let person = person_like(name) && (!single || (!after_preposition && classify_source(name) == SourceKind::Person));
        if !person && classify_source(name) != SourceKind::Organisation {
            continue;
        }
        // "the Hallam Workers' Union": the article belongs to an organisation's name.
        let from = if !person && start > 0 && toks[start - 1].is("the") { start - 1 } else { start };
        out.push(Named { at: toks[from].bytes.start, name: text[toks[from].bytes.start..toks[end - 1].bytes.end].to_string(), person });
    }
    out
}
