//! A progress bar on stderr for long runs: the stage (reading, detecting, clustering,
//! reporting), documents and quotations so far, rate and time left. Shown only on a terminal,
//! and never with `--quiet`.

use std::cell::Cell;
use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use quotetrace::tracker::Progress;

/// The bar, or nothing when it is not to be shown.
pub(crate) struct Bar(Option<ProgressBar>, Cell<Option<Instant>>);

impl Bar {
    /// A spinner while `path` is read, unless `quiet` or stderr is no terminal.
    pub(crate) fn reading(path: &Path, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(None, Cell::new(None));
        }
        let bar = ProgressBar::new_spinner().with_style(spinner());
        bar.set_message(format!("reading {}", path.display()));
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar(Some(bar), Cell::new(None))
    }

    /// From spinner to bar: `documents` are to be detected and attributed.
    pub(crate) fn detecting(&self, documents: usize) {
        if let Some(bar) = &self.0 {
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg} [{bar:30}] {human_pos}/{human_len} documents · {eta} left",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_length(documents as u64);
            // The rate and time left count from here, not from the reading.
            bar.reset();
            bar.set_message("detecting");
            self.1.set(Some(Instant::now()));
        }
    }

    /// What the tracker says it has come to.
    pub(crate) fn tell(&self, progress: Progress) {
        let Some(bar) = &self.0 else { return };
        match progress {
            Progress::Detecting {
                documents,
                quotations,
            } => {
                bar.set_position(documents as u64);
                // The message is redrawn at the bar's own rate, whatever the call rate.
                if documents % 64 == 0 {
                    let seconds = self.1.get().map_or(0.0, |t| t.elapsed().as_secs_f64());
                    let rate = documents as f64 / seconds.max(1e-3);
                    bar.set_message(format!(
                        "detecting · {quotations} quotations · {rate:.0} documents/s"
                    ));
                }
            }
            Progress::Clustering { quotations } => {
                bar.set_style(spinner());
                bar.set_message(format!("clustering {quotations} quotations"));
            }
            Progress::Reporting { statements } => {
                bar.set_style(spinner());
                bar.set_message(format!("reporting {statements} statements"));
            }
            _ => {}
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
