//! Stable sorting that costs one copy of the sort in wasm builds.
//!
//! `slice::sort_by` is generic: every call site with its own element type or closure gets its
//! own copy of the standard library's driftsort (about 4 KB of wasm each; two dozen call sites
//! cost the page about 25 KB gzipped). In wasm builds [`sort_by`] instead sorts a list of
//! indices with one non-generic comparator (a single driftsort) and then moves the elements
//! into place, so each call site adds only a few hundred bytes. Native builds (the CLI,
//! training, benches) call `slice::sort_by` directly. Both are stable and give the same order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, exactly like `v.sort_by(cmp)`.
#[inline]
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    {
        if v.len() < 2 {
            return;
        }
        let mut cmp = cmp;
        let order = {
            let items: &[T] = v;
            order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
        };
        permute(v, order);
    }
}

/// Sorts `v` stably by `key`, exactly like `v.sort_by_key(key)`.
#[inline]
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, exactly like `v.sort()`.
#[inline]
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable sorted order of `n` items compared by index: `out[i]` is the index of the item
/// that belongs at position `i`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Moves `v[order[i]]` to position `i` for every `i`, in place, following each cycle of the
/// permutation with swaps.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm path (`order` + `permute`), run natively.
    fn wasm_path<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
        let idx = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, idx);
    }

    #[test]
    fn same_order_as_std_stable_sort() {
        let cases: &[&[(u8, u32)]] = &[
            &[],
            &[(1, 0)],
            &[(2, 0), (1, 1)],
            &[(1, 0), (1, 1), (1, 2)],
            &[
                (3, 0),
                (1, 1),
                (2, 2),
                (1, 3),
                (3, 4),
                (0, 5),
                (2, 6),
                (2, 7),
            ],
            &[(5, 0), (4, 1), (3, 2), (2, 3), (1, 4), (0, 5)],
        ];
        for case in cases {
            let mut want = case.to_vec();
            want.sort_by_key(|p| p.0);
            let mut got = case.to_vec();
            wasm_path(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want);
            let mut via = case.to_vec();
            sort_by_key(&mut via, |p| p.0);
            assert_eq!(via, want);
        }
        // A longer pseudo-random case with many ties.
        let mut x = 12345u32;
        let long: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) as u8 % 7, i)
            })
            .collect();
        let mut want = long.clone();
        want.sort_by_key(|p| p.0);
        let mut got = long;
        wasm_path(&mut got, |a, b| a.0.cmp(&b.0));
        assert_eq!(got, want);
    }
}
