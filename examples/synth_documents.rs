//! Writes synthetic quotations (`quotetrace-synth`) as news documents in JSON Lines: the input
//! of the Spark benchmark (`benches/spark_stages.py`), whose stages start from documents.
//!
//! ```text
//! cargo run --release --example synth_documents -- QUOTES SEED OUT.jsonl
//! cargo run --release --example synth_documents -- QUOTES SEED OUT.txt      (one quotation a line)
//! ```
//!
//! With an OUT that ends in `.txt`, the quotations are written one per line instead, in the
//! generator's order: the input of `examples/cluster_lines`.
//!
//! Each generated document holds its quotations one paragraph each, `"…," First Last said.`,
//! the speaker named by the generator's speaker id; outlets and days are drawn from the
//! document id, so a statement's occurrences spread over outlets and a few weeks.

use std::io::{BufWriter, Write};

use quotetrace_synth::{generate, SynthConfig};

/// Names for the generator's speakers: made up, two parts each.
const FIRST: [&str; 12] = [
    "Ana", "Ben", "Cleo", "Dario", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luis",
];
const LAST: [&str; 12] = [
    "Moreau", "Novak", "Ortega", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Umar", "Varga",
    "Weber", "Young",
];

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let quotes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let out = args
        .next()
        .unwrap_or_else(|| "synth-documents.jsonl".to_string());
    let generated = generate(&SynthConfig::new(quotes, seed));
    if out.ends_with(".txt") {
        let mut file = BufWriter::new(std::fs::File::create(&out)?);
        for q in &generated {
            writeln!(file, "{}", q.text)?;
        }
        return file.flush();
    }
    let mut documents: Vec<Vec<&quotetrace_synth::SynthQuote>> = Vec::new();
    for q in &generated {
        let d = q.doc as usize;
        if documents.len() <= d {
            documents.resize_with(d + 1, Vec::new);
        }
        documents[d].push(q);
    }
    let mut file = BufWriter::new(std::fs::File::create(&out)?);
    for (d, quoted) in documents.iter().enumerate().filter(|(_, q)| !q.is_empty()) {
        let text: Vec<String> = quoted
            .iter()
            .map(|q| {
                let s = q.speaker as usize;
                let name = format!("{} {}", FIRST[s % 12], LAST[(s / 12) % 12]);
                format!("\"{}\" {name} said.", q.text.trim_end_matches([',', '.']))
            })
            .collect();
        let document = serde_json::json!({
            "id": format!("synth-{d}"),
            "outlet": format!("outlet-{}", d % 97),
            "url": format!("https://example.org/{d}"),
            "published": format!("2025-{:02}-{:02}T12:00:00Z", 1 + (d / 28) % 12, 1 + d % 28),
            "text": text.join("\n\n"),
        });
        writeln!(file, "{document}")?;
    }
    file.flush()?;
    eprintln!(
        "{quotes} quotations in {} documents: {out}",
        documents.len()
    );
    Ok(())
}
