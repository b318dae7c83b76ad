//! Lossless packing of the embedded data files (`data/names-model.bin`, `data/gazetteer.txt`).
//!
//! The page downloads the wasm gzipped, and gzip is weak on these files (word lists, small
//! integer weights). `build.rs` packs them with this module at build time; wasm builds embed the
//! packed files and unpack them once, when the name tagger is first used (native builds embed the
//! plain files). The files in `data/` stay exactly what the trainer wrote and the tagger reads
//! exactly those bytes. The coder is a small context-mixing
//! compressor (in the manner of lpaq): for every bit, a few adaptive models each predict it from
//! a different context, a logistic mixer combines their predictions, and a binary arithmetic
//! coder spends `-log2 p` bits on it. Each model's counters for one nibble share a cache line
//! (as in lpaq), which made unpacking 2–3 times faster than one hashed slot per bit
//! (`APK1`). All arithmetic is integer, so packing (native, build time)
//! and unpacking (any target) agree bit for bit. `unpack(pack(x)) == x` is checked by `build.rs`
//! on every build and by the tests.
//!
//! Format: `b"APK2"`, the stride (1 byte: 0 for text; `n` for tables of `n`-byte rows, whose
//! models add the column, the row above and the sum of the row so far as context: a perceptron's
//! weight rows sum to about zero), the length (u32 LE), the number of row origins (1 byte) and
//! the origins (u32 LE each: offsets where rows start, e.g. each model's weights), then the
//! arithmetic-coded bits.

const MAGIC: &[u8; 4] = b"APK2";
/// Largest unpacked size accepted (corrupt headers must not allocate without bound).
const MAX_LEN: usize = 16 << 20;
/// log2 of the slots per context model.
const BITS: u32 = 17;
/// Slots per bucket. The 15 bit contexts of one nibble share a bucket (one 64-byte cache line;
/// slot 0 is unused), so a byte costs each model two cache misses instead of eight: the
/// tables (1.5 MB) do not fit in cache, and one miss per bit made unpacking take about a
/// second natively.
const BUCKET: usize = 16;

/// Logistic function on the stretch scale (x/256 natural units) → 12-bit probability.
fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

/// Context models at most (text uses 5, tables 6).
const MODELS: usize = 6;

/// The shared model state: identical steps on both sides.
struct Predictor {
    stride: usize,
    origins: Vec<usize>,
    rowsum: i32,
    /// Context models in use (see `contexts`).
    n: usize,
    /// Counters stop slowing their adaptation after this many updates.
    limit: u32,
    stretch: Vec<i16>,
    /// Reciprocals for the adaptive learning rate of each counter.
    rate: [u32; 256],
    /// The models' slots, `1 << BITS` per model, one after the other.
    tables: Vec<u32>,
    /// Per-model base hash of the current byte's context.
    base: [u32; MODELS],
    /// Per-model index in `tables` of the current nibble's bucket.
    buckets: [usize; MODELS],
    /// Indexes in `tables` used for the current bit.
    slots: [usize; MODELS],
    /// Each model's stretched prediction, then the bias (models not in use stay 0).
    inputs: [i32; MODELS + 1],
    /// The mixer's weights, `MODELS + 1` for each partial byte (`node`).
    weights: Vec<i32>,
    hist: Vec<u8>,
    node: u32,
    /// The bits of the current nibble so far, after a leading 1 (1..=15).
    nib: u32,
    pr: i32,
}

impl Predictor {
    fn new(stride: usize, origins: Vec<usize>) -> Self {
        let n = if stride == 0 { 5 } else { 6 }; // context models (see `contexts`)
        let mut stretch = vec![0i16; 4096];
        let mut pi = 0usize;
        for x in -2047..=2047 {
            let v = squash(x) as usize;
            for s in stretch.iter_mut().take(v + 1).skip(pi) {
                *s = x as i16;
            }
            pi = pi.max(v + 1);
        }
        for s in stretch.iter_mut().skip(pi) {
            *s = 2047;
        }
        let mut rate = [0u32; 256];
        for (i, r) in rate.iter_mut().enumerate() {
            *r = (65536 * 2 / (2 * i as u32 + 3)).max(1);
        }
        let mut inputs = [0; MODELS + 1];
        inputs[MODELS] = 256;
        Predictor {
            stride,
            origins,
            rowsum: 0,
            n,
            limit: if stride == 0 { 30 } else { 255 },
            stretch,
            rate,
            tables: vec![1u32 << 31; n << BITS],
            base: [0; MODELS],
            buckets: [0; MODELS],
            slots: [0; MODELS],
            inputs,
            weights: vec![1 << 14; 256 * (MODELS + 1)],
            hist: Vec::new(),
            node: 1,
            nib: 1,
            pr: 2048,
        }
    }

    fn back(&self, k: usize) -> u32 {
        let n = self.hist.len();
        if k <= n {
            u32::from(self.hist[n - k]) + 1
        } else {
            0
        }
    }

    /// Recomputes the per-byte context hashes (after a whole byte).
    fn contexts(&mut self) {
        let h = |parts: &[u32]| {
            parts.iter().fold(0x811C_9DC5u32, |a, &p| {
                (a ^ p).wrapping_mul(0x0100_0193).rotate_left(5)
            })
        };
        if self.stride == 0 {
            let mut acc = [0u32; 6];
            for (k, a) in acc.iter_mut().enumerate() {
                *a = self.back(k + 1);
            }
            self.base[0] = h(&[1, acc[0]]);
            self.base[1] = h(&[2, acc[0], acc[1]]);
            self.base[2] = h(&[3, acc[0], acc[1], acc[2]]);
            self.base[3] = h(&[4, acc[0], acc[1], acc[2], acc[3]]);
            self.base[4] = h(&[6, acc[0], acc[1], acc[2], acc[3], acc[4], acc[5]]);
        } else {
            let pos = self.hist.len();
            let origin = self.origins.iter().rev().find(|&&o| o <= pos).copied();
            let col = (pos - origin.unwrap_or(0)) % self.stride;
            if col == 0 {
                self.rowsum = 0;
            } else if let Some(&last) = self.hist.last() {
                self.rowsum += i32::from(last as i8);
            }
            let col = col as u32;
            let (a, b, up) = (self.back(1), self.back(2), self.back(self.stride));
            let sum = self.rowsum.clamp(-100, 100) as u32;
            self.base[0] = h(&[10, col]);
            self.base[1] = h(&[11, col, a]);
            self.base[2] = h(&[12, col, up]);
            self.base[3] = h(&[13, col, a, b]);
            self.base[4] = h(&[14, col, a, up]);
            self.base[5] = h(&[15, col, sum]);
        }
        self.nibble_buckets(0);
    }

    /// Picks each model's bucket for the nibble that starts now; `high` is 0 for a byte's
    /// first nibble and `0x10 | first nibble` for its second.
    fn nibble_buckets(&mut self, high: u32) {
        let n = self.n.min(MODELS);
        for i in 0..n {
            let h = (self.base[i] ^ high.wrapping_mul(0x9E37_79B1)).wrapping_mul(0x2545_F491);
            let bucket = (h >> (32 - (BITS - BUCKET.trailing_zeros()))) as usize * BUCKET;
            self.buckets[i] = (i << BITS) + bucket;
        }
        self.nib = 1;
    }

    /// Prediction for the next bit, 12 bits (1..=4095).
    fn predict(&mut self) -> i32 {
        let n = self.n.min(MODELS);
        for i in 0..n {
            let s = self.buckets[i] + self.nib as usize;
            self.slots[i] = s;
            let p = (self.tables[s] >> 20) as usize;
            self.inputs[i] = i32::from(self.stretch[p]);
        }
        let w = &self.weights[self.node as usize * (MODELS + 1)..][..MODELS + 1];
        let dot: i64 = w
            .iter()
            .zip(&self.inputs)
            .map(|(&w, &x)| i64::from(w) * i64::from(x))
            .sum();
        self.pr = squash((dot >> 16).clamp(-2047, 2047) as i32).clamp(1, 4095);
        self.pr
    }

    fn update(&mut self, bit: u32) {
        let n = self.n.min(MODELS);
        let err = ((bit as i32) << 12) - self.pr;
        let w = &mut self.weights[self.node as usize * (MODELS + 1)..][..MODELS + 1];
        for (w, &x) in w.iter_mut().zip(&self.inputs) {
            *w = (*w + ((x * err) >> 11)).clamp(-(1 << 22), 1 << 22);
        }
        let target = if bit == 1 { (1i64 << 22) - 1 } else { 0 };
        for &s in &self.slots[..n] {
            let v = &mut self.tables[s];
            let p = i64::from(*v >> 10);
            let c = *v & 255;
            let r = i64::from(self.rate[c as usize]);
            // Moves p towards the bit by the counter's rate (stays within 0..2^22).
            let np = (p + (((target - p) * r) >> 16)) as u32;
            *v = (np << 10) | (c + u32::from(c < self.limit));
        }
        self.node = (self.node << 1) | bit;
        self.nib = (self.nib << 1) | bit;
        if self.node >= 256 {
            self.hist.push(self.node as u8);
            self.node = 1;
            self.contexts();
        } else if self.nib >= 16 {
            self.nibble_buckets(self.node);
        }
    }
}

/// Packs `data`. `stride` is 0 for text, or the row length of a table of bytes whose rows start
/// at `origins` (sorted offsets; at most 255 are kept; before the first, rows start at 0).
pub fn pack(data: &[u8], stride: u8, origins: &[u32]) -> Vec<u8> {
    let origins = &origins[..origins.len().min(255)];
    let mut out = Vec::with_capacity(data.len() / 2 + 16);
    out.extend_from_slice(MAGIC);
    out.push(stride);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.push(origins.len() as u8);
    for o in origins {
        out.extend_from_slice(&o.to_le_bytes());
    }
    let origins = origins.iter().map(|&o| o as usize).collect();
    let mut m = Predictor::new(usize::from(stride), origins);
    m.contexts();
    let (mut x1, mut x2) = (0u32, u32::MAX);
    for &byte in data {
        for k in (0..8).rev() {
            let bit = u32::from(byte >> k) & 1;
            let p = m.predict() as u32;
            let xmid = x1 + ((x2 - x1) >> 12) * p;
            if bit == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            m.update(bit);
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                out.push((x2 >> 24) as u8);
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
            }
        }
    }
    out.extend_from_slice(&x1.to_be_bytes());
    out
}

/// Unpacks what [`pack`] wrote; `None` when `packed` is not such data.
pub fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    if packed.len() < 9 || &packed[..4] != MAGIC {
        return None;
    }
    let stride = packed[4];
    let len = u32::from_le_bytes([packed[5], packed[6], packed[7], packed[8]]) as usize;
    if len > MAX_LEN {
        return None;
    }
    let count = usize::from(*packed.get(9)?);
    let heads = packed.get(10..10 + 4 * count)?;
    let origins = heads
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let body = &packed[10 + 4 * count..];
    let mut at = 0usize;
    let next = |at: &mut usize| {
        let b = body.get(*at).copied().unwrap_or(0);
        *at += 1;
        u32::from(b)
    };
    let mut x = 0u32;
    for _ in 0..4 {
        x = (x << 8) | next(&mut at);
    }
    let mut m = Predictor::new(usize::from(stride), origins);
    m.contexts();
    let (mut x1, mut x2) = (0u32, u32::MAX);
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        if at > body.len() {
            return None; // a valid stream never reads past its end
        }
        let mut byte = 0u32;
        for _ in 0..8 {
            let p = m.predict() as u32;
            let xmid = x1 + ((x2 - x1) >> 12) * p;
            let bit = u32::from(x <= xmid);
            if bit == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            m.update(bit);
            byte = (byte << 1) | bit;
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
                x = (x << 8) | next(&mut at);
            }
        }
        out.push(byte as u8);
    }
    if at > body.len() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips() {
        let table: Vec<u8> = (0..900u32).map(|i| (i * 7 % 13) as u8).collect();
        let cases: [(&[u8], u8); 5] = [
            (b"", 0),
            (b"a", 0),
            (
                "@city\n0port ellis\n5amsel\nz\u{fc}rich \u{1f600}\n".as_bytes(),
                0,
            ),
            (&table, 9),
            (&[255, 0, 255, 0, 1], 3),
        ];
        for (data, stride) in cases {
            let p = pack(data, stride, &[2, 40]);
            assert_eq!(unpack(&p).as_deref(), Some(data), "stride {stride}");
        }
    }

    #[test]
    fn repetitive_text_shrinks() {
        let text = "harbour council approves new ferry link\n".repeat(200);
        assert!(pack(text.as_bytes(), 0, &[]).len() < text.len() / 10);
    }

    #[test]
    fn the_packed_data_files_unpack_to_the_data_files() {
        // What wasm builds embed (build.rs) gives back the files in data/, byte for byte.
        let model = include_bytes!(concat!(env!("OUT_DIR"), "/names-model.bin.pack"));
        let gaz = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.txt.pack"));
        assert_eq!(
            unpack(model).as_deref(),
            Some(&include_bytes!("../data/names-model.bin")[..])
        );
        assert_eq!(
            unpack(gaz).as_deref(),
            Some(&include_bytes!("../data/gazetteer.txt")[..])
        );
        assert_eq!(
            &crate::entities::names::model_bytes()[..],
            &include_bytes!("../data/names-model.bin")[..]
        );
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(unpack(b""), None);
        assert_eq!(unpack(b"APK0\0\x01\0\0\0x"), None);
        // A huge claimed length with no data ends at once.
        assert_eq!(unpack(b"APK2\0\xff\xff\xff\x00"), None);
        let mut p = pack(b"some text that is long enough to matter", 0, &[]);
        p.truncate(p.len() - 6);
        assert_ne!(
            unpack(&p).as_deref(),
            Some(&b"some text that is long enough to matter"[..])
        );
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(
            data in proptest::collection::vec(any::<u8>(), 0..300),
            stride in 0u8..12,
            origins in proptest::collection::vec(0u32..400, 0..4),
        ) {
            let mut origins = origins;
            origins.sort_unstable();
            prop_assert_eq!(unpack(&pack(&data, stride, &origins)), Some(data));
        }

        #[test]
        fn garbage_never_panics(data in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = unpack(&data);
            let mut p = b"APK2".to_vec();
            p.extend_from_slice(&data);
            let _ = unpack(&p);
        }
    }
}
