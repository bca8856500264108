//! Who speaks, demands or holds a view: the words that name sources and actors, and reading the
//! phrase that names one next to a cue word.
//!
//! Owns: splitting a sentence into word tokens for the claim, demand and opinion detectors; the
//! lists that tell a named person from an organisation, a document or an anonymous source; and
//! reading the subject phrase before a verb or the phrase after a preposition. Must never: look
//! more than a fixed number of tokens away from the cue it starts from (every detector has to
//! stay linear in the length of the text), or hold a list copied from a source whose licence
//! forbids shipping it. Every list here was written for newsmark; all lists are lower case and
//! sorted so that lookups are binary searches (a test checks both).

use std::ops::Range;

/// A word, or one punctuation mark, inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the document's text.
    pub bytes: Range<usize>,
    /// Lower case (ASCII letters only, see `lower`), with the curly apostrophe made straight, for
    /// comparing with the lists.
    pub lower: String,
    /// Whether this is a word (letters, digits, marks) rather than a punctuation mark.
    pub word: bool,
    /// Whether the word starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
}

/// Whether `list` (sorted, lower case, no empty entries) holds `w`. Every token meets several
/// lists, so the search compares first bytes before whole words (most probes differ there).
pub fn has(list: &[&str], w: &str) -> bool {
    let wb = w.as_bytes();
    let Some(&first) = wb.first() else { return false };
    list.binary_search_by(|x| {
        let xb = x.as_bytes();
        match xb.first().cmp(&Some(&first)) {
            std::cmp::Ordering::Equal => xb.cmp(wb),
            other => other,
        }
    })
    .is_ok()
}

/// Punctuation that is not ASCII but must not be glued into words: quotation marks, dashes,
/// ellipses and bullets. Every other non-ASCII, non-space character counts as part of a word, so
/// that combining marks, emoji sequences and other scripts never split a grapheme cluster.
fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‹'
            | '›'
            | '‟'
            | '‛'
            | '—'
            | '–'
            | '―'
            | '‒'
            | '…'
            | '•'
            | '·'
            | '‐'
            | '‑'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !is_unicode_punct(c) && !c.is_control())
}

/// Opening or closing quotation marks of any style.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‹' | '›' | '‟' | '‛')
}

/// Splits `text[range]` into tokens. A word keeps inner apostrophes, hyphens, full stops and
/// digit-group commas ("don’t", "U.S", "3.5", "1,000"), and the full stop of an abbreviation.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        // Joiners, marks, variation selectors and emoji right after a token extend it: they
        // never start a character cluster of their own ("says:\u{200d}" is one token).
        if !c.is_ascii() && !c.is_alphanumeric() && !is_unicode_punct(c) {
            if let Some(prev) = out.last_mut().filter(|p: &&mut Tok| p.bytes.end == base + i) {
                prev.bytes.end += c.len_utf8();
                prev.lower.push(c);
                continue;
            }
        }
        if !is_word_char(c) {
            let end = i + c.len_utf8();
            out.push(Tok { bytes: base + i..base + end, lower: c.to_string(), word: false, cap: false });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = it.peek() {
            let joins = if is_word_char(d) {
                true
            } else if matches!(d, '\'' | '’' | '-' | '.' | '&') || (d == ',' && prev.is_ascii_digit()) {
                // Only between two word characters (a comma only between digits).
                let next = s[j + d.len_utf8()..].chars().next();
                next.is_some_and(|n| if d == ',' { n.is_ascii_digit() } else { is_word_char(n) })
            } else {
                false
            };
            if !joins {
                break;
            }
            end = j + d.len_utf8();
            prev = d;
            it.next();
        }
        let word = &s[i..end];
        // The full stop of an abbreviation belongs to it ("Mr.", "U.S.", "J."): the sentence
        // splitter has already decided it does not end the sentence.
        if s[end..].starts_with('.') && is_abbreviation(word) {
            end += 1;
            it.next();
        }
        let word = &s[i..end];
        out.push(Tok { bytes: base + i..base + end, lower: lower(word), word: true, cap: c.is_uppercase() });
    }
    out
}

/// Lower case with the curly apostrophe made straight. Only ASCII letters are lowered: every
/// list is ASCII (a test checks), so a word whose other letters change case matches none either
/// way, and the page's wasm (which classifies sources for the summary) carries no Unicode case
/// tables.
fn lower(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

fn is_abbreviation(word: &str) -> bool {
    crate::lexicon::ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && !word.chars().any(|c| c.is_ascii_digit()))
}

/// A phrase found next to a cue: token indices and the byte range they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub toks: Range<usize>,
    pub bytes: Range<usize>,
}

impl Phrase {
    fn of(toks: &[Tok], r: Range<usize>) -> Option<Phrase> {
        if r.is_empty() {
            return None;
        }
        Some(Phrase { bytes: toks[r.start].bytes.start..toks[r.end - 1].bytes.end, toks: r })
    }
}

/// The longest subject phrase read backwards; longer runs are not a subject we can trust.
const MAX_SUBJECT: usize = 16;
/// The longest apposition between a name and its verb ("Dana Kell, an outside adviser to
/// the council on housing and transport and a lecturer at …, said").
const MAX_APPOSITION: usize = 32;
/// The longest parenthesis after a name: "Sen. Ada Moore (R-Ore.)".
const MAX_PARENTHESIS: usize = 8;

/// The subject of the verb at token `verb`: the noun phrase right before it, after stepping
/// back over auxiliaries and adverbs ("has long argued"), a time adverbial ("this week"), a
/// parenthesis ("(R-Ga.)"), an apposition between commas ("Angela Stent, a senior fellow at
/// Brookings, said") or a relative pronoun ("Trump, who has said"). Returns the phrase and,
/// for an apposition, the apposition too.
pub fn subject_before(toks: &[Tok], verb: usize) -> Option<(Phrase, Option<Phrase>)> {
    let mut end = verb;
    let mut skipped = 0;
    while end > 0 && skipped < 4 && is_aux_or_adverb(&toks[end - 1]) {
        end -= 1;
        skipped += 1;
    }
    end = skip_time_adverbial(toks, end);
    end = skip_parenthesis(toks, end);
    if end == 0 {
        return None;
    }
    let mut apposition = None;
    if toks[end - 1].is(",") {
        // "X, a spokesman for Y, said": find the opening comma and read the phrase before it.
        let close = end - 1;
        let lowest = close.saturating_sub(MAX_APPOSITION);
        let open =
            (lowest..close).rev().find(|&j| !toks[j].word && !matches!(toks[j].lower.as_str(), "(" | ")" | "-" | "'" | "/" | "&"))?;
        if !toks[open].is(",") || close - open < 2 {
            return None;
        }
        let first = &toks[open + 1];
        // After a name, any apposition will do ("Revesz, director of …,"); otherwise it must
        // look like one ("a senior fellow", "who …").
        let after_name = open > 0 && (toks[open - 1].cap || toks[open - 1].is(")"));
        let looks_like = first.cap || has(APPOSITION_STARTS, &first.lower) || first.lower.chars().all(|c| c.is_ascii_digit());
        if !(looks_like || (after_name && first.word && !has(SUBJECT_STOPS, &first.lower) && !first.is("and"))) {
            return None;
        }
        apposition = Phrase::of(toks, open + 1..close);
        end = skip_parenthesis(toks, open);
        if end == 0 {
            return None;
        }
    } else if matches!(toks[end - 1].lower.as_str(), "who" | "which") {
        // "Trump, who has said …" and "officials who say …".
        end -= 1;
        if end > 0 && toks[end - 1].is(",") {
            end -= 1;
        }
    }
    // A personal pronoun right before the verb is the whole subject: "the impact it said".
    if apposition.is_none() && matches!(toks[end - 1].lower.as_str(), "he" | "she" | "it" | "they" | "i" | "we" | "you") {
        return Some((Phrase::of(toks, end - 1..end)?, None));
    }
    let mut start = end;
    while start > 0 && end - start < MAX_SUBJECT {
        let t = &toks[start - 1];
        if !t.word {
            break;
        }
        if t.is("and") || t.is("&") {
            // "Trump and Pence said": a coordination of names, not a new clause.
            let joins_names = start >= 2 && toks[start].cap && toks[start - 2].cap && toks[start - 2].word;
            if !joins_names {
                break;
            }
        } else if has(SUBJECT_STOPS, &t.lower) || looks_like_verb(toks, start - 1) || (start < end && has(OBJECT_PRONOUNS, &t.lower)) {
            break;
        }
        start -= 1;
    }
    if start == end || (end - start == MAX_SUBJECT && start > 0 && toks[start - 1].word) {
        return None;
    }
    // "On Monday the ministry said": drop a leading adverbial.
    if has(LEADING_PREPOSITIONS, &toks[start].lower) && end - start > 1 {
        let from = start + 1;
        let det = (from..end).rev().find(|&j| has(DETERMINERS, &toks[j].lower) && j > from);
        start = match det {
            Some(j) => j,
            None => (from..end).find(|&j| toks[j].cap && !has(TIME_WORDS, &toks[j].lower)).unwrap_or(end - 1),
        };
    }
    let last = &toks[end - 1];
    // Quantifiers stand alone as subjects ("all agreed", "many say"); articles do not.
    let quantifier = matches!(last.lower.as_str(), "all" | "both" | "many" | "most" | "some" | "several" | "few");
    if (has(DETERMINERS, &last.lower) && !quantifier) || has(LEADING_PREPOSITIONS, &last.lower) || has(NOT_SUBJECTS, &last.lower) {
        return None;
    }
    Some((Phrase::of(toks, start..end)?, apposition))
}

/// Steps back over a time adverbial that ends at `end`: "Trump this week said", "Obama on
/// Monday said", "Clinton earlier this month said". Returns `end` unchanged if there is none.
fn skip_time_adverbial(toks: &[Tok], end: usize) -> usize {
    let mut e = end;
    let mut saw_time = false;
    while e > 1 && end - e < 4 {
        let w = toks[e - 1].lower.as_str();
        if has(TIME_WORDS, w) || has(PERIODS, w) {
            saw_time = true;
        } else if !matches!(w, "this" | "on" | "next" | "earlier" | "last") {
            break;
        }
        e -= 1;
    }
    if saw_time && toks[e - 1].word {
        e
    } else {
        end
    }
}

/// Steps back over a parenthesis that ends at `end`: "Sen. David Perdue (R-Ga.) said".
fn skip_parenthesis(toks: &[Tok], end: usize) -> usize {
    if end == 0 || !toks[end - 1].is(")") {
        return end;
    }
    let lowest = end.saturating_sub(MAX_PARENTHESIS + 1);
    match (lowest..end - 1).rev().find(|&j| toks[j].is("(") || toks[j].is(")")) {
        Some(open) if toks[open].is("(") && open > 0 && toks[open - 1].word => open,
        _ => end,
    }
}

/// Whether the word at `k` looks like a verb, which ends a subject read backwards: a finite
/// auxiliary, a reporting verb, or a form in "-ed" or "-ing" followed by what a verb takes (an
/// object, "to", a preposition), unless a determiner or name precedes it: "forced to defend …
/// said" and "suing North Carolina … requires" stop, "the embattled chief said" and
/// "registered voters agreed" do not.
fn looks_like_verb(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.cap {
        return false;
    }
    if has(FINITE_AUXILIARIES, &t.lower) || crate::lexicon::reporting::is_reporting_verb(&t.lower) {
        return true;
    }
    let past = t.lower.len() > 4 && (t.lower.ends_with("ed") || t.lower.ends_with("ing"));
    let adjective_position = k > 0 && (has(DETERMINERS, &toks[k - 1].lower) || toks[k - 1].cap);
    let takes_object = toks.get(k + 1).is_some_and(|n| {
        n.cap
            || has(DETERMINERS, &n.lower)
            || has(LEADING_PREPOSITIONS, &n.lower)
            || has(OBJECT_PRONOUNS, &n.lower)
            || matches!(n.lower.as_str(), "that" | "her" | "them")
    });
    past && takes_object && !adjective_position
}

/// The noun phrase starting at token `from` (after "according to", the object of "urge"):
/// words up to a comma or other mark, a word in `stops`, or `max` tokens.
pub fn phrase_after(toks: &[Tok], from: usize, stops: &[&str], max: usize) -> Option<Phrase> {
    let mut end = from;
    while end < toks.len() && end - from < max {
        let t = &toks[end];
        if (!t.word && !matches!(t.lower.as_str(), "-" | "/")) || has(stops, &t.lower) {
            break;
        }
        end += 1;
    }
    // A phrase cannot end with a determiner or preposition ("according to the").
    while end > from && (has(DETERMINERS, &toks[end - 1].lower) || has(LEADING_PREPOSITIONS, &toks[end - 1].lower)) {
        end -= 1;
    }
    Phrase::of(toks, from..end)
}

fn is_aux_or_adverb(t: &Tok) -> bool {
    t.word && (has(AUXILIARIES, &t.lower) || (t.lower.ends_with("ly") && !t.cap && t.lower.len() > 4 && !has(NOT_ADVERBS, &t.lower)))
}

/// Words that start an apposition after a name: "Angela Stent, a senior fellow".
const APPOSITION_STARTS: &[&str] =
    &["a", "an", "another", "chief", "deputy", "executive", "former", "head", "her", "his", "its", "one", "senior", "the", "their", "who"];

/// Auxiliaries and adverbs that may stand between a subject and its verb.
const AUXILIARIES: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "been",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "further",
    "had",
    "has",
    "have",
    "is",
    "just",
    "last",
    "later",
    "long",
    "never",
    "now",
    "often",
    "once",
    "previously",
    "recently",
    "repeatedly",
    "still",
    "then",
    "was",
    "were",
    "will",
    "would",
];

/// Adverb-looking words ending in "ly" that are not adverbs.
const NOT_ADVERBS: &[&str] = &["ally", "assembly", "family", "italy", "july", "monopoly", "rally", "supply"];

/// Words that end a subject phrase read backwards: conjunctions, relative and subordinating
/// words, and verbs that start a new clause.
const SUBJECT_STOPS: &[&str] = &[
    "after",
    "although",
    "as",
    "because",
    "before",
    "but",
    "despite",
    "how",
    "if",
    "maybe",
    "meanwhile",
    "nor",
    "once",
    "or",
    "perhaps",
    "so",
    "than",
    "that",
    "then",
    "though",
    "thus",
    "unless",
    "until",
    "what",
    "when",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "yet",
];

/// Finite auxiliaries: a subject read backwards never contains one.
const FINITE_AUXILIARIES: &[&str] = &[
    "am", "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "shall", "should", "was", "were",
    "will", "would",
];

/// Object pronouns: "told him", "asked them" end a subject read backwards.
const OBJECT_PRONOUNS: &[&str] = &["him", "it", "me", "them", "us"];

/// Nouns of periods in time adverbials: "this week", "earlier this month".
const PERIODS: &[&str] = &["afternoon", "evening", "month", "morning", "night", "week", "weekend", "year"];

/// Words a subject phrase cannot end with.
const NOT_SUBJECTS: &[&str] =
    &["about", "also", "be", "can", "could", "even", "just", "may", "might", "must", "not", "only", "should", "to"];

/// Prepositions and time words that start an adverbial, not a subject.
pub const LEADING_PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "at", "before", "by", "during", "for", "from", "in", "into", "of", "on", "over", "since", "through", "to",
    "under", "with", "within", "without",
];

pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "every", "few", "her", "his", "its", "many", "most", "my", "no", "our", "several",
    "some", "that", "the", "their", "these", "this", "those", "your",
];

/// Weekdays, months and relative time words: they start adverbials ("Monday", "last week").
pub const TIME_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "earlier",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "last",
    "later",
    "march",
    "may",
    "monday",
    "morning",
    "night",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "yesterday",
];

pub const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// Phrases that mark a source as deliberately unnamed.
const ANONYMOUS_MARKERS: &[&str] = &[
    "anonymity",
    "anonymous",
    "anonymously",
    "asked not to be",
    "briefed on",
    "close to",
    "declined to be identified",
    "declined to be named",
    "familiar with",
    "knowledge of",
    "not authorised to",
    "not authorized to",
    "requested not to be",
    "unidentified",
    "unnamed",
    "who asked not",
    "would not be named",
];

/// Heads of phrases that name a source without naming who it is.
const ANONYMOUS_HEADS: &[&str] = &[
    "aide",
    "aides",
    "confidant",
    "confidants",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "official",
    "officials",
    "people",
    "person",
    "source",
    "sources",
];

/// Spokespeople: an organisation speaking when one is named ("a Pentagon spokesman"), else
/// anonymous.
const SPOKES_HEADS: &[&str] =
    &["representative", "representatives", "spokesman", "spokesmen", "spokespeople", "spokesperson", "spokeswoman", "spokeswomen"];

/// Unnamed groups: who said it cannot be checked.
const GROUP_HEADS: &[&str] = &[
    "activists",
    "advocates",
    "analysts",
    "critics",
    "doctors",
    "economists",
    "experts",
    "historians",
    "investors",
    "lawmakers",
    "lawyers",
    "many",
    "observers",
    "opponents",
    "others",
    "protesters",
    "researchers",
    "residents",
    "scientists",
    "some",
    "supporters",
    "voters",
    "witnesses",
];

/// Heads that make a source a document, record or publication.
const DOCUMENT_HEADS: &[&str] = &[
    "affidavit",
    "agreement",
    "analysis",
    "article",
    "assessment",
    "audit",
    "bill",
    "blog",
    "book",
    "budget",
    "census",
    "complaint",
    "constitution",
    "contract",
    "data",
    "document",
    "documents",
    "editorial",
    "email",
    "emails",
    "estimate",
    "estimates",
    "figures",
    "filing",
    "filings",
    "findings",
    "forecast",
    "indictment",
    "investigation",
    "law",
    "lawsuit",
    "letter",
    "manifesto",
    "memo",
    "memoir",
    "memorandum",
    "message",
    "minutes",
    "motion",
    "op-ed",
    "order",
    "paper",
    "papers",
    "petition",
    "plan",
    "platform",
    "poll",
    "polling",
    "polls",
    "post",
    "proposal",
    "record",
    "records",
    "regulation",
    "release",
    "report",
    "reports",
    "research",
    "review",
    "ruling",
    "statement",
    "statistics",
    "studies",
    "study",
    "survey",
    "surveys",
    "tally",
    "testimony",
    "transcript",
    "treaty",
    "tweet",
    "tweets",
    "verdict",
    "video",
    "website",
];

/// Heads that make a source an organisation.
const ORGANISATION_HEADS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "association",
    "authorities",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "campaign",
    "center",
    "centre",
    "church",
    "coalition",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "democrats",
    "department",
    "firm",
    "force",
    "foundation",
    "fund",
    "government",
    "group",
    "institute",
    "institution",
    "journal",
    "kremlin",
    "league",
    "legislature",
    "military",
    "ministry",
    "navy",
    "network",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pentagon",
    "police",
    "regime",
    "republicans",
    "school",
    "senate",
    "service",
    "team",
    "union",
    "university",
];

/// Capitalised words that make a name an organisation's ("Brookings Institution", "Acme Corp.").
const ORGANISATION_NAME_WORDS: &[&str] = &[
    "agency",
    "association",
    "bank",
    "board",
    "bureau",
    "co",
    "co.",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corp.",
    "corporation",
    "council",
    "court",
    "department",
    "fbi",
    "federation",
    "foundation",
    "fund",
    "group",
    "house",
    "inc",
    "inc.",
    "institute",
    "institution",
    "journal",
    "llc",
    "ltd",
    "ltd.",
    "ministry",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "reuters",
    "senate",
    "service",
    "times",
    "tribune",
    "union",
    "university",
];

/// Countries and capitals standing for their governments ("Russia said", "Beijing warned").
const PLACES: &[&str] = &[
    "america",
    "beijing",
    "berlin",
    "britain",
    "brussels",
    "canada",
    "china",
    "egypt",
    "france",
    "germany",
    "india",
    "iran",
    "iraq",
    "israel",
    "italy",
    "japan",
    "kyiv",
    "london",
    "mexico",
    "moscow",
    "nato",
    "paris",
    "pyongyang",
    "russia",
    "saudi",
    "spain",
    "syria",
    "tehran",
    "tokyo",
    "turkey",
    "ukraine",
];

/// Heads that identify one person by role ("the president"); with "a", the person is unnamed.
const PERSON_ROLES: &[&str] = &[
    "ambassador",
    "attorney",
    "author",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "commissioner",
    "congressman",
    "congresswoman",
    "director",
    "founder",
    "governor",
    "judge",
    "king",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "minister",
    "nominee",
    "pope",
    "premier",
    "president",
    "prosecutor",
    "queen",
    "secretary",
    "senator",
    "sheriff",
    "speaker",
];

/// Words after a source's head that begin its modifiers: "a spokesperson for the ministry".
const HEAD_ENDS: &[&str] = &["at", "by", "close", "familiar", "for", "from", "in", "of", "on", "who", "with"];

/// What kind of source a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Person,
    Organisation,
    Document,
    Anonymous,
}

impl SourceKind {
    /// How the kind is shown in reasons and the summary panel.
    pub fn describe(self) -> &'static str {
        match self {
            SourceKind::Person => "named person",
            SourceKind::Organisation => "named organisation",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous source",
        }
    }
}

/// Classifies a source phrase: a named person, a named organisation, a document, or an
/// anonymous or unnamed source. Decided by the phrase's head word (the last word before "of",
/// "for", "familiar with" …) and markers of anonymity anywhere in it.
pub fn classify_source(s: &str) -> SourceKind {
    let toks: Vec<Tok> = tokenize(s, 0..s.len()).into_iter().filter(|t| t.word).collect();
    if toks.is_empty() {
        return SourceKind::Anonymous;
    }
    // ASCII is enough: the markers are ASCII (see `lower`).
    let lower = s.to_ascii_lowercase();
    if ANONYMOUS_MARKERS.iter().any(|m| lower.contains(m)) {
        return SourceKind::Anonymous;
    }
    let head_end = toks.iter().skip(1).position(|t| has(HEAD_ENDS, &t.lower)).map_or(toks.len(), |p| p + 1);
    let head = &toks[head_end - 1];
    let word = head.lower.trim_end_matches("'s");
    let indefinite = matches!(toks[0].lower.as_str(), "a" | "an" | "one" | "two" | "three" | "several" | "some");
    // All capitals and short: "FBI", "NATO", "U.S." (longer runs are names in transcripts: "PENCE").
    let letters = s[head.bytes.clone()].chars().filter(|c| c.is_alphabetic()).count();
    let acronym = (2..=4).contains(&letters) && s[head.bytes.clone()].chars().all(|c| c.is_uppercase() || c == '.');
    if (head.cap && has(ORGANISATION_NAME_WORDS, word)) || has(PLACES, word) {
        return SourceKind::Organisation;
    }
    if has(DOCUMENT_HEADS, word) {
        return SourceKind::Document;
    }
    if has(SPOKES_HEADS, word) {
        // Named organisations around the head: "a Pentagon spokesman", "a spokesperson for Acme".
        let named = toks.iter().enumerate().any(|(i, t)| i > 0 && t.cap && t.lower != word);
        return if named { SourceKind::Organisation } else { SourceKind::Anonymous };
    }
    if has(ANONYMOUS_HEADS, word) || has(GROUP_HEADS, word) {
        return SourceKind::Anonymous;
    }
    if has(ORGANISATION_HEADS, word) || acronym {
        return SourceKind::Organisation;
    }
    if has(PERSON_ROLES, word) {
        return if indefinite { SourceKind::Anonymous } else { SourceKind::Person };
    }
    match word {
        "he" | "she" | "i" | "we" | "you" | "him" | "her" => return SourceKind::Person,
        "it" => return SourceKind::Organisation,
        "they" => return SourceKind::Anonymous,
        _ => {}
    }
    if head.cap && !indefinite {
        SourceKind::Person
    } else {
        SourceKind::Anonymous
    }
}

/// Whether a phrase is a personal pronoun that should be resolved to a name.
pub fn is_person_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "he" | "she" | "his" | "her")
}

/// Whether a phrase names someone with a capitalised name that is not sentence-initial filler:
/// the kind of name a later "he" or "she" may refer to.
pub fn is_named_person(s: &str) -> bool {
    classify_source(s) == SourceKind::Person
        && tokenize(s, 0..s.len()).iter().any(|t| t.cap && t.word && !has(SUBJECT_PRONOUNS, &t.lower) && !has(DETERMINERS, &t.lower))
}

/// The last person-like name in a sentence (two to four capitalised words; `person_like`
/// rejects runs led by function words such as "The"),
/// for "he", "she" and "in her view" in a later sentence.
/// Prepositions after which a capitalised name is a place or an organisation, not a person.
const PLACE_PREPOSITIONS: &[&str] = &["across", "at", "from", "in", "into", "near", "of", "on", "to"];

pub fn last_person_name(text: &str, toks: &[Tok]) -> Option<String> {
    let mut best = None;
    let mut k = 0;
    while k < toks.len() {
        if !(toks[k].word && toks[k].cap) {
            k += 1;
            continue;
        }
        let start = k;
        while k < toks.len() && toks[k].word && toks[k].cap && k - start < 4 {
            k += 1;
        }
        // "in Port Ellison", "at Brookings": a name after a preposition is a place or a body.
        let after_preposition = start > 0 && {
            let prev = &text[toks[start - 1].bytes.clone()];
            PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(prev))
        };
        if k - start >= 2 && !after_preposition {
            let name = &text[toks[start].bytes.start..toks[k - 1].bytes.end];
            if crate::names::person_like(name) {
                best = Some(name.to_string());
            }
        }
    }
    best
}

#[cfg(test)]
pub(crate) const ALL_LISTS: &[&[&str]] = &[
    PLACE_PREPOSITIONS,
    APPOSITION_STARTS,
    AUXILIARIES,
    FINITE_AUXILIARIES,
    OBJECT_PRONOUNS,
    PERIODS,
    NOT_ADVERBS,
    SUBJECT_STOPS,
    NOT_SUBJECTS,
    LEADING_PREPOSITIONS,
    DETERMINERS,
    TIME_WORDS,
    SUBJECT_PRONOUNS,
    ANONYMOUS_MARKERS,
    ANONYMOUS_HEADS,
    SPOKES_HEADS,
    GROUP_HEADS,
    DOCUMENT_HEADS,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_WORDS,
    PLACES,
    PERSON_ROLES,
    HEAD_ENDS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_ascii_and_unique() {
        for list in ALL_LISTS {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{:?} before {:?}", w[0], w[1]);
            }
            for w in list.iter() {
                // ASCII, since tokens are lowered by ASCII letters only (`lower`).
                assert!(w.is_ascii(), "{w:?}");
                assert_eq!(*w, w.to_lowercase());
            }
        }
    }

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0..s.len()).into_iter().map(|t| s[t.bytes].to_string()).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_contractions_and_numbers() {
        assert_eq!(
            words("Mr. Smith didn’t pay $1,000.50 in the U.S. today."),
            vec!["Mr.", "Smith", "didn’t", "pay", "$", "1,000.50", "in", "the", "U.S.", "today", "."]
        );
        assert_eq!(words("“Yes,” e\u{301}te"), vec!["“", "Yes", ",", "”", "e\u{301}te"]);
    }

    fn subject(s: &str, verb: &str) -> Option<String> {
        let toks = tokenize(s, 0..s.len());
        let v = toks.iter().position(|t| t.lower == verb)?;
        subject_before(&toks, v).map(|(p, _)| s[p.bytes].to_string())
    }

    #[test]
    fn subjects_before_verbs() {
        assert_eq!(
            subject("Two sources familiar with the matter said that", "said").as_deref(),
            Some("Two sources familiar with the matter")
        );
        assert_eq!(subject("In a statement, the ministry has also said", "said").as_deref(), Some("the ministry"));
        assert_eq!(subject("Angela Stent, a senior fellow at Brookings, said that", "said").as_deref(), Some("Angela Stent"));
        assert_eq!(subject("Prices rose, and Trump, who has long argued that", "argued").as_deref(), Some("Trump"));
        assert_eq!(subject("On Monday the council said", "said").as_deref(), Some("the council"));
        assert_eq!(subject("Trump and Pence said", "said").as_deref(), Some("Trump and Pence"));
        assert_eq!(subject("Prices rose, said", "said"), None);
    }

    #[test]
    fn classifies_sources() {
        use SourceKind::*;
        for (s, k) in [
            ("Two sources familiar with the matter", Anonymous),
            ("officials", Anonymous),
            ("a spokesperson who declined to be named", Anonymous),
            ("a senior administration official", Anonymous),
            ("experts", Anonymous),
            ("Angela Stent", Person),
            ("Sen. Elizabeth Warren", Person),
            ("the president", Person),
            ("he", Person),
            ("the Brookings Institution", Organisation),
            ("the ministry", Organisation),
            ("a Pentagon spokesman", Organisation),
            ("the FBI", Organisation),
            ("Russia", Organisation),
            ("The Washington Post", Organisation),
            ("a report by the Pew Research Center", Document),
            ("the court filing", Document),
            ("the study", Document),
        ] {
            assert_eq!(classify_source(s), k, "{s}");
        }
    }
}
