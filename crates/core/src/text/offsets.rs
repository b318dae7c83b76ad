//! The one place where code-point offsets meet UTF-8 bytes and UTF-16 units.
//!
//! Everything public in the core speaks code points ([`Span`]). Rust strings index by byte and
//! JavaScript strings by UTF-16 unit; [`CharMap`] converts to bytes for slicing inside the core
//! and [`Utf16Map`] converts for the browser edge.

use crate::span::Span;

/// Maps code-point offsets of one text to byte offsets and back.
///
/// For ASCII text the two are equal and no table is kept. Otherwise the table is two-level,
/// about one byte per code point: the byte offset of every [`BLOCK`]th code point, and for each
/// code point its byte distance from the start of its block (at most `(BLOCK - 1) × 4 < 256`).
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Byte offset of code point `k × BLOCK`, for every block up to the one holding the end.
    /// Empty when the text is ASCII.
    bases: Vec<u32>,
    /// `deltas[i]` is the byte offset of code point `i` minus its block's base; one extra entry
    /// for the end.
    deltas: Vec<u8>,
    len_chars: usize,
    len_bytes: usize,
}

/// Code points per block of [`CharMap`].
const BLOCK: usize = 64;

/// `IOTA[k] == k`: the deltas of a block of ASCII are `IOTA[..BLOCK]`, and a run of ASCII
/// that starts `d` bytes into a block has the deltas `IOTA[d..]` (a block's deltas stay below
/// 256, see [`CharMap`]).
const IOTA: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharMap {
                bases: Vec::new(),
                deltas: Vec::new(),
                len_chars: text.len(),
                len_bytes: text.len(),
            };
        }
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut bases = Vec::with_capacity(n / BLOCK + 2);
        let mut deltas: Vec<u8> = Vec::with_capacity(n + 1);
        // One block of code points per round; the end of the text counts as one more code
        // point (the extra entry).
        let mut b = 0;
        'blocks: loop {
            bases.push(b as u32);
            // A block of ASCII (most of them, in most texts): its deltas are 0, 1, 2, …
            if bytes.get(b..b + BLOCK).is_some_and(<[u8]>::is_ascii) {
                deltas.extend_from_slice(&IOTA[..BLOCK]);
                b += BLOCK;
                continue;
            }
            let base = b;
            let mut slots = BLOCK;
            while slots > 0 {
                if b >= n {
                    deltas.push((b - base) as u8);
                    break 'blocks;
                }
                // ASCII within the block: one code point per byte.
                let run = bytes[b..(b + slots).min(n)]
                    .iter()
                    .position(|&x| !x.is_ascii())
                    .unwrap_or(slots.min(n - b));
                if run > 0 {
                    // At most `4 × (BLOCK - slots)` bytes lie before the run, so
                    // `d + run <= 4 × BLOCK - 3 < 256`.
                    let d = b - base;
                    deltas.extend_from_slice(&IOTA[d..d + run]);
                    b += run;
                    slots -= run;
                    continue;
                }
                deltas.push((b - base) as u8);
                slots -= 1;
                // Skip to the next byte that is not a UTF-8 continuation byte.
                b += 1;
                while b < n && (bytes[b] as i8) < -0x40 {
                    b += 1;
                }
            }
        }
        let len_chars = deltas.len() - 1;
        CharMap {
            bases,
            deltas,
            len_chars,
            len_bytes: text.len(),
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// True when the text is ASCII (code points and bytes coincide).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.bases.is_empty()
    }

    /// Byte offset of code point `char_idx` (clamped to the end of the text).
    #[inline]
    pub fn byte(&self, char_idx: usize) -> usize {
        if self.is_ascii() {
            char_idx.min(self.len_bytes)
        } else {
            let i = char_idx.min(self.len_chars);
            self.bases[i / BLOCK] as usize + self.deltas[i] as usize
        }
    }

    /// Code-point offset of the character that starts at or contains byte `byte_idx`.
    pub fn char_at_byte(&self, byte_idx: usize) -> usize {
        if self.is_ascii() {
            return byte_idx.min(self.len_chars);
        }
        // The last code point (or the end) starting at or before `byte_idx`.
        let blk = self
            .bases
            .partition_point(|&x| x as usize <= byte_idx)
            .saturating_sub(1);
        let base = self.bases[blk] as usize;
        let last = ((blk + 1) * BLOCK).min(self.deltas.len());
        let mut i = blk * BLOCK;
        while i + 1 < last && base + self.deltas[i + 1] as usize <= byte_idx {
            i += 1;
        }
        i
    }

    /// Byte range of a code-point span.
    #[inline]
    pub fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        self.byte(span.start)..self.byte(span.end)
    }

    /// The text of a code-point span (clamped to the text).
    ///
    /// Inlined: every stage slices token texts in hot loops.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        &text[self.byte_range(span)]
    }
}

/// Number of code points in `text`.
pub fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The text of a code-point span, or `None` when the span lies outside `text`.
///
/// For one-off slicing where no [`CharMap`] is at hand (imports, checks).
pub fn slice_chars(text: &str, span: Span) -> Option<&str> {
    if span.start > span.end {
        return None;
    }
    if text.is_ascii() {
        return text.get(span.start..span.end);
    }
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let start = it.nth(span.start)?;
    let end = if span.end == span.start {
        start
    } else {
        it.nth(span.end - span.start - 1)?
    };
    Some(&text[start..end])
}

/// Maps code-point offsets to UTF-16 code-unit offsets and back, for JavaScript.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `utf16_of_char[i]` is the UTF-16 offset of code point `i`; one extra for the end.
    /// Empty when no character lies outside the Basic Multilingual Plane.
    utf16_of_char: Vec<u32>,
    len_chars: usize,
}

impl Utf16Map {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let len_chars = char_len(text);
        if text.chars().all(|c| (c as u32) < 0x10000) {
            return Utf16Map {
                utf16_of_char: Vec::new(),
                len_chars,
            };
        }
        let mut v = Vec::with_capacity(len_chars + 1);
        let mut u = 0u32;
        for c in text.chars() {
            v.push(u);
            u += c.len_utf16() as u32;
        }
        v.push(u);
        Utf16Map {
            utf16_of_char: v,
            len_chars,
        }
    }

    /// UTF-16 offset of code point `char_idx`.
    pub fn to_utf16(&self, char_idx: usize) -> usize {
        let i = char_idx.min(self.len_chars);
        if self.utf16_of_char.is_empty() {
            i
        } else {
            self.utf16_of_char[i] as usize
        }
    }

    /// Code-point offset of UTF-16 offset `unit` (a unit inside a surrogate pair maps to its
    /// character).
    pub fn from_utf16(&self, unit: usize) -> usize {
        if self.utf16_of_char.is_empty() {
            return unit.min(self.len_chars);
        }
        match self.utf16_of_char.binary_search(&(unit as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A code-point span as a UTF-16 span.
    pub fn span_to_utf16(&self, span: Span) -> Span {
        Span::new(self.to_utf16(span.start), self.to_utf16(span.end))
    }

    /// A UTF-16 span as a code-point span.
    pub fn span_from_utf16(&self, span: Span) -> Span {
        Span::new(self.from_utf16(span.start), self.from_utf16(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = CharMap::new("hello");
        assert!(m.is_ascii());
        assert_eq!(m.byte(3), 3);
        assert_eq!(m.slice("hello", Span::new(1, 3)), "el");
    }

    #[test]
    fn multibyte_and_astral() {
        let t = "a€😀b";
        let m = CharMap::new(t);
        assert_eq!(m.len_chars(), 4);
        assert_eq!(m.byte(2), 4);
        assert_eq!(m.slice(t, Span::new(1, 3)), "€😀");
        assert_eq!(m.char_at_byte(5), 2, "a byte inside 😀 maps to 😀");
        assert_eq!(slice_chars(t, Span::new(2, 4)), Some("😀b"));
        assert_eq!(slice_chars(t, Span::new(2, 5)), None);
        let u = Utf16Map::new(t);
        assert_eq!(u.to_utf16(3), 4, "😀 is two UTF-16 units");
        // Long texts span several blocks of the map: every code point and every byte agree
        // with the standard library.
        for long in [
            "ab€😀 é\n".repeat(40),
            format!("{}é{}", "a".repeat(64), "b".repeat(127)),
            format!("{}é", "a".repeat(128)),
            format!("é{}", "a".repeat(127)),
            format!("é{}", "a".repeat(63)),
            format!("é{}", "a".repeat(62)),
            format!("{}é", "a".repeat(63)),
            format!("{}😀é", "a".repeat(62)),
            format!("{}😀{}", "a".repeat(63), "b".repeat(64)),
        ] {
            check_long(&long);
        }
    }

    /// Every code point and every byte of `long` agree with the standard library.
    fn check_long(long: &str) {
        let m = CharMap::new(long);
        let starts: Vec<usize> = long
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(long.len()))
            .collect();
        assert_eq!(m.len_chars(), starts.len() - 1);
        for (i, &b) in starts.iter().enumerate() {
            assert_eq!(m.byte(i), b);
            assert_eq!(m.char_at_byte(b), i);
        }
        assert_eq!(m.byte(starts.len() + 5), long.len());
        assert_eq!(m.char_at_byte(long.len() + 5), m.len_chars());
        for b in 0..long.len() {
            let want = starts.partition_point(|&x| x <= b) - 1;
            assert_eq!(m.char_at_byte(b), want, "byte {b}");
        }
    }

    #[test]
    fn utf16_round_trip() {
        let t = "a€😀b";
        let u = Utf16Map::new(t);
        assert_eq!(u.from_utf16(4), 3);
        assert_eq!(
            u.span_from_utf16(u.span_to_utf16(Span::new(1, 4))),
            Span::new(1, 4)
        );
    }
}
