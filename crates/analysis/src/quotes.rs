//! Direct quotations and their speakers.
//!
//! Owns: finding quoted passages (`marks`), reading the attribution next to each (`speaker`),
//! carrying and resolving speakers across a paragraph (`resolve`), recognising the rest of a
//! quotation its credit interrupted (`interrupted`) or whose first fragment was left unclosed
//! (`unclosed`), and turning the result into
//! Quote suggestions with a confidence and a reason. Must never: suggest a quote whose offsets
//! do not cover its quotation marks, carry a speaker across paragraphs by default (that guess
//! is right only 4–16% of the time in news), or do work that grows faster than the text.
//!
//! The speaker's role: `Quote::speaker` is the name alone (for grouping and for the other
//! detectors), `Quote::role` the apposition ("a senior fellow at the Brookings Institution"),
//! and the suggestion's `speaker` attribute joins them as "Angela Stent (a senior fellow at the
//! Brookings Institution)" so that the role survives when a person accepts the suggestion (the
//! span attributes have no role field).

mod interrupted;
mod marks;
mod nickname;
mod resolve;
mod speaker;
mod tokens;
mod unclosed;

use std::borrow::Cow;
use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;

pub use speaker::{Mention, Place};

/// A direct quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub suggestion: Suggestion,
    /// Bytes of the quotation, marks included.
    pub bytes: Range<usize>,
    /// The speaker's name (a pronoun resolved to the last named person, a surname expanded to a
    /// full name met earlier) or description ("a campaign spokesman"); `None` when not found.
    pub speaker: Option<String>,
    /// Bytes of the speaker's mention credited with this quote (the pronoun itself for "he
    /// said"; for a carried speaker, the earlier mention).
    pub speaker_bytes: Option<Range<usize>>,
    /// The speaker's role or affiliation, from an apposition or a description before the name.
    pub role: Option<String>,
    /// How the speaker was found.
    pub rule: SpeakerRule,
    /// Index of the paragraph the quotation starts in.
    pub paragraph: usize,
    /// The quotation goes on in the next paragraph (English convention: no closing mark).
    pub continues: bool,
    /// The quotation began in an earlier paragraph.
    pub continued: bool,
}

/// How a quote's speaker was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum SpeakerRule {
    /// "…,” said X".
    AfterVerbFirst,
    /// "…,” X said".
    AfterSpeakerFirst,
    /// "…” — X".
    Dash,
    /// "X said: “…”".
    Before,
    /// A part of a quote running over several paragraphs, credited where another part is.
    QuoteChain,
    /// An earlier quote in the same paragraph has a speaker.
    EarlierInParagraph,
    /// The next quote in the same paragraph has a speaker ("“A.” “B,” X said.").
    LaterInParagraph,
    /// The previous paragraph ends with "X said:".
    PreviousParagraphColon,
    /// The previous paragraph's last speaker (off by default; measured only).
    PreviousParagraph,
    /// No speaker found.
    #[default]
    None,
}

/// Choices the evaluation compares; `Options::default()` is what the app uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Suggest a quote running over several paragraphs as one span (true) or one span per
    /// paragraph (false).
    pub join_paragraphs: bool,
    /// Credit an unattributed quote to the previous paragraph's last speaker.
    pub carry_previous_paragraph: bool,
    /// Quotes below this confidence are not suggested.
    pub min_confidence: f32,
    /// A double quote never closed in its paragraph runs to the paragraph's end (true) or is
    /// dropped, the quotes inside it then standing alone (false).
    pub close_unbalanced: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { join_paragraphs: false, carry_previous_paragraph: false, min_confidence: MIN_CONFIDENCE, close_unbalanced: false }
    }
}

/// Quotes below this confidence (partial quotations woven into the article's own sentence,
/// scare quotes) are not suggested by default: on PolNeAR's tuning half, a quote right after an
/// ordinary word of the article was a direct quotation 7 times in 230.
pub const MIN_CONFIDENCE: f32 = 0.25;

/// Every direct quotation in `doc`, in text order, with the default options.
pub fn find(doc: &Doc) -> Vec<Quote> {
    find_with(doc, &Options::default())
}

/// Every direct quotation in `doc`, in text order.
pub fn find_with(doc: &Doc, options: &Options) -> Vec<Quote> {
    let passages = marks::passages(doc.text, &doc.paragraphs, options.close_unbalanced);
    let found = resolve::attribute(doc, &passages, options);
    let mut quotes: Vec<Quote> = Vec::with_capacity(passages.len());
    for (i, (p, a)) in passages.iter().zip(found).enumerate() {
        let resumes = interrupted::resumes(doc, i.checked_sub(1).map(|k| &passages[k]), p, &a);
        let (confidence, reason) = confidence(doc, p, &a, resumes);
        let joined = options.join_paragraphs && p.from_previous && quotes.last().is_some_and(|q| q.continues);
        if confidence < options.min_confidence && !joined {
            // Not suggested: skip building it (garbage input can hold a passage every few bytes).
            continue;
        }
        if joined {
            // One span from the first part's opening mark to this part's end.
            let q = quotes.last_mut().expect("checked above");
            q.bytes.end = p.bytes.end;
            q.continues = p.into_next;
            if q.speaker.is_none() && a.speaker.is_some() {
                q.speaker = a.speaker.clone();
                q.speaker_bytes = a.mention.clone();
                q.role = a.role.clone();
                q.rule = a.rule;
            }
            q.suggestion = suggestion(
                doc,
                q.bytes.clone(),
                q.speaker.as_deref(),
                q.role.as_deref(),
                confidence.max(q.suggestion.provenance.confidence.as_f32()),
                &reason,
            );
            continue;
        }
        quotes.push(Quote {
            suggestion: suggestion(doc, p.bytes.clone(), a.speaker.as_deref(), a.role.as_deref(), confidence, &reason),
            bytes: p.bytes.clone(),
            speaker: a.speaker,
            speaker_bytes: a.mention,
            role: a.role,
            rule: a.rule,
            paragraph: p.paragraph,
            continues: p.into_next,
            continued: p.from_previous,
        });
    }
    quotes.retain(|q| q.suggestion.provenance.confidence.as_f32() >= options.min_confidence);
    quotes
}

fn suggestion(doc: &Doc, bytes: Range<usize>, speaker: Option<&str>, role: Option<&str>, confidence: f32, reason: &str) -> Suggestion {
    let speaker = speaker.map(|s| match role {
        Some(r) => format!("{s} ({r})"),
        None => s.to_string(),
    });
    doc.suggestion(Label::Quote, bytes, Attributes { speaker, ..Attributes::default() }, confidence, reason)
}

/// Number of words inside a passage, counting at most `cap`.
fn words_in(text: &str, cap: usize) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).take(cap).count()
}

/// Confidence and reason for one quote. The figures follow each rule's measured reliability
/// on PolNeAR's tuning half (examples/evaluate_quotes.rs: the share of suggestions that are
/// gold direct quotes, and of those the share with the right speaker): after the quote 98%
/// and 96–99%, before it 90% and 100%, carried within the paragraph 94% and 95%, no speaker
/// found 36%. Partial quotations woven into the article's sentence (3% on the same data),
/// titles, scare quotes and unattributed transcripts fall below `MIN_CONFIDENCE`.
/// `resumes`: the passage is the rest of a quotation its credit interrupted (`interrupted`).
fn confidence(doc: &Doc, p: &marks::Passage, a: &resolve::Attributed, resumes: bool) -> (f32, Cow<'static, str>) {
    let verb = a.verb.clone().unwrap_or_default();
    let who = match a.kind {
        Some(Mention::Name) => "a name",
        Some(Mention::Pronoun) => "a pronoun",
        _ => "a description",
    };
    let resolved = match (&a.pronoun, &a.speaker) {
        (Some(pr), Some(s)) => format!("; '{pr}' taken as the last named person, {s}"),
        (Some(pr), None) => format!("; '{pr}' not resolved to a name"),
        _ => String::new(),
    };
    // A quotation right after an ordinary word of the article's sentence ("called it “a
    // disaster”", "that “…”") is a partial quotation inside indirect speech or a scare quote, not
    // a direct quotation. Right after a reporting verb ("said “…”") it is a direct one.
    if !p.from_previous {
        if let Some(w) = word_before(doc, p) {
            if !crate::lexicon::reporting::is_reporting_verb(w) {
                return (0.2, "partial quotation woven into the article's own sentence".into());
            }
        }
    }
    let inner = &doc.text[p.bytes.clone()];
    // A quotation that starts in lower case continues a sentence rather than opening one: a
    // partial quotation ("Mr. Barrett said that under Obama, “the generals have…”", "— “a
    // completely different…”"). It is a direct quotation when the attribution follows it ("“we
    // were floored,” he said") or when a reporting verb and a comma introduce it ("he said, “we
    // were…”"); carried speakers, no speaker, or a colon or dash before it mostly are not. On
    // PolNeAR's tuning half this raised F1 0.938 → 0.942.
    if !p.from_previous && starts_lower(inner) {
        let before = doc.text[doc.paragraphs[p.paragraph].start..p.bytes.start].trim_end();
        let attributed_after = matches!(a.rule, SpeakerRule::AfterVerbFirst | SpeakerRule::AfterSpeakerFirst | SpeakerRule::Dash);
        if !(attributed_after || (a.rule == SpeakerRule::Before && before.ends_with(',')) || resumes) {
            return (0.2, "quotation starting in lower case with no attribution after it: a partial quotation".into());
        }
    }
    // "X said that, “…”" and "he said Wednesday that under Obama, “the generals…”": a "that"
    // between the reporting verb and the quotation makes the quotation part of indirect speech,
    // however far apart they are. On PolNeAR's tuning half the second form was one false alarm
    // and no direct quotation.
    if a.rule == SpeakerRule::Before && !p.from_previous {
        let after_verb =
            a.verb_bytes.as_ref().is_some_and(|v| v.end < p.bytes.start && has_complementiser(&doc.text[v.end..p.bytes.start]));
        if after_verb || word_before_punctuation(doc, p).is_some_and(|w| w.eq_ignore_ascii_case("that")) {
            return (0.2, "quotation after 'that': part of indirect speech".into());
        }
    }
    let attributed_here =
        matches!(a.rule, SpeakerRule::AfterVerbFirst | SpeakerRule::AfterSpeakerFirst | SpeakerRule::Before | SpeakerRule::Dash);
    if is_title_case(inner) && !(attributed_here && a.verb.as_deref().is_none_or(crate::lexicon::reporting::is_core_speech_verb)) {
        return (0.2, "words in title case in quotation marks: the title of a work or a headline".into());
    }
    if a.rule == SpeakerRule::None && (p.from_previous || p.into_next) {
        return (0.2, "paragraphs in quotation marks with no speaker anywhere: a transcript or a document".into());
    }
    if a.rule == SpeakerRule::None && p.single {
        return (0.2, "single quotation marks with no speaker: usually a title or a term".into());
    }
    // After "…” he said" the attribution itself starts in lower case, so only quotes without
    // an attribution after them can run on.
    let attributed_after = matches!(a.rule, SpeakerRule::AfterVerbFirst | SpeakerRule::AfterSpeakerFirst | SpeakerRule::Dash);
    if !attributed_after && runs_on(doc, p) {
        return (0.2, "partial quotation: the article's own sentence runs on after it".into());
    }
    if !p.closed && !p.from_previous && !p.into_next {
        return (0.4, "no closing quotation mark; taken to the end of the paragraph".into());
    }
    let (c, reason) = match a.rule {
        SpeakerRule::AfterVerbFirst => (0.95, format!("closing quote followed by '{verb}' and {who}{resolved}").into()),
        SpeakerRule::AfterSpeakerFirst => (0.95, format!("closing quote followed by {who} and '{verb}'{resolved}").into()),
        SpeakerRule::Dash => (0.85, "closing quote followed by a dash and a name".into()),
        SpeakerRule::Before if resumes => {
            (0.9, format!("rest of a quotation interrupted by its credit, {who} and '{verb}'{resolved}").into())
        }
        SpeakerRule::Before if verb.is_empty() => (0.9, format!("{who} and a colon just before the opening quote{resolved}").into()),
        SpeakerRule::Before => (0.9, format!("{who} and '{verb}' just before the opening quote{resolved}").into()),
        SpeakerRule::QuoteChain => (0.85, "part of a quote running over several paragraphs; speaker from another part".into()),
        SpeakerRule::EarlierInParagraph => (0.8, "no attribution of its own; speaker of an earlier quote in this paragraph".into()),
        SpeakerRule::LaterInParagraph => (0.75, "no attribution of its own; speaker of the next quote in this paragraph".into()),
        SpeakerRule::PreviousParagraphColon => (0.8, "the previous paragraph ends with an attribution and a colon".into()),
        SpeakerRule::PreviousParagraph => (0.4, "speaker carried from the previous paragraph (right 4–20% of the time)".into()),
        SpeakerRule::None => {
            let inner = &doc.text[p.bytes.clone()];
            if words_in(inner, 4) <= 3 {
                (0.15, "one to three quoted words with no reporting verb: probably a scare quote or a title".into())
            } else if is_headline(doc, p.paragraph) {
                (0.3, "quotation marks in a headline, no speaker".into())
            } else {
                (0.4, "text in quotation marks; no speaker found".into())
            }
        }
    };
    if p.closed && !doc.text[p.bytes.clone()].ends_with(['”', '"', '’', '\'', '»', '`']) {
        // The first fragment of a quotation left unclosed before its credit (`unclosed`).
        return (c, format!("{reason}; the writer left out its closing mark").into());
    }
    (c, reason)
}

/// The word right before a passage's opening mark in its paragraph, if a word (not
/// punctuation) is there.
fn word_before<'a>(doc: &Doc<'a>, p: &marks::Passage) -> Option<&'a str> {
    let para = &doc.paragraphs[p.paragraph];
    let before = doc.text[para.start..p.bytes.start].trim_end();
    let last = before.chars().next_back()?;
    if !last.is_alphanumeric() {
        return None;
    }
    before.rsplit(|c: char| !c.is_alphanumeric()).next()
}

/// The word before a passage's opening mark, past a comma or colon right before it ("said that,
/// “…" gives "that").
fn word_before_punctuation<'a>(doc: &Doc<'a>, p: &marks::Passage) -> Option<&'a str> {
    let para = &doc.paragraphs[p.paragraph];
    let before = doc.text[para.start..p.bytes.start].trim_end().trim_end_matches([',', ':']).trim_end();
    before.rsplit(|c: char| !c.is_alphanumeric()).next().filter(|w| !w.is_empty())
}

/// Whether `between` (the words from a reporting verb to a quotation) holds a "that" opening
/// indirect speech: not "that day" or "at that point" (a determiner), nor "a report that was
/// released" (a relative clause, its verb right after it).
fn has_complementiser(between: &str) -> bool {
    const NOT_AFTER: &[&str] = &[
        "day",
        "night",
        "morning",
        "afternoon",
        "evening",
        "week",
        "month",
        "year",
        "time",
        "point",
        "moment",
        "is",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
    ];
    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case("that") && !words.get(i + 1).is_some_and(|n| NOT_AFTER.iter().any(|x| n.eq_ignore_ascii_case(x)))
    })
}

/// Whether the first letter inside the marks is lower case ("“we were floored.”").
fn starts_lower(inner: &str) -> bool {
    inner.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// Whether the quoted words are in title case ("Make Your Kid a Millionaire"): at least two
/// words, and every word of four letters or more capitalised.
fn is_title_case(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    words.len() >= 2
        && words.len() < 12
        && words.iter().filter(|w| w.chars().count() >= 4).count() >= 2
        && words.iter().filter(|w| w.chars().count() >= 4).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the article's sentence goes on right after the closing mark: the quote ends
/// without punctuation inside the marks and a lower-case word follows ("“a con” and
/// encouraged").
fn runs_on(doc: &Doc, p: &marks::Passage) -> bool {
    if !p.closed {
        return false;
    }
    let inner = doc.text[p.bytes.clone()].trim_end_matches(['”', '"', '’', '\'', '»', '`']);
    if inner.ends_with(['.', ',', '!', '?', '—', '–', '-', ':', ';', '…']) {
        return false;
    }
    let para_end = doc.paragraphs[p.paragraph].end;
    let after = doc.text[p.bytes.end..para_end].trim_start();
    after.chars().next().is_some_and(char::is_lowercase)
}

/// A headline: a short first paragraph that does not end like a sentence.
fn is_headline(doc: &Doc, paragraph: usize) -> bool {
    paragraph == 0
        && doc.paragraphs.first().is_some_and(|r| {
            let s = doc.text[r.clone()].trim_end();
            s.len() < 200 && !s.ends_with(['.', '!', '?', '”', '"', '’', '\''])
        })
}
