//! [`Span`]: a half-open range of Unicode code points.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of Unicode code points (Python string indices).
///
/// This is the only offset type in the public API. Byte and UTF-16 offsets exist only at the
/// edges, through [`crate::text::offsets`].
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped up to `start`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: if end < start { start } else { end },
        }
    }

    /// Number of code points covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when `other` lies inside `self` (equal spans contain each other).
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the code point at `pos` lies inside the span.
    pub const fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// True when the two spans share at least one code point.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of code points the two spans share.
    pub fn overlap_len(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(2, 6);
        assert!(a.contains(Span::new(2, 6)));
        assert!(a.contains(Span::new(3, 4)));
        assert!(!a.contains(Span::new(1, 4)));
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)), "end is exclusive");
        assert_eq!(a.overlap_len(Span::new(4, 10)), 2);
        assert_eq!(a.cover(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
    }
}
