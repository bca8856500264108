//! Which gold sources are named: the speakers the speaker target counts.
//!
//! Owns: the rule, from the gold `Source` text and its article alone (never from what the finder
//! suggests, so that the subset does not depend on the system measured). Must never: read the
//! finder's lists or guesses.
//!
//! The rule: a source is named when one of its words is a proper name, that is a word that
//! - starts with a capital letter ("Warren", "McCaskill", "NAACP", "Times"), and
//! - is not a pronoun ("He", "She", "They"), a determiner or number ("The", "A", "Another",
//!   "Two"), a title or rank alone ("Mr.", "Sen.", "President", "General", "Retired"), or a
//!   party's members ("Democrats", "Republicans": a group, like "officials"), and
//! - is not an ordinary word capitalised only because it opens a sentence. A word first in its
//!   sentence (after the paragraph's start, a full stop that does not end an abbreviation such
//!   as "Mr.", `!`, `?`, `:` or an opening quotation mark) counts when the article also writes
//!   it capitalised inside a sentence, or never writes it in lower case and the source does not
//!   go on with a lower-case word ("Ryan said:" counts; "Officials said" with "officials"
//!   elsewhere and "Small groups of protesters" do not).
//!
//! So "he", "the president", "a campaign spokesman" and "officials" are not named; "Trump",
//! "Mr. Clarke", "the Times", "Trump campaign spokesman Jason Miller" and "Scott's niece, state
//! Del. Marcia Price" are.

use std::collections::HashSet;

use crate::gold::Span;

/// Capitalised words that are not proper names on their own: pronouns, determiners and numbers,
/// titles and ranks, party members as a group.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "i", "he", "she", "it", "we", "they", "you", "who", "him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your",
    "the", "a", "an", "this", "that", "these", "those", "another", "some", "many", "several", "both", "each", "other", "one", "two",
    "three", "four", "five", "most", "all", "few", "such",
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "president", "senator", "governor", "general",
    "secretary", "chairman", "chairwoman", "judge", "justice", "mayor", "minister", "prime", "chancellor", "retired", "former",
    "representative", "congressman", "congresswoman", "speaker", "leader", "director", "chief", "vice",
    "democrats", "republicans",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] =
    &["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "rev", "del"];

/// What the article's own writing says about its capitalised words.
pub struct ArticleWords {
    /// Words the article writes capitalised inside a sentence.
    capitalised_inside: HashSet<String>,
    /// Words the article writes in lower case.
    lower: HashSet<String>,
}

impl ArticleWords {
    pub fn new(chars: &[char]) -> Self {
        let mut capitalised_inside = HashSet::new();
        let mut lower = HashSet::new();
        for (at, w) in words(chars, 0, chars.len()) {
            if w.starts_with(char::is_lowercase) {
                lower.insert(w);
            } else if w.starts_with(char::is_uppercase) && !opens_sentence(chars, at) {
                capitalised_inside.insert(w);
            }
        }
        ArticleWords { capitalised_inside, lower }
    }
}

/// Whether the gold source `source` (fragments of `chars`) contains a proper name.
pub fn is_named(chars: &[char], source: &[Span], article: &ArticleWords) -> bool {
    source.iter().any(|&(s, e)| {
        let ws: Vec<(usize, String)> = words(chars, s, e.min(chars.len())).collect();
        (0..ws.len()).any(|k| is_name_word(chars, &ws[k], ws.get(k + 1).map(|n| n.1.as_str()), article))
    })
}

/// Words (letters, digits and inner apostrophes or hyphens) of `chars[start..end]`, each with
/// its first index.
fn words(chars: &[char], start: usize, end: usize) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut i = start;
    std::iter::from_fn(move || {
        while i < end && !chars[i].is_alphanumeric() {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let at = i;
        while i < end
            && (chars[i].is_alphanumeric()
                || (matches!(chars[i], '\'' | '’' | '-') && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())))
        {
            i += 1;
        }
        Some((at, chars[at..i].iter().collect()))
    })
}

/// Whether `word` (at `at`, followed in the source by `next`) is a proper name.
fn is_name_word(chars: &[char], (at, word): &(usize, String), next: Option<&str>, article: &ArticleWords) -> bool {
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches("'s").trim_end_matches("’s");
    if NOT_NAMES.contains(&bare) {
        return false;
    }
    if !opens_sentence(chars, *at) || article.capitalised_inside.contains(word) {
        return true;
    }
    !article.lower.contains(&lower) && !next.is_some_and(|n| n.starts_with(char::is_lowercase))
}

/// Whether the word at `at` is the first of its sentence.
fn opens_sentence(chars: &[char], at: usize) -> bool {
    let mut i = at;
    while i > 0 && chars[i - 1] == ' ' {
        i -= 1;
    }
    if i == 0 {
        return true;
    }
    match chars[i - 1] {
        '\n' | '!' | '?' | ':' | '“' | '"' | '‘' | '\'' => true,
        '.' => {
            // The word before the full stop: an abbreviation or an initial does not end a sentence.
            let end = i - 1;
            let mut s = end;
            while s > 0 && chars[s - 1].is_alphabetic() {
                s -= 1;
            }
            let before: String = chars[s..end].iter().collect::<String>().to_lowercase();
            !(ABBREVIATIONS.contains(&before.as_str()) || (end - s == 1 && chars[s].is_uppercase()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_named, ArticleWords};

    fn named(article: &str, source: &str) -> bool {
        let chars: Vec<char> = article.chars().collect();
        let b = article.find(source).expect("source in article");
        let start = article[..b].chars().count();
        is_named(&chars, &[(start, start + source.chars().count())], &ArticleWords::new(&chars))
    }

    #[test]
    fn names_and_not_names() {
        let text = "Officials said the ferry would run. “It will,” he said. The mayor agreed, and officials left. \
                    Sen. Ada Brook spoke; “Yes,” said the president. “No,” Brook said. Trump said so. The Harbour Times wrote it. \
                    Later Trump left. Small boats waited. Osei spoke. Mr. Okafor agreed.";
        assert!(!named(text, "Officials"), "sentence start, written in lower case elsewhere");
        assert!(!named(text, "Small boats"), "sentence start, a lower-case word follows");
        assert!(!named(text, "he"));
        assert!(!named(text, "The mayor"));
        assert!(!named(text, "the president"));
        assert!(named(text, "Sen. Ada Brook"));
        assert!(named(text, "Brook"));
        assert!(named(text, "Trump said so"), "sentence start, but capitalised inside another sentence");
        assert!(named(text, "Osei"), "sentence start, never written in lower case");
        assert!(named(text, "Mr. Okafor"), "the full stop of 'Mr.' ends no sentence");
        assert!(named(text, "The Harbour Times"));
    }
}
