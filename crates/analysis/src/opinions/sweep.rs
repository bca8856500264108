//! A sweep over the quotations in text order, so that finding the quotation around each cue
//! costs amortised constant time.
//!
//! Owns: the stack of quotations open at the current position and the last person-like
//! speaker passed. Must never: move backwards, or look at anything but the quotations' ranges
//! and speakers.

use crate::quotes::Quote;

pub(super) struct Sweep<'q> {
    pub quotes: Vec<&'q Quote>,
    next: usize,
    open: Vec<usize>,
}

impl<'q> Sweep<'q> {
    pub fn new(quotes: &'q [Quote]) -> Self {
        let mut quotes: Vec<&Quote> = quotes.iter().filter(|q| q.bytes.start < q.bytes.end).collect();
        quotes.sort_by_key(|q| (q.bytes.start, std::cmp::Reverse(q.bytes.end)));
        Sweep { quotes, next: 0, open: Vec::new() }
    }

    /// Moves to byte `at` (never backwards); returns the last person-like speaker of a
    /// quotation passed on the way.
    pub fn advance(&mut self, at: usize) -> Option<String> {
        let mut speaker = None;
        while let Some(q) = self.quotes.get(self.next).filter(|q| q.bytes.start < at) {
            while self.open.last().is_some_and(|&o| self.quotes[o].bytes.end <= q.bytes.start) {
                self.open.pop();
            }
            if let Some(s) = q.speaker.as_deref().filter(|s| crate::names::person_like(s)) {
                speaker = Some(s.to_string());
            }
            self.open.push(self.next);
            self.next += 1;
        }
        while self.open.last().is_some_and(|&o| self.quotes[o].bytes.end <= at) {
            self.open.pop();
        }
        speaker
    }

    /// The innermost quotation with byte `at` strictly inside, after `advance(at)`.
    pub fn innermost(&self, at: usize) -> Option<usize> {
        self.open.last().copied().filter(|&o| self.quotes[o].bytes.start < at && at < self.quotes[o].bytes.end)
    }
}
