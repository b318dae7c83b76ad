//! FxHash-style hashing of strings and feature keys: fast, deterministic, no allocation.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one 64-bit word into a running hash.
#[inline]
pub const fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Folds a 64-bit hash into a non-zero 32-bit feature key.
#[inline]
pub const fn fold(h: u64) -> u32 {
    let h = h ^ (h >> 29);
    let h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (h ^ (h >> 32)) as u32;
    if x == 0 { 1 } else { x }
}

/// Hash of a string, code point by code point, lower-cased.
pub fn lower_str(s: &str) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = mix(h, l as u64);
        }
    }
    h
}

/// Combines the hashes of consecutive tokens into a phrase hash (a one-token phrase hashes to
/// its token's hash).
#[inline]
pub const fn phrase(prev: u64, next: u64) -> u64 {
    mix(mix(prev, 0x9e37_79b9), next)
}

/// A `BuildHasher` for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct PreHashed;

/// The hasher behind [`PreHashed`].
#[derive(Clone, Copy, Debug, Default)]
pub struct PreHasher(u64);

impl std::hash::Hasher for PreHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = mix(0, i as u64);
    }
}

impl std::hash::BuildHasher for PreHashed {
    type Hasher = PreHasher;
    fn build_hasher(&self) -> PreHasher {
        PreHasher(0)
    }
}

/// A fast general-purpose hasher (FxHash-style) for in-memory maps keyed by spans or strings.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // Spread the high bits down: hashbrown uses both ends of the hash.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = mix(self.0, u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.0 = mix(self.0, tail(rest) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0, i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = mix(self.0, i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0, i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = mix(self.0, i as u64);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian number (zero-padded), read with at most
/// three loads: a variable-length copy into a buffer would call `memcpy` for every short
/// word hashed.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        // Two overlapping 4-byte reads; the overlapping bytes agree, so OR joins them.
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
        lo | hi << (8 * (n - 4))
    } else {
        // First, middle and last byte cover lengths 1 to 3.
        rest[0] as u64
            | (rest[n / 2] as u64) << (8 * (n / 2))
            | (rest[n - 1] as u64) << (8 * (n - 1))
    }
}

/// `BuildHasher` for [`FxHasher`].
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// A `HashMap` with the [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_case_blind() {
        assert_eq!(lower_str("Beijing"), lower_str("BEIJING"));
        assert_ne!(lower_str("Beijing"), lower_str("Beijin"));
        assert_ne!(fold(0), 0);
    }

    #[test]
    fn tail_reads_short_remainders_zero_padded() {
        let bytes = b"abcdefg";
        for n in 1..=7 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail(&bytes[..n]), u64::from_le_bytes(w), "length {n}");
        }
    }
}
