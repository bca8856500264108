//! Demand suggestions: who demands what from whom, one span per demanded item.
//!
//! Owns: the rules that read directive verbs and nouns (`lexicon::directive`) — "demanded
//! that", "called for", "called on X to", "urged X to", "insisted on", "pressed for",
//! "required X to", "asked X to", "their demands include", "an ultimatum to X to" — into the
//! actor (`by`), the addressee (`to`) and each demanded item, including each item of a list
//! that follows in the sentence ("A, B and C", "to A, to B, and to C") or on bulleted lines
//! after a colon. Must never: read more than `MAX_ITEM_TOKENS` tokens after a cue or more than
//! `MAX_BULLETS` lines of a list (so the whole pass stays linear), or suggest an item that
//! includes the cue or the actor.

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::directive::{self, Directive, BE, ITEM_STOPS, LIST_INTROS, NOUNS, NOUN_BEFORE, PARTICIPLES};
use crate::lexicon::sources::{has, is_person_pronoun, last_person_name, phrase_after, subject_before, tokenize, Tok, DETERMINERS};
use crate::quotes::Quote;

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

/// Words that show a "that" clause after "insist" is a demand, not a claim.
const DEONTIC: &[&str] = &["be", "must", "need", "needs", "should"];

/// Weekdays, which start an adverbial after an item ("called for calm Monday").
const WEEKDAYS: &[&str] = &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

/// Where a demand was made: "in a statement", "in an interview".
const SETTINGS: &[&str] = &["email", "interview", "letter", "news", "op-ed", "post", "press", "speech", "statement", "tweet", "video"];

/// Words that cannot be inside an addressee: the words of an indirect question or a clause.
const NOT_ADDRESSEE: &[&str] = &["how", "if", "that", "what", "whether", "which", "who", "why"];

/// Adverbs between an addressee and "to": "told them never to".
const NOT_ADDRESSEE_END: &[&str] = &["again", "also", "never", "not", "now", "still"];

/// Verbs that issue an ultimatum or a list of conditions, whose subject is the actor.
const ISSUING_VERBS: &[&str] =
    &["delivered", "gave", "handed", "issued", "laid", "listed", "made", "presented", "published", "sent", "set"];

/// A directive found in a sentence, with its items.
struct Hit {
    /// Byte where the cue starts, to find the quotation around it.
    at: usize,
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
    let mut last_person: Option<(String, usize)> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let toks = tokenize(doc.text, sentence.bytes.clone());
        let hits = in_sentence(doc.text, &toks);
        let paragraph = sentence.paragraph;
        for mut hit in hits {
            hit.by = hit.by.map(|by| resolve(by, &speakers, hit.at, &last_person, paragraph));
            hit.to = hit.to.map(|to| resolve(to, &speakers, hit.at, &last_person, paragraph));
            let total = hit.items.len();
            for (n, item) in hit.items.iter().enumerate() {
                let bytes = toks[item.start].bytes.start..toks[item.end - 1].bytes.end;
                let reason = if total == 1 {
                    format!("directive '{}'", hit.cue)
                } else {
                    format!("directive '{}' (item {} of {})", hit.cue, n + 1, total)
                };
                let attributes = Attributes { by: hit.by.clone(), to: hit.to.clone(), ..Attributes::default() };
                out.push(doc.suggestion(Label::Demand, bytes, attributes, hit.confidence, &reason));
            }
            let last_in_paragraph = doc.sentences.get(si + 1).is_none_or(|s| s.paragraph != paragraph);
            if hit.open_list && last_in_paragraph {
                out.extend(bullets(doc, paragraph + 1, &hit));
            }
        }
        if let Some(name) = last_person_name(doc.text, &toks) {
            last_person = Some((name, paragraph));
        }
    }
    out
}

/// "We" inside a quotation is its speaker; "he" or "she" the last person named nearby.
fn resolve(who: String, speakers: &Speakers, at: usize, last_person: &Option<(String, usize)>, paragraph: usize) -> String {
    let lower = who.to_lowercase();
    if matches!(lower.as_str(), "i" | "we" | "us" | "me") {
        if let Some(s) = speakers.around(at) {
            return s.to_string();
        }
    }
    if is_person_pronoun(&who) {
        if let Some((name, p)) = last_person {
            if paragraph <= p + 1 {
                return name.clone();
            }
        }
    }
    who
}

/// Bulleted lines after an introduction ending with a colon: each line is one item.
fn bullets(doc: &Doc, from: usize, hit: &Hit) -> Vec<Suggestion> {
    let mut items = Vec::new();
    for p in doc.paragraphs.iter().skip(from).take(MAX_BULLETS) {
        match bullet_item(doc.text, p.clone()) {
            Some(r) => items.push(r),
            None => break,
        }
    }
    let total = items.len();
    items
        .into_iter()
        .enumerate()
        .map(|(n, bytes)| {
            let reason = format!("directive '{}', bulleted item {} of {}", hit.cue, n + 1, total);
            let attributes = Attributes { by: hit.by.clone(), to: hit.to.clone(), ..Attributes::default() };
            doc.suggestion(Label::Demand, bytes, attributes, 0.6, &reason)
        })
        .collect()
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

/// Every directive in a sentence.
fn in_sentence(text: &str, toks: &[Tok]) -> Vec<Hit> {
    let mut hits = Vec::new();
    // A headline in title case ("Mayor Asks Board To Freeze Fares") has no reliable
    // structure to read items from.
    let long_words = toks.iter().filter(|t| t.word && t.lower.len() > 3);
    let (capitalised, all) = long_words.fold((0, 0), |(c, a), t| (c + usize::from(t.cap), a + 1));
    if all > 4 && capitalised * 5 >= all * 4 {
        return hits;
    }
    for k in 0..toks.len() {
        let t = &toks[k];
        if !t.word {
            continue;
        }
        let hit = if has(NOUNS, &t.lower) && is_noun(toks, k) {
            noun(text, toks, k)
        } else if let Some(d) = directive::verb(&t.lower) {
            verb(text, toks, k, d)
        } else {
            None
        };
        hits.extend(hit);
    }
    hits
}

/// Whether a directive word is used as a noun: "their demands", "the union's call".
fn is_noun(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if matches!(t.lower.as_str(), "ultimatum" | "ultimatums" | "condition" | "conditions" | "request" | "requests") {
        return true;
    }
    k > 0 && (has(NOUN_BEFORE, &toks[k - 1].lower) || toks[k - 1].lower.ends_with("'s") || has(DETERMINERS, &toks[k - 1].lower))
}

fn text_of(text: &str, toks: &[Tok], r: Range<usize>) -> String {
    text[toks[r.start].bytes.start..toks[r.end - 1].bytes.end].to_string()
}

fn verb(text: &str, toks: &[Tok], k: usize, d: Directive) -> Option<Hit> {
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str());
    let passive = has(PARTICIPLES, w)
        && k > 0
        && (has(BE, &toks[k - 1].lower) || (k > 1 && has(BE, &toks[k - 2].lower) && toks[k - 1].lower.ends_with("ly")));
    let subject = subject_before(toks, k).map(|(p, _)| {
        // "a law requiring …": a participle with no auxiliary modifies the noun right before
        // it, so only the last few words are the actor.
        let participle = w.ends_with("ing") && !(k > 0 && has(BE, &toks[k - 1].lower));
        let from = if participle { p.toks.end.saturating_sub(3).max(p.toks.start) } else { p.toks.start };
        let from =
            (from..p.toks.end).find(|&j| !has(crate::lexicon::sources::LEADING_PREPOSITIONS, &toks[j].lower)).unwrap_or(p.toks.start);
        text[toks[from].bytes.start..p.bytes.end].to_string()
    });
    let (mut by, mut to) = if passive { (None, subject) } else { (subject, None) };
    let cue_word = &text[toks[k].bytes.clone()];
    let next = word(k + 1);
    let mut cue = cue_word.to_string();
    let mut confidence = 0.7;
    let items = match (d, next) {
        (_, Some("that")) if matches!(d, Directive::Demand | Directive::Insist | Directive::Urge | Directive::Require | Directive::Ask) => {
            let region = region(toks, k + 2);
            if d == Directive::Insist && !toks[region.clone()].iter().any(|t| has(DEONTIC, &t.lower)) {
                // "insisted that he was innocent" is a claim, not a demand.
                return None;
            }
            cue = format!("{cue_word} that");
            split_on_and_that(toks, region)
        }
        (Directive::Insist, Some("on"))
        | (Directive::Call | Directive::Press | Directive::Ask | Directive::Appeal | Directive::Order | Directive::Urge, Some("for")) => {
            cue = format!("{cue_word} {}", next.unwrap_or_default());
            // "called for the regional board to accept …": an addressee and what it should do
            // (but "called for an end to the war" is one item: "to" takes a noun there).
            match addressee(toks, k + 2) {
                Some((Some(addressee), after)) if toks.get(after).is_some_and(|t| t.word && !t.cap && !has(DETERMINERS, &t.lower)) => {
                    to = Some(text_of(text, toks, addressee));
                    to_list(toks, region(toks, after))
                }
                _ => noun_list(toks, region(toks, k + 2), false),
            }
        }
        (Directive::Call, Some("on" | "upon")) => {
            let (addressee, after) = addressee(toks, k + 2)?;
            if passive {
                return None;
            }
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} on … to");
            if to.is_none() {
                // "X was called on to …" after all: the subject is the addressee.
                to = by.take();
            }
            to_list(toks, region(toks, after))
        }
        (Directive::Appeal, Some("to")) => {
            let (addressee, after) = addressee(toks, k + 2)?;
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} to … to");
            to_list(toks, region(toks, after))
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require, _)
            if passive && next == Some("to") =>
        {
            cue = format!("{} {cue_word} to", &text[toks[k - 1].bytes.clone()]);
            to_list(toks, region(toks, k + 2))
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require, Some(_)) => {
            match addressee(toks, k + 1) {
                Some((Some(addressee), after)) => {
                    to = Some(text_of(text, toks, addressee));
                    cue = format!("{cue_word} … to");
                    to_list(toks, region(toks, after))
                }
                _ if matches!(d, Directive::Urge | Directive::Require) && !passive => {
                    // "urged restraint", "the law requires a permit".
                    let first = toks.get(k + 1)?;
                    if !first.word || matches!(first.lower.as_str(), "to" | "by" | "in" | "of" | "with" | "as") {
                        return None;
                    }
                    confidence = 0.55;
                    noun_list(toks, region(toks, k + 1), false)
                }
                _ => return None,
            }
        }
        (Directive::Demand, Some("to")) => {
            // "demanded to know", "demanded to see the accounts".
            single(toks, region(toks, k + 2))
        }
        (Directive::Demand, Some(_)) => {
            let first = &toks[k + 1];
            if matches!(first.lower.as_str(), "by" | "in" | "of" | "on" | "at" | "with" | "as" | "and" | "or" | "from" | "for") {
                return None;
            }
            let mut r = region(toks, k + 1);
            // "demanded an apology from the mayor": the addressee ends the item.
            if let Some(f) = (r.start..r.end).find(|&j| toks[j].is("from")) {
                if toks.get(f + 1).is_some_and(|t| t.cap || has(DETERMINERS, &t.lower)) && f > r.start {
                    if let Some(p) = phrase_after(toks, f + 1, &[], 8) {
                        to = Some(text[p.bytes].to_string());
                        r.end = f;
                    }
                }
            }
            noun_list(toks, r, false)
        }
        (_, None) => {
            // The cue ends the sentence or a colon follows: items may come as bullets.
            let colon = toks.get(k + 1).is_some_and(|t| t.is(":"));
            if colon && toks.len() == k + 2 {
                return Some(Hit { at: toks[k].bytes.start, cue, by, to, items: Vec::new(), confidence, open_list: true });
            }
            if colon && d == Directive::Demand {
                cue = format!("{cue_word}:");
                noun_list(toks, region(toks, k + 2), true)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if items.is_empty() {
        return None;
    }
    if items.len() > 1 {
        confidence -= 0.05;
    }
    if by.as_deref().is_some_and(|b| has(DETERMINERS, &b.to_lowercase())) {
        by = None;
    }
    Some(Hit { at: toks[k].bytes.start, cue, by, to, items, confidence, open_list: false })
}

/// A directive noun: "their demands include …", "calls for …", "the demand that …",
/// "an ultimatum to X to …", "conditions: …".
fn noun(text: &str, toks: &[Tok], k: usize) -> Option<Hit> {
    let cue_word = &text[toks[k].bytes.clone()];
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).map(|t| t.lower.as_str());
    let mut by = possessor(text, toks, k);
    let mut to = None;
    let mut j = k + 1;
    // "the demands of the strikers include …"
    if word(j) == Some("of") && !matches!(w, "condition" | "conditions") {
        if let Some(p) = phrase_after(toks, j + 1, LIST_INTROS, 6) {
            by = Some(text[p.bytes].to_string());
            j = p.toks.end;
        }
    }
    if matches!(word(j), Some("that" | "which")) && word(j + 1).is_some_and(|x| has(LIST_INTROS, x)) {
        j += 1;
    }
    if word(j) == Some(",") && word(j + 1) == Some("including") {
        j += 1;
    }
    // "Russia issued an ultimatum", "the group set out its conditions": the issuer is the actor.
    if by.is_none() {
        let issuing = (k.saturating_sub(5)..k).rev().find(|&v| has(ISSUING_VERBS, &toks[v].lower));
        if let Some(v) = issuing {
            by = subject_before(toks, v).map(|(p, _)| text[p.bytes].to_string());
        }
    }
    let singular_economic = w == "demand"
        && !toks[k - 1].lower.ends_with("'s")
        && !matches!(toks[k - 1].lower.as_str(), "a" | "his" | "her" | "their" | "its" | "our");
    let cue;
    let items = match word(j) {
        // "Weather conditions were poor": conditions need "include" or a colon to be demands.
        Some(x) if (has(LIST_INTROS, x) && !(matches!(w, "condition" | "conditions") && BE.contains(&x))) || x == ":" => {
            if x == ":" && toks.len() == j + 1 {
                return Some(Hit {
                    at: toks[k].bytes.start,
                    cue: format!("{cue_word}:"),
                    by,
                    to,
                    items: Vec::new(),
                    confidence: 0.55,
                    open_list: true,
                });
            }
            cue = format!("{cue_word} {x}");
            noun_list(toks, region(toks, j + 1), true)
        }
        Some("for") if !singular_economic && !matches!(w, "condition" | "conditions" | "ultimatum" | "ultimatums") => {
            cue = format!("{cue_word} for");
            noun_list(toks, region(toks, j + 1), false)
        }
        Some("that") if !singular_economic => {
            cue = format!("{cue_word} that");
            split_on_and_that(toks, region(toks, j + 1))
        }
        Some("to") if matches!(w, "ultimatum" | "ultimatums" | "appeal" | "appeals" | "call" | "calls" | "demand" | "demands") => {
            let (addressee, after) = addressee(toks, j + 1)?;
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} to");
            to_list(toks, region(toks, after))
        }
        _ => return None,
    };
    if items.is_empty() {
        return None;
    }
    Some(Hit { at: toks[k].bytes.start, cue, by, to, items, confidence: 0.55, open_list: false })
}

/// The owner of a directive noun: "the rail union's demands" → "the rail union".
fn possessor(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let mut j = k;
    // Skip adjectives: "the union's key demands".
    while j > 0 && k - j < 3 && toks[j - 1].word && !toks[j - 1].lower.ends_with("'s") && !has(DETERMINERS, &toks[j - 1].lower) {
        j -= 1;
    }
    let owner = toks.get(j.checked_sub(1)?)?;
    if !owner.lower.ends_with("'s") {
        return None;
    }
    // The owner's phrase is read like a subject ending at the owner.
    let (phrase, _) = subject_before(toks, j)?;
    let s = &text[phrase.bytes];
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s"))?;
    (!s.is_empty()).then(|| s.to_string())
}

/// The addressee between a verb and "to": "urged the council to" → (the council, index after
/// "to"). `Some((None, after))` when "to" follows at once.
fn addressee(toks: &[Tok], from: usize) -> Option<(Option<Range<usize>>, usize)> {
    let limit = toks.len().min(from + MAX_ADDRESSEE + 1);
    let to = (from..limit).find(|&j| toks[j].is("to") || !toks[j].word && !toks[j].is(",") || toks[j].is("that"))?;
    if !toks[to].is("to") {
        return None;
    }
    let mut addressee = (to > from).then_some(from..to);
    if let Some(r) = &mut addressee {
        // "asked whether the deals required …", "told them what": not an addressee.
        if toks[r.clone()].iter().any(|t| has(NOT_ADDRESSEE, &t.lower) || directive::verb(&t.lower).is_some())
            || (toks[r.clone()].iter().any(|t| t.is(",")) && !toks[r.start].cap)
        {
            return None;
        }
        // "told his subordinates never to": the adverb belongs to the demand.
        while r.end > r.start + 1 && (has(NOT_ADDRESSEE_END, &toks[r.end - 1].lower) || toks[r.end - 1].lower.ends_with("ly")) {
            r.end -= 1;
        }
    }
    Some((addressee, to + 1))
}

/// The tokens of the demanded content from `from`: up to the end of the sentence, a clause
/// boundary or `MAX_ITEM_TOKENS`.
fn region(toks: &[Tok], from: usize) -> Range<usize> {
    let limit = toks.len().min(from + MAX_ITEM_TOKENS);
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
        // Adverbials after the item: "in a statement", "on Monday", "Tuesday".
        let next = toks.get(end + 1).map_or("", |n| n.lower.as_str());
        let after = toks.get(end + 2).map_or("", |n| n.lower.as_str());
        if end > from
            && (has(WEEKDAYS, &t.lower)
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

/// One item covering the whole region, if it has a word.
fn single(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
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
fn to_list(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
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
fn split_on_and_that(toks: &[Tok], r: Range<usize>) -> Vec<Range<usize>> {
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
fn noun_list(toks: &[Tok], r: Range<usize>, intro: bool) -> Vec<Range<usize>> {
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
    let is_list = match conj_in(&last) {
        Some(_) if commas.is_empty() => intro,
        Some(_) => pieces.iter().all(short),
        None => intro && !commas.is_empty() && pieces.iter().all(short),
    };
    if !is_list {
        pieces.truncate(1);
    } else if let Some(j) = conj_in(&last) {
        pieces.pop();
        pieces.push(last.start..j);
        pieces.push(j + 1..last.end);
    }
    let mut items: Vec<Range<usize>> = pieces.into_iter().filter_map(|p| clean(toks, p)).collect();
    items.truncate(MAX_ITEMS);
    items
}

/// Quotation speakers by position, for "we demand" inside a quote.
struct Speakers<'q> {
    quotes: Vec<(&'q Range<usize>, &'q str)>,
}

impl<'q> Speakers<'q> {
    fn new(quotes: &'q [Quote]) -> Self {
        let mut quotes: Vec<(&Range<usize>, &str)> = quotes.iter().filter_map(|q| Some((&q.bytes, q.speaker.as_deref()?))).collect();
        quotes.sort_by_key(|(r, _)| r.start);
        Speakers { quotes }
    }

    /// The speaker of a quotation holding byte `at`; looks at the few quotations starting
    /// nearest before it (quotations nest only a level or two).
    fn around(&self, at: usize) -> Option<&'q str> {
        let i = self.quotes.partition_point(|(r, _)| r.start <= at);
        self.quotes[..i].iter().rev().take(4).find(|(r, _)| at < r.end).map(|(_, s)| *s)
    }
}
