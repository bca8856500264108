//! Reported questions: "X asked whether …", "X asked officials how …". The content is the
//! question, from its wh-word; the source is the subject.
//!
//! Owns: reading "ask" with an indirect question. Must never: take "asked X to …" (a request:
//! the demand finder's), "Asked about …, he said" (an answer follows, read by `credit`), or look
//! more than a few words past the verb for the question word.

use super::sources::{before_negation, reads_as_subject, widen_anonymous};
use super::{Found, Rule};
use crate::lexicon::sources::{has, subject_before, Tok};

/// Forms of "ask" that report a question.
const ASK: &[&str] = &["ask", "asked", "asking", "asks"];

/// Words that open an indirect question.
const QUESTION_WORDS: &[&str] = &["how", "if", "what", "whether", "which", "who", "why"];

/// "X asked (Y) whether …": the question from its wh-word, credited to the subject.
pub(super) fn asked(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    if !has(ASK, &toks[i].lower) || (toks[i].cap && i > 0) || toks[i].lower.ends_with("ing") {
        return None;
    }
    // The addressee, if any, is a few words with no mark: "asked the minister whether".
    let q =
        (i + 1..toks.len().min(i + 6)).take_while(|&k| toks[k].word && !toks[k].is("to")).find(|&k| has(QUESTION_WORDS, &toks[k].lower))?;
    let (subject, _) = subject_before(toks, before_negation(toks, i))?;
    let subject = widen_anonymous(toks, subject);
    if !reads_as_subject(&toks[subject.toks.clone()]) {
        return None;
    }
    let cue = text[toks[i].bytes.start..toks[q - 1].bytes.end].to_string();
    Some(Found { source: subject.bytes, boundary: subject.toks.start, content: q..toks.len(), cue, rule: Rule::Asked })
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[ASK, QUESTION_WORDS];
