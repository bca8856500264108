//! Finding who is credited with a quotation in the words right around it.
//!
//! Owns: the attribution patterns — after the quote ("…,” said X", "…,” X said", "…,” X, a
//! senior fellow at Y, said", "…” — X), before it ("X said: “…”", "X told reporters, “…”",
//! "According to X, “…”") — and cutting the speaker's mention and apposition (their role) out
//! of them. Must never: look outside the token windows it is given, or decide carrying and
//! pronoun resolution (that is `resolve`'s job, which sees the whole article).

use std::ops::Range;

use super::tokens::Token;
use crate::lexicon::reporting;
use crate::names;

/// How the speaker is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    /// A capitalised name ("Angela Stent", "Sen. Warren", "the White House" is a description).
    Name,
    /// He, she, they, I, we: resolved later to the last named person.
    Pronoun,
    /// A description: "a campaign spokesman", "two sources familiar with the matter".
    Description,
}

/// Where the attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// After the closing mark, the verb first: "…,” said X".
    AfterVerbFirst,
    /// After the closing mark, the speaker first: "…,” X said".
    AfterSpeakerFirst,
    /// A dash credit after the closing mark: "…” — X".
    Dash,
    /// Before the opening mark, in the same sentence: "X said: “…”".
    Before,
}

/// An attribution found next to a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Bytes of the speaker's mention (the name, the pronoun or the description).
    pub mention: Range<usize>,
    pub kind: Mention,
    /// Bytes of the apposition or description that gives the speaker's role, if any.
    pub role: Option<Range<usize>>,
    pub place: Place,
    /// Bytes of the reporting verb, if there is one (a dash credit has none).
    pub verb: Option<Range<usize>>,
    /// Before the quote: the attribution ends with ':' or ',' right at the opening mark.
    pub punctuated: bool,
}

/// The most tokens between a quote and the verb of a speaker-first attribution (room for a long
/// apposition: "…,” Angela Stent, a senior fellow at the Brookings Institution and a former
/// national intelligence officer, said").
const MAX_SPEAKER_FIRST_TOKENS: usize = 32;
/// The most words in a speaker's description or the head of a subject.
const MAX_HEAD_WORDS: usize = 8;

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.bytes.clone()]
}

fn lower_is(text: &str, t: &Token, list: &[&str]) -> bool {
    t.is_word() && list.iter().any(|w| word(text, t).eq_ignore_ascii_case(w))
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "two", "three", "four", "five", "several", "some", "many", "most",
    "another", "both", "each", "other", "few", "senior", "top", "former",
];
/// Verbs whose following noun is the person addressed, not the speaker: "told reporters",
/// "asked Trump". They never take an inverted subject.
const ADDRESS_VERBS: &[&str] =
    &["told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "urged", "warned", "assured", "advised", "pressed"];
/// Plural nouns that stand alone as speakers ("officials said").
const BARE_SPEAKERS: &[&str] = &[
    "officials",
    "sources",
    "aides",
    "experts",
    "analysts",
    "critics",
    "supporters",
    "advocates",
    "people",
    "residents",
    "voters",
    "authorities",
    "police",
    "prosecutors",
    "investigators",
    "lawmakers",
    "democrats",
    "republicans",
    "observers",
    "economists",
    "scientists",
    "researchers",
    "witnesses",
    "organizers",
    "organisers",
    "protesters",
    "activists",
    "leaders",
    "members",
    "staff",
    "staffers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];
/// Words between a subject and its verb that do not change who speaks ("he also said", "she has
/// long argued", "Trump later told").
const AUX_AND_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "previously",
    "recently",
    "simply",
    "finally",
    "again",
    "further",
    "earlier",
    "often",
    "repeatedly",
    "long",
    "already",
    "still",
    "just",
    "has",
    "is",
    "was",
    "were",
    "are",
    "been",
    "had",
    "did",
    "does",
    "do",
    "quickly",
    "reportedly",
    "even",
    "never",
    "ultimately",
    "publicly",
    "privately",
    "frequently",
    "once",
    "famously",
    "memorably",
    "bluntly",
    "flatly",
];
/// Words that cannot occur inside a subject: a subordinate clause or a new clause has begun.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "as", "when", "while", "after", "before", "because", "since", "that", "which", "if", "so", "although", "though", "until",
    "where", "whether", "than", "or", "nor", "yet", "what", "how", "why", "then",
];
/// Prepositions: a run of words after a verb that starts with one is an adverbial ("says of
/// Clinton", "said in a statement"), not the speaker.
const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "about",
    "from",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "via",
    "through",
    "outside",
    "inside",
    "near",
    "last",
    "this",
    "earlier",
    "later",
    "on",
    "again",
    "repeatedly",
    "recently",
];
/// Words that start a relative clause or participle, not a role: "X, who …, said".
const NOT_ROLE_STARTS: &[&str] = &["who", "which", "whose", "where", "when", "speaking", "according", "adding", "in", "on", "at", "during"];
/// Nouns that are also reporting verb forms ("the state", "his claims"): after a determiner
/// they are not verbs.
const NOUN_LIKE_VERBS: &[&str] = &[
    "state", "states", "claim", "claims", "report", "reports", "note", "notes", "remark", "remarks", "comment", "comments", "charge",
    "charges", "answer", "counter", "reply", "tweet", "tweets", "stress", "warning", "writing", "say", "suggest", "joke", "lament",
    "respond", "answered",
];

fn is_determiner(text: &str, t: &Token) -> bool {
    lower_is(text, t, DETERMINERS)
}

fn is_pronoun(text: &str, t: &Token) -> bool {
    lower_is(text, t, PRONOUNS)
}

fn is_possessive(text: &str, t: &Token) -> bool {
    let w = word(text, t);
    t.is_word() && (w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'"))
}

fn starts_upper(text: &str, t: &Token) -> bool {
    t.is_word() && word(text, t).chars().next().is_some_and(char::is_uppercase)
}

/// A reporting verb at token `i`: its length in tokens ("according to" is two).
pub fn verb_at(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let w = word(text, t);
    for phrase in reporting::PHRASES {
        let matches =
            phrase.iter().enumerate().all(|(k, p)| toks.get(i + k).is_some_and(|x| x.is_word() && word(text, x).eq_ignore_ascii_case(p)));
        if matches {
            return Some(phrase.len());
        }
    }
    if !reporting::is_reporting_verb(w) {
        return None;
    }
    // "the state", "his claims", "United States": nouns, not verbs.
    if lower_is(text, t, NOUN_LIKE_VERBS) {
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| {
            is_determiner(text, p) || is_possessive(text, p) || starts_upper(text, p) && w.chars().next().is_some_and(char::is_uppercase)
        }) {
            return None;
        }
    }
    // A capitalised "Says" inside a name or title run ("Trump Says") is still a verb, but a
    // capitalised "State" or "Reports" is a name.
    if w.chars().next().is_some_and(char::is_uppercase) && lower_is(text, t, NOUN_LIKE_VERBS) {
        return None;
    }
    Some(1)
}

/// Whether a role apposition may start with this token ("a senior fellow", "Trump’s
/// spokesman", "president of …") rather than a relative clause or an adverbial.
fn role_start(text: &str, t: &Token) -> bool {
    t.is_word() && !lower_is(text, t, NOT_ROLE_STARTS) && !lower_is(text, t, PRONOUNS)
}

/// Index of the first token after a parenthetical starting at token `j` ("(D-Mo.)"), or `j`
/// if there is none there.
fn skip_parenthetical(toks: &[Token], j: usize) -> usize {
    if !toks.get(j).is_some_and(|t| t.is_punct('(')) {
        return j;
    }
    (j + 1..toks.len().min(j + 10)).find(|&k| toks[k].is_punct(')')).map_or(j, |k| k + 1)
}

/// The speaker right at token `j` (after a verb, or after a dash): a pronoun, a name with an
/// optional apposition ("said Angela Stent, a senior fellow at Y"), a description ending in a
/// name ("said 9/11 widow Terry Strada"), or a description with an optional name apposition
/// ("said Clinton’s spokesman, Brian Fallon").
fn subject_forward(text: &str, toks: &[Token], j: usize) -> Option<(Range<usize>, Mention, Option<Range<usize>>)> {
    let t = toks.get(j)?;
    if !t.is_word() {
        return None;
    }
    if is_pronoun(text, t) {
        return Some((t.bytes.clone(), Mention::Pronoun, None));
    }
    if let Some(r) = names::name_after(text, t.bytes.start).filter(|r| r.start == t.bytes.start) {
        let next = skip_parenthetical(toks, toks.iter().position(|x| x.bytes.start >= r.end).unwrap_or(toks.len()));
        let role = if toks.get(next).is_some_and(|x| x.is_punct(',')) { apposition_forward(text, toks, next + 1) } else { None };
        return Some((r, Mention::Name, role));
    }
    // A run of words up to a comma or the end of the clause, not opening with a preposition
    // ("says of Clinton").
    if lower_is(text, t, PREPOSITIONS) || lower_is(text, t, CLAUSE_WORDS) {
        return None;
    }
    let mut k = j;
    while k < toks.len()
        && toks[k].is_word()
        && k - j < MAX_HEAD_WORDS + 2
        && !(k > j && (lower_is(text, &toks[k], CLAUSE_WORDS) || verb_at(text, toks, k).is_some()))
    {
        k += 1;
    }
    let desc = toks[j].bytes.start..toks[k - 1].bytes.end;
    // "9/11 widow Terry Strada": a name ends the run; the words before are the role.
    if let Some(n) = names::name_before(text, desc.end).filter(|n| n.start > desc.start && n.end == desc.end) {
        if names::person_like(&text[n.clone()]) {
            let role = desc.start..desc.start + text[desc.start..n.start].trim_end().len();
            return Some((n, Mention::Name, Some(role)));
        }
    }
    if !(is_determiner(text, t) || lower_is(text, t, BARE_SPEAKERS) || is_possessive(text, t)) {
        return None;
    }
    // "said Clinton’s spokesman, Brian Fallon": the name is the speaker, the rest the role.
    if toks.get(k).is_some_and(|x| x.is_punct(',')) {
        if let Some(n) = toks.get(k + 1).and_then(|x| names::name_after(text, x.bytes.start).filter(|r| r.start == x.bytes.start)) {
            if names::person_like(&text[n.clone()]) {
                return Some((n, Mention::Name, Some(desc)));
            }
        }
    }
    Some((desc, Mention::Description, None))
}

/// An apposition starting at token `j`, up to the next comma or the end of the clause: "a
/// senior fellow at the Brookings Institution".
fn apposition_forward(text: &str, toks: &[Token], j: usize) -> Option<Range<usize>> {
    let first = toks.get(j)?;
    if !role_start(text, first) {
        return None;
    }
    let mut k = j;
    while k < toks.len() && !toks[k].is_punct(',') && !toks[k].ends_clause() && toks[k].kind != super::tokens::Kind::Mark && k - j < 24 {
        k += 1;
    }
    (k > j).then(|| toks[j].bytes.start..toks[k - 1].bytes.end)
}

/// The attribution in the tokens after a closing mark (the window ends at the end of the
/// paragraph or at the next quote). `sentence_closed`: the quote ended with a full stop inside
/// the marks, so a following capitalised word begins a new sentence, not an attribution.
pub fn after(text: &str, toks: &[Token], sentence_closed: bool) -> Option<Found> {
    let mut i = 0;
    let mut dash = false;
    while let Some(t) = toks.get(i) {
        if t.is_punct(',') || t.is_punct('—') {
            dash |= t.is_punct('—');
            i += 1;
        } else {
            break;
        }
    }
    if dash {
        if let Some((mention, kind, role)) = subject_forward(text, toks, i) {
            if kind != Mention::Pronoun {
                // "— Trump said" is an ordinary speaker-first credit; "— Donald Trump" a dash one.
                let place = if speaker_first(text, toks, i).is_some() { Place::AfterSpeakerFirst } else { Place::Dash };
                return Some(Found { mention, kind, role, place, verb: None, punctuated: true });
            }
        }
    }
    if let Some(len) = verb_at(text, toks, i) {
        // "…,” adding that …" and "…,” telling reporters …" continue the sentence before the
        // quote; its subject is found by `before`.
        let w = word(text, &toks[i]);
        if w.ends_with("ing") || lower_is(text, &toks[i], ADDRESS_VERBS) {
            return None;
        }
        let verb = toks[i].bytes.start..toks[i + len - 1].bytes.end;
        let (mention, kind, role) = subject_forward(text, toks, i + len)?;
        return Some(Found { mention, kind, role, place: Place::AfterVerbFirst, verb: Some(verb), punctuated: true });
    }
    if sentence_closed && toks.get(i).is_some_and(|t| starts_upper(text, t) && !is_pronoun(text, t)) {
        return None;
    }
    speaker_first(text, toks, i)
}

/// "X said", "X, a senior fellow at Y, said", "a campaign spokesman said" starting at token `i`.
fn speaker_first(text: &str, toks: &[Token], i: usize) -> Option<Found> {
    let limit = toks.len().min(i + MAX_SPEAKER_FIRST_TOKENS);
    let mut v = None;
    for k in i..limit {
        if toks[k].ends_clause() || toks[k].kind == super::tokens::Kind::Mark {
            break;
        }
        if let Some(len) = verb_at(text, toks, k) {
            v = Some((k, len));
            break;
        }
    }
    let (v, len) = v?;
    let verb = toks[v].bytes.start..toks[v + len - 1].bytes.end;
    let (mention, kind, role) = subject_backward(text, toks, i, v)?;
    Some(Found { mention, kind, role, place: Place::AfterSpeakerFirst, verb: Some(verb), punctuated: true })
}

/// The subject of the verb at token `v`, within tokens `floor..v`: skips adverbs and auxiliaries,
/// an apposition between commas, then takes a pronoun, a name, or a description.
fn subject_backward(text: &str, toks: &[Token], floor: usize, v: usize) -> Option<(Range<usize>, Mention, Option<Range<usize>>)> {
    let mut e = v;
    while e > floor && lower_is(text, &toks[e - 1], AUX_AND_ADVERBS) {
        e -= 1;
    }
    // "McCaskill (D-Mo.) said": skip the parenthetical.
    if e > floor + 1 && toks[e - 1].is_punct(')') {
        if let Some(k) = (floor.max(e.saturating_sub(10))..e - 1).rev().find(|&k| toks[k].is_punct('(')) {
            e = k;
        }
    }
    if e == floor {
        return None;
    }
    let mut appos = None;
    let mut head_end = e;
    if toks[e - 1].is_punct(',') {
        // An apposition closed by a comma: find its opening comma.
        let lo = floor.max(e.saturating_sub(26));
        let k = (lo..e - 1).rev().find(|&k| toks[k].is_punct(',') || toks[k].ends_clause())?;
        if !toks[k].is_punct(',') || k + 1 >= e - 1 {
            return None;
        }
        appos = Some(k + 1..e - 1);
        head_end = k;
        if head_end > floor + 1 && toks[head_end - 1].is_punct(')') {
            if let Some(k) = (floor.max(head_end.saturating_sub(10))..head_end - 1).rev().find(|&k| toks[k].is_punct('(')) {
                head_end = k;
            }
        }
    }
    if head_end == floor {
        return None;
    }
    let last = &toks[head_end - 1];
    if !last.is_word() {
        return None;
    }
    let role_of = |r: &Range<usize>| -> Option<Range<usize>> {
        role_start(text, &toks[r.start]).then(|| toks[r.start].bytes.start..toks[r.end - 1].bytes.end)
    };
    if is_pronoun(text, last) {
        // Only a pronoun right at the start of the clause: "he said", not "told him said".
        let starts_clause = head_end - 1 == floor || !toks[head_end - 2].is_word() || lower_is(text, &toks[head_end - 2], CLAUSE_WORDS);
        return starts_clause.then(|| (last.bytes.clone(), Mention::Pronoun, None));
    }
    // The head: words back to the clause start, at most a few.
    let mut s = head_end - 1;
    while s > floor
        && toks[s - 1].is_word()
        && head_end - s < MAX_HEAD_WORDS
        && !lower_is(text, &toks[s - 1], CLAUSE_WORDS)
        && verb_at(text, toks, s - 1).is_none()
    {
        s -= 1;
    }
    if head_end - s >= MAX_HEAD_WORDS {
        return None;
    }
    // Skip a leading conjunction-free clause opener such as "In a statement," handled by the
    // comma rule above; here the head must start like a subject.
    let first = &toks[s];
    let head = first.bytes.start..last.bytes.end;
    if let Some(n) = names::name_before(text, last.bytes.end).filter(|n| n.end == last.bytes.end && n.start >= first.bytes.start) {
        // "campaign spokesman Brian Fallon said": the name speaks, the words before are its role.
        let role = if n.start > head.start {
            Some(head.start..head.start + text[head.start..n.start].trim_end().len())
        } else {
            appos.as_ref().and_then(role_of)
        };
        return Some((n, Mention::Name, role));
    }
    if !(is_determiner(text, first) || lower_is(text, first, BARE_SPEAKERS) || is_possessive(text, first) || starts_upper(text, first)) {
        return None;
    }
    if let Some(a) = &appos {
        // "A spokesman for the campaign, Brian Fallon, said".
        let at = toks[a.start].bytes.start;
        if let Some(n) = names::name_after(text, at).filter(|n| n.start == at && n.end == toks[a.end - 1].bytes.end) {
            if names::person_like(&text[n.clone()]) {
                return Some((n, Mention::Name, Some(head)));
            }
        }
    }
    let role = appos.as_ref().and_then(role_of);
    Some((head, Mention::Description, role))
}

/// The attribution in the tokens before an opening mark, from the start of its sentence (or the
/// end of the previous quote): "X said: “", "X told reporters, “", "According to X, “", "said X:
/// “".
pub fn before(text: &str, toks: &[Token]) -> Option<Found> {
    let n = toks.len();
    let last = toks.last()?;
    let punctuated = last.is_punct(':') || last.is_punct(',');
    let end = if punctuated { n - 1 } else { n };
    // The last reporting verb of the clause that ends at the quote.
    let mut v = None;
    for k in (0..end).rev() {
        if toks[k].ends_clause() || toks[k].kind == super::tokens::Kind::Mark {
            break;
        }
        if end - k > 12 {
            break;
        }
        if let Some(len) = verb_at(text, toks, k) {
            v = Some((k, len));
            break;
        }
        // An earlier verb form in a multi-word phrase: "according to".
        if k > 0 && verb_at(text, toks, k - 1) == Some(2) {
            v = Some((k - 1, 2));
            break;
        }
    }
    let Some((v, len)) = v else {
        return if last.is_punct(':') { colon_credit(text, &toks[..end]) } else { None };
    };
    let verb = toks[v].bytes.start..toks[v + len - 1].bytes.end;
    let between = v + len..end;
    // "Trump attacked Clinton, saying: “…”": the speaker is the subject of the sentence.
    if len == 1 && word(text, &toks[v]).ends_with("ing") {
        let (mention, kind) = sentence_subject(text, &toks[..=v])?;
        return Some(Found { mention, kind, role: None, place: Place::Before, verb: Some(verb), punctuated });
    }
    // Inverted: "said Angela Stent:", "According to the senator,".
    if !between.is_empty() && !lower_is(text, &toks[v], ADDRESS_VERBS) {
        if let Some((mention, kind, role)) = subject_forward(text, toks, between.start) {
            let inverted = kind != Mention::Pronoun
                && (mention.end >= toks[end - 1].bytes.end || role.as_ref().is_some_and(|r| r.end >= toks[end - 1].bytes.end));
            if inverted {
                return Some(Found { mention, kind, role, place: Place::Before, verb: Some(verb), punctuated });
            }
        }
    }
    // "X said that “…" and "X called it “…" are partial quotes inside a clause; still credit X,
    // but only when few words separate the verb from the quote.
    if between.len() > 8 {
        return None;
    }
    let (mention, kind, role) = subject_backward(text, toks, 0, v)?;
    Some(Found { mention, kind, role, place: Place::Before, verb: Some(verb), punctuated })
}

/// The subject of a sentence: its first subject pronoun or name followed by a lower-case word
/// (its verb), after any introductory phrase.
fn sentence_subject(text: &str, toks: &[Token]) -> Option<(Range<usize>, Mention)> {
    for (k, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        if lower_is(text, t, &["he", "she", "they"]) {
            return Some((t.bytes.clone(), Mention::Pronoun));
        }
        if !starts_upper(text, t) || (k > 0 && toks[k - 1].is_word() && starts_upper(text, &toks[k - 1])) {
            continue;
        }
        if let Some(n) = names::name_after(text, t.bytes.start).filter(|n| n.start == t.bytes.start) {
            let next = toks.iter().position(|x| x.bytes.start >= n.end);
            let verb_follows = next.and_then(|i| toks.get(i)).is_some_and(|x| x.is_word() && !starts_upper(text, x));
            let appos_follows = next.and_then(|i| toks.get(i)).is_some_and(|x| x.is_punct(','));
            if verb_follows || appos_follows {
                return Some((n, Mention::Name));
            }
        }
    }
    None
}

/// "A lesson from Loretta Lynch: “…”", "Warren to Stumpf: ‘…’": a colon with no reporting
/// verb credits the first person named in its clause (common in headlines).
fn colon_credit(text: &str, toks: &[Token]) -> Option<Found> {
    let start = toks.iter().rposition(|t| t.ends_clause() || t.kind == super::tokens::Kind::Mark).map_or(0, |k| k + 1);
    for t in &toks[start..] {
        if !starts_upper(text, t) {
            continue;
        }
        if let Some(n) = names::name_after(text, t.bytes.start).filter(|n| n.start == t.bytes.start) {
            // A single capitalised word opening the clause may just be its first word
            // ("Partial transcript as follows:").
            let single = !text[n.clone()].contains(' ');
            if names::person_like(&text[n.clone()]) && !(single && t.bytes.start == toks[start].bytes.start) {
                return Some(Found { mention: n, kind: Mention::Name, role: None, place: Place::Before, verb: None, punctuated: true });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn after_of(s: &str) -> Option<(String, Option<String>)> {
        let toks = tokenize(s, 0..s.len());
        after(s, &toks, false).map(|f| (s[f.mention].to_string(), f.role.map(|r| s[r].to_string())))
    }

    fn before_of(s: &str) -> Option<(String, Option<String>)> {
        let toks = tokenize(s, 0..s.len());
        before(s, &toks).map(|f| (s[f.mention].to_string(), f.role.map(|r| s[r].to_string())))
    }

    fn pair(a: &str, b: Option<&str>) -> Option<(String, Option<String>)> {
        Some((a.to_string(), b.map(str::to_string)))
    }

    #[test]
    fn after_patterns() {
        assert_eq!(after_of(" said Hillary Clinton."), pair("Hillary Clinton", None));
        assert_eq!(after_of(" Clinton said."), pair("Clinton", None));
        assert_eq!(after_of(" he added."), pair("he", None));
        assert_eq!(
            after_of(" Angela Stent, a senior fellow at the Brookings Institution, said."),
            pair("Angela Stent", Some("a senior fellow at the Brookings Institution"))
        );
        assert_eq!(
            after_of(" said Angela Stent, a senior fellow at Brookings."),
            pair("Angela Stent", Some("a senior fellow at Brookings"))
        );
        assert_eq!(after_of(" a campaign spokesman said."), pair("a campaign spokesman", None));
        assert_eq!(after_of(" campaign chairman John Podesta told reporters."), pair("John Podesta", Some("campaign chairman")));
        assert_eq!(after_of(" — Donald Trump"), pair("Donald Trump", None));
        assert_eq!(after_of(" the state claims."), pair("the state", None));
        assert_eq!(after_of(" and the crowd cheered."), None);
        assert_eq!(after_of(" Sen. Claire McCaskill (D-Mo.) said."), pair("Sen. Claire McCaskill", None));
        assert_eq!(after_of(" Mitch McConnell, R-Ky., said Tuesday."), pair("Mitch McConnell", Some("R-Ky.")));
        assert_eq!(after_of(" said 9/11 widow Terry Strada."), pair("Terry Strada", Some("9/11 widow")));
        assert_eq!(after_of(", adding that its value rose."), None);
    }

    #[test]
    fn before_patterns() {
        assert_eq!(before_of("Clinton said: "), pair("Clinton", None));
        assert_eq!(before_of("Sen. Warren told reporters on Monday, "), pair("Sen. Warren", None));
        assert_eq!(before_of("According to Trump, "), pair("Trump", None));
        assert_eq!(before_of("She added: "), pair("She", None));
        assert_eq!(before_of("The weather was fine: "), None);
        assert_eq!(before_of("Osei told the radio station, "), pair("Osei", None));
        assert_eq!(before_of("In a speech, Trump attacked Clinton, saying, "), pair("Trump", None));
        assert_eq!(before_of("A lesson from Ines Carvalho: "), pair("Ines Carvalho", None));
        assert_eq!(before_of("The Ohio developer says of Carvalho, "), pair("The Ohio developer", None));
        assert_eq!(before_of("The ad uses footage of Mara Lindqvist asking, "), pair("Mara Lindqvist", None));
    }
}
