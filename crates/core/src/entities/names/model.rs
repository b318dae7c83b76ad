//! The learned part: a tag set (BIO over the four CoNLL types), hashed feature weights
//! quantised to `-63..=63` (stored as `i8`), and tag transition scores. Written by
//! `apostil-train`, read here.
//!
//! File layout (little endian): magic `APNM`, version `u32`, feature count `u32`, weight scale
//! `f32`, `N_TAGS × N_TAGS` transition `f32`s, `N_TAGS` start `f32`s, the sorted feature keys
//! as gaps in a Rice code (a `u8` parameter `k`, then per gap the quotient `gap >> k` in unary
//! — that many 1 bits and a 0 — and the low `k` bits; bits least significant first, padded to
//! a byte), then `N_TAGS` `i8` weights per feature. The keys are hashes, so their gaps are
//! near-geometric and the Rice code is close to their entropy (gzip cannot beat it; it saves
//! 12 % over varints).

/// The entity types the model tags.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of tags: `O`, then `B-t`, `I-t` for each type.
pub const N_TAGS: usize = 1 + 2 * TYPES.len();

/// Tag index of `B-t` for type index `t`.
#[inline]
pub const fn begin(t: usize) -> usize {
    1 + 2 * t
}

/// Tag index of `I-t` for type index `t`.
#[inline]
pub const fn inside(t: usize) -> usize {
    2 + 2 * t
}

/// Type index of a non-`O` tag.
#[inline]
pub const fn type_of(tag: usize) -> usize {
    (tag - 1) / 2
}

/// True when `tag` may follow `prev` (`I-t` only after `B-t` or `I-t`).
#[inline]
pub const fn allowed(prev: Option<usize>, tag: usize) -> bool {
    if tag == 0 || tag % 2 == 1 {
        return true;
    }
    match prev {
        Some(p) => p != 0 && type_of(p) == type_of(tag),
        None => false,
    }
}

/// The model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Wrong magic number or version.
    #[error("not an Apostil name model (bad magic or version)")]
    BadHeader,
    /// The file ends early.
    #[error("name model file is truncated")]
    Truncated,
}

const MAGIC: &[u8; 4] = b"APNM";
const VERSION: u32 = 2;
/// Largest stored weight magnitude: weights are quantised to `-LEVELS..=LEVELS` with one scale.
/// 63 rather than 127 shrinks the gzipped model by ~12 % at no measurable cost in accuracy.
const LEVELS: f32 = 63.0;

/// A loaded name model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Open-addressing hash table of features (linear probing, key 0 = empty), each slot
    /// holding its key and weight row together so a lookup touches one cache line.
    slots: Vec<Slot>,
    mask: usize,
    /// Number of features in the file.
    n: usize,
    scale: f32,
    /// Transition scores `trans[prev][next]`.
    pub trans: [[f32; N_TAGS]; N_TAGS],
    /// Scores of the first tag of a run.
    pub start: [f32; N_TAGS],
}

/// One hash-table slot: a feature key (0 when empty) and its weights.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    w: [i8; N_TAGS],
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        Self::from_prefix(b).map(|(m, _)| m)
    }

    /// Reads a model from the start of `b`, returning it and the number of bytes it used
    /// (model files may hold several models back to back).
    pub fn from_prefix(b: &[u8]) -> Result<(Model, usize), ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return Err(ModelError::BadHeader);
        }
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        let mut trans = [[0f32; N_TAGS]; N_TAGS];
        for row in &mut trans {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let mut start = [0f32; N_TAGS];
        for v in &mut start {
            *v = r.f32()?;
        }
        if n > b.len() {
            return Err(ModelError::Truncated);
        }
        let k = u32::from(r.take(1)?[0]);
        if k > 31 {
            return Err(ModelError::BadHeader);
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        let mut pos = r.at * 8;
        let bit = |pos: usize| -> Result<u32, ModelError> {
            b.get(pos / 8)
                .map(|x| u32::from(x >> (pos % 8)) & 1)
                .ok_or(ModelError::Truncated)
        };
        for _ in 0..n {
            let mut q = 0u32;
            while bit(pos)? == 1 {
                q += 1;
                pos += 1;
                if q > u32::MAX >> k {
                    return Err(ModelError::BadHeader);
                }
            }
            pos += 1;
            let mut low = 0u32;
            for i in 0..k {
                low |= bit(pos)? << i;
                pos += 1;
            }
            prev = prev.wrapping_add((q << k) | low);
            keys.push(prev);
        }
        r.at = pos.div_ceil(8);
        let weights = r.take(n * N_TAGS)?;
        let used = r.at;
        let cap = (n * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![Slot::default(); cap];
        for (&k, row) in keys.iter().zip(weights.chunks_exact(N_TAGS)) {
            let mut s = (k as usize).wrapping_mul(0x9E37_79B1) & mask;
            while slots[s].key != 0 && slots[s].key != k {
                s = (s + 1) & mask;
            }
            slots[s].key = k;
            for (w, &x) in slots[s].w.iter_mut().zip(row) {
                *w = x as i8;
            }
        }
        Ok((
            Model {
                slots,
                mask,
                n,
                scale,
                trans,
                start,
            },
            used,
        ))
    }

    /// Writes a model file from float weights (quantised to `i8` with one scale).
    pub fn to_bytes(
        feats: &[(u32, [f32; N_TAGS])],
        trans: &[[f32; N_TAGS]; N_TAGS],
        start: &[f32; N_TAGS],
    ) -> Vec<u8> {
        let mut feats: Vec<(u32, [f32; N_TAGS])> =
            feats.iter().copied().filter(|(k, _)| *k != 0).collect();
        feats.sort_by_key(|f| f.0);
        feats.dedup_by_key(|f| f.0);
        let maxw = feats
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if maxw > 0.0 { maxw / LEVELS } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for v in start {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut prev = 0u32;
        let gaps: Vec<u32> = feats
            .iter()
            .map(|(k, _)| {
                let g = k - prev;
                prev = *k;
                g
            })
            .collect();
        let k = (0..32u32)
            .min_by_key(|&k| {
                gaps.iter()
                    .map(|&g| u64::from(k + 1 + (g >> k)))
                    .sum::<u64>()
            })
            .unwrap_or(0);
        out.push(k as u8);
        let (mut acc, mut nbits) = (0u8, 0u32);
        let mut push = |bit: u32, out: &mut Vec<u8>| {
            acc |= (bit as u8) << nbits;
            nbits += 1;
            if nbits == 8 {
                out.push(acc);
                (acc, nbits) = (0, 0);
            }
        };
        for g in gaps {
            for _ in 0..g >> k {
                push(1, &mut out);
            }
            push(0, &mut out);
            for i in 0..k {
                push((g >> i) & 1, &mut out);
            }
        }
        if nbits > 0 {
            out.push(acc);
        }
        for (_, w) in &feats {
            for &x in w {
                out.push((x / scale).round().clamp(-LEVELS, LEVELS) as i8 as u8);
            }
        }
        out
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when the model has no features.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The weight row of a feature key.
    #[inline]
    fn row(&self, k: u32) -> Option<&[i8; N_TAGS]> {
        let mut s = (k as usize).wrapping_mul(0x9E37_79B1) & self.mask;
        loop {
            let v = &self.slots[s];
            if v.key == k {
                return Some(&v.w);
            }
            if v.key == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Tag scores for a token with features `feats`.
    pub fn emissions(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut acc = [0i32; N_TAGS];
        self.accumulate(feats, &mut acc);
        self.scale(acc)
    }

    /// Adds the weight rows of the keys of `feats` to `acc`.
    #[inline]
    pub fn accumulate(&self, feats: &[u32], acc: &mut Acc) {
        for &k in feats {
            if let Some(row) = self.row(k) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
    }

    /// Tag scores from summed quantised weights.
    #[inline]
    pub fn scale(&self, acc: Acc) -> [f32; N_TAGS] {
        let mut out = [0f32; N_TAGS];
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.scale;
        }
        out
    }
}

/// The weights of two models (the first and second pass) under one hash table, so one probe
/// finds a feature's rows in both: the first pass scores the first model and, from the same
/// lookups, the shared part of the second model's scores.
#[derive(Debug, Clone)]
pub struct PairTable {
    slots: Vec<PairSlot>,
    mask: usize,
}

/// A feature key (0 when empty) and its rows in both models, back to back (zeros where a
/// model lacks it).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct PairSlot {
    key: u32,
    w: [i8; 2 * N_TAGS],
}

/// Keys summed in `i16` before the sums are added to the `i32` totals: at most this many
/// weights of magnitude `LEVELS` cannot overflow an `i16`.
const I16_CHUNK: usize = 512;
const _: () = assert!(I16_CHUNK as f32 * LEVELS <= i16::MAX as f32);

/// Integer tag scores (sums of quantised weights) before scaling.
pub type Acc = [i32; N_TAGS];

impl PairTable {
    /// Joins the features of `a` and `b`.
    pub fn new(a: &Model, b: &Model) -> Self {
        let n = a.len() + b.len();
        let cap = (n * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![PairSlot::default(); cap];
        for (m, which) in [(a, 0), (b, 1)] {
            for src in m.slots.iter().filter(|s| s.key != 0) {
                let k = src.key;
                let mut s = (k as usize).wrapping_mul(0x9E37_79B1) & mask;
                while slots[s].key != 0 && slots[s].key != k {
                    s = (s + 1) & mask;
                }
                slots[s].key = k;
                slots[s].w[which * N_TAGS..(which + 1) * N_TAGS].copy_from_slice(&src.w);
            }
        }
        PairTable { slots, mask }
    }

    /// Adds the rows of every key of `feats` found: the first model's to `acc[0]`, the
    /// second's to `acc[1]`.
    #[inline]
    pub fn accumulate(&self, feats: &[u32], acc: &mut [Acc; 2]) {
        // Both rows are summed at once in 16-bit lanes (which the compiler vectorises); the
        // sums are exact, as a chunk of keys cannot overflow them.
        for chunk in feats.chunks(I16_CHUNK) {
            let mut sum = [0i16; 2 * N_TAGS];
            for &k in chunk {
                let mut s = (k as usize).wrapping_mul(0x9E37_79B1) & self.mask;
                loop {
                    let v = &self.slots[s];
                    if v.key == k {
                        for (x, &w) in sum.iter_mut().zip(&v.w) {
                            *x += w as i16;
                        }
                        break;
                    }
                    if v.key == 0 {
                        break;
                    }
                    s = (s + 1) & self.mask;
                }
            }
            for (x, &v) in acc.iter_mut().flatten().zip(&sum) {
                *x += v as i32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tags() {
        let mut w = [0f32; N_TAGS];
        w[begin(0)] = 2.0;
        w[0] = -1.0;
        let mut trans = [[0f32; N_TAGS]; N_TAGS];
        trans[begin(0)][inside(0)] = 0.5;
        let start = [0.25f32; N_TAGS];
        let bytes = Model::to_bytes(
            &[(7, w), (1_000_000, w), (3, [0.0; N_TAGS])],
            &trans,
            &start,
        );
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.len(), 3);
        let e = m.emissions(&[7, 1_000_000, 99]);
        assert!((e[begin(0)] - 4.0).abs() < 0.05);
        assert!((e[0] + 2.0).abs() < 0.05);
        assert_eq!(m.trans[begin(0)][inside(0)], 0.5);
        assert_eq!(m.start[3], 0.25);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nope").is_err());
        assert!(allowed(Some(begin(1)), inside(1)));
        assert!(!allowed(Some(begin(1)), inside(2)));
        assert!(!allowed(None, inside(0)));
        assert!(allowed(Some(0), begin(3)));
        assert_eq!(type_of(inside(3)), 3);
    }
}
