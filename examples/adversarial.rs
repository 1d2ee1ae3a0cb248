//! Cost on adversarial input, at 1× and 10× size: the pipeline (detection, attribution,
//! clustering) and, timed apart, the provenance report must grow linearly, the 10× input within
//! 12× the time and 12× the memory of the 1× input.
//!
//! ```text
//! cargo run --release --example adversarial [-- SCALE [CASE]]
//! ```
//!
//! SCALE (default 1.0) multiplies both sizes, for a quick run (`0.1`) or a long one; CASE, if
//! given, runs only the cases whose name contains it (to profile one). SCALE 10 gives the
//! issue's sizes (10 MB and 100 MB of text; the `"` case then needs about 2 GiB). Prints, for
//! each case at both sizes, the time of the pipeline and of the report (each the fastest of
//! three runs, the one least disturbed by the machine's other work, each run in a fresh process
//! of its own, see [`measure`]) and the peak heap (the input documents included), and the
//! 10×/1× ratios. A figure, not a test: timings depend on the machine and its load; the heap
//! figures do not.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use quotetrace::{Document, Tracker};

/// The system allocator, counting the bytes live and the most live at once since the last
/// [`Counting::reset`].
struct Counting {
    current: AtomicUsize,
    peak: AtomicUsize,
}

#[global_allocator]
static HEAP: Counting = Counting {
    current: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
};

impl Counting {
    fn grew(&self, bytes: usize) {
        let now = self.current.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(now, Ordering::Relaxed);
    }

    fn shrank(&self, bytes: usize) {
        self.current.fetch_sub(bytes, Ordering::Relaxed);
    }

    /// Starts a new peak from what is live now; returns that.
    fn reset(&self) -> usize {
        let now = self.current.load(Ordering::Relaxed);
        self.peak.store(now, Ordering::Relaxed);
        now
    }

    fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }
}

// SAFETY: every call is passed on to `System` unchanged; the counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            self.grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            self.grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        self.shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            // Counted as the new block coming before the old one goes, as the peak may see both.
            self.grew(new_size);
            self.shrank(layout.size());
        }
        p
    }
}

const MIB: f64 = (1 << 20) as f64;

/// One adversarial input, built at a given size.
struct Case {
    name: &'static str,
    /// Size of the 1× input (bytes, or quotations).
    base: usize,
    build: fn(usize) -> Vec<Document>,
}

fn one(text: String) -> Vec<Document> {
    vec![Document::new("adversarial", text)]
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "MB of '\"'",
            base: 1_000_000,
            build: |n| one("\"".repeat(n)),
        },
        Case {
            name: "MB of alternating “ and '",
            base: 1_000_000,
            build: |n| one("“'".repeat(n / 4)),
        },
        Case {
            name: "MB on one line, no quote",
            base: 1_000_000,
            build: |n| one("Donald Trump said the talks went on ".repeat(n / 36)),
        },
        Case {
            name: "copies of one quotation",
            base: 10_000,
            build: |n| {
                (0..n)
                    .map(|i| {
                        Document::new(
                            format!("d{i}"),
                            "\"Lets get the Peace Deal DONE!\" Trump wrote.",
                        )
                    })
                    .collect()
            },
        },
        Case {
            name: "quotations sharing most words",
            base: 10_000,
            build: |n| {
                (0..n)
                    .map(|i| {
                        let text = format!(
                            "\"We are ready to sign the deal with Russia and Ukraine on day {i} of talks,\" Trump said."
                        );
                        Document::new(format!("d{i}"), text)
                    })
                    .collect()
            },
        },
        Case {
            name: "short quotations in one document",
            base: 5_000,
            build: |n| one((0..n).map(|i| format!("\"ab {i}\" said X. ")).collect()),
        },
    ]
}

/// What one run of a case measured.
#[derive(Clone, Copy)]
struct Figures {
    /// Seconds to detect, attribute and cluster.
    pipeline: f64,
    /// Seconds to build the provenance report after that.
    report: f64,
    /// The peak heap in MiB from building the input to the end, above what was live before.
    mib: f64,
}

impl Figures {
    /// The fastest times and the largest heap of two runs.
    fn best(self, other: Figures) -> Figures {
        Figures {
            pipeline: self.pipeline.min(other.pipeline),
            report: self.report.min(other.report),
            mib: self.mib.max(other.mib),
        }
    }
}

/// Builds a case's input at `size` and runs the pipeline on it, then the report.
fn run(case: &Case, size: usize) -> Figures {
    let before = HEAP.reset();
    let documents = (case.build)(size);
    let started = Instant::now();
    let mut tracker = Tracker::new();
    tracker.extend(documents).expect("distinct ids");
    std::hint::black_box(tracker.clusters().len());
    let pipeline = started.elapsed().as_secs_f64();
    let report = tracker.report();
    std::hint::black_box(&report);
    let report_seconds = started.elapsed().as_secs_f64() - pipeline;
    drop(report);
    drop(tracker);
    Figures {
        pipeline,
        report: report_seconds,
        mib: (HEAP.peak() - before) as f64 / MIB,
    }
}

/// How many times each size runs (the peak memory is the same every time).
const RUNS: usize = 3;

/// Runs `case` at `size` in a process of its own, `RUNS` times, and returns the fastest times
/// and the peak heap. A fresh process for each size puts both sizes on the same footing: in one
/// process, the allocator would hand the 1× runs memory already paged in by the run before,
/// while blocks above its mapping threshold (32 MiB in glibc) are returned to the system when
/// freed, so every 10× run would pay to page in its memory anew, and the ratio would measure
/// the allocator rather than the pipeline.
fn measure(case: usize, size: usize) -> Figures {
    (1..RUNS).fold(measure_once(case, size), |best, _| {
        best.best(measure_once(case, size))
    })
}

fn measure_once(case: usize, size: usize) -> Figures {
    let exe = std::env::current_exe().expect("the example's own path");
    let output = std::process::Command::new(exe)
        .args(["--child", &case.to_string(), &size.to_string()])
        .output()
        .expect("the example can run itself");
    let text = String::from_utf8_lossy(&output.stdout);
    let figures: Vec<f64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match figures[..] {
        [pipeline, report, mib] => Figures {
            pipeline,
            report,
            mib,
        },
        _ => panic!(
            "the run of case {case} at size {size} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, case, size] = args.as_slice() {
        if flag == "--child" {
            let case = &cases()[case.parse::<usize>().expect("a case number")];
            let size = size.parse().expect("a size");
            let f = run(case, size);
            println!("{} {} {}", f.pipeline, f.report, f.mib);
            return;
        }
    }
    let scale: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let only = args.get(1).cloned().unwrap_or_default();
    println!(
        "{:<34} {:>8} {:>7} {:>7} {:>6} | {:>7} {:>7} {:>6} | {:>7} {:>7} {:>6}",
        "case",
        "1× size",
        "1× s",
        "10× s",
        "time",
        "1× s",
        "10× s",
        "report",
        "1× MiB",
        "10× MiB",
        "memory"
    );
    let ratio = |ten: f64, one: f64| ten / one.max(1e-6);
    let (mut worst_time, mut worst_report, mut worst_memory): (f64, f64, f64) = (0.0, 0.0, 0.0);
    for (number, case) in cases().iter().enumerate() {
        if !case.name.contains(&only) {
            continue;
        }
        let small = ((case.base as f64 * scale) as usize).max(10);
        let one = measure(number, small);
        let ten = measure(number, small * 10);
        let time = ratio(ten.pipeline, one.pipeline);
        // A report of next to nothing (no quotation) takes microseconds: no ratio to read.
        let report = (one.report >= 0.001).then(|| ratio(ten.report, one.report));
        let memory = ratio(ten.mib, one.mib);
        worst_time = worst_time.max(time);
        worst_report = worst_report.max(report.unwrap_or(0.0));
        let report = report.map_or("—".to_string(), |r| format!("{r:.1}×"));
        worst_memory = worst_memory.max(memory);
        println!(
            "{:<34} {:>8} {:>7.3} {:>7.3} {:>5.1}× | {:>7.3} {:>7.3} {:>6} | {:>7.1} {:>7.1} {:>5.1}×",
            case.name, small, one.pipeline, ten.pipeline, time, one.report, ten.report, report,
            one.mib, ten.mib, memory
        );
    }
    println!(
        "worst ratios: pipeline time {worst_time:.1}×, report time {worst_report:.1}×, memory \
         {worst_memory:.1}× (linear is 10×; the bar is 12×)"
    );
}
