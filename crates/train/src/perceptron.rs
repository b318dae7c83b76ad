//! Averaged structured perceptron over runs, with feature-count and weight pruning.

use crate::Seq;
use apostil_core::entities::names::decode::viterbi;
use apostil_core::entities::names::model::N_TAGS;
use std::collections::HashMap;

/// A tiny deterministic generator for shuffling.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

type Weights = Vec<(u32, [f32; N_TAGS])>;

/// Trains and returns pruned averaged feature weights, transitions and start scores.
pub fn train(
    seqs: &[Seq],
    epochs: usize,
    min_count: u32,
    max_features: usize,
) -> (Weights, [[f32; N_TAGS]; N_TAGS], [f32; N_TAGS]) {
    // Index features seen at least `min_count` times.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for s in seqs {
        for f in &s.feats {
            for &k in f {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
    }
    let mut keys: Vec<u32> = counts
        .iter()
        .filter(|&(_, &c)| c >= min_count)
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    let index: HashMap<u32, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    eprintln!(
        "features: {} distinct, {} kept (count >= {min_count})",
        counts.len(),
        keys.len()
    );
    let data: Vec<(Vec<Vec<u32>>, &[u8])> = seqs
        .iter()
        .map(|s| {
            (
                s.feats
                    .iter()
                    .map(|f| f.iter().filter_map(|k| index.get(k).copied()).collect())
                    .collect(),
                s.gold.as_slice(),
            )
        })
        .collect();
    let nf = keys.len();
    let mut w = vec![0f32; nf * N_TAGS];
    let mut u = vec![0f32; nf * N_TAGS];
    let mut tw = [[0f32; N_TAGS]; N_TAGS];
    let mut tu = [[0f32; N_TAGS]; N_TAGS];
    let mut sw = [0f32; N_TAGS];
    let mut su = [0f32; N_TAGS];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(0x5eed_1234_abcd_ef01);
    let mut em: Vec<[f32; N_TAGS]> = Vec::new();
    let mut pred = Vec::new();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &si in &order {
            let (feats, gold) = &data[si];
            em.clear();
            for f in feats {
                let mut e = [0f32; N_TAGS];
                for &k in f {
                    let row = &w[k as usize * N_TAGS..(k as usize + 1) * N_TAGS];
                    for (a, b) in e.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                em.push(e);
            }
            viterbi(&em, &tw, &sw, &mut pred);
            tokens += gold.len();
            if pred.as_slice() != *gold {
                for (t, f) in feats.iter().enumerate() {
                    let (g, p) = (gold[t] as usize, pred[t] as usize);
                    if g != p {
                        errors += 1;
                        for &k in f {
                            let b = k as usize * N_TAGS;
                            w[b + g] += 1.0;
                            u[b + g] += c;
                            w[b + p] -= 1.0;
                            u[b + p] -= c;
                        }
                    }
                    if t == 0 {
                        if g != p {
                            sw[g] += 1.0;
                            su[g] += c;
                            sw[p] -= 1.0;
                            su[p] -= c;
                        }
                    } else {
                        let (gp, pp) = (gold[t - 1] as usize, pred[t - 1] as usize);
                        if (gp, g) != (pp, p) {
                            tw[gp][g] += 1.0;
                            tu[gp][g] += c;
                            tw[pp][p] -= 1.0;
                            tu[pp][p] -= c;
                        }
                    }
                }
            }
            c += 1.0;
        }
        eprintln!(
            "epoch {}: token errors {errors}/{tokens} ({:.2}%)",
            epoch + 1,
            100.0 * errors as f64 / tokens.max(1) as f64
        );
    }
    // Average.
    let avg = |w: f32, u: f32| w - u / c;
    let mut feats: Weights = Vec::with_capacity(nf);
    for (i, &k) in keys.iter().enumerate() {
        let mut row = [0f32; N_TAGS];
        for t in 0..N_TAGS {
            row[t] = avg(w[i * N_TAGS + t], u[i * N_TAGS + t]);
        }
        feats.push((k, row));
    }
    let mut trans = [[0f32; N_TAGS]; N_TAGS];
    for p in 0..N_TAGS {
        for t in 0..N_TAGS {
            trans[p][t] = avg(tw[p][t], tu[p][t]);
        }
    }
    let mut start = [0f32; N_TAGS];
    for t in 0..N_TAGS {
        start[t] = avg(sw[t], su[t]);
    }
    // Prune: keep the features with the largest weight spread.
    feats.retain(|(_, r)| r.iter().any(|&x| x != 0.0));
    if feats.len() > max_features {
        let spread = |r: &[f32; N_TAGS]| {
            let mx = r.iter().cloned().fold(f32::MIN, f32::max);
            let mn = r.iter().cloned().fold(f32::MAX, f32::min);
            mx - mn
        };
        feats.sort_by(|a, b| spread(&b.1).total_cmp(&spread(&a.1)).then(a.0.cmp(&b.0)));
        feats.truncate(max_features);
        feats.sort_by_key(|f| f.0);
    }
    (feats, trans, start)
}
