//! `quotetrace whence`: where does this quote come from?

use std::path::PathBuf;

use crate::Failure;

/// Find the statement a quotation belongs to in a corpus: its canonical wording, first source,
/// the outlets in order and each wording printed. Exits with status 1 when none comes near.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  quotetrace whence examples/data \"Lets get the peace deal done\""
)]
pub(crate) struct Args {
    /// The corpus: a folder or a JSON Lines file.
    corpus: PathBuf,
    /// The quotation to look up, as printed anywhere.
    text: String,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let (tracker, bar) = crate::track::read_corpus(&args.corpus, false, false)?;
    tracker.cluster_with_progress(|p| bar.tell(p, 0));
    bar.finish();
    let Some(whence) = tracker.whence(&args.text) else {
        println!(
            "No statement in {} comes near {:?}.",
            args.corpus.display(),
            args.text
        );
        return Err(Failure::Other(None));
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
    Ok(())
}
