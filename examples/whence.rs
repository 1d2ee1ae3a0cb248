//! Where does this quote come from? Finds the statement a quotation belongs to in a corpus, with
//! its canonical wording, first source, the outlets in order and each wording printed.
//!
//! ```text
//! cargo run --example whence -- CORPUS "Lets get the peace deal done"
//! ```
//!
//! CORPUS is a corpus folder or a JSON Lines file (`examples/data` is the bundled demo).

use std::process::ExitCode;

use quotetrace::{load, Tracker};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(corpus), Some(text)) = (args.next(), args.next()) else {
        eprintln!("usage: whence CORPUS \"QUOTATION\"");
        return ExitCode::from(2);
    };
    let documents = match load(&corpus) {
        Ok(documents) => documents,
        Err(e) => {
            eprintln!("whence: {e}");
            return ExitCode::from(2);
        }
    };
    let mut tracker = Tracker::new();
    if let Err(e) = tracker.extend(documents) {
        eprintln!("whence: {e}");
        return ExitCode::from(2);
    }
    let Some(whence) = tracker.whence(&text) else {
        println!("No statement in {corpus} comes near {text:?}.");
        return ExitCode::FAILURE;
    };
    let s = &whence.statement;
    println!("similarity {:.2} to statement #{}", whence.similarity, s.id);
    println!("speaker:   {}", s.speaker.as_deref().unwrap_or("unknown"));
    println!("canonical: {:?}", s.canonical);
    if let Some(first) = &s.first_seen {
        let when = first.published.map_or("undated".into(), |t| t.to_string());
        println!(
            "first seen: {} ({}), {}",
            first.outlet.as_deref().unwrap_or("no outlet"),
            first.doc,
            when
        );
    }
    println!("outlets in order: {}", s.outlets.join(" → "));
    println!("wordings:");
    for v in &s.variants {
        println!(
            "  [{:.2}] ×{} {:?}  ({})",
            v.drift_score,
            v.quotes.len(),
            v.text,
            v.outlets.join(", ")
        );
    }
    ExitCode::SUCCESS
}
