//! Detection and attribution throughput on realistic news text: the demo corpus's articles,
//! repeated and varied (names and numbers changed) to about 4 MB, in MB/s on one core.
//!
//! ```text
//! cargo bench --bench extract
//! ```

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The demo articles, each repeated with its names and numbers varied.
fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/docs");
    let mut articles: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/data/docs")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    articles.sort();
    let names = [
        ("Trump", "Harlan"),
        ("Zelensky", "Moravec"),
        ("Putin", "Ostrova"),
        ("5000", "4200"),
    ];
    let mut out = Vec::new();
    let mut total = 0;
    let mut round = 0usize;
    while total < 4_000_000 {
        for a in &articles {
            let (from, to) = names[round % names.len()];
            let text = a.replace(from, &format!("{to}{}", round % 97));
            total += text.len();
            out.push(text);
        }
        round += 1;
    }
    out
}

fn extract(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("detect", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| quotetrace::detect(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("detect+attribute", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let quotes = quotetrace::detect(black_box(d));
                    quotetrace::attribute(d, &quotes).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
