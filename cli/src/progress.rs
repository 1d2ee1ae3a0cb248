//! A progress bar on stderr for long runs: the stage (reading, detecting, clustering,
//! reporting), documents and quotations so far, rate and time left. Shown only on a terminal,
//! and never with `--quiet`.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use quotetrace::tracker::Progress;

/// The bar, or nothing when it is not to be shown.
pub(crate) struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar while the corpus at `path` is read and its documents detected: over its `size`
    /// in bytes when it is known (a JSON Lines file), a spinner otherwise; nothing when
    /// `quiet` or stderr is no terminal.
    pub(crate) fn detecting(path: &Path, size: Option<u64>, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = match size {
            Some(size) => ProgressBar::new(size).with_style(
                ProgressStyle::with_template(
                    "{spinner} {msg} [{bar:30}] {binary_bytes}/{binary_total_bytes} · \
                     {binary_bytes_per_sec} · {eta} left",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(spinner()),
        };
        bar.set_message(format!("reading {}", path.display()));
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar(Some(bar))
    }

    /// What the tracker says it has come to, with how many bytes of the input are read.
    pub(crate) fn tell(&self, progress: Progress, bytes: u64) {
        let Some(bar) = &self.0 else { return };
        match progress {
            Progress::Detecting {
                documents,
                quotations,
            } => {
                bar.set_position(bytes);
                // The message is redrawn at the bar's own rate, whatever the call rate.
                if documents % 64 == 0 {
                    bar.set_message(format!(
                        "detecting · {documents} documents · {quotations} quotations"
                    ));
                }
            }
            Progress::Clustering { quotations } => {
                bar.set_style(spinner());
                bar.set_message(format!("clustering {quotations} quotations"));
            }
            Progress::Reporting { statements } => self.reporting(statements),
            _ => {}
        }
    }

    /// The last stage: the report of `statements` is being written.
    pub(crate) fn reporting(&self, statements: usize) {
        if let Some(bar) = &self.0 {
            bar.set_style(spinner());
            bar.set_message(format!("reporting {statements} statements"));
        }
    }

    /// Runs `print` with the bar hidden, so that what it prints is not drawn over.
    pub(crate) fn suspend(&self, print: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// Off the screen, before the results are printed.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn spinner() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} · {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}
