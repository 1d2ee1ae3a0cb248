//! The quotations of one text file, with their speakers and how each was found.
//!
//! ```text
//! cargo run --example quotes -- ARTICLE.txt
//! ```
//!
//! Without an argument it reads standard input.

use std::io::Read;

use quotetrace::{attribute, detect};

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let quotes = detect(&text);
    for (q, a) in quotes.iter().zip(attribute(&text, &quotes)) {
        let speaker = a.speaker.as_deref().unwrap_or("—");
        let how = a.method.map(|m| format!("{m:?}")).unwrap_or_default();
        let cue = a.cue.as_deref().unwrap_or("");
        let words: String = q.text(&text).chars().take(90).collect();
        println!(
            "{:>6} {:<9?} {speaker:<28} {how:<12} {cue:<12} {words:?}",
            q.span.start, q.kind
        );
    }
    Ok(())
}
