//! Reported claims: indirect speech with its source, and factual statements with no source.
//!
//! Owns: the rules that find what a source is reported to have said without quotation marks
//! ("X said that …", "X says …", "according to X, …", "…, X said.", "…, said X.") and the
//! sentences that state a fact on the article's own authority; the kind of a source is
//! decided by `lexicon::sources::classify_source`, re-exported here for the summary panel.
//! Must never: suggest a claim whose cue lies inside a direct quotation (that is the quote's
//! content, not the article's report), cover the source or the cue with the claim's span, or
//! look beyond the sentence that holds a cue.

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::sources::{
    has, phrase_after, subject_before, tokenize, Phrase, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS, TIME_WORDS,
};
use crate::quotes::Quote;

pub use crate::lexicon::sources::{classify_source, SourceKind};

/// Speech verbs: they report content after them ("said (that) …") and credit content before
/// them ("…, X said.").
const SAY_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "argue",
    "argued",
    "argues",
    "arguing",
    "believe",
    "believed",
    "believes",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "conceded",
    "concedes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "noting",
    "predicted",
    "predicts",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "told",
    "tweeted",
    "warned",
    "warning",
    "warns",
    "writes",
    "wrote",
];

/// Other reporting verbs: they report content after them only ("the study found (that) …").
const THAT_VERBS: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "asserted",
    "asserts",
    "complained",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "declared",
    "denied",
    "denies",
    "disclosed",
    "emphasised",
    "emphasized",
    "estimated",
    "estimates",
    "finds",
    "found",
    "hinted",
    "implied",
    "indicated",
    "indicates",
    "maintain",
    "maintained",
    "maintains",
    "mentioned",
    "observed",
    "recalled",
    "remarked",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "showed",
    "shows",
    "stressed",
    "stresses",
    "testified",
    "thinks",
];

/// Participles that, after a form of "be", make a passive with no source: "it is said that".
const PASSIVE_BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Words that may stand between a cue and "that": "said on Monday in a statement that".
const ADJUNCT_STARTS: &[&str] = &[
    ",",
    "after",
    "again",
    "also",
    "at",
    "before",
    "during",
    "earlier",
    "in",
    "last",
    "later",
    "on",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "this",
    "through",
    "to",
    "today",
    "tonight",
    "via",
    "yesterday",
];

/// Verbs by which an article states an event as fact: "prices rose", "the council voted".
const EVENT_VERBS: &[&str] = &[
    "approved",
    "arrested",
    "attacked",
    "charged",
    "climbed",
    "closed",
    "convicted",
    "cost",
    "declined",
    "decreased",
    "died",
    "doubled",
    "dropped",
    "elected",
    "fell",
    "filed",
    "fired",
    "grew",
    "hired",
    "increased",
    "injured",
    "invaded",
    "jumped",
    "killed",
    "launched",
    "lost",
    "opened",
    "passed",
    "plunged",
    "reached",
    "rejected",
    "released",
    "resigned",
    "rose",
    "sentenced",
    "signed",
    "soared",
    "sued",
    "surged",
    "totaled",
    "totalled",
    "tripled",
    "voted",
    "won",
];

/// Words that make a sentence carry a statistic or a date even without digits.
const NUMBER_WORDS: &[&str] = &[
    "billion",
    "dozen",
    "dozens",
    "half",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "percent",
    "quarter",
    "thousand",
    "thousands",
    "trillion",
    "twice",
];

/// Capitalised words that date a sentence.
const DATE_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Words of the writer's or reader's own voice; a sentence with them is not a plain report.
const PERSONAL: &[&str] = &["i", "me", "my", "our", "us", "we", "you", "your"];

/// How a claim was found, for its reason and confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// "X said that …": content after the cue, introduced by "that" or ":".
    AfterThat,
    /// "X said he …": content after the cue with "that" left out.
    After,
    /// "…, X said.": content before the source.
    Before,
    /// "…, said X.": content before the cue, source after it.
    BeforeInverted,
    /// "according to X, …" or "…, according to X."
    According,
    /// "PENCE: …" at the start of a paragraph.
    Colon,
}

struct Found {
    /// Bytes of the source phrase.
    source: Range<usize>,
    /// The token where the source and cue begin ("B said" in "A said X, but B said Y"), or the
    /// comma before a credit after its content: an earlier claim's content ends there.
    boundary: usize,
    /// Token range of the content.
    content: Range<usize>,
    cue: String,
    rule: Rule,
}

pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    let quoted = Quoted::new(quotes);
    let mut speakers: Vec<(usize, &str)> = quotes.iter().filter_map(|q| Some((q.bytes.start, q.speaker.as_deref()?))).collect();
    speakers.sort_by_key(|s| s.0);
    let mut next_speaker = 0;
    let mut people = People::default();
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        while let Some(&(at, name)) = speakers.get(next_speaker) {
            if at >= sentence.bytes.start {
                break;
            }
            people.saw(name, paragraph_of(doc, at));
            next_speaker += 1;
        }
        let toks = tokenize(doc.text, sentence.bytes.clone());
        let paragraph_start = doc.paragraphs.get(sentence.paragraph).is_some_and(|p| p.start == sentence.bytes.start);
        let found = in_sentence(doc.text, &toks, &quoted, paragraph_start);
        if found.is_empty() {
            out.extend(unsourced(doc, &toks, &quoted, sentence.bytes.clone()));
        }
        for f in found {
            out.extend(suggest(doc, &toks, f, sentence.paragraph, &mut people));
        }
    }
    out
}

/// The claims of one sentence, with each content ended where the next claim's source or cue
/// begins.
fn in_sentence(text: &str, toks: &[Tok], quoted: &Quoted, paragraph_start: bool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Quotation marks seen so far in the sentence: a cue after an unclosed opening mark is in a
    // quotation even when the quote finder did not take it (a partial or scare quote).
    let mut open_quote = false;
    for i in 0..toks.len() {
        let t = &toks[i];
        if !t.word {
            match t.lower.as_str() {
                "“" => open_quote = true,
                "”" => open_quote = false,
                "\"" => open_quote = !open_quote,
                _ => {}
            }
            continue;
        }
        if open_quote || quoted.inside(t.bytes.start) {
            continue;
        }
        let hit = if i == 0 && paragraph_start { colon_credit(toks) } else { None };
        let hit = if hit.is_some() {
            hit
        } else if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            according(toks, i)
        } else if has(SAY_VERBS, &t.lower)
            || has(THAT_VERBS, &t.lower)
            || (matches!(t.lower.as_str(), "pointed" | "points") && toks.get(i + 1).is_some_and(|n| n.is("out")))
        {
            let last = found.last().map(|f| (f.source.clone(), f.boundary));
            reported(text, toks, i, last)
        } else {
            None
        };
        found.extend(hit);
    }
    // "A said X, but B said Y": X ends where B begins. Boundaries are sorted, so each content
    // looks up the first boundary after its start.
    let mut boundaries: Vec<usize> = found.iter().map(|f| f.boundary).collect();
    // ", saying …", "and warned …", "but noted …" start another report even when we could
    // not read its content.
    if !found.is_empty() {
        let starts_report = |j: usize| {
            let joined = toks[j - 1].is(",") && toks[j].lower.ends_with("ing") || toks[j - 1].is("and") || toks[j - 1].is("but");
            joined && crate::lexicon::reporting::is_reporting_verb(&toks[j].lower)
        };
        boundaries.extend((1..toks.len()).filter(|&j| starts_report(j)).map(|j| j - 1));
    }
    boundaries.sort_unstable();
    for f in found.iter_mut() {
        let next = boundaries.partition_point(|&b| b <= f.content.start);
        if let Some(&b) = boundaries.get(next) {
            f.content.end = f.content.end.min(b);
        }
        trim_content(toks, &mut f.content);
    }
    found.retain(|f| {
        !f.content.is_empty()
            && words_at_least(&toks[f.content.clone()], 3)
            && (f.rule == Rule::AfterThat || !is_quote(&toks[f.content.start]))
            && !quoted.inside(toks[f.content.start].bytes.start)
            && !quoted.covers(toks, &f.content)
    });
    found
}

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
fn colon_credit(toks: &[Tok]) -> Option<Found> {
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
    Some(Found { source, boundary: 0, content: colon + 1..toks.len(), cue: ":".into(), rule: Rule::Colon })
}

/// "according to X, …", "…, according to X" and "… according to X …".
fn according(toks: &[Tok], i: usize) -> Option<Found> {
    let source = phrase_after(toks, i + 2, &["that", "which", "who"], 12)?;
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

/// Words that open an adverbial clause: before ", X said, …" such a clause is not the claim
/// ("If this fails, he said, …"), the part after the credit is.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "asked", "because", "before", "during", "if", "in", "once", "since", "though", "to", "unless", "until",
    "when", "while",
];

/// A reporting verb at `i`: "X said (that) …", "…, X said." or "…, said X.". `last` is the
/// source and boundary of the previous claim in the sentence, for "X said A and added B".
fn reported(text: &str, toks: &[Tok], i: usize, last: Option<(Range<usize>, usize)>) -> Option<Found> {
    let verb = &toks[i];
    let mut cue_end = i + 1;
    if matches!(verb.lower.as_str(), "pointed" | "points") {
        cue_end += 1;
    }
    // Passives ("it is said that", "he was told") have no source here; neither has "is said to".
    if i > 0 && has(PASSIVE_BE, &toks[i - 1].lower) && verb.lower.ends_with('d') {
        return None;
    }
    if toks.get(cue_end).is_some_and(|t| t.is("to"))
        && !matches!(
            verb.lower.as_str(),
            "said"
                | "says"
                | "explained"
                | "noted"
                | "added"
                | "admitted"
                | "wrote"
                | "stressed"
                | "complained"
                | "insisted"
                | "mentioned"
                | "recalled"
                | "confirmed"
                | "indicated"
                | "suggested"
                | "testified"
                | "remarked"
        )
    {
        // "told X to", "agreed to": a directive or a commitment, not a report.
        return None;
    }
    let cue = text[verb.bytes.start..toks[cue_end - 1].bytes.end].to_string();
    let rule_of = |that: bool| if that { Rule::AfterThat } else { Rule::After };
    // "…, saying that …" and "X said A and added that B": the source is the one already read,
    // or the subject at the start of the sentence.
    let participle = verb.lower.ends_with("ing") && i > 0 && toks[i - 1].is(",");
    let coordinated = i > 0 && toks[i - 1].is("and");
    if participle || coordinated {
        let (start, that) = content_after(toks, cue_end, &verb.lower)?;
        let source = match last {
            Some((source, _)) => source,
            None => sentence_subject(toks, i)?.bytes,
        };
        return Some(Found { source, boundary: i - 1, content: start..toks.len(), cue, rule: rule_of(that) });
    }
    let subject = subject_before(toks, i).map(|(p, _)| p);
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
    if !has(SAY_VERBS, &verb.lower) {
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
fn quote_before(toks: &[Tok], at: usize) -> bool {
    at > 0 && !toks[at - 1].word && toks[at - 1].lower.chars().next().is_some_and(crate::lexicon::sources::is_quote_mark)
}

/// Words after "said" that do not start reported content: "said yes", "said so", "said in".
const NOT_CLAUSE: &[&str] = &[
    "about",
    "as",
    "at",
    "by",
    "for",
    "from",
    "goodbye",
    "hello",
    "if",
    "in",
    "into",
    "nothing",
    "of",
    "on",
    "only",
    "so",
    "something",
    "sorry",
    "thanks",
    "to",
    "what",
    "when",
    "whether",
    "while",
    "with",
    "yes",
];

/// Finite verbs and auxiliaries that show a clause follows: "said officials are …".
const FINITE: &[&str] = &[
    "am",
    "are",
    "aren't",
    "believes",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "deserves",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "feels",
    "gets",
    "goes",
    "had",
    "has",
    "hasn't",
    "have",
    "haven't",
    "is",
    "isn't",
    "knows",
    "lacks",
    "looks",
    "makes",
    "may",
    "means",
    "might",
    "must",
    "needs",
    "plans",
    "remains",
    "seems",
    "shall",
    "should",
    "shouldn't",
    "takes",
    "thinks",
    "wants",
    "was",
    "wasn't",
    "were",
    "weren't",
    "will",
    "won't",
    "would",
    "wouldn't",
];

/// Whether a finite verb comes within a few words of `from`: the words there are a clause.
/// Finite means an auxiliary or common verb from `FINITE`, a contraction ("he's"), a past
/// form in "-ed" after the first word, or a word in "-s" right after a name or a pronoun
/// ("Trump favors", "she expects").
fn clause_at(toks: &[Tok], from: usize) -> bool {
    for (n, t) in toks.iter().enumerate().skip(from).take(20) {
        if !t.word {
            if t.is(",") || t.is("-") || is_quote(t) {
                continue;
            }
            return false;
        }
        let w = t.lower.as_str();
        let contraction = ["'s", "'re", "'ll", "'d", "'ve", "n't"].iter().any(|c| w.ends_with(c)) && !t.cap;
        let past = n > from && w.len() > 4 && w.ends_with("ed") && !t.cap;
        let after_subject = n > from && (toks[n - 1].cap || matches!(toks[n - 1].lower.as_str(), "he" | "she" | "it"));
        let third_person = after_subject && !t.cap && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        if has(FINITE, w) || contraction || past || third_person {
            return true;
        }
    }
    false
}

/// Where the content after a cue starts, and whether "that" (or a colon) introduced it.
fn content_after(toks: &[Tok], from: usize, verb: &str) -> Option<(usize, bool)> {
    let mut j = from;
    if matches!(verb, "told" | "tell" | "tells" | "telling") {
        // The addressee: "told reporters", "told a meeting of harbour pilots".
        let object =
            (from..toks.len().min(from + 10)).find(|&k| toks[k].is("that") || (k > from && has(SUBJECT_PRONOUNS, &toks[k].lower)))?;
        if object == from {
            return None;
        }
        j = object;
    }
    let first = toks.get(j)?;
    if first.is("that") {
        return Some((j + 1, true));
    }
    if first.is(":") {
        let next = toks.get(j + 1)?;
        return (!is_quote(next)).then_some((j + 1, true));
    }
    if has(ADJUNCT_STARTS, &first.lower) || has(TIME_WORDS, &first.lower) {
        // "said on Monday that …", "said Tuesday he …", "said after the convention he would".
        for k in j..toks.len().min(j + 10) {
            let t = &toks[k];
            if t.is("that") {
                return Some((k + 1, true));
            }
            if !t.word && !t.is(",") {
                return None;
            }
            let opens = k > j && (has(SUBJECT_PRONOUNS, &t.lower) || toks[k - 1].is(","));
            if opens && t.word && !has(NOT_CLAUSE, &t.lower) && clause_at(toks, k) {
                return Some((k, false));
            }
        }
        return None;
    }
    if is_quote(first) || !first.word || has(NOT_CLAUSE, &first.lower) {
        return None;
    }
    // Without "that", the content must read as a clause: a finite verb within a few words
    // ("said the plan would", "found the state was", not "said the words", "found the body").
    clause_at(toks, j).then_some((j, false))
}

/// Whether `toks` hold at least `n` words; stops counting at `n` so that checking many claims
/// over one long sentence stays linear.
fn words_at_least(toks: &[Tok], n: usize) -> bool {
    toks.iter().take(n * 16).filter(|t| t.word).take(n).count() >= n
}

fn is_quote(t: &Tok) -> bool {
    !t.word && t.lower.chars().next().is_some_and(crate::lexicon::sources::is_quote_mark)
}

/// The subject at the start of the sentence, for "…, saying that": a pronoun or a run of
/// capitalised words.
fn sentence_subject(toks: &[Tok], before: usize) -> Option<Phrase> {
    let first = toks.iter().take(8).position(|t| t.word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "yet"))?;
    if first >= before {
        return None;
    }
    let t = &toks[first];
    if has(SUBJECT_PRONOUNS, &t.lower) {
        return Some(Phrase { toks: first..first + 1, bytes: t.bytes.clone() });
    }
    let mut end = first;
    while end < before && end - first < 6 && toks[end].word && (toks[end].cap || (end > first && toks[end].is("of"))) {
        end += 1;
    }
    (end > first && !has(DETERMINERS, &t.lower))
        .then(|| Phrase { toks: first..end, bytes: toks[first].bytes.start..toks[end - 1].bytes.end })
}

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

fn suggest(doc: &Doc, toks: &[Tok], f: Found, paragraph: usize, people: &mut People) -> Option<Suggestion> {
    let written = doc.text[f.source.clone()].trim();
    let kind = classify_source(written);
    let mut source = written.to_string();
    let mut note = String::new();
    let mut confidence = match f.rule {
        Rule::AfterThat | Rule::According => 0.75,
        Rule::Colon => 0.55,
        Rule::Before | Rule::BeforeInverted => 0.7,
        Rule::After => 0.6,
    };
    if crate::lexicon::sources::is_person_pronoun(written) {
        match people.resolve(paragraph) {
            Some(name) => {
                note = format!("; '{written}' taken to be {name}");
                source = name;
            }
            None => confidence -= 0.05,
        }
    } else if kind == SourceKind::Person && crate::names::person_like(written) {
        people.saw(written, paragraph);
    }
    let cue = &f.cue;
    let what = kind.describe();
    let reason = match f.rule {
        Rule::AfterThat => format!("indirect speech after '{cue} that' ({what}{note})"),
        Rule::After => format!("indirect speech after '{cue}' ({what}{note})"),
        Rule::Before => format!("indirect speech before ', … {cue}' ({what}{note})"),
        Rule::BeforeInverted => format!("indirect speech before ', {cue} …' ({what}{note})"),
        Rule::According => format!("reported 'according to' a source ({what}{note})"),
        Rule::Colon => format!("credited with a colon after '{written}' ({what})"),
    };
    let bytes = toks[f.content.start].bytes.start..toks[f.content.end - 1].bytes.end;
    let attributes = Attributes { source: Some(source), ..Attributes::default() };
    Some(doc.suggestion(Label::Claim, bytes, attributes, confidence, &reason))
}

/// A sentence that states a fact on the article's own authority: a number, a date or an event
/// verb, no attribution, no quotation, no opinion cue and no "I" or "you".
fn unsourced(doc: &Doc, toks: &[Tok], quoted: &Quoted, bytes: Range<usize>) -> Option<Suggestion> {
    let words = toks.iter().filter(|t| t.word).count();
    let last = toks.last()?;
    if words < 6 || !last.is(".") || quoted.overlaps(&bytes) {
        return None;
    }
    let mut number = false;
    let mut event: Option<&str> = None;
    for (k, t) in toks.iter().enumerate() {
        if is_quote(t) || t.is("?") || t.is("!") || has(PERSONAL, &t.lower) || t.is("according") {
            return None;
        }
        if has(SAY_VERBS, &t.lower) || has(THAT_VERBS, &t.lower) || crate::lexicon::reporting::is_reporting_verb(&t.lower) {
            return None;
        }
        if t.word
            && (t.lower.starts_with(|c: char| c.is_ascii_digit())
                || has(NUMBER_WORDS, &t.lower)
                || (t.cap && k > 0 && has(DATE_WORDS, &t.lower)))
            || t.is("%")
        {
            number = true;
        }
        if event.is_none() && has(EVENT_VERBS, &t.lower) {
            event = Some(&doc.text[t.bytes.clone()]);
        }
    }
    if crate::opinions::has_cue(toks) {
        return None;
    }
    let range = bytes.start..trimmed_end(doc.text, &bytes);
    let attributes = Attributes::default();
    if number {
        Some(doc.suggestion(Label::Claim, range, attributes, 0.35, "factual statement with no source (a number or date)"))
    } else {
        let verb = event?;
        Some(doc.suggestion(Label::Claim, range, attributes, 0.3, &format!("factual statement with no source ('{verb}')")))
    }
}

/// The end of a sentence without its final full stop.
fn trimmed_end(text: &str, bytes: &Range<usize>) -> usize {
    let s = &text[bytes.clone()];
    bytes.start + s.trim_end_matches(['.', ' ']).len()
}

fn paragraph_of(doc: &Doc, byte: usize) -> usize {
    doc.paragraphs.partition_point(|p| p.end < byte)
}

/// Byte ranges inside direct quotations (merged, sorted), to skip cues inside them.
struct Quoted {
    ranges: Vec<Range<usize>>,
}

impl Quoted {
    fn new(quotes: &[Quote]) -> Self {
        let mut all: Vec<Range<usize>> = quotes.iter().map(|q| q.bytes.clone()).filter(|r| r.start < r.end).collect();
        all.sort_by_key(|r| r.start);
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for r in all {
            match ranges.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => ranges.push(r),
            }
        }
        Quoted { ranges }
    }

    fn containing(&self, b: usize) -> Option<&Range<usize>> {
        let i = self.ranges.partition_point(|r| r.end <= b);
        self.ranges.get(i).filter(|r| r.start <= b)
    }

    /// Strictly inside a quotation (the marks themselves are outside).
    fn inside(&self, b: usize) -> bool {
        self.containing(b).is_some_and(|r| r.start < b && b + 1 < r.end)
    }

    fn overlaps(&self, b: &Range<usize>) -> bool {
        let i = self.ranges.partition_point(|r| r.end <= b.start);
        self.ranges.get(i).is_some_and(|r| r.start < b.end)
    }

    /// Whether the content is one quotation, marks included: then it is a direct quote.
    fn covers(&self, toks: &[Tok], r: &Range<usize>) -> bool {
        let bytes = toks[r.start].bytes.start..toks[r.end - 1].bytes.end;
        self.containing(bytes.start).is_some_and(|q| q.end >= bytes.end)
    }
}

/// The last person named as a source or speaker, for resolving "he" and "she" within the same
/// or the next paragraph (carrying a name further is wrong more often than right).
#[derive(Default)]
struct People {
    last: Option<(String, usize)>,
}

impl People {
    fn saw(&mut self, name: &str, paragraph: usize) {
        if crate::names::person_like(name) {
            self.last = Some((name.to_string(), paragraph));
        }
    }

    fn resolve(&self, paragraph: usize) -> Option<String> {
        self.last.as_ref().filter(|(_, p)| paragraph <= p + 1).map(|(n, _)| n.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lower_case() {
        for list in [
            NOT_SPEAKERS,
            SAY_VERBS,
            THAT_VERBS,
            PASSIVE_BE,
            ADJUNCT_STARTS,
            EVENT_VERBS,
            NUMBER_WORDS,
            DATE_WORDS,
            PERSONAL,
            SUBORDINATORS,
            NOT_CLAUSE,
            FINITE,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()), "{list:?}");
        }
    }
}
