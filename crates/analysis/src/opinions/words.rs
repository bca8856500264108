//! One lookup that tells whether a word can start any opinion cue, so that the cue finders
//! skip the great majority of words after a single search instead of one per list.
//!
//! Owns: the union of the lists the finders test first, built once. Must never: decide a cue
//! (the finders do), or leave out a word a finder tests first: a word missing here is never a
//! cue.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::lexicon::opinion::emphasis::*;
use crate::lexicon::opinion::stance::*;
use crate::lexicon::opinion::*;

/// Words the finders test in code rather than through a list: the first words of "I think",
/// "in my view", "to my mind", "it seems to me", "it's a mistake", "no one", "too … to",
/// "than ever", "of course", "after all", "in fact", "no doubt".
const WORDS_IN_CODE: &[&str] = &["after", "i", "i'm", "in", "it", "it's", "no", "of", "than", "to", "too", "we", "we're"];

/// Whether `w` (lower case) can start an opinion cue.
pub(super) fn may_start_cue(w: &str) -> bool {
    table().get(w).is_some_and(|f| f & CUE != 0)
}

/// Whether `w` (lower case) is a reporting word (`REPORTED`).
pub(super) fn is_reported(w: &str) -> bool {
    table().get(w).is_some_and(|f| f & REPORTING != 0)
}

const CUE: u8 = 1;
const REPORTING: u8 = 2;

type Table = HashMap<&'static str, u8, BuildHasherDefault<Fnv>>;

/// Every word the finders test first, with what it may be. A hash table: every token of every
/// sentence is looked up, and a binary search over several hundred words costs more.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [&[&'static str]; 17] = [
            WORDS_IN_CODE,
            HEDGES,
            COMMENT_ADVERBS,
            EVALUATIVE,
            PRESCRIPTIVE,
            READER_IMPERATIVES,
            INTENSIFIERS,
            UNIVERSALS,
            DEGREE_WORDS,
            MILD_EVALUATIVE,
            WRITER_WE,
            SOFT_MODALS,
            STANCE_VERBS,
            JUDGEMENT_VERBS,
            BE_FORMS,
            STANCE_NOUNS,
            NAMING_VERBS,
        ];
        let mut table = Table::default();
        for w in lists.iter().flat_map(|l| l.iter()) {
            *table.entry(w).or_default() |= CUE;
        }
        for w in REPORTED {
            *table.entry(w).or_default() |= REPORTING;
        }
        table
    })
}

/// FNV-1a: short words hash in a few instructions; the keys are our own lists, so there is no
/// adversary to resist.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_list_and_nothing_else() {
        assert!(may_start_cue("disastrous") && may_start_cue("fears") && may_start_cue("we") && may_start_cue("it's"));
        assert!(!may_start_cue("bridge") && !may_start_cue("said") && !may_start_cue(""));
        assert!(is_reported("said") && !is_reported("fears"));
    }
}
