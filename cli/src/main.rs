//! `quotetrace`: the command-line face of the library.
//!
//! ```text
//! quotetrace track examples/data            # every quotation and statement of a corpus
//! quotetrace track examples/data --json     # the whole report as JSON
//! quotetrace whence examples/data "Lets get the peace deal done"
//! quotetrace evaluate ../shared/corpora/seeds --min-f1 0.98
//! ```
//!
//! Exit status: 0 on success, 2 on bad input (the message names the file and line), 1 otherwise
//! (a failed quality gate, no statement found, output that could not be written).

mod evaluate;
mod html;
mod progress;
mod track;
mod whence;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Track quotations in the news: who said what, which outlets printed it, how the wording drifted.
#[derive(Parser)]
#[command(name = "quotetrace", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Track(track::Args),
    Whence(whence::Args),
    Evaluate(Box<evaluate::Args>),
}

/// Why a command failed, and so its exit status.
enum Failure {
    /// The user's input was bad (a path, a line of a corpus): exit status 2.
    Input(String),
    /// Anything else, already reported or worth a message: exit status 1.
    Other(Option<String>),
}

impl Failure {
    fn input(message: impl std::fmt::Display) -> Self {
        Failure::Input(message.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Track(args) => track::run(args),
        Command::Whence(args) => whence::run(args),
        Command::Evaluate(args) => evaluate::run(*args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("quotetrace: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Other(message)) => {
            if let Some(message) = message {
                eprintln!("quotetrace: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

/// A write error, except the broken pipe of `quotetrace … | head`, which is not one.
fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Other(Some(format!("writing output: {e}"))))
        }
        _ => Ok(()),
    }
}
