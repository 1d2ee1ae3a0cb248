//! Cost on adversarial input, at 1× and 10× size: the whole pipeline (detection, attribution,
//! clustering) must grow linearly, the 10× input within 12× the time of the 1× input.
//!
//! ```text
//! cargo run --release --example adversarial [-- SCALE]
//! ```
//!
//! SCALE (default 1.0) multiplies both sizes, for a quick run (`0.1`) or a long one. Prints the
//! time of each case at both sizes and the ratio. A figure, not a test: timings depend on the
//! machine and its load.

use std::time::Instant;

use quotetrace::{Document, Tracker};

/// One adversarial input, built at a given size.
struct Case {
    name: &'static str,
    /// Size of the 1× input (bytes, or quotations).
    base: usize,
    build: fn(usize) -> Vec<Document>,
}

fn one(text: String) -> Vec<Document> {
    vec![Document::new("adversarial", text)]
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "MB of '\"'",
            base: 1_000_000,
            build: |n| one("\"".repeat(n)),
        },
        Case {
            name: "MB of alternating “ and '",
            base: 1_000_000,
            build: |n| one("“'".repeat(n / 4)),
        },
        Case {
            name: "MB on one line, no quote",
            base: 1_000_000,
            build: |n| one("Donald Trump said the talks went on ".repeat(n / 36)),
        },
        Case {
            name: "copies of one quotation",
            base: 10_000,
            build: |n| {
                (0..n)
                    .map(|i| {
                        Document::new(
                            format!("d{i}"),
                            "\"Lets get the Peace Deal DONE!\" Trump wrote.",
                        )
                    })
                    .collect()
            },
        },
        Case {
            name: "quotations sharing most words",
            base: 10_000,
            build: |n| {
                (0..n)
                    .map(|i| {
                        let text = format!(
                            "\"We are ready to sign the deal with Russia and Ukraine on day {i} of talks,\" Trump said."
                        );
                        Document::new(format!("d{i}"), text)
                    })
                    .collect()
            },
        },
        Case {
            name: "short quotations in one document",
            base: 5_000,
            build: |n| one((0..n).map(|i| format!("\"ab {i}\" said X. ")).collect()),
        },
    ]
}

fn run(documents: Vec<Document>) -> f64 {
    let started = Instant::now();
    let mut tracker = Tracker::new();
    tracker.extend(documents).expect("distinct ids");
    let clusters = tracker.clusters().len();
    std::hint::black_box(clusters);
    started.elapsed().as_secs_f64()
}

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1.0);
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>7}",
        "case", "1× size", "1× s", "10× s", "ratio"
    );
    let mut worst: f64 = 0.0;
    for case in cases() {
        let small = ((case.base as f64 * scale) as usize).max(10);
        let one_x = run((case.build)(small));
        let ten_x = run((case.build)(small * 10));
        let ratio = ten_x / one_x.max(1e-6);
        worst = worst.max(ratio);
        println!(
            "{:<36} {:>10} {:>10.3} {:>10.3} {:>6.1}×",
            case.name, small, one_x, ten_x, ratio
        );
    }
    println!("worst ratio {worst:.1}× (linear is 10×; the bar is 12×)");
}
