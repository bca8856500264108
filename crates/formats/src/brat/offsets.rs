//! How a brat file counts code points, which is not always how newsmark counts them.
//!
//! brat reads a `.txt` the way Python does by default: with universal newlines, so each CRLF is
//! one character, and without removing a byte-order mark, so a BOM is character 0. newsmark keeps
//! CRLF as two code points and drops the BOM. A `View` converts between the two for one text;
//! the reader tries the plausible views and keeps the one under which the most `T` lines hold
//! their own text.
//!
//! Owns: those conversions. Must never: produce an offset inside a CRLF pair or past the text.

/// One way of counting a text's code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct View {
    /// The file counts a byte-order mark (which newsmark dropped) as character 0.
    bom: bool,
    /// Code points (in newsmark's text) of each `\r` that starts a CRLF pair, when the file counts
    /// the pair as one character; empty otherwise.
    pairs: Vec<usize>,
    /// The text's length in newsmark's code points.
    len: usize,
}

impl View {
    /// newsmark's own counting: what `T` offsets mean in files newsmark did not have to guess for.
    pub fn exact(text: &str) -> View {
        View { bom: false, pairs: Vec::new(), len: text.chars().count() }
    }

    /// brat's counting for `text` (without its BOM), given whether the file it came from had one.
    pub fn brat(text: &str, had_bom: bool) -> View {
        let mut pairs = Vec::new();
        let mut prev_cr = None;
        let mut len = 0;
        for (cp, c) in text.chars().enumerate() {
            if c == '\n' {
                if let Some(at) = prev_cr {
                    pairs.push(at);
                }
            }
            prev_cr = (c == '\r').then_some(cp);
            len = cp + 1;
        }
        View { bom: had_bom, pairs, len }
    }

    /// The candidate views for a text, most likely first: brat's own, then the exact one, then
    /// the mixtures (a tool that stripped the BOM but kept universal newlines, or the reverse).
    pub fn candidates(text: &str, had_bom: bool) -> Vec<View> {
        let brat = View::brat(text, had_bom);
        let mut views = vec![brat.clone(), View::exact(text)];
        views.push(View { bom: false, ..brat.clone() });
        views.push(View { pairs: Vec::new(), ..brat });
        let mut unique: Vec<View> = Vec::new();
        for v in views {
            if !unique.contains(&v) {
                unique.push(v);
            }
        }
        unique
    }

    /// The text's length as this view counts it.
    pub fn len(&self) -> usize {
        self.len - self.pairs.len() + usize::from(self.bom)
    }

    /// newsmark's code point for the file's offset `n`, or `None` past the end of the text.
    /// A BOM's own position maps to the start of the text.
    pub fn to_text(&self, n: usize) -> Option<usize> {
        if n > self.len() {
            return None;
        }
        let n = if self.bom { n.saturating_sub(1) } else { n };
        // The i-th pair sits at `pairs[i] - i` in the file's counting; every pair before `n`
        // adds one code point in newsmark's.
        let before = partition(&self.pairs, |i, at| at - i < n);
        Some(n + before)
    }

    /// The file's offset for newsmark's code point `cp` (never inside a CRLF pair, since spans
    /// end on character-cluster boundaries).
    pub fn to_file(&self, cp: usize) -> usize {
        let before = self.pairs.partition_point(|&at| at < cp);
        // `cp` between the CR and LF of a pair would count that pair as before; it is not a
        // position a span can have, and the result is the pair's own offset either way.
        let cp = cp.min(self.len);
        cp - before.min(cp) + usize::from(self.bom)
    }

    /// The file's offset for a span's end at `cp`: like `to_file`, except that an end between
    /// the CR and LF of a pair (which no valid span has) rounds up past the pair rather than to
    /// its start, so a piece never becomes empty.
    pub fn end_to_file(&self, cp: usize) -> usize {
        let inside = cp > 0 && self.pairs.binary_search(&(cp - 1)).is_ok();
        self.to_file(cp) + usize::from(inside)
    }

    pub fn counts_crlf_as_one(&self) -> bool {
        !self.pairs.is_empty()
    }

    pub fn counts_bom(&self) -> bool {
        self.bom
    }
}

/// The number of leading elements for which `pred(index, value)` holds (it must hold for a prefix).
fn partition(v: &[usize], pred: impl Fn(usize, usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid, v[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_counts_once_in_brats_view() {
        let text = "ab\r\ncd\r\n\r\nef\rg";
        let v = View::brat(text, false);
        assert_eq!(v.len(), text.chars().count() - 3);
        // "cd" is at 4..6 in newsmark, 3..5 in brat; "ef" at 10..12 and 7..9.
        assert_eq!((v.to_text(3), v.to_text(5)), (Some(4), Some(6)));
        assert_eq!((v.to_text(7), v.to_text(9)), (Some(10), Some(12)));
        assert_eq!((v.to_file(10), v.to_file(12)), (7, 9));
        assert_eq!((v.to_file(3), v.end_to_file(3)), (2, 3), "inside the first pair");
        assert_eq!(v.to_text(v.len()), Some(text.chars().count()));
        assert_eq!(v.to_text(v.len() + 1), None);
        for cp in [0, 1, 2, 4, 5, 6, 8, 10, 11, 12, 13, 14] {
            assert_eq!(v.to_text(v.to_file(cp)), Some(cp), "cp {cp}");
        }
    }

    #[test]
    fn a_counted_bom_shifts_by_one() {
        let v = View::brat("abc", true);
        assert_eq!(v.len(), 4);
        assert_eq!(v.to_text(1), Some(0));
        assert_eq!(v.to_file(0), 1);
        assert_eq!(View::candidates("abc", false), vec![View::exact("abc")]);
        assert_eq!(View::candidates("a\r\nb", true).len(), 4);
    }
}
