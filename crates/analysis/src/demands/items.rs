//! Cutting the demanded content after a cue into items: one span per demand.
//!
//! Owns: where the content ends (the sentence's end, a clause boundary, an adverbial such as
//! "on Monday" or "in a statement", a new report), and splitting it into the items of a list —
//! nouns ("A, B and C"), infinitives ("to A, to B, and to C"), "that" clauses — or into
//! bulleted lines after a colon. Must never: read more than `MAX_ITEM_TOKENS` tokens, yield more
//! than `MAX_ITEMS` items or read more than `MAX_BULLETS` lines, or put a separator at an
//! item's ends.

use std::ops::Range;

use super::{MAX_BULLETS, MAX_ITEMS, MAX_ITEM_TOKENS, MAX_LIST_PIECE};
use crate::doc::Doc;
use crate::lexicon::directive::{ASKED_FOR_INFO, ITEM_STOPS};
use crate::lexicon::sources::{has, Tok, DETERMINERS, LEADING_PREPOSITIONS};

/// Weekdays, which start an adverbial after an item ("called for calm Monday").
const WEEKDAYS: &[&str] = &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

/// Pronouns that are no demanded item on their own: "demanding this", "asked for it".
const PRONOUN_ITEMS: &[&str] = &["it", "more", "so", "something", "that", "them", "these", "this", "those"];

/// Whether a token opens a clause: a subject pronoun, or one with a verb glued on ("they're").
fn opens_clause(t: &Tok) -> bool {
    let stem = t.lower.split('\'').next().unwrap_or("");
    matches!(stem, "he" | "i" | "it" | "she" | "they" | "we" | "you")
}

/// Where a demand was made: "in a statement", "in an interview".
const SETTINGS: &[&str] = &[
    "communique",
    "email",
    "interview",
    "letter",
    "motion",
    "news",
    "op-ed",
    "petition",
    "post",
    "press",
    "resolution",
    "ruling",
    "speech",
    "statement",
    "tweet",
    "video",
];

/// Bulleted lines after an introduction ending with a colon: each line (its byte range
/// without the marker) is one item.
pub(super) fn bullets(doc: &Doc, from: usize) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    for p in doc.paragraphs.iter().skip(from).take(MAX_BULLETS) {
        match bullet_item(doc.text, p.clone()) {
            Some(r) => items.push(r),
            None => break,
        }
    }
    items
}

/// The text of a bulleted line without its marker ("- ", "• ", "* ", "1. ", "2) ", "a) ")
/// and trailing separators; `None` when the line is not a bullet.
fn bullet_item(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let s = &text[line.clone()];
    let body = s.trim_start();
    let indent = s.len() - body.len();
    let mut chars = body.char_indices();
    let (_, c) = chars.next()?;
    let marker_end = if matches!(c, '-' | '*' | '•' | '–' | '—' | '·' | '▪' | '‣' | '◦') {
        c.len_utf8()
    } else {
        let digits = body.chars().take_while(|d| d.is_ascii_digit()).count();
        let letter = digits == 0 && c.is_ascii_lowercase();
        let n = if letter { 1 } else { digits };
        if n == 0 || n > 3 || !matches!(body[n..].chars().next(), Some('.' | ')')) {
            return None;
        }
        n + 1
    };
    if !body[marker_end..].starts_with(char::is_whitespace) {
        return None;
    }
    let item = body[marker_end..].trim();
    let item = item.trim_end_matches([';', ',', '.']).trim_end();
    let item = item.strip_suffix(" and").or_else(|| item.strip_suffix(" or")).unwrap_or(item).trim_end();
    let item = item.trim_end_matches([';', ',']).trim_end();
    if item.is_empty() {
        return None;
    }
    let start = line.start + indent + marker_end + (body[marker_end..].len() - body[marker_end..].trim_start().len());
    Some(start..start + item.len())
}

/// The tokens of the demanded content from `from`: up to the end of the sentence, a clause
/// boundary or `MAX_ITEM_TOKENS`.
pub(super) fn region(toks: &[Tok], from: usize) -> Range<usize> {
    let limit = toks.len().min(from + MAX_ITEM_TOKENS);
    // "things they never asked for or …": the cue's complement is elsewhere.
    if toks.get(from).is_some_and(|t| matches!(t.lower.as_str(), "and" | "but" | "nor" | "or")) {
        return from..from;
    }
    let mut end = from;
    let mut open = 0usize;
    while end < limit {
        let t = &toks[end];
        if matches!(t.lower.as_str(), "." | "?" | "!" | ";" | ":" | "(" | ")" | "—" | "–" | "―")
            || (t.word && has(ITEM_STOPS, &t.lower) && end > from)
        {
            break;
        }
        // A closing mark with no opening one in the item ends a quotation the cue was in.
        match t.lower.as_str() {
            "“" | "‘" => open += 1,
            "”" | "’" if open == 0 => break,
            "”" | "’" => open -= 1,
            "\"" if open == 0 && end > from => break,
            "\"" => open = 1 - open.min(1),
            _ => {}
        }
        // Adverbials after the item: "in a statement", "on Monday", "Tuesday" (but "by Friday"
        // is the demand's deadline).
        let next = toks.get(end + 1).map_or("", |n| n.lower.as_str());
        let after = toks.get(end + 2).map_or("", |n| n.lower.as_str());
        if end > from
            && ((has(WEEKDAYS, &t.lower) && !matches!(toks[end - 1].lower.as_str(), "by" | "before" | "until" | "from"))
                || (t.is("on") && has(WEEKDAYS, next))
                || (t.is("in") && matches!(next, "a" | "an" | "his" | "her" | "their" | "its") && has(SETTINGS, after)))
        {
            break;
        }
        // "… and repeatedly says": a new report begins.
        if t.is("and")
            && toks.get(end + 1).is_some_and(|n| {
                crate::lexicon::reporting::is_reporting_verb(&n.lower)
                    || (n.lower.ends_with("ly")
                        && toks.get(end + 2).is_some_and(|m| crate::lexicon::reporting::is_reporting_verb(&m.lower)))
            })
        {
            break;
        }
        // ", saying", ", he said": a new clause after a comma.
        if t.is(",") {
            let next = toks.get(end + 1).map(|t| t.lower.as_str()).unwrap_or("");
            let after = toks.get(end + 2).map(|t| t.lower.as_str()).unwrap_or("");
            if crate::lexicon::reporting::is_reporting_verb(next)
                || crate::lexicon::reporting::is_reporting_verb(after)
                || matches!(next, "according" | "citing" | "who" | "which")
            {
                break;
            }
        }
        end += 1;
    }
    from.min(end)..end
}

/// Whether the items ask for comment or information ("asked for comment", "requests for an
/// interview", "pressed for details"): a reporter's request, never a demand.
pub(super) fn asks_for_information(toks: &[Tok], items: &[Range<usize>]) -> bool {
    let first = items.first().and_then(|r| toks[r.clone()].iter().find(|t| t.word && !has(DETERMINERS, &t.lower) && !t.is("further")));
    first.is_some_and(|t| has(ASKED_FOR_INFO, &t.lower))
}

/// One item covering the whole region, if it has a word.
pub(super) fn single(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
    clean(toks, r).into_iter().collect()
}

/// Trims separators from both ends of an item; `None` if no word is left.
fn clean(toks: &[Tok], mut r: Range<usize>) -> Option<Range<usize>> {
    let loose = |t: &Tok| {
        !t.word && !matches!(t.lower.as_str(), "“" | "\"" | "‘" | "”" | "’" | "$" | "%" | "£" | "€")
            || matches!(t.lower.as_str(), "and" | "or" | "to" | "that" | "including")
    };
    while r.start < r.end && loose(&toks[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && (loose(&toks[r.end - 1]) && !toks[r.end - 1].is("to") || toks[r.end - 1].is("to")) {
        r.end -= 1;
    }
    toks[r.clone()].iter().any(|t| t.word).then_some(r)
}

/// Items of an infinitive list: "to freeze fares, to publish the accounts, and to give
/// commuters a seat" (after the first "to") → three items.
pub(super) fn to_list(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    let mut start = r.start;
    for j in r.clone() {
        let splits = toks[j].is("to") && j > r.start && (toks[j - 1].is(",") || toks[j - 1].is("and") || toks[j - 1].is("or"));
        if splits {
            items.extend(clean(toks, start..j));
            start = j + 1;
        }
    }
    // The last item ends at a comma: what follows is the sentence going on, not another item.
    let end = (start..r.end).find(|&j| toks[j].is(",")).unwrap_or(r.end);
    items.extend(clean(toks, start..end));
    items.truncate(MAX_ITEMS);
    items
}

/// Items of "that" clauses: "that A and that B" → two items.
pub(super) fn split_on_and_that(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    let mut start = r.start;
    for j in r.clone() {
        if toks[j].is("that") && j > r.start && (toks[j - 1].is("and") || toks[j - 1].is(",")) {
            items.extend(clean(toks, start..j));
            start = j + 1;
        }
    }
    items.extend(clean(toks, start..r.end));
    items.truncate(MAX_ITEMS);
    items
}

/// Items of a noun-phrase list: "A, B and C", "A, B, and C"; after a list word ("demands
/// include A and B") a single "and" splits too. "including" starts a list of examples.
pub(super) fn noun_list(toks: &[Tok], r: Range<usize>, intro: bool) -> Vec<Range<usize>> {
    if let Some(inc) = r.clone().find(|&j| toks[j].is("including")) {
        let mut items = noun_list(toks, r.start..inc, intro);
        items.extend(noun_list(toks, inc + 1..r.end, true));
        items.truncate(MAX_ITEMS);
        return items;
    }
    let commas: Vec<usize> = r.clone().filter(|&j| toks[j].is(",")).collect();
    let mut pieces = Vec::new();
    let mut start = r.start;
    for &c in &commas {
        pieces.push(start..c);
        start = c + 1;
    }
    pieces.push(start..r.end);
    // A list is short pieces whose last holds the final "and"/"or" ("A, B and C"); commas in
    // anything else are a clause going on ("an end to the cuts, which …"): keep the first piece.
    let conj_in =
        |p: &Range<usize>| p.clone().find(|&j| toks[j].is("and") || toks[j].is("or")).filter(|&j| j > p.start || pieces.len() > 1);
    let short = |p: &Range<usize>| p.len() <= MAX_LIST_PIECE;
    let last = pieces.last().cloned().unwrap_or(r.clone());
    // The last piece holds two items ("B and C"): each half must be short, not the whole.
    let halves_short = |j: usize| (last.start..j).len() <= MAX_LIST_PIECE && (j + 1..last.end).len() <= MAX_LIST_PIECE;
    let is_list = match conj_in(&last) {
        // "fresh elections and the release of prisoners": two items when the second has its
        // own determiner and the first no preposition to share it ("the resignation of the
        // mayor and the council" is one).
        Some(j) if commas.is_empty() => {
            let own_determiner = toks.get(j + 1).is_some_and(|t| has(DETERMINERS, &t.lower));
            let no_preposition = !toks[last.start..j].iter().any(|t| has(LEADING_PREPOSITIONS, &t.lower));
            intro || (own_determiner && no_preposition && j > last.start && halves_short(j))
        }
        Some(j) => pieces[..pieces.len() - 1].iter().all(short) && halves_short(j),
        None => intro && !commas.is_empty() && pieces.iter().all(short),
    };
    if !is_list {
        pieces.truncate(1);
    } else if let Some(j) = conj_in(&last) {
        pieces.pop();
        pieces.push(last.start..j);
        pieces.push(j + 1..last.end);
    }
    // A piece that opens with a subject pronoun or holds a finite verb is a new clause
    // ("demanding this, they're putting pressure on …", "a new stadium, and the mayor has
    // promised one"): the list ends before it.
    let clause = |p: &Range<usize>| {
        toks.get(p.start).is_some_and(opens_clause) || toks[p.clone()].iter().any(|t| !t.cap && has(super::actor::NOT_IN_ACTOR, &t.lower))
    };
    if let Some(clause) = pieces.iter().skip(1).position(clause) {
        pieces.truncate(clause + 1);
    }
    let mut items: Vec<Range<usize>> = pieces.into_iter().filter_map(|p| clean(toks, p)).collect();
    // "demanding this": a lone pronoun is no item.
    items.retain(|r| !(r.len() == 1 && has(PRONOUN_ITEMS, &toks[r.start].lower)));
    items.truncate(MAX_ITEMS);
    items
}
