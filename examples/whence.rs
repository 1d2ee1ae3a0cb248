//! Where does this quote come from? Looks a text up among a corpus's statements.
//!
//! ```text
//! cargo run --example whence -- examples/data "Lets get the peace deal done"
//! ```
//!
//! The `quotetrace whence` command (`cli/`) prints more: first source and every wording.

use quotetrace::{load, Tracker};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(corpus), Some(text)) = (args.next(), args.next()) else {
        return Err("usage: whence CORPUS \"QUOTATION\"".into());
    };
    let mut tracker = Tracker::new();
    tracker.extend(load(&corpus)?)?;
    match tracker.whence(&text) {
        Some(whence) => {
            let statement = &whence.statement;
            println!(
                "similarity {:.2} to {:?}",
                whence.similarity, statement.canonical
            );
            println!("outlets in order: {}", statement.outlets.join(" → "));
        }
        None => println!("no statement of {corpus} comes near {text:?}"),
    }
    Ok(())
}
