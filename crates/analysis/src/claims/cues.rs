//! Finding the cues of reported speech in one sentence and bounding each claim's content.
//!
//! Owns: which words are cues (the verbs of `lexicon::reporting::claim_verb`, "according to",
//! "pointed out"), skipping cues inside quotations (whole
//! ones the quote finder took, and partial or scare quotes it did not), ending one claim's
//! content where the next claim's source or cue begins, and trimming and checking each content.
//! Must never: read the source itself (that is `credit`), or look beyond the sentence it is
//! given.

use std::ops::Range;

use super::as_put::as_credit;
use super::asked::asked;
use super::credit::{according, colon_credit, reported, spoke_about};
use super::intent::intended;
use super::quoted::Quoted;
use super::{is_quote, words_at_least, Found, Rule};
use crate::lexicon::reporting::{claim_verb, intent_verb};
use crate::lexicon::sources::{has, Tok, DETERMINERS, SUBJECT_PRONOUNS};

/// The claims of one sentence, with each content ended where the next claim's source or cue
/// begins.
pub(super) fn in_sentence(text: &str, toks: &[Tok], quoted: &Quoted, paragraph_start: bool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Quotation marks seen so far in the sentence: a cue after an unclosed opening mark is in a
    // quotation even when the quote finder did not take it (a partial or scare quote).
    let mut open_quote = false;
    // Tokens already read as part of a credit ("as X said"): their cue is not read again.
    let mut skip_to = 0;
    let headline = paragraph_start && is_headline(toks);
    for i in 0..toks.len() {
        let t = &toks[i];
        if i == 0 && paragraph_start {
            if let Some(f) = colon_credit(toks) {
                found.push(f);
                continue;
            }
        }
        if !t.word {
            match t.lower.as_str() {
                "“" => open_quote = true,
                "”" => open_quote = false,
                "\"" => open_quote = !open_quote,
                _ => {}
            }
            continue;
        }
        if open_quote || quoted.inside(t.bytes.start) || i < skip_to {
            continue;
        }
        let hit = if let Some((f, end)) = t.is("as").then(|| as_credit(toks, i)).flatten() {
            skip_to = end;
            Some(f)
        } else if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            according(toks, i)
        } else if (claim_verb(&t.lower).is_some() && (reads_as_verb(toks, i) || headline_verb(toks, i, headline)))
            || (matches!(t.lower.as_str(), "pointed" | "points") && toks.get(i + 1).is_some_and(|n| n.is("out")))
        {
            let last = found.last().map(|f| (f.source.clone(), f.boundary));
            reported(text, toks, i, last)
        } else if intent_verb(&t.lower).is_some() {
            intended(text, toks, i, headline_verb(toks, i, headline))
        } else if toks.get(i + 1).is_some_and(|n| n.is("about") || n.is("against")) {
            spoke_about(text, toks, i)
        } else if t.lower.starts_with("ask") {
            asked(text, toks, i)
        } else {
            None
        };
        found.extend(hit);
    }
    drop_nested_intents(&mut found, toks.len());
    // "A said X, but B said Y": X ends where B begins. Boundaries are sorted, so each content
    // looks up the first boundary after its start.
    // A claim nested inside another's content ("… what she calls …", "cases in which Kaine
    // defended …") does not end it: only a claim joined by a conjunction or a mark does.
    let coordinated = |b: usize| {
        let joins = |t: &Tok| matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "but" | "and" | "while" | "whereas" | "yet");
        joins(&toks[b]) || (b > 0 && joins(&toks[b - 1]))
    };
    let mut boundaries: Vec<usize> = found.iter().map(|f| f.boundary).filter(|&b| coordinated(b)).collect();
    // ", saying …", "and warned …", "but noted …" start another report even when we could
    // not read its content.
    if !found.is_empty() {
        let starts_report = |j: usize| {
            let joined = toks[j - 1].is(",") && toks[j].lower.ends_with("ing") || toks[j - 1].is("and") || toks[j - 1].is("but");
            let verb = || {
                (claim_verb(&toks[j].lower).is_some() && reads_as_verb(toks, j))
                    || (crate::lexicon::reporting::is_reporting_verb(&toks[j].lower) && !has(NOUN_FORMS, &toks[j].lower))
            };
            // "… and encouraged Americans to …": a second verb of the same subject ends the report.
            let second_verb = || toks[j - 1].is("and") && past_with_object(toks, j);
            joined && verb() || second_verb()
        };
        boundaries.extend((1..toks.len()).filter(|&j| starts_report(j)).map(|j| j - 1));
    }
    boundaries.sort_unstable();
    for f in found.iter_mut() {
        // No reported statement runs longer than this; the bound keeps nested reports linear.
        f.content.end = f.content.end.min(f.content.start + MAX_CONTENT);
        let next = boundaries.partition_point(|&b| b <= f.content.start);
        if let Some(&b) = boundaries.get(next) {
            f.content.end = f.content.end.min(b);
        }
        if matches!(f.rule, Rule::After | Rule::AfterThat | Rule::According) && f.content.start > 0 {
            super::extent::end_at_break(toks, &mut f.content);
        }
        match f.rule {
            Rule::Object | Rule::Intent(_, "to-clause" | "object") => super::extent::end_object(toks, &mut f.content),
            Rule::Intent(..) | Rule::Asked => super::extent::end_at_break(toks, &mut f.content),
            _ => {}
        }
        trim_content(toks, &mut f.content);
    }
    found.retain(|f| {
        !f.content.is_empty()
            && words_at_least(&toks[f.content.clone()], if matches!(f.rule, Rule::Object | Rule::Intent(..)) { 1 } else { 3 })
            && (f.rule == Rule::AfterThat || !is_quote(&toks[f.content.start]))
            && !quoted.inside(toks[f.content.start].bytes.start)
            && !quoted.covers(toks, &f.content)
    });
    found
}

/// Drops an intention, decision or position whose verb lies inside another claim's content:
/// "She said she opposes the deal" reports one statement, "she opposes the deal", and the
/// intent inside it is part of that content (a difference array keeps this linear).
fn drop_nested_intents(found: &mut Vec<Found>, len: usize) {
    if !found.iter().any(|f| matches!(f.rule, Rule::Intent(..))) {
        return;
    }
    let mut depth = vec![0i32; len + 1];
    for f in found.iter().filter(|f| !matches!(f.rule, Rule::Intent(..))) {
        depth[f.content.start] += 1;
        depth[f.content.end.min(f.content.start + MAX_CONTENT).min(len)] -= 1;
    }
    for k in 1..=len {
        depth[k] += depth[k - 1];
    }
    found.retain(|f| !matches!(f.rule, Rule::Intent(..)) || depth[f.boundary] == 0);
}

/// The most tokens a claim's content may hold.
const MAX_CONTENT: usize = 200;

/// A lower-case past form followed by what a verb takes: "encouraged Americans", "sent a letter".
fn past_with_object(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let past = t.word && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ed");
    past && toks
        .get(j + 1)
        .is_some_and(|n| n.word && (n.cap || has(DETERMINERS, &n.lower) || n.is("to") || has(SUBJECT_PRONOUNS, &n.lower)))
}

/// Forms of claim verbs that are also common nouns ("the states", "his remarks", "a ruling").
const NOUN_FORMS: &[&str] = &[
    "call",
    "calls",
    "claim",
    "claims",
    "comment",
    "comments",
    "counter",
    "detail",
    "details",
    "echo",
    "echoes",
    "estimate",
    "estimates",
    "finding",
    "link",
    "links",
    "note",
    "notes",
    "post",
    "posts",
    "question",
    "questions",
    "reason",
    "reasons",
    "reference",
    "references",
    "remark",
    "remarks",
    "report",
    "reporting",
    "reports",
    "rule",
    "rules",
    "ruling",
    "saying",
    "show",
    "shows",
    "signal",
    "signals",
    "state",
    "states",
    "tweet",
    "tweets",
    "warning",
];

/// Words after "that" that make it a relative pronoun: "the rules that could close …".
const FINITE_AFTER_THAT: &[&str] =
    &["are", "can", "could", "had", "has", "have", "is", "may", "might", "must", "should", "was", "were", "will", "would"];

/// Auxiliaries before a verb form: "is warning", "has noted", "will report".
const AUXILIARIES: &[&str] = &["are", "be", "been", "had", "has", "have", "is", "was", "were", "will", "would"];

/// Whether a paragraph is a headline in title case ("Mayor Says Tunnel Will Open in May"): at
/// least four words, most of them capitalised, and no full stop inside.
fn is_headline(toks: &[Tok]) -> bool {
    let words = toks.iter().take(40).filter(|t| t.word).count();
    let caps = toks.iter().take(40).filter(|t| t.word && t.cap).count();
    words >= 4 && toks.len() <= 40 && 4 * caps >= 3 * words && !toks.iter().rev().skip(1).any(|t| t.is("."))
}

/// In a title-case headline a capitalised verb after a capitalised word is a verb: "Mayor Says
/// …", "Union Vows To Appeal".
fn headline_verb(toks: &[Tok], i: usize, headline: bool) -> bool {
    headline && i > 0 && toks[i].cap && toks[i - 1].word && toks[i - 1].cap && !has(NOUN_FORMS, &toks[i].lower)
}

/// Whether the claim verb at `i` is used as a verb: never capitalised inside a sentence ("the
/// United States"), and a form that is also a noun needs "that" after it or a subject pronoun,
/// a name or an adverb right before it ("the report states that", "Ames tweets", not "the
/// states", "his remarks").
fn reads_as_verb(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.cap && i > 0 {
        return false;
    }
    if !has(NOUN_FORMS, &t.lower) {
        return true;
    }
    // "The audit states that", not "the rules that could …" (a relative clause after a noun).
    let before_noun = i > 0 && (has(DETERMINERS, &toks[i - 1].lower) || toks[i - 1].cap || toks[i - 1].lower.ends_with("'s"))
        || (i > 1 && has(DETERMINERS, &toks[i - 2].lower) && t.lower.ends_with("ing"));
    // "-ing" forms are verbs unless a noun phrase holds them: ", saying …", "is saying", not
    // "the old saying that …".
    if t.lower.ends_with("ing") && !before_noun {
        return true;
    }
    let relative = toks.get(i + 2).is_some_and(|n| has(FINITE_AFTER_THAT, &n.lower));
    if toks.get(i + 1).is_some_and(|n| n.is("that") || n.is(":")) && !before_noun && !relative {
        return true;
    }
    i > 0 && {
        let p = &toks[i - 1];
        p.word
            && (has(SUBJECT_PRONOUNS, &p.lower)
                || has(AUXILIARIES, &p.lower)
                || (p.cap && i > 1)
                || (p.lower.ends_with("ly") && !p.cap)
                || p.is("also"))
    }
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[NOUN_FORMS, FINITE_AFTER_THAT, AUXILIARIES];

/// Drops punctuation, conjunctions and "that" from the ends of a content range.
fn trim_content(toks: &[Tok], r: &mut Range<usize>) {
    while r.start < r.end
        && (matches!(toks[r.start].lower.as_str(), "," | ";" | ":" | "—" | "–" | "-" | "that")
            || (!toks[r.start].word && !is_quote(&toks[r.start])))
    {
        r.start += 1;
    }
    while r.end > r.start {
        let t = &toks[r.end - 1];
        let drop = if t.word {
            matches!(t.lower.as_str(), "and" | "but" | "while" | "whereas" | "as" | "yet")
        } else {
            !is_quote(t) && t.lower != ")"
        };
        if !drop {
            break;
        }
        r.end -= 1;
    }
}
