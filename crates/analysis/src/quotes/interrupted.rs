//! A quotation interrupted by its credit: "“We will not move,” Osei said, “until the council
//! votes.”" is one quoted sentence in two parts, the credit between them.
//!
//! Owns: recognising the second part, so that it is suggested on its own with the credit's
//! speaker even when it starts in lower case or after a dash ("… Osei said in a statement —
//! “until the council votes.”"), shapes that otherwise mark a partial quotation woven into the
//! article's sentence. Must never: join the two parts into one suggestion (each part is its own
//! quoted fragment, the unit a person and the benchmark count), or look beyond the previous
//! passage of the same sentence.

use super::marks::Passage;
use super::resolve::Attributed;
use super::SpeakerRule;
use crate::doc::Doc;

/// Closing marks trimmed to read the last character inside a passage.
const CLOSING: &[char] = &['”', '"', '’', '\'', '»', '`'];

/// Whether `p` resumes the quotation `prev` (the passage before it in the text) after a credit:
/// `prev` ends inside its marks with a comma or a dash (its sentence goes on), `p` has a credit
/// of its own just before it (the rule `Before`, which only reads the words after `prev`), and
/// both lie in one sentence.
pub fn resumes(doc: &Doc, prev: Option<&Passage>, p: &Passage, a: &Attributed) -> bool {
    let Some(prev) = prev.filter(|q| q.paragraph == p.paragraph && q.closed && !p.from_previous) else { return false };
    let inner = doc.text[prev.bytes.clone()].trim_end_matches(CLOSING);
    if a.rule != SpeakerRule::Before || !inner.ends_with([',', '—', '–']) {
        return false;
    }
    let k = doc.sentences.partition_point(|s| s.bytes.start <= p.bytes.start);
    k.checked_sub(1).map(|k| &doc.sentences[k]).is_some_and(|s| s.bytes.start <= prev.bytes.start && p.bytes.start < s.bytes.end)
}
