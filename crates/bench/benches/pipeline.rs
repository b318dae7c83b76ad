//! Throughput of the whole pipeline and its stages on the sample articles repeated.

use apostil_bench::corpus_of_size;
use apostil_core::text::Prepared;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn pipeline(c: &mut Criterion) {
    let text = corpus_of_size(1 << 20);
    let analyzer = apostil_core::Analyzer::default();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("prepare (intake, tokens, sentences)", |b| {
        b.iter(|| black_box(Prepared::new(&text)).tokens.len())
    });
    g.bench_function("analyze (everything)", |b| {
        b.iter(|| black_box(analyzer.analyze(&text)).entities.len())
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
