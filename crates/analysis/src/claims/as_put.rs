//! "As X put it, …" and "…, as X said.": a credit that opens or closes the sentence with "as".
//!
//! Owns: reading the source between "as" and its verb ("put it" or a speech verb), and taking
//! the rest of the sentence on the other side of the comma as the content. Must never: read
//! more than `MAX_SOURCE` words for the source, or take "as" in any other sense ("as the plan
//! put it at risk", "as officials said goodbye": the verb must end the credit at a comma or
//! the sentence's end).

use super::{Found, Rule};
use crate::lexicon::reporting::{claim_verb, Frame};
use crate::lexicon::sources::Tok;

/// The longest source phrase between "as" and its verb.
const MAX_SOURCE: usize = 8;

/// The credit that starts with "as" at token `i`, and the index of the token after it.
pub(super) fn as_credit(toks: &[Tok], i: usize) -> Option<(Found, usize)> {
    let from = i + 1;
    let verb = (from..toks.len().min(from + MAX_SOURCE + 1)).find(|&k| !toks[k].word || is_credit_verb(toks, k))?;
    if verb == from || !toks[verb].word || !toks[from..verb].iter().all(|t| t.word && !t.is("it")) {
        return None;
    }
    let put_it = toks[verb].is("put");
    let end = if put_it { verb + 2 } else { verb + 1 };
    let opening = i == 0 || (i == 1 && matches!(toks[0].lower.as_str(), "and" | "but" | "so" | "yet"));
    let content = if opening {
        if !toks.get(end).is_some_and(|t| t.is(",")) {
            return None;
        }
        end + 1..toks.len()
    } else {
        let closes = toks.get(end).is_none_or(|t| matches!(t.lower.as_str(), "." | "!" | "?" | "," | ";"));
        if !(i > 0 && toks[i - 1].is(",") && closes) {
            return None;
        }
        0..i - 1
    };
    let source = toks[from].bytes.start..toks[verb - 1].bytes.end;
    let cue = if put_it { "as … put it" } else { "as … said" };
    let boundary = if opening { 0 } else { i - 1 };
    Some((Found { source, boundary, content, cue: cue.into(), rule: Rule::AsPut }, end))
}

/// "put it" or a speech verb in the past or present ("said", "says", "noted", "wrote").
fn is_credit_verb(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.is("put") || t.is("puts") {
        return toks.get(k + 1).is_some_and(|n| n.is("it"));
    }
    claim_verb(&t.lower).is_some_and(Frame::credits_before)
        && (t.lower.ends_with('d') || t.lower.ends_with('s') || t.is("wrote") || t.is("told"))
}
