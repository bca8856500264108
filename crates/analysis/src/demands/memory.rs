//! Who a pronoun actor stands for: the parties named so far, so that "It demanded …" and "their
//! demands" carry to the last named organisation or group, and "She urged …" to the last named
//! person.
//!
//! Owns: reading the names of one sentence (runs of capitalised words, with "the" before an
//! organisation and "of" inside one: "the Chamber of Commerce") with their positions and its
//! opening subject, and remembering the last person and the last party, with the paragraph each
//! was named in ("she" prefers a subject that is a person; "it" and "they" the last party). Must
//! never: look at more than the sentence it is given (the pass stays linear), carry a pronoun
//! further than the previous paragraph, or take a lone capitalised word that opens a sentence
//! for a name ("Farmers pressed …" names no one).

use crate::lexicon::sources::{classify_source, has, SourceKind, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS};
use crate::names::person_like;

/// The most words in one name run.
const MAX_NAME_RUN: usize = 8;

/// A name in a sentence: where it starts, its text, whether it names a person and whether it is
/// the sentence's opening subject (the preferred antecedent: "Clinton criticised Wells Fargo's
/// board, and she called for …" means Clinton).
pub(super) struct Named {
    pub at: usize,
    pub name: String,
    pub person: bool,
    pub subject: bool,
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
    /// The name `who` stands for when it is a pronoun: in this sentence (`named`), its opening
    /// subject if it fits, else the last fitting name before byte `at`; else the one remembered
    /// from this or the previous paragraph.
    /// `except`: a name the pronoun cannot stand for (the actor, when the pronoun is the party it
    /// asks: "the cooperative demanded that it reverse the rise").
    pub(super) fn resolve(&self, who: &str, at: usize, named: &[Named], paragraph: usize, except: Option<&str>) -> Option<String> {
        let other = |name: &str| except.is_none_or(|e| !e.eq_ignore_ascii_case(name));
        let lower = who.to_ascii_lowercase();
        let person = has(PERSON_PRONOUNS, &lower);
        if !person && !has(PARTY_PRONOUNS, &lower) {
            return None;
        }
        // "she" prefers the sentence's subject; "it" and "they" the last party named (a
        // sentence's subject is often a thing: "Talks with the pilots' union broke down").
        let fits = |n: &&Named| n.at < at && n.person == person && other(&n.name);
        let subject = named.iter().filter(fits).find(|n| n.subject && person);
        if let Some(n) = subject.or_else(|| named.iter().rev().find(fits)) {
            return Some(n.name.clone());
        }
        let remembered = if person { &self.person } else { &self.party };
        remembered.as_ref().filter(|(name, p)| paragraph <= p + 1 && other(name)).map(|(name, _)| name.clone())
    }

    /// Remembers what a sentence names and then the actors found in it (`actors`: each with
    /// whether it names a person), the later the nearer antecedent: an opening subject that is a
    /// party before the names, one that is a person after them (as `resolve` prefers), and an
    /// actor last.
    pub(super) fn remember(&mut self, named: &[Named], actors: &[(usize, String, bool)], paragraph: usize) {
        let party_subject = named.iter().filter(|n| n.subject && !n.person);
        let names = named.iter().filter(|n| !n.subject);
        let person_subject = named.iter().filter(|n| n.subject && n.person);
        for n in party_subject.chain(names).chain(person_subject) {
            let slot = if n.person { &mut self.person } else { &mut self.party };
            *slot = Some((n.name.clone(), paragraph));
        }
        for (_, a, person) in actors {
            if is_any_pronoun(a) {
                continue;
            }
            let slot = if *person { &mut self.person } else { &mut self.party };
            *slot = Some((a.clone(), paragraph));
        }
    }
}

fn is_any_pronoun(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    has(PERSON_PRONOUNS, &lower) || has(PARTY_PRONOUNS, &lower) || has(SUBJECT_PRONOUNS, &lower)
}

/// The opening subject of a sentence (`opening`, read by `subject::opening_subject`) and its
/// names, in text order.
pub(super) fn sentence_names(text: &str, toks: &[Tok], opening: Option<&str>) -> Vec<Named> {
    let mut named = names_in(text, toks);
    let opening = opening.filter(|o| !o.starts_with(char::is_lowercase) && !is_any_pronoun(o));
    if let (Some(o), Some(first)) = (opening, toks.first()) {
        named.retain(|n| n.name != o);
        named.insert(0, Named { at: first.bytes.start, name: o.to_string(), person: person_like(o), subject: true });
    }
    named
}

/// The names of a sentence in order: runs of capitalised words ("Senator Ilse Brandt", "the
/// Hallam Workers' Union", "Chamber of Commerce"), each a person or a party.
fn names_in(text: &str, toks: &[Tok]) -> Vec<Named> {
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
        // "Wells Fargo's board": the name without its possessive.
        let name = &text[toks[from].bytes.start..toks[end - 1].bytes.end];
        let name = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")).unwrap_or(name);
        out.push(Named { at: toks[from].bytes.start, name: name.to_string(), person, subject: false });
    }
    out
}
