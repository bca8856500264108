//! Who speaks, demands or holds a view: the words that name sources and actors, and reading the
//! phrase that names one next to a cue word.
//!
//! Owns: splitting a sentence into word tokens for the claim, demand and opinion detectors
//! (`tokens`); reading the subject phrase before a verb or the phrase after a preposition
//! (`subject`); and telling a named person from an organisation, a document or an anonymous
//! source (`kind`, with its lists in `kind_words`). Must never: look more than a fixed number
//! of tokens away from the cue it starts from (every detector has to stay linear in the length
//! of the text), or hold a list copied from a source whose licence forbids shipping it. Every
//! list here was written for newsmark; all lists are lower case and sorted so that lookups are
//! binary searches (a test checks both).

mod kind;
mod kind_words;
mod subject;
mod tokens;

pub use kind::{classify_source, is_named_person, is_person_pronoun, last_person_name, SourceKind};
pub use subject::{phrase_after, subject_before, Phrase, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS, TIME_WORDS};
pub use tokens::{has, is_quote_mark, is_word_char, tokenize, Tok};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_ascii_and_unique() {
        for list in subject::WORD_LISTS.iter().chain(kind_words::WORD_LISTS).chain(kind::WORD_LISTS) {
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
}
