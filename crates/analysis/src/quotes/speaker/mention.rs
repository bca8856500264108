//! Cutting the speaker's mention and role out of the words of a credit.
//!
//! Owns: reading the subject forwards from a verb or a dash ("said Angela Stent, a senior
//! fellow at Y", "said 9/11 widow Terry Strada") and backwards from a verb ("campaign chairman
//! John Podesta told", "X, a spokesman for Y, said"), telling a name from a pronoun and a
//! description, and the apposition that gives the speaker's role. Must never: read more than
//! `MAX_HEAD_WORDS` words of a head or a few dozen tokens of an apposition, or decide where the
//! credit is (that is `after` and `before`).

use std::ops::Range;

use super::phrase::{after_preposition, modified_speakers, name_before_comma, name_of_apposition};
use super::{is_determiner, is_possessive, is_pronoun, lower_is, starts_upper, verb_at, Mention, PRONOUNS};
use crate::names;
use crate::quotes::tokens::{Kind, Token};

/// The most words in a speaker's description or the head of a subject.
const MAX_HEAD_WORDS: usize = 8;
/// Plural nouns that stand alone as speakers ("officials said").
pub(super) const BARE_SPEAKERS: &[&str] = &[
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
pub(super) const CLAUSE_WORDS: &[&str] = &[
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
pub(super) fn subject_forward(text: &str, toks: &[Token], j: usize) -> Option<(Range<usize>, Mention, Option<Range<usize>>)> {
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
    // "9/11 widow Terry Strada": a name ends the run; the words before are the role (not "a
    // spokesman for Ada Brook", where the name is the preposition's object).
    if let Some(n) = names::name_before(text, desc.end)
        .filter(|n| n.start > desc.start && n.end == desc.end && !after_preposition(text, desc.start..n.start))
    {
        if names::person_like(&text[n.clone()]) {
            let role = desc.start..desc.start + text[desc.start..n.start].trim_end().len();
            return Some((n, Mention::Name, Some(role)));
        }
    }
    if !(is_determiner(text, t) || lower_is(text, t, BARE_SPEAKERS) || is_possessive(text, t) || modified_speakers(text, &toks[j..k])) {
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
    while k < toks.len() && !toks[k].is_punct(',') && !toks[k].ends_clause() && toks[k].kind != Kind::Mark && k - j < 24 {
        k += 1;
    }
    (k > j).then(|| toks[j].bytes.start..toks[k - 1].bytes.end)
}

/// The subject of the verb at token `v`, within tokens `floor..v`: skips adverbs and auxiliaries,
/// an apposition between commas, then takes a pronoun, a name, or a description.
pub(super) fn subject_backward(
    text: &str,
    toks: &[Token],
    floor: usize,
    v: usize,
) -> Option<(Range<usize>, Mention, Option<Range<usize>>)> {
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
    // An apposition closed by a comma or a dash ("Ada Brook — the port's director — said").
    let closer = [',', '—'].into_iter().find(|&c| toks[e - 1].is_punct(c));
    if let Some(c) = closer {
        // Find its opening comma or dash.
        let lo = floor.max(e.saturating_sub(26));
        let k = (lo..e - 1).rev().find(|&k| toks[k].is_punct(c) || toks[k].ends_clause())?;
        if !toks[k].is_punct(c) || k + 1 >= e - 1 {
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
    if closer == Some('—') {
        if let Some(n) = name_before_comma(text, toks, floor, s) {
            // "Ada Brook, the director of the port — which … — told me": the name before the
            // role speaks.
            return Some((n, Mention::Name, Some(head)));
        }
    }
    if let Some(n) = names::name_before(text, last.bytes.end)
        .filter(|n| n.end == last.bytes.end && n.start >= first.bytes.start && !after_preposition(text, head.start..n.start))
    {
        // "campaign spokesman Brian Fallon said": the name speaks, the words before are its role.
        let role = if n.start > head.start {
            Some(head.start..head.start + text[head.start..n.start].trim_end().len())
        } else {
            appos.as_ref().and_then(role_of)
        };
        return Some((n, Mention::Name, role));
    }
    if !(is_determiner(text, first)
        || lower_is(text, first, BARE_SPEAKERS)
        || is_possessive(text, first)
        || starts_upper(text, first)
        || modified_speakers(text, &toks[s..head_end]))
    {
        return None;
    }
    if let Some(n) = appos.as_ref().and_then(|a| name_of_apposition(text, toks, a.clone())) {
        // "A spokesman for the campaign, Brian Fallon, said".
        return Some((n, Mention::Name, Some(head)));
    }
    let role = appos.as_ref().and_then(role_of);
    Some((head, Mention::Description, role))
}
