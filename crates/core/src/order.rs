//! Sorting lists of any type through one sort: the standard library's, of `(usize, usize, usize)`
//! tuples.
//!
//! Owns: stable sorts by a pair of integers, and by a full key that refines such a pair. Why:
//! each type the standard sort is used on adds its own copy of the sort, about 1.4 KB of gzip,
//! to the page's download, so the page sorts spans, suggestions and the summary's lists all
//! through the one copy that sorts tuples (ARCHITECTURE.md, "What the page downloads"). Must
//! never: be slower than O(n log n) but where many items share a pair (see `refine`).

/// `items` sorted stably by `pair`, smallest first.
pub fn by_pair<T>(items: Vec<T>, pair: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    // The index last: it keeps the sort stable and says where each item goes.
    let mut order: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = pair(item);
            (a, b, i)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|(_, _, i)| slots[i].take()).collect()
}

/// `items` sorted stably by `less` (whether one item goes before another), exactly as the
/// standard stable sort sorts them, where `pair` is a coarser order that `less` refines (whatever
/// `pair` puts first, `less` puts first too).
///
/// Sorted by `pair`, then by `less` within each run of equal pairs, by insertion: quick when few
/// items share a pair, as a span's or a suggestion's range rarely is another's, and quadratic in
/// the length of a run.
pub fn refine<T>(items: Vec<T>, pair: impl Fn(&T) -> (usize, usize), less: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut items = by_pair(items, pair);
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::{by_pair, refine};

    #[test]
    fn by_pair_is_stable() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        assert_eq!(by_pair(items, |&(n, _)| (n, 0)), vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        assert_eq!(by_pair(Vec::<u8>::new(), |_| (0, 0)), Vec::<u8>::new());
    }

    #[test]
    fn refine_sorts_as_the_standard_stable_sort_does() {
        // (pair, tie-break, tag): the tag shows that equal keys keep their order.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % n) as usize
        };
        for len in [0, 1, 2, 5, 40, 300] {
            let items: Vec<(usize, usize, usize, usize)> = (0..len).map(|tag| (next(8), next(4), next(3), tag)).collect();
            let key = |x: &(usize, usize, usize, usize)| (x.0, std::cmp::Reverse(x.1), x.2);
            let mut expected = items.clone();
            expected.sort_by_key(key);
            assert_eq!(refine(items, |x| (x.0, usize::MAX - x.1), |a, b| key(a) < key(b)), expected, "{len} items");
        }
    }
}
