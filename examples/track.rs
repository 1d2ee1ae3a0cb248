//! Tracks a corpus and prints each statement that more than one outlet printed: its canonical
//! wording, speaker, the outlets in order, and how far each wording drifted.
//!
//! ```text
//! cargo run --release --example track [CORPUS]
//! ```
//!
//! CORPUS is a corpus folder or a JSON Lines file; without it, the demo corpus in `examples/data`.
//! The `quotetrace track` command (`cli/`) does the same with more options.

use quotetrace::{load, Tracker};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data").to_string();
    let corpus = std::env::args().nth(1).unwrap_or(demo);

    let mut tracker = Tracker::new();
    tracker.extend(load(&corpus)?)?;
    let report = tracker.report();

    for statement in report.clusters.iter().filter(|s| s.outlets.len() > 1) {
        let speaker = statement.speaker.as_deref().unwrap_or("speaker unknown");
        println!("#{} {speaker}: {:?}", statement.id, statement.canonical);
        println!("  outlets: {}", statement.outlets.join(" → "));
        for variant in &statement.variants {
            println!("  drift {:.2}  {:?}", variant.drift_score, variant.text);
        }
    }
    Ok(())
}
