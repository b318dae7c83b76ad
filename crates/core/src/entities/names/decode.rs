//! Constrained Viterbi decoding of a run of tokens.

use super::model::{N_TAGS, allowed};

/// Best tag sequence for emission scores `em` under transition scores `trans` and start scores
/// `start`; `I-t` only follows `B-t`/`I-t`. Writes one tag per token into `out`.
pub fn viterbi(
    em: &[[f32; N_TAGS]],
    trans: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
    out: &mut Vec<u8>,
) {
    viterbi_with(em, trans, start, out, &mut Vec::new());
}

/// [`viterbi`] with a caller-owned buffer for the back pointers, so decoding many short runs
/// allocates nothing.
pub fn viterbi_with(
    em: &[[f32; N_TAGS]],
    trans: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
    out: &mut Vec<u8>,
    back: &mut Vec<[u8; N_TAGS]>,
) {
    viterbi_masked(em, &masked(trans), start, out, back);
}

/// `trans` with the forbidden transitions (`I-x` after anything but `B-x` or `I-x`) at minus
/// infinity: a forbidden candidate's sum is then minus infinity and never wins.
pub fn masked(trans: &[[f32; N_TAGS]; N_TAGS]) -> [[f32; N_TAGS]; N_TAGS] {
    let mut tr = *trans;
    for (p, row) in tr.iter_mut().enumerate() {
        for (t, v) in row.iter_mut().enumerate() {
            if !allowed(Some(p), t) {
                *v = f32::NEG_INFINITY;
            }
        }
    }
    tr
}

/// [`viterbi_with`] with the transitions already [`masked`] (once per model, not per run).
pub fn viterbi_masked(
    em: &[[f32; N_TAGS]],
    masked: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
    out: &mut Vec<u8>,
    back: &mut Vec<[u8; N_TAGS]>,
) {
    out.clear();
    back.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if allowed(None, t) {
            *s = start[t] + em[0][t];
        }
    }
    if n == 1 {
        // Most runs are one word long: no transitions, no back pointers.
        out.push(best_tag(&score));
        return;
    }
    back.reserve(n);
    back.push([0; N_TAGS]);
    let tr = masked;
    for e in &em[1..] {
        // For every tag at once, candidates are tried in ascending order of predecessor and
        // only a strictly better one wins, as the tag-by-tag loop would. (A predecessor
        // scoring minus infinity never wins: its sum stays minus infinity.)
        let mut best = [f32::NEG_INFINITY; N_TAGS];
        let mut bp = [0u8; N_TAGS];
        for (p, row) in tr.iter().enumerate() {
            let sp = score[p];
            for t in 0..N_TAGS {
                let v = sp + row[t];
                let better = v > best[t];
                best[t] = if better { v } else { best[t] };
                bp[t] = if better { p as u8 } else { bp[t] };
            }
        }
        for t in 0..N_TAGS {
            score[t] = best[t] + e[t];
        }
        back.push(bp);
    }
    let mut t = best_tag(&score) as usize;
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t as u8;
        t = back[i][t] as usize;
    }
}

/// The first tag with the highest score.
#[inline]
fn best_tag(score: &[f32; N_TAGS]) -> u8 {
    let mut t = 0;
    for k in 1..N_TAGS {
        if score[k] > score[t] {
            t = k;
        }
    }
    t as u8
}

#[cfg(test)]
mod tests {
    use super::super::model::{begin, inside};
    use super::*;

    #[test]
    fn follows_emissions_and_respects_constraints() {
        let trans = [[0f32; N_TAGS]; N_TAGS];
        let start = [0f32; N_TAGS];
        // Token 0 prefers B-PER, token 1 prefers I-ORG (illegal after B-PER) but I-PER is close.
        let mut e0 = [0f32; N_TAGS];
        e0[begin(0)] = 3.0;
        let mut e1 = [0f32; N_TAGS];
        e1[inside(1)] = 2.0;
        e1[inside(0)] = 1.5;
        let mut out = Vec::new();
        viterbi(&[e0, e1], &trans, &start, &mut out);
        assert_eq!(out, vec![begin(0) as u8, inside(0) as u8]);
        // A lone I- tag is never first.
        let mut e = [0f32; N_TAGS];
        e[inside(2)] = 5.0;
        viterbi(&[e], &trans, &start, &mut out);
        assert_ne!(out[0], inside(2) as u8);
        viterbi(&[], &trans, &start, &mut out);
        assert!(out.is_empty());
    }
}
