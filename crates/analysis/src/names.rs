//! Recognising names of people and organisations, and resolving pronouns to them.
//!
//! Owns: what counts as a name in running text — a run of capitalised words, optionally led by a
//! title ("Mr.", "Sen.") and joined by name particles ("de", "van", "bin") — and whether such a
//! run looks like a person rather than an organisation. Must never: rely on a trained model, or
//! scan more than a bounded window around the offset it is given (callers call it once per
//! quote or cue, so an unbounded scan would make the whole analysis quadratic).
//!
//! The parts: `lists` holds the words that tell a name from other capitalised words, and
//! `scan` cuts single words out of the text around an offset; this file reads names from them.

mod lists;
mod scan;

use std::ops::Range;

use lists::{NOT_NAME_WORDS, ORGANISATION_WORDS, PARTICLES};
use scan::{ceil_boundary, floor_boundary, word_after, word_before};

pub use lists::TITLES;

/// The most bytes a name (with its title) may span. Longer capitalised runs are headlines or
/// lists of names, not one name.
const MAX_NAME_BYTES: usize = 80;
/// The most words in one name ("Sen. Elizabeth Ann van der Warren Jr." has seven).
const MAX_NAME_WORDS: usize = 7;
/// The longest single word considered; a longer run of letters is not a name word.
const MAX_WORD_BYTES: usize = 30;

/// Whether `s` looks like a person's name: one to seven capitalised words (a title, particles
/// and initials allowed), none of them a function word, and no word that marks an organisation
/// ("Committee", "Times", …) or a bare acronym ("FBI"). Used to prefer a person over "the
/// Clinton campaign" as a speaker; it is a cheap guess, not a named-entity recogniser.
pub fn person_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_NAME_BYTES {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > MAX_NAME_WORDS {
        return false;
    }
    let mut capitalised = 0;
    let mut titled = false;
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches(['.', ',']);
        if i == 0 && is_title(bare) {
            titled = true;
            continue;
        }
        if in_list(PARTICLES, bare) && i > 0 && i + 1 < words.len() {
            continue;
        }
        if !starts_upper(bare) || in_list(NOT_NAME_WORDS, bare) || in_list(ORGANISATION_WORDS, bare) {
            return false;
        }
        capitalised += 1;
    }
    if capitalised == 0 {
        return false;
    }
    // A single all-capital word is an acronym (FBI, NATO), unless a title leads it.
    let only = words.last().map_or("", |w| w.trim_end_matches(['.', ',']));
    let acronym = capitalised == 1 && only.chars().count() > 1 && only.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    titled || !acronym
}

/// The name that ends at `end_byte`, ignoring whitespace and one comma just before it:
/// in "… Hillary Clinton said", with `end_byte` at "said", the range of "Hillary Clinton".
/// Includes a leading title ("Sen. Warren") and particles inside the name. `None` when the word
/// before is not capitalised or is a function word. Scans at most `MAX_NAME_BYTES` back.
pub fn name_before(text: &str, end_byte: usize) -> Option<Range<usize>> {
    let end_byte = floor_boundary(text, end_byte.min(text.len()));
    let head = &text[..end_byte];
    let end = head.trim_end().len();
    let floor = floor_boundary(text, end.saturating_sub(MAX_NAME_BYTES));
    // Collect words backwards; a particle joins only when a capitalised word precedes it, which
    // holds automatically because `start` moves only on capitalised words.
    let mut start = None;
    let mut at = end;
    let mut words = 0;
    while words < MAX_NAME_WORDS {
        let Some(w) = word_before(text, at, floor) else { break };
        let word = &text[w.clone()];
        let bare = word.trim_end_matches('.');
        at = w.start;
        if start.is_some() && in_list(PARTICLES, bare) {
            continue;
        }
        if !(is_name_word(word) || (start.is_some() && is_title(bare))) {
            break;
        }
        start = Some(w.start);
        words += 1;
        // Titles come first: "Vice President Joe Biden" keeps "President Joe Biden".
        if words > 1 && is_title(bare) {
            break;
        }
    }
    let start = start?;
    let range = start..trim_name_end(text, start..end);
    (range.start < range.end).then_some(range)
}

/// The name that starts at `start_byte`, ignoring whitespace after it: in "said Sen. Elizabeth
/// Warren, a Democrat", with `start_byte` after "said", the range of "Sen. Elizabeth Warren".
/// Stops before a possessive "'s", a comma or any lower-case word that is not a particle.
/// Scans at most `MAX_NAME_BYTES` forward.
pub fn name_after(text: &str, start_byte: usize) -> Option<Range<usize>> {
    let start_byte = floor_boundary(text, start_byte.min(text.len()));
    let tail = &text[start_byte..];
    let start = start_byte + (tail.len() - tail.trim_start().len());
    let limit = ceil_boundary(text, (start + MAX_NAME_BYTES).min(text.len()));
    let mut at = start;
    let mut end = None;
    let mut words = 0;
    while words < MAX_NAME_WORDS {
        let Some(w) = word_after(text, at, limit) else { break };
        let word = &text[w.clone()];
        let bare = word.trim_end_matches('.');
        if end.is_some() && in_list(PARTICLES, bare) {
            // Only part of the name if a capitalised word follows.
            match word_after(text, w.end, limit) {
                Some(next) if is_name_word(&text[next.clone()]) => {
                    at = w.end;
                    continue;
                }
                _ => break,
            }
        }
        let first = end.is_none();
        let ok = is_name_word(word) || (first && is_title(bare));
        if !ok {
            break;
        }
        // A title alone is not a name: it needs a name word after it.
        if first && is_title(bare) {
            match word_after(text, w.end, limit) {
                Some(next) if is_name_word(&text[next.clone()]) => {}
                _ => break,
            }
        }
        end = Some(w.end);
        at = w.end;
        words += 1;
        // A possessive ends the name: "Clinton's campaign".
        if word.ends_with("'s") || word.ends_with("’s") {
            break;
        }
    }
    let end = end?;
    let range = start..trim_name_end(text, start..end);
    (range.start < range.end).then_some(range)
}

/// Drops a possessive "'s" and a sentence-final full stop from the end of a name range (keeping
/// the stop of an initial or title such as "Jr.").
fn trim_name_end(text: &str, r: Range<usize>) -> usize {
    let s = &text[r.clone()];
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
    let s = s.strip_suffix(['\'', '’']).unwrap_or(s);
    if let Some(without) = s.strip_suffix('.') {
        let last = without.rsplit(' ').next().unwrap_or("");
        let keep = last.chars().count() == 1 || is_title(last) || matches!(last, "Jr" | "Sr") || last.contains('.');
        if !keep {
            return r.start + without.len();
        }
    }
    r.start + s.len()
}

/// Whether `word` (as cut by the word scanners) can be part of a name: capitalised, not a
/// function word, day or month.
fn is_name_word(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let bare = bare.strip_suffix("'s").or_else(|| bare.strip_suffix("’s")).unwrap_or(bare);
    if bare.is_empty() || !starts_upper(bare) || in_list(NOT_NAME_WORDS, bare) {
        return false;
    }
    // Roman numerals and Jr/Sr are fine; otherwise a name word has a lower-case letter or is an
    // initial or a short acronym.
    bare.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Whether `word` (with or without its full stop) is a title such as "Mr." or "Senator".
pub fn is_title(word: &str) -> bool {
    in_list(TITLES, word.trim_end_matches('.'))
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before<'a>(s: &'a str, marker: &str) -> Option<&'a str> {
        let end = s.find(marker).unwrap();
        name_before(s, end).map(|r| &s[r])
    }

    fn after<'a>(s: &'a str, marker: &str) -> Option<&'a str> {
        let start = s.find(marker).unwrap() + marker.len();
        name_after(s, start).map(|r| &s[r])
    }

    #[test]
    fn names_before_a_verb() {
        assert_eq!(before("“Yes,” Hillary Clinton said.", "said"), Some("Hillary Clinton"));
        assert_eq!(before("“Yes,” Sen. Elizabeth Warren said.", "said"), Some("Sen. Elizabeth Warren"));
        assert_eq!(before("“Yes,” Ursula von der Leyen said.", "said"), Some("Ursula von der Leyen"));
        assert_eq!(before("“Yes,” he said.", "said"), None);
        assert_eq!(before("“Yes,” The said.", "said"), None);
    }

    #[test]
    fn names_after_a_verb() {
        assert_eq!(after("“Yes,” said Sen. Elizabeth Warren, a Democrat.", "said"), Some("Sen. Elizabeth Warren"));
        assert_eq!(after("“Yes,” said Trump.", "said"), Some("Trump"));
        assert_eq!(after("“Yes,” said J.D. Vance Jr.", "said"), Some("J.D. Vance Jr."));
        assert_eq!(after("said Clinton’s campaign manager", "said"), Some("Clinton"));
        assert_eq!(after("said Monday", "said"), None);
        assert_eq!(after("said Mr. and", "said"), None);
        assert_eq!(after("said Osama bin Laden.", "said"), Some("Osama bin Laden"));
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS, TITLES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "keep {list:?} sorted and without duplicates");
        }
    }

    #[test]
    fn person_or_not() {
        assert!(person_like("Hillary Clinton"));
        assert!(person_like("Mr. Trump"));
        assert!(person_like("Ursula von der Leyen"));
        assert!(!person_like("FBI"));
        assert!(!person_like("the campaign"));
        assert!(!person_like("Democratic National Committee"));
        assert!(!person_like("He"));
        assert!(!person_like(""));
    }
}
