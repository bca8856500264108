//! Reading who a cue credits: the source and where its content lies.
//!
//! Owns: the credit patterns — a subject before a reporting verb ("X said (that) …"), a credit
//! after its content ("…, X said." and "…, said X."), "according to X", a participle or a second
//! verb that keeps the source already read ("…, saying that …", "X said A and added B"), and a
//! name and colon opening a paragraph ("PENCE: …"). Must never: read more than a few tokens past
//! a credit, or decide where content after the cue starts (that is `content`).

use std::ops::Range;

use super::content::{clause_at, content_after};
use super::sources::{before_negation, reads_as_subject, sentence_subject, widen_anonymous};
use super::{is_quote, words_at_least, Found, Rule};
use crate::lexicon::reporting::{claim_verb, Frame};
use crate::lexicon::sources::{
    has, phrase_after, subject_before, Phrase, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS, TIME_WORDS,
};

/// Participles that, after a form of "be", make a passive with no source: "it is said that".
const PASSIVE_BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Labels before a colon that are not speakers: "Update: …", "Photo: …".
const NOT_SPEAKERS: &[&str] = &[
    "caption",
    "correction",
    "credit",
    "editor's",
    "note",
    "photo",
    "photos",
    "q",
    "question",
    "read",
    "related",
    "see",
    "source",
    "sources",
    "update",
    "updated",
    "video",
    "watch",
];

/// "OSEI: The fares will not …", "Poll: Commuters turn against …": a paragraph that
/// starts with a name or a source and a colon, as in transcripts and headlines.
pub(super) fn colon_credit(all: &[Tok]) -> Option<Found> {
    // A transcript quoted as a block may open each turn with a quotation mark: '"PENCE: …'.
    let skip = usize::from(all.first().is_some_and(is_quote));
    let toks = &all[skip..];
    let colon = toks.iter().take(5).position(|t| t.is(":"))?;
    if colon == 0 || !toks[..colon].iter().all(|t| t.word && t.cap) || has(NOT_SPEAKERS, &toks[0].lower) {
        return None;
    }
    let next = toks.get(colon + 1)?;
    if is_quote(next) || !words_at_least(&toks[colon + 1..], 3) {
        return None;
    }
    // The credit must look like a speaker or a source, not a headline's first words: a name
    // with no function words in it ("Stealth Over Health: …" is a title), a transcript's
    // capitals ("PENCE"), or a document ("Poll").
    let words = &toks[..colon];
    let function_word = words
        .iter()
        .any(|t| has(LEADING_PREPOSITIONS, &t.lower) || has(DETERMINERS, &t.lower) || matches!(t.lower.as_str(), "and" | "or" | "but"));
    let source = toks[0].bytes.start..toks[colon - 1].bytes.end;
    if function_word || colon > 3 {
        return None;
    }
    Some(Found { source, boundary: 0, content: skip + colon + 1..all.len(), cue: ":".into(), rule: Rule::Colon })
}

/// "according to X, …", "…, according to X" and "… according to X …".
pub(super) fn according(toks: &[Tok], i: usize) -> Option<Found> {
    let source = phrase_after(toks, i + 2, &["that", "which", "who"], 12)?;
    // "according to plan", "according to schedule": a manner, not a source.
    if source.toks.len() == 1 && has(NOT_SOURCES, &toks[source.toks.start].lower) {
        return None;
    }
    let after = source.toks.end;
    // At the start of the sentence (after a conjunction at most) the content follows.
    let lead = i <= 3 && (0..i).all(|j| matches!(toks[j].lower.as_str(), "but" | "and" | "yet" | "so" | "also" | "," | "however"));
    let content = if lead {
        let from = if toks.get(after).is_some_and(|t| t.is(",")) { after + 1 } else { after };
        from..toks.len()
    } else {
        0..i
    };
    let boundary = if i > 0 && toks[i - 1].is(",") { i - 1 } else { i };
    Some(Found {
        source: source.bytes,
        boundary: if lead { 0 } else { boundary },
        content,
        cue: "according to".into(),
        rule: Rule::According,
    })
}

/// Verbs before "to" + a reporting verb whose subject is the source: "appeared to suggest".
const RAISING_VERBS: &[&str] = &["appear", "appeared", "appears", "go", "goes", "seem", "seemed", "seems", "went"];

/// Prepositions before a participle that keep the sentence's subject as the source: "by
/// saying", "after noting".
const PARTICIPLE_PREPOSITIONS: &[&str] = &["after", "before", "by", "from", "in", "while", "without"];

/// Bare nouns after "according to" that give a manner, not a source.
const NOT_SOURCES: &[&str] = &["custom", "design", "form", "plan", "plans", "protocol", "schedule", "script", "tradition"];

/// Verbs that may take "to" and still report content: "said to reporters that", "explained to
/// the committee that".
const TO_ALLOWED: &[&str] = &[
    "added",
    "admitted",
    "complained",
    "confirmed",
    "explained",
    "indicated",
    "insisted",
    "mentioned",
    "noted",
    "recalled",
    "remarked",
    "said",
    "says",
    "stressed",
    "suggested",
    "testified",
    "wrote",
];

/// Words after a speech-act verb that do not start its object: "criticised by", "cited in".
const NOT_OBJECTS: &[&str] = &["about", "as", "at", "by", "for", "from", "in", "it", "of", "on", "that", "this", "with"];

/// Words after "by" that give a time or a means, not an agent.
const NOT_AGENTS: &[&str] = &["email", "far", "hand", "letter", "mail", "midnight", "noon", "now", "phone", "post", "then", "video"];

/// "The plan was criticised by the union": the content is the subject, the source the agent.
fn passive(text: &str, toks: &[Tok], i: usize, cue_end: usize) -> Option<Found> {
    if !toks.get(cue_end).is_some_and(|t| t.is("by")) {
        return None;
    }
    let source = phrase_after(toks, cue_end + 1, &["that", "which", "who", "and", "for", "in", "on", "as"], 10)?;
    // "by noon", "by phone", "by 2020": a time or a means, not an agent.
    let first = &toks[source.toks.start];
    if has(TIME_WORDS, &first.lower) || has(NOT_AGENTS, &first.lower) || first.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (subject, _) = subject_before(toks, i)?;
    if !reads_as_subject(&toks[subject.toks.clone()]) || has(SUBJECT_PRONOUNS, &toks[subject.toks.start].lower) && subject.toks.len() == 1 {
        return None;
    }
    let cue = format!("{} by", &text[toks[i].bytes.clone()]);
    Some(Found { source: source.bytes, boundary: subject.toks.start, content: subject.toks, cue, rule: Rule::Passive })
}

/// Words that open an adverbial clause: before ", X said, …" such a clause is not the claim
/// ("If this fails, he said, …"), the part after the credit is.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "asked", "because", "before", "during", "if", "in", "once", "since", "though", "to", "unless", "until",
    "when", "while",
];

/// A reporting verb at `i`: "X said (that) …", "…, X said." or "…, said X.". `last` is the
/// source and boundary of the previous claim in the sentence, for "X said A and added B".
pub(super) fn reported(text: &str, toks: &[Tok], i: usize, last: Option<(Range<usize>, usize)>) -> Option<Found> {
    let verb = &toks[i];
    let mut cue_end = i + 1;
    if matches!(verb.lower.as_str(), "pointed" | "points") {
        cue_end += 1;
    }
    // Passives ("it is said that", "he was told") have no source here; neither has "is said to",
    // unless an agent follows: "the plan was criticised by the union".
    let mut be = i;
    while be > 0 && i - be < 2 && (toks[be - 1].lower.ends_with("ly") || matches!(toks[be - 1].lower.as_str(), "first" | "also" | "been")) {
        be -= 1;
    }
    if be > 0 && has(PASSIVE_BE, &toks[be - 1].lower) && (verb.lower.ends_with('d') || verb.lower.ends_with('n')) {
        return passive(text, toks, i, cue_end);
    }
    let frame = claim_verb(&verb.lower).unwrap_or(Frame::Clause);
    // "told X to", "agreed to": a directive or an agreement, not a report; but a commitment
    // ("vowed to appeal") is the content of a speech act, and "said to" starts an adjunct.
    if toks.get(cue_end).is_some_and(|t| t.is("to")) && !has(TO_ALLOWED, &verb.lower) && frame != Frame::Object {
        return None;
    }
    let cue = text[verb.bytes.start..toks[cue_end - 1].bytes.end].to_string();
    let rule_of = |that: bool| if that { Rule::AfterThat } else { Rule::After };
    // "…, saying that …" and "X said A and added that B": the source is the one already read,
    // or the subject at the start of the sentence.
    // Also "by saying …", "aside from saying …", and "… but has said …" (over auxiliaries).
    let participle = verb.lower.ends_with("ing") && i > 0 && (toks[i - 1].is(",") || has(PARTICIPLE_PREPOSITIONS, &toks[i - 1].lower));
    let mut before = i;
    while before > 0 && i - before < 3 && matches!(toks[before - 1].lower.as_str(), "has" | "have" | "had" | "also" | "later" | "then") {
        before -= 1;
    }
    let coordinated = before > 0 && (toks[before - 1].is("and") || (toks[before - 1].is("but") && before < i));
    if participle || coordinated {
        // A speech act's object will do too: ", accusing her of …", "by promising to …".
        let object =
            || (frame.takes_object() && toks.get(cue_end).is_some_and(|t| t.word && !has(NOT_OBJECTS, &t.lower))).then_some(cue_end);
        let (start, rule) = match content_after(toks, cue_end, &verb.lower) {
            Some((start, that)) => (start, rule_of(that)),
            None => (object()?, Rule::Object),
        };
        let source = match last {
            Some((source, _)) => source,
            None => sentence_subject(toks, i)?.bytes,
        };
        let boundary = if participle { i - 1 } else { before - 1 };
        return Some(Found { source, boundary, content: start..toks.len(), cue, rule });
    }
    // "Editor's note that …": a possessive is not a subject but the start of a noun phrase.
    // "X appeared to suggest that …": the subject is that of the raising verb before "to".
    let raised = i >= 2 && toks[i - 1].is("to") && has(RAISING_VERBS, &toks[i - 2].lower);
    let subject = subject_before(toks, before_negation(toks, if raised { i - 2 } else { i })).map(|(p, _)| p).filter(|p| {
        let last = toks[p.toks.end - 1].lower.as_str();
        !last.ends_with("'s") || matches!(last, "he's" | "she's" | "it's" | "that's" | "there's" | "who's")
    });
    let subject = subject.map(|p| widen_anonymous(toks, p)).filter(|p| reads_as_subject(&toks[p.toks.clone()]));
    if let Some(subject) = &subject {
        if !quote_before(toks, subject.toks.start) {
            if let Some((start, that)) = content_after(toks, cue_end, &verb.lower) {
                return Some(Found {
                    source: subject.bytes.clone(),
                    boundary: subject.toks.start,
                    content: start..toks.len(),
                    cue,
                    rule: rule_of(that),
                });
            }
        }
    }
    if frame.takes_object() {
        // "X cited the figures", "X vowed to appeal": the rest of the clause is the content.
        let object = || {
            let subject = subject.as_ref().filter(|s| !quote_before(toks, s.toks.start))?;
            // "-ing" is a verb only after "be" ("is questioning"); "his work defending inmates" is not.
            if verb.lower.ends_with("ing") && !(i > 0 && has(PASSIVE_BE, &toks[i - 1].lower)) {
                return None;
            }
            toks.get(cue_end).filter(|t| t.word && !has(NOT_OBJECTS, &t.lower))?;
            Some(Found {
                source: subject.bytes.clone(),
                boundary: subject.toks.start,
                content: cue_end..toks.len(),
                cue: cue.clone(),
                rule: Rule::Object,
            })
        };
        if let Some(found) = object() {
            return Some(found);
        }
    }
    // "X complained about the delays", "X warned against cuts": the topic of speech as content.
    if let Some(found) = subject.as_ref().and_then(|s| topic(text, toks, i, cue_end, s)) {
        return Some(found);
    }
    if !frame.credits_before() {
        return None;
    }
    // "…, X said [adjuncts]." and "…, said X." at the end of the sentence or of a parenthesis.
    let (source, comma, rule, tail) = match subject {
        Some(s) if comma_before(toks, s.toks.start).is_some() => (s.bytes, comma_before(toks, s.toks.start)?, Rule::Before, cue_end),
        None if i > 0 && toks[i - 1].is(",") => {
            let s = phrase_after(toks, cue_end, &["that"], 10)?;
            if !(toks[s.toks.start].cap || has(DETERMINERS, &toks[s.toks.start].lower)) || clause_at(toks, s.toks.start) {
                return None;
            }
            (s.bytes, i - 1, Rule::BeforeInverted, s.toks.end)
        }
        _ => return None,
    };
    // What follows the credit must be short adjuncts ("told reporters on Monday") up to the end
    // of the sentence or a comma that closes a parenthetical credit.
    let window = tail..toks.len().min(tail + 9);
    let rest_end = window.clone().find(|&j| toks[j].is(",") || toks[j].is(";")).unwrap_or(toks.len());
    if rest_end - tail > 8 || toks[tail..rest_end].iter().any(|t| t.is("that")) {
        return None;
    }
    let before = 0..comma;
    let after = rest_end + 1..toks.len();
    let parenthetical = rest_end < toks.len() && toks[rest_end].is(",");
    // A parenthetical credit splits the content in two; the span takes the part that carries
    // the claim: the longer one, unless the first is an adverbial clause.
    let content = if !parenthetical {
        before
    } else if toks.first().is_some_and(|t| has(SUBORDINATORS, &t.lower)) || span_len(toks, &after) > span_len(toks, &before) {
        after
    } else {
        before
    };
    // "Asked about X, he said" answers a question; the content is in what follows, if anything.
    if content.start == 0 && toks.first().is_some_and(|t| t.is("asked")) {
        return None;
    }
    Some(Found { source, boundary: comma, content, cue, rule })
}

/// Prepositions after a speech verb that introduce what the speech is about.
const TOPIC_PREPOSITIONS: &[&str] = &["about", "against"];

/// "X complained about the delays", "X warned against cuts": after a speech verb and "about" or
/// "against", the noun phrase is the content (its end is found as an object's), unless the
/// subject follows a comma (then the sentence may credit what comes before it).
fn topic(text: &str, toks: &[Tok], i: usize, cue_end: usize, subject: &Phrase) -> Option<Found> {
    let prep = toks.get(cue_end).filter(|t| has(TOPIC_PREPOSITIONS, &t.lower))?;
    if quote_before(toks, subject.toks.start) || comma_before(toks, subject.toks.start).is_some() || toks[i].lower.ends_with("ing") {
        return None;
    }
    toks.get(cue_end + 1).filter(|t| t.word)?;
    let cue = format!("{} {}", &text[toks[i].bytes.clone()], &text[prep.bytes.clone()]);
    Some(Found { source: subject.bytes.clone(), boundary: subject.toks.start, content: cue_end + 1..toks.len(), cue, rule: Rule::Object })
}

/// Verbs of speaking that report only through their topic: "X spoke about the closures".
const TOPIC_VERBS: &[&str] = &["speak", "speaking", "speaks", "spoke", "spoken", "talk", "talked", "talking", "talks"];

/// "X spoke about …", "X talked about …": a verb of speaking with its topic, and its subject.
pub(super) fn spoke_about(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    if !has(TOPIC_VERBS, &toks[i].lower) || toks[i].cap && i > 0 {
        return None;
    }
    let (subject, _) = subject_before(toks, before_negation(toks, i))?;
    let subject = widen_anonymous(toks, subject);
    if !reads_as_subject(&toks[subject.toks.clone()]) {
        return None;
    }
    topic(text, toks, i, i + 1, &subject)
}

/// The comma that ends the content before a credit at `at`: ", he said" or ",” he said" (a
/// quotation inside the content, whose start decides whether it is a direct quote).
fn comma_before(toks: &[Tok], at: usize) -> Option<usize> {
    match at {
        0 => None,
        _ if toks[at - 1].is(",") => Some(at - 1),
        _ if at >= 2 && is_quote(&toks[at - 1]) && toks[at - 2].is(",") => Some(at - 2),
        _ => None,
    }
}

fn span_len(toks: &[Tok], r: &Range<usize>) -> usize {
    if r.is_empty() {
        0
    } else {
        toks[r.end - 1].bytes.end - toks[r.start].bytes.start
    }
}

/// Whether the token before `at` is a quotation mark: "“…,” he said that" is not indirect.
/// A quotation mark that opens the sentence closes the previous one: '” She says …' is not.
pub(super) fn quote_before(toks: &[Tok], at: usize) -> bool {
    at > 1 && !toks[at - 1].word && toks[at - 1].lower.chars().next().is_some_and(crate::lexicon::sources::is_quote_mark)
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[
    PASSIVE_BE,
    NOT_SPEAKERS,
    SUBORDINATORS,
    TOPIC_PREPOSITIONS,
    TO_ALLOWED,
    NOT_OBJECTS,
    NOT_SOURCES,
    PARTICIPLE_PREPOSITIONS,
    RAISING_VERBS,
    NOT_AGENTS,
];
