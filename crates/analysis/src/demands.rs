//! Demand suggestions: who demands what from whom, one span per demanded item.
//!
//! Owns: the rules that read directive verbs and nouns (`lexicon::directive`) — "demanded that
//! Y do Z", "called for", "called on Y to", "urged Y to", "pressed for", "insisted on", "asked Y
//! to", "X's demands (reportedly) include A, B and C", "demands such as", "conditions:",
//! "terms", "an ultimatum to Y to" — into the actor (`by`), the addressee (`to`) and each
//! demanded item, including each item of a list that follows in the sentence ("A, B and C", "to
//! A, to B, and to C") or on bulleted or numbered lines after a colon. The actor is a noun
//! phrase: a subject, a possessor, or a pronoun carried to the last named party; its kind goes
//! in `attributes.other` as `actor_kind` (the classes of claims' `source_kind`). Must never: read
//! more than `MAX_ITEM_TOKENS` tokens after a cue or more than `MAX_BULLETS` lines of a list (so
//! the whole pass stays linear), suggest an item that includes the cue or a hedge, or give an
//! actor that is a fragment of a sentence.
//!
//! The parts: `cues` reads each directive verb of a sentence into a hit and `nouns` each
//! directive noun; `subject` reads a verb's actor; `actor` reads possessors and addressees and
//! checks actors; `memory` carries pronouns to names (read lazily, only for a pronoun actor, from
//! at most `MAX_LOOKBACK` sentences, each read once); `items` cuts the demanded content into
//! items, including bulleted lines. This file runs them over the sentences and makes one
//! suggestion per item, with a reason such as "list item 2 of 'demands include'".

mod actor;
mod clause;
mod cues;
mod items;
mod memory;
mod nouns;
mod subject;

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::sources::{classify_source, is_named_person, tokenize, SourceKind, Tok};
use crate::quotes::Quote;
use actor::{is_actor_phrase, speaker_for, Speakers};
use cues::in_sentence;
use items::bullets;
use memory::{sentence_names, Memory, Named};

/// How far after a cue the demanded items may reach.
const MAX_ITEM_TOKENS: usize = 80;
/// The most items one cue yields (longer runs are not a list of demands).
const MAX_ITEMS: usize = 12;
/// The most bulleted lines read after one introduction.
const MAX_BULLETS: usize = 50;
/// The most tokens in one item of a comma list; longer pieces mean the commas are not a list.
const MAX_LIST_PIECE: usize = 8;
/// The longest addressee between "urged" and "to".
const MAX_ADDRESSEE: usize = 10;
/// How many sentences back (within its paragraph and the previous one) a pronoun actor's
/// antecedent is looked for.
const MAX_LOOKBACK: usize = 12;

/// A directive found in a sentence, with its items.
struct Hit {
    /// Byte where the cue starts, to find the quotation around it.
    at: usize,
    /// The cue as a reason shows it: "'urged' … to", "'demands include'".
    cue: String,
    by: Option<String>,
    to: Option<String>,
    /// Token ranges of the items.
    items: Vec<Range<usize>>,
    confidence: f32,
    /// The sentence ends with a colon right after the cue: items may follow as bullets.
    open_list: bool,
}

pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    let speakers = Speakers::new(quotes);
    let mut out = Vec::new();
    // The actors found so far, by sentence, in order, each with whether it names a person: the
    // best antecedents of a later pronoun.
    let mut actors: Vec<(usize, String, bool)> = Vec::new();
    // Each sentence's names and opening subject, read at most once (when a pronoun needs them).
    let mut cache: Vec<Option<Vec<Named>>> = (0..doc.sentences.len()).map(|_| None).collect();
    // What the sentences before the one in hand name, and the first sentence not yet in it.
    let mut running = (Memory::default(), 0);
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let toks = tokenize(doc.text, sentence.bytes.clone());
        let hits = in_sentence(doc.text, &toks);
        let paragraph = sentence.paragraph;
        let mut remembered = false;
        for mut hit in hits {
            if !remembered && [&hit.by, &hit.to].iter().any(|w| w.as_deref().is_some_and(memory::is_pronoun)) {
                advance(doc, si, &actors, &mut cache, &mut running);
                names_of(doc, si, &mut cache);
                remembered = true;
            }
            let context = remembered.then(|| (&running.0, cache[si].as_deref().unwrap_or_default()));
            hit.by = hit.by.take().and_then(|by| actor(by, &hit, &toks, &speakers, context, paragraph, None));
            let by = hit.by.clone();
            hit.to = hit.to.take().and_then(|to| actor(to, &hit, &toks, &speakers, context, paragraph, by.as_deref()));
            let attributes = attributes(&hit);
            let total = hit.items.len();
            for (n, item) in hit.items.iter().enumerate() {
                let bytes = toks[item.start].bytes.start..toks[item.end - 1].bytes.end;
                let reason = if total == 1 { format!("directive {}", hit.cue) } else { format!("list item {} of {}", n + 1, hit.cue) };
                out.push(doc.suggestion(Label::Demand, bytes, attributes.clone(), hit.confidence, &reason));
            }
            let last_in_paragraph = doc.sentences.get(si + 1).is_none_or(|s| s.paragraph != paragraph);
            if hit.open_list && last_in_paragraph {
                let lines = bullets(doc, paragraph + 1);
                for (n, bytes) in lines.iter().enumerate() {
                    let reason = format!("list item {} of {} (bulleted line)", n + 1, hit.cue);
                    out.push(doc.suggestion(Label::Demand, bytes.clone(), attributes.clone(), 0.6, &reason));
                }
            }
            actors.extend(hit.by.map(|by| {
                let person = is_named_person(&by);
                (si, by, person)
            }));
        }
    }
    out
}

/// Brings the running memory up to sentence `si`: what the sentences before it (from at most
/// `MAX_LOOKBACK` back, in its paragraph and the previous one) name — each one's opening subject
/// ("Teachers in Marlow walked out"), its names, then the actors found in it, the later the
/// nearer antecedent.
fn advance(doc: &Doc, si: usize, actors: &[(usize, String, bool)], cache: &mut [Option<Vec<Named>>], running: &mut (Memory, usize)) {
    let paragraph = doc.sentences[si].paragraph;
    let lowest = si.saturating_sub(MAX_LOOKBACK);
    let from = (lowest..si).find(|&j| doc.sentences[j].paragraph + 1 >= paragraph).unwrap_or(si);
    // Sentences are read in order and each at most once: a gap starts the memory afresh.
    if running.1 < from {
        *running = (Memory::default(), from);
    }
    for j in running.1..si {
        let named = names_of(doc, j, cache);
        let first = actors.partition_point(|(k, _, _)| *k < j);
        let last = actors.partition_point(|(k, _, _)| *k <= j);
        running.0.remember(named, &actors[first..last], doc.sentences[j].paragraph);
    }
    running.1 = running.1.max(si);
}

/// The names and opening subject of sentence `j`, read once.
fn names_of<'c>(doc: &Doc, j: usize, cache: &'c mut [Option<Vec<Named>>]) -> &'c [Named] {
    cache[j].get_or_insert_with(|| {
        let toks = tokenize(doc.text, doc.sentences[j].bytes.clone());
        let opening = subject::opening_subject(doc.text, &toks, toks.len());
        sentence_names(doc.text, &toks, opening.as_deref())
    })
}

/// An actor or addressee as suggested: "we" in a quotation is its speaker, another pronoun the
/// last fitting name (`context`: the names before the sentence and in it); a phrase that is not
/// a noun phrase, or a possessive pronoun that stands for no one ("their demands" with no name
/// before), is no actor. An addressee (`except` = the actor) never stands for the actor.
fn actor(
    who: String,
    hit: &Hit,
    toks: &[Tok],
    speakers: &Speakers,
    context: Option<(&Memory, &[Named])>,
    paragraph: usize,
    except: Option<&str>,
) -> Option<String> {
    if let Some(speaker) = speaker_for(&who, speakers, hit.at) {
        return Some(speaker);
    }
    // Names after the pronoun itself cannot be what it stands for ("she called Wells Fargo's
    // conduct outrageous and called for …": not Wells Fargo).
    let lower = who.to_ascii_lowercase();
    let at = toks.iter().rev().filter(|t| t.bytes.start < hit.at).find(|t| t.lower == lower).map_or(hit.at, |t| t.bytes.start);
    if let Some(name) = context.and_then(|(memory, named)| memory.resolve(&who, at, named, paragraph, except)) {
        return Some(name);
    }
    let possessive_pronoun = matches!(who.to_ascii_lowercase().as_str(), "their" | "its" | "his" | "her" | "our");
    (is_actor_phrase(&who) && !possessive_pronoun).then_some(who)
}

/// The suggestion's attributes: actor, addressee and the actor's kind.
fn attributes(hit: &Hit) -> Attributes {
    let kind = match hit.by.as_deref().map(classify_source) {
        None => "unnamed",
        Some(SourceKind::Person) => "named-person",
        Some(SourceKind::Organisation) => "named-organisation",
        Some(SourceKind::Document) => "document",
        Some(SourceKind::Anonymous) => "anonymous",
    };
    let mut attributes = Attributes { by: hit.by.clone(), to: hit.to.clone(), ..Attributes::default() };
    attributes.other.push(("actor_kind".to_string(), kind.to_string()));
    attributes
}
