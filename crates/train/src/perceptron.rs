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

/// Trains `seeds` perceptrons on differently shuffled orders and averages their weights
/// (less variance from the order), then prunes.
pub fn train_bagged(
    seqs: &[Seq],
    epochs: usize,
    min_count: u32,
    max_features: usize,
    seeds: usize,
) -> (Weights, [[f32; N_TAGS]; N_TAGS], [f32; N_TAGS]) {
    let seeds = seeds.max(1);
    let mut acc: Option<(Weights, [[f32; N_TAGS]; N_TAGS], [f32; N_TAGS])> = None;
    for k in 0..seeds {
        let (f, t, s) = train_one(
            seqs,
            epochs,
            min_count,
            0x5eed_1234_abcd_ef01 ^ (k as u64 * 0x9e37_79b9_7f4a_7c15),
        );
        match acc.as_mut() {
            None => acc = Some((f, t, s)),
            Some((af, at, as_)) => {
                for (a, b) in af.iter_mut().zip(&f) {
                    for (x, y) in a.1.iter_mut().zip(&b.1) {
                        *x += y;
                    }
                }
                for (ra, rb) in at.iter_mut().zip(&t) {
                    for (x, y) in ra.iter_mut().zip(rb) {
                        *x += y;
                    }
                }
                for (x, y) in as_.iter_mut().zip(&s) {
                    *x += y;
                }
            }
        }
    }
    let (mut feats, mut trans, mut start) = acc.expect("at least one seed");
    let inv = 1.0 / seeds as f32;
    for (_, r) in &mut feats {
        for x in r.iter_mut() {
            *x *= inv;
        }
    }
    for r in &mut trans {
        for x in r.iter_mut() {
            *x *= inv;
        }
    }
    for x in &mut start {
        *x *= inv;
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

/// One averaged perceptron (unpruned weights, sorted by key).
fn train_one(
    seqs: &[Seq],
    epochs: usize,
    min_count: u32,
    seed: u64,
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
    let mut rng = XorShift(seed);
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
    (feats, trans, start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Doc, GoldEntity, sequences};
    use apostil_core::entities::names::gazetteer::Gazetteer;
    use apostil_core::entities::names::model::Model;
    use apostil_core::entities::names::{Tagger, model};
    use apostil_core::text::Prepared;

    fn doc(text: &str, ents: &[(&str, &str)]) -> Doc {
        let mut entities = Vec::new();
        for (s, l) in ents {
            let b = text.find(s).expect("entity in text");
            let start = text[..b].chars().count();
            entities.push(GoldEntity {
                start,
                end: start + s.chars().count(),
                label: l.to_string(),
            });
        }
        Doc {
            text: text.to_string(),
            entities,
        }
    }

    #[test]
    fn tiny_training_run_learns_its_sentences() {
        let docs = vec![
            doc(
                "Marta Velasquez met officials of Corvan Holdings in Tirana on Monday.",
                &[
                    ("Marta Velasquez", "PER"),
                    ("Corvan Holdings", "ORG"),
                    ("Tirana", "LOC"),
                ],
            ),
            doc(
                "Corvan Holdings said Velasquez would visit Osaka and Lima.",
                &[
                    ("Corvan Holdings", "ORG"),
                    ("Velasquez", "PER"),
                    ("Osaka", "LOC"),
                    ("Lima", "LOC"),
                ],
            ),
            doc(
                "The Brazilian delegation left Lima after Ivo Darnell spoke.",
                &[
                    ("Brazilian", "MISC"),
                    ("Lima", "LOC"),
                    ("Ivo Darnell", "PER"),
                ],
            ),
        ];
        let gaz = Gazetteer::parse("@first\nmarta\n@city\nlima\n");
        let all: Vec<(usize, &Doc)> = docs.iter().enumerate().collect();
        let (seqs, gold_n, in_runs) = sequences(&all, &gaz, None);
        assert_eq!(gold_n, 10);
        assert_eq!(in_runs, 10);
        let (w, t, s) = train_bagged(&seqs, 10, 1, 10_000, 2);
        let again = train_bagged(&seqs, 10, 1, 10_000, 2);
        assert_eq!(w, again.0, "training is deterministic");
        let m = Model::from_bytes(&Model::to_bytes(&w, &t, &s)).unwrap();
        let tagger = Tagger::new(m, gaz);
        for d in &docs {
            let p = Prepared::new(&d.text);
            let (mentions, _) = tagger.mentions(&p);
            let got: Vec<(String, &str)> = mentions
                .iter()
                .map(|m| {
                    let span = apostil_core::Span::new(
                        p.tokens[m.tokens.start].span.start,
                        p.tokens[m.tokens.end - 1].span.end,
                    );
                    (p.slice(span).to_string(), model::TYPES[m.ty])
                })
                .collect();
            let want: Vec<(String, &str)> = d
                .entities
                .iter()
                .map(|e| {
                    let s: String = d.text.chars().skip(e.start).take(e.end - e.start).collect();
                    (s, e.label.as_str())
                })
                .collect();
            assert_eq!(got, want, "{}", d.text);
        }
    }
}
