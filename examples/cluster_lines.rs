//! Clusters quotations given one per line, for side-by-side comparison with other tools.
//!
//! ```text
//! cargo run --release --example cluster_lines -- [FILE]        (standard input without FILE)
//! ```
//!
//! Writes `line<TAB>cluster` to standard output (line numbers from 1, clusters numbered by first
//! appearance) and the elapsed time and quotations per second to standard error. Each line is
//! clustered on its text alone: no documents or speakers, so one- and two-word lines stay alone.

use std::io::{BufWriter, Read, Write};
use std::time::Instant;

use quotetrace::{cluster, ClusterConfig, ClusterItem};

fn main() -> std::io::Result<()> {
    let mut input = String::new();
    match std::env::args().nth(1) {
        Some(path) => input = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().lock().read_to_string(&mut input)?;
        }
    }
    let started = Instant::now();
    let items: Vec<ClusterItem<'_>> = input.lines().map(ClusterItem::new).collect();
    let clustering = cluster(&items, &ClusterConfig::default());
    let elapsed = started.elapsed();

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (i, c) in clustering.assignment().iter().enumerate() {
        writeln!(out, "{}\t{}", i + 1, c)?;
    }
    out.flush()?;
    let seconds = elapsed.as_secs_f64();
    eprintln!(
        "{} quotations, {} clusters in {:.3} s ({:.0} quotations/s)",
        items.len(),
        clustering.len(),
        seconds,
        items.len() as f64 / seconds.max(1e-9)
    );
    Ok(())
}
