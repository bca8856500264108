//! `CpRange`: a range of Unicode code points, end exclusive, the one unit of position that
//! crosses module boundaries (selections, painting windows, fragments, what changed).
//!
//! Must never: hold UTF-16 or UTF-8 offsets; only `ArticleText` and the DOM layer convert.

/// Code points `start..end` of an article's text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CpRange {
    pub start: usize,
    pub end: usize,
}

impl CpRange {
    /// The range between two positions given in either order.
    pub fn new(a: usize, b: usize) -> Self {
        CpRange { start: a.min(b), end: a.max(b) }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two ranges share at least one code point.
    pub fn overlaps(&self, other: CpRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `cp` lies inside the range.
    pub fn contains(&self, cp: usize) -> bool {
        self.start <= cp && cp < self.end
    }

    /// Whether `other` lies wholly inside this range.
    pub fn covers(&self, other: CpRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<(usize, usize)> for CpRange {
    fn from((start, end): (usize, usize)) -> Self {
        CpRange::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::CpRange;

    #[test]
    fn orders_its_ends_and_compares_as_half_open() {
        let r = CpRange::new(9, 3);
        assert_eq!((r.start, r.end, r.len()), (3, 9, 6));
        assert!(r.contains(3) && !r.contains(9));
        assert!(r.overlaps(CpRange::new(8, 12)) && !r.overlaps(CpRange::new(9, 12)));
        assert!(r.covers(CpRange::new(4, 9)) && !r.covers(CpRange::new(2, 4)));
        assert!(CpRange::new(5, 5).is_empty());
    }
}
