//! Giving each quoted passage its speaker: its own attribution first, then one carried from a
//! nearby quote, then pronouns resolved and surnames expanded across the article.
//!
//! Owns: the windows each passage's attribution is read from, the order of the carrying rules,
//! and the running memory of named people (last named person, surname → full name, name →
//! role). Must never: carry a speaker across a paragraph break unless the options ask for it
//! or the quote continues there, or scan any byte of the text more than a constant number of
//! times.

use std::collections::HashMap;
use std::ops::Range;

use super::marks::Passage;
use super::speaker::{self, Found, Mention, Place};
use super::tokens::tokenize;
use super::{Options, SpeakerRule};
use crate::doc::Doc;
use crate::names;

/// The most bytes read after a closing mark or before an opening one.
const WINDOW: usize = 320;
/// The most bytes before a quote read for the names of people a pronoun may refer to.
const NAME_SCAN: usize = 800;

/// A passage's speaker, as far as it is known.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    pub speaker: Option<String>,
    pub mention: Option<Range<usize>>,
    pub role: Option<String>,
    pub rule: SpeakerRule,
    pub kind: Option<Mention>,
    /// The reporting verb as written ("said").
    pub verb: Option<String>,
    /// Bytes of the reporting verb.
    pub verb_bytes: Option<Range<usize>>,
    /// The pronoun, when the mention is one ("he").
    pub pronoun: Option<String>,
    /// A pronoun credit after the quotation, passed over for the name that introduces it: a
    /// later quote of the paragraph that takes this speaker is credited through it (its nearest
    /// credit).
    pub later_mention: Option<Range<usize>>,
}

/// The speaker of every passage, in the same order.
pub fn attribute(doc: &Doc, passages: &[Passage], options: &Options) -> Vec<Attributed> {
    let local: Vec<Option<Own>> = (0..passages.len()).map(|i| own_attribution(doc, passages, i)).collect();
    let mut out = name_speakers(doc, passages, local);
    carry(passages, &mut out, options);
    out
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A passage's own attribution: what was found, by which rule, and the pronoun credit after the
/// quotation when a name before it was preferred ("Sen. Ada Brook scolded him: “…,” she said.").
type Own = (Found, SpeakerRule, Option<Range<usize>>);

/// The attribution written next to passage `i`: after it (unless that is a pronoun and a name
/// introduces the quotation with a colon), else before it, else (for a passage that opens its
/// paragraph) at the end of the previous paragraph when that ends with a colon.
fn own_attribution(doc: &Doc, passages: &[Passage], i: usize) -> Option<Own> {
    let text = doc.text;
    let p = &passages[i];
    let para = doc.paragraphs[p.paragraph].clone();
    let next_start = passages.get(i + 1).filter(|n| n.paragraph == p.paragraph).map_or(usize::MAX, |n| n.bytes.start);
    let prev_end = i.checked_sub(1).map(|k| &passages[k]).filter(|q| q.paragraph == p.paragraph).map_or(0, |q| q.bytes.end);
    let mut after = None;
    if p.closed {
        let end = floor(text, para.end.min(next_start).min(p.bytes.end + WINDOW));
        let toks = tokenize(text, p.bytes.end..end);
        let inner = text[p.bytes.clone()].trim_end_matches(['”', '"', '’', '\'', '»', '`']);
        let closed = inner.ends_with('.');
        after = speaker::after(text, &toks, closed, inner.ends_with('?')).map(|f| {
            let rule = match f.place {
                Place::AfterVerbFirst => SpeakerRule::AfterVerbFirst,
                Place::Dash => SpeakerRule::Dash,
                _ => SpeakerRule::AfterSpeakerFirst,
            };
            (f, rule)
        });
    }
    if p.from_previous || after.as_ref().is_some_and(|(f, _)| f.kind != Mention::Pronoun) {
        return after.map(|(f, rule)| (f, rule, None));
    }
    let start = ceil(text, sentence_start(doc, p.bytes.start).max(prev_end).max(para.start).max(p.bytes.start.saturating_sub(WINDOW)));
    let toks = tokenize(text, start..p.bytes.start);
    if let Some(f) = speaker::before(text, &toks) {
        // "Sen. Ada Brook scolded him: “…,” she said.": the name that introduces the quotation
        // is a better mention than the pronoun after it.
        let introduced = f.kind == Mention::Name && text[..p.bytes.start].trim_end().ends_with(':');
        if after.is_none() || introduced {
            return Some((f, SpeakerRule::Before, after.map(|(a, _)| a.mention)));
        }
    }
    if after.is_some() {
        return after.map(|(f, rule)| (f, rule, None));
    }
    // "Clinton said:" closing the previous paragraph, and this one opens with the quote.
    let opens_paragraph = text[para.start..p.bytes.start].trim().is_empty();
    if opens_paragraph && p.paragraph > 0 {
        let prev = doc.paragraphs[p.paragraph - 1].clone();
        let prev_text = text[prev.clone()].trim_end();
        if prev_text.ends_with(':') {
            let end = prev.start + prev_text.len();
            let start = ceil(text, sentence_start(doc, end - 1).max(prev.start).max(end.saturating_sub(WINDOW)));
            let toks = tokenize(text, start..end);
            if let Some(f) = speaker::before(text, &toks) {
                return Some((f, SpeakerRule::PreviousParagraphColon, None));
            }
        }
    }
    None
}

/// Start of the sentence holding byte `at`, or `at` itself when no sentence holds it.
fn sentence_start(doc: &Doc, at: usize) -> usize {
    let k = doc.sentences.partition_point(|s| s.bytes.start <= at);
    match k.checked_sub(1).map(|k| &doc.sentences[k]) {
        Some(s) if s.bytes.end > at => s.bytes.start,
        _ => at,
    }
}

/// People met so far in the article, for pronouns and short names.
#[derive(Default)]
struct People {
    last_person: Option<String>,
    /// Surname → the fullest name met with it ("Stent" → "Angela Stent").
    full: HashMap<String, String>,
    /// Name → the first role met for it.
    roles: HashMap<String, String>,
}

impl People {
    /// The full form of a person's name, remembering it; "Mr. Trump" and "Trump" both become
    /// "Donald Trump" once that has been seen.
    fn name(&mut self, raw: &str) -> String {
        let name = clean(raw);
        let words: Vec<&str> = name.split(' ').filter(|w| !names::is_title(w)).collect();
        let Some(surname) = words.last().map(|s| s.to_string()) else { return name };
        if words.len() >= 2 {
            self.full.entry(surname).or_insert_with(|| words.join(" "));
            return name;
        }
        self.full.get(&surname).cloned().unwrap_or(name)
    }

    /// Reads the names in `text[range]` (text between quotes) so pronouns resolve to the last
    /// person named before them. Only full names, titled names and known surnames count, so
    /// that a place ("Ohio") is not taken for a person.
    fn scan(&mut self, text: &str, range: Range<usize>) {
        let mut at = range.start;
        let mut prev_alnum = at > 0 && text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        while at < range.end {
            let Some(c) = text[at..range.end].chars().next() else { break };
            if c.is_uppercase() && !prev_alnum {
                if let Some(r) = names::name_after(text, at).filter(|r| r.start == at && r.end <= range.end) {
                    let s = &text[r.clone()];
                    let words = s.split_whitespace().count();
                    let titled = s.split_whitespace().next().is_some_and(names::is_title);
                    if names::person_like(s) && (words >= 2 || titled || self.full.contains_key(s)) {
                        let n = self.name(s);
                        self.last_person = Some(n);
                    }
                    at = r.end;
                    prev_alnum = true;
                    continue;
                }
            }
            prev_alnum = c.is_alphanumeric();
            at += c.len_utf8();
        }
    }
}

/// Collapses runs of whitespace and drops a trailing comma.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches([',', ';', ':']).to_string()
}

/// Turns each passage's own attribution into a speaker name, in text order, resolving
/// pronouns to the last named person and short names to full ones.
fn name_speakers(doc: &Doc, passages: &[Passage], local: Vec<Option<Own>>) -> Vec<Attributed> {
    let text = doc.text;
    let mut people = People::default();
    let mut scanned = 0;
    let mut out = Vec::with_capacity(passages.len());
    for (p, found) in passages.iter().zip(local) {
        if p.bytes.start > scanned {
            // Only the end of a long gap: the person a pronoun refers to is named shortly before
            // it, and earlier names stay remembered from earlier gaps and speakers.
            let from = ceil(text, scanned.max(p.bytes.start.saturating_sub(NAME_SCAN)));
            people.scan(text, from..p.bytes.start);
        }
        scanned = scanned.max(p.bytes.end);
        let Some((f, rule, later_mention)) = found else {
            out.push(Attributed::default());
            continue;
        };
        let mention = &text[f.mention.clone()];
        if f.place == Place::ColonSubject && !people.full.contains_key(mention) {
            // "Partial transcript as follows:" — not a person met before.
            out.push(Attributed::default());
            continue;
        }
        let mut a = Attributed {
            mention: Some(f.mention.clone()),
            rule,
            kind: Some(f.kind),
            verb: f.verb.as_ref().map(|v| text[v.clone()].to_lowercase()),
            verb_bytes: f.verb.clone(),
            later_mention,
            ..Attributed::default()
        };
        match f.kind {
            Mention::Name => {
                let name = people.name(mention);
                if names::person_like(&name) {
                    people.last_person = Some(name.clone());
                }
                a.speaker = Some(name);
            }
            Mention::Pronoun => {
                a.pronoun = Some(mention.to_string());
                if matches!(mention.to_lowercase().as_str(), "he" | "she" | "they") {
                    a.speaker = people.last_person.clone();
                }
            }
            Mention::Description => a.speaker = Some(clean(mention)),
        }
        let role = f.role.as_ref().map(|r| clean(&text[r.clone()]));
        if let Some(s) = &a.speaker {
            match &role {
                Some(r) => {
                    people.roles.entry(s.clone()).or_insert_with(|| r.clone());
                }
                None => a.role = people.roles.get(s).cloned(),
            }
        }
        if role.is_some() {
            a.role = role;
        }
        out.push(a);
    }
    out
}

/// Fills passages without an attribution of their own from nearby ones: the other parts of a
/// quote running over several paragraphs, an earlier quote in the paragraph, the next quote in
/// the paragraph, and (only when asked) the previous paragraph's last speaker.
fn carry(passages: &[Passage], out: &mut [Attributed], options: &Options) {
    let has = |a: &Attributed| a.mention.is_some();
    let copy = |from: &Attributed, rule: SpeakerRule| Attributed { rule, ..from.clone() };
    // Forward: chains and earlier quotes of the paragraph.
    let mut last_in_paragraph: Option<usize> = None;
    for i in 0..passages.len() {
        if i > 0 && passages[i - 1].paragraph != passages[i].paragraph {
            last_in_paragraph = None;
        }
        if !has(&out[i]) {
            if passages[i].from_previous && i > 0 && passages[i - 1].into_next && has(&out[i - 1]) {
                out[i] = copy(&out[i - 1], SpeakerRule::QuoteChain);
            } else if let Some(k) = last_in_paragraph {
                out[i] = copy(&out[k], SpeakerRule::EarlierInParagraph);
                if let Some(m) = out[i].later_mention.take() {
                    out[i].mention = Some(m);
                }
            }
        }
        if has(&out[i]) {
            last_in_paragraph = Some(i);
        }
    }
    // Backward: later parts of a chain, and the next quote of the paragraph.
    for i in (0..passages.len().saturating_sub(1)).rev() {
        if has(&out[i]) || !has(&out[i + 1]) {
            continue;
        }
        if passages[i].into_next {
            out[i] = copy(&out[i + 1], SpeakerRule::QuoteChain);
        } else if passages[i + 1].paragraph == passages[i].paragraph {
            out[i] = copy(&out[i + 1], SpeakerRule::LaterInParagraph);
        }
    }
    if options.carry_previous_paragraph {
        // The last speaker of the previous paragraph, if it had one.
        let mut last_of_paragraph: HashMap<usize, usize> = HashMap::new();
        for i in 0..passages.len() {
            if !has(&out[i]) && passages[i].paragraph > 0 {
                if let Some(&k) = last_of_paragraph.get(&(passages[i].paragraph - 1)) {
                    out[i] = copy(&out[k], SpeakerRule::PreviousParagraph);
                }
            }
            if has(&out[i]) && out[i].rule != SpeakerRule::PreviousParagraph {
                last_of_paragraph.insert(passages[i].paragraph, i);
            }
        }
    }
}
