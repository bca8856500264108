//! Passive naming with an agent: "The plan was called a disaster by critics" is the critics'
//! judgement, not the writer's; the holder is the agent after "by".
//!
//! Owns: finding the form of "be" before a verb of naming and the agent after its evaluative
//! word. Must never: take a time, a means or a degree for an agent ("by noon", "by phone",
//! "by far"), take the subject as the holder, or look further than a few tokens from the verb.

use std::ops::Range;

use super::{until_attribution, Stance, StanceKind};
use crate::lexicon::opinion::stance::BE_FORMS;
use crate::lexicon::opinion::EVALUATIVE;
use crate::lexicon::sources::{has, subject_before, Tok};
use crate::opinions::cues::Holder;

/// The most tokens from the verb of naming to "by": "was called the most reckless plan in years
/// by critics".
const MAX_TO_AGENT: usize = 10;

/// The longest agent phrase: "by the traders' guild of Corvale".
const MAX_AGENT: usize = 8;

/// Words that end an agent phrase: "by critics in the capital", "by critics who …".
const AGENT_STOPS: &[&str] = &["after", "at", "during", "for", "in", "last", "on", "over", "since", "this", "when", "which", "who"];

/// First words after "by" that make it a time, a means or a degree, not an agent.
const NOT_AGENTS: &[&str] = &[
    "accident",
    "chance",
    "comparison",
    "contrast",
    "default",
    "email",
    "far",
    "friday",
    "hand",
    "letter",
    "mail",
    "midnight",
    "mistake",
    "monday",
    "noon",
    "now",
    "phone",
    "saturday",
    "sunday",
    "telephone",
    "then",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Adverbs between "be" and the verb of naming: "was widely called", "has been repeatedly
/// described".
const BETWEEN_BE_AND_VERB: &[&str] = &["also", "often", "once", "openly", "publicly", "repeatedly", "widely"];

/// "X was called a disaster by critics": the stance, held by the agent, if the verb of naming
/// at `k` is passive and has an agent after its evaluative word.
pub(super) fn naming(toks: &[Tok], k: usize) -> Option<Stance> {
    let mut be = k.checked_sub(1)?;
    while be > 0 && k - be < 3 && has(BETWEEN_BE_AND_VERB, &toks[be].lower) {
        be -= 1;
    }
    if !has(BE_FORMS, &toks[be].lower) {
        return None;
    }
    let window = || toks[k + 1..].iter().take(MAX_TO_AGENT).take_while(|t| t.word).enumerate();
    let evaluative = window().find(|(_, t)| has(EVALUATIVE, &t.lower))?.0;
    let by = k + 1 + window().skip(evaluative + 1).find(|(_, t)| t.is("by"))?.0;
    let agent = agent(toks, by + 1)?;
    let from = subject_before(toks, be).map_or(0, |(phrase, _)| phrase.toks.start);
    Some(Stance {
        tok: k,
        kind: StanceKind::PassiveNaming,
        words: toks[be].bytes.start..toks[k].bytes.end,
        holder: Some(Holder::Named(agent)),
        statement: Some(until_attribution(toks, from)),
    })
}

/// The agent phrase from token `from`, as bytes, unless it is a time, a means or a degree: words
/// and the marks inside a name or a possessive ("the traders' guild", "Port-Ellison"), up to a
/// stop word or `MAX_AGENT` tokens.
fn agent(toks: &[Tok], from: usize) -> Option<Range<usize>> {
    let first = toks.get(from).filter(|t| t.word)?;
    if has(NOT_AGENTS, &first.lower) || first.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let inner_mark = |t: &Tok| matches!(t.lower.as_str(), "'" | "-");
    let mut end = from;
    while end < toks.len() && end - from < MAX_AGENT && (toks[end].word || inner_mark(&toks[end])) && !has(AGENT_STOPS, &toks[end].lower) {
        end += 1;
    }
    while end > from && inner_mark(&toks[end - 1]) {
        end -= 1;
    }
    Some(toks[from].bytes.start..toks[end - 1].bytes.end)
}
