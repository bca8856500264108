//! Small readings of a speaker's phrase that `mention` applies: a name inside an apposition, a
//! name before the comma that opens a role, a name that is a preposition's object, and plural
//! speakers with a modifier ("state officials").
//!
//! Owns: these tests on a few tokens or words each. Must never: decide where the phrase starts or
//! ends (that is `mention`), or read more than the phrase it is given.

use std::ops::Range;

use super::mention::{BARE_SPEAKERS, CLAUSE_WORDS};
use super::{is_determiner, lower_is};
use crate::names;
use crate::quotes::tokens::Token;

/// The person an apposition names, when it is a name: "Brian Fallon", also after at most two
/// words of role ("state Del. Ama Price") and before a parenthetical ("Sen. Ama Price
/// (D-Harbour)"). `a`: the apposition's tokens.
pub(super) fn name_of_apposition(text: &str, toks: &[Token], a: Range<usize>) -> Option<Range<usize>> {
    let mut end = a.end;
    if end > a.start + 1 && toks[end - 1].is_punct(')') {
        end = (a.start..end - 1).rev().find(|&k| toks[k].is_punct('('))?;
    }
    if end <= a.start {
        return None;
    }
    let last = toks[end - 1].bytes.end;
    let n = names::name_before(text, last).filter(|n| n.end == last && n.start >= toks[a.start].bytes.start)?;
    let before = toks[a.start..end].iter().take_while(|t| t.bytes.start < n.start).count();
    let role_words =
        toks[a.start..a.start + before].iter().all(|t| t.is_word() && !lower_is(text, t, CLAUSE_WORDS) && !is_determiner(text, t));
    (before <= 2 && role_words && names::person_like(&text[n.clone()])).then_some(n)
}

/// "state officials", "county police", "party leaders": speakers standing alone after at most
/// two words that say whose they are.
pub(super) fn modified_speakers(text: &str, head: &[Token]) -> bool {
    (2..=3).contains(&head.len()) && head.last().is_some_and(|t| lower_is(text, t, BARE_SPEAKERS))
}

/// Whether the words `text[words]` (those before a name in a speaker's phrase) end with a
/// preposition: "a spokesman for" Ada Brook, "the head of" the Harbour Authority.
pub(super) fn after_preposition(text: &str, words: Range<usize>) -> bool {
    const OBJECT_OF: &[&str] = &["for", "of", "at", "with", "from", "to", "by", "in", "on", "about"];
    text[words].split_whitespace().next_back().is_some_and(|w| OBJECT_OF.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// A person's name right before a comma that ends at token `s` (the start of a role): in "Ada
/// Brook, the director of the port", with `s` at "the", the range of "Ada Brook".
pub(super) fn name_before_comma(text: &str, toks: &[Token], floor: usize, s: usize) -> Option<Range<usize>> {
    if s < floor + 2 || !toks[s - 1].is_punct(',') || !toks[s - 2].is_word() {
        return None;
    }
    let end = toks[s - 2].bytes.end;
    names::name_before(text, end).filter(|n| n.end == end && names::person_like(&text[n.clone()]))
}
