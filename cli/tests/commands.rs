//! The `quotetrace` binary, run as a user runs it, on the demo corpus.

use std::process::{Command, Output};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");

fn quotetrace(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotetrace"))
        .args(args)
        .output()
        .expect("the quotetrace binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn track_json_is_the_report() {
    let output = quotetrace(&["track", DEMO, "--json"]);
    assert!(output.status.success(), "{output:?}");
    let report: quotetrace::Report = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report.documents.len(), 8);
    assert!(report.clusters.iter().any(|s| s.outlets.len() >= 5));
}

#[test]
fn track_lists_statements_then_quotations_in_words() {
    let output = quotetrace(&["track", DEMO]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(text.starts_with("8 documents from 8 outlets"), "{text}");
    let statements = text.find("Statements quoted more than once").unwrap();
    let quotations = text.find("Quotations, by document").unwrap();
    assert!(statements < quotations);
    assert!(text[statements..quotations].contains("first seen   dailyledger.example"));
    assert!(text[quotations..].contains("01_dailyledger · dailyledger.example"));
    // Words, not the library's type names; and no colour codes when the output is a pipe.
    assert!(text.contains("fragment in '…'"), "{text}");
    assert!(!text.contains("StraightSingle") && !text.contains("Fragment,"));
    assert!(!text.contains('\x1b'));
}

#[test]
fn track_jsonl_is_one_quotation_per_line() {
    let output = quotetrace(&["track", DEMO, "--jsonl"]);
    assert!(output.status.success(), "{output:?}");
    let report: quotetrace::Report =
        serde_json::from_str(&stdout(&quotetrace(&["track", DEMO, "--json"])).to_string()).unwrap();
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), report.quotes.len());
    for (line, quote) in lines.iter().zip(&report.quotes) {
        assert_eq!(line["quote"], quote.id.as_str());
        assert_eq!(line["statement"], quote.cluster);
        assert_eq!(line["start"], quote.start);
        assert_eq!(
            line["canonical"],
            report.clusters[quote.cluster].canonical.as_str()
        );
        let doc = report.documents.iter().find(|d| d.id == quote.doc).unwrap();
        assert_eq!(line["outlet"].as_str(), doc.outlet.as_deref());
    }
    let both = quotetrace(&["track", DEMO, "--json", "--jsonl"]);
    assert_eq!(both.status.code(), Some(2), "{both:?}");
}

#[test]
fn bad_input_exits_2_naming_the_path() {
    let output = quotetrace(&["track", "/no/such/corpus"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("/no/such/corpus"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn whence_finds_the_statement_or_exits_1() {
    let found = quotetrace(&["whence", DEMO, "Lets get the peace deal done"]);
    assert!(found.status.success(), "{found:?}");
    assert!(stdout(&found).contains("first seen: dailyledger.example"));
    let missing = quotetrace(&["whence", DEMO, "zqxw vbnm plok"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn evaluate_gates_pass_and_fail() {
    let json = quotetrace(&["evaluate", DEMO, "--json"]);
    assert!(json.status.success(), "{json:?}");
    let figures: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(figures["extract_f1"].as_f64().unwrap() > 0.9);

    let passed = quotetrace(&["evaluate", DEMO, "--min-f1", "0.9"]);
    assert!(passed.status.success(), "{passed:?}");
    let failed = quotetrace(&["evaluate", DEMO, "--min-speaker", "1.01"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(stdout(&failed).contains("GATE FAILED: speaker"));
}

#[test]
fn every_command_has_a_worked_example_in_its_help() {
    for command in ["track", "whence", "evaluate"] {
        let help = quotetrace(&[command, "--help"]);
        assert!(help.status.success());
        assert!(stdout(&help).contains("Example"), "{command}");
    }
}

#[test]
fn track_html_writes_one_self_contained_page() {
    let dir = std::env::temp_dir().join(format!("quotetrace-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let output = quotetrace(&["track", DEMO, "--html", page.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrote"));
    assert!(output.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("class=\"statement\"") && html.contains("<svg class=\"timeline\""));
    // Nothing is fetched: no external script, style, image or font.
    for external in ["src=\"http", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    let quiet = quotetrace(&["track", DEMO, "--html", page.to_str().unwrap(), "--quiet"]);
    assert!(
        quiet.status.success() && quiet.stderr.is_empty(),
        "{quiet:?}"
    );
    let unwritable = quotetrace(&["track", DEMO, "--html", "/no/such/dir/report.html"]);
    assert_eq!(unwritable.status.code(), Some(1), "{unwritable:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn track_parquet_writes_the_report_tables() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = std::env::temp_dir().join(format!("quotetrace-parquet-{}", std::process::id()));
    let output = quotetrace(&["track", DEMO, "--parquet", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
    let json = quotetrace(&["track", DEMO, "--json"]);
    let report: quotetrace::Report = serde_json::from_str(&stdout(&json)).unwrap();
    let read = |name: &str| {
        let file = std::fs::File::open(dir.join(format!("{name}.parquet"))).unwrap();
        let mut batches: Vec<_> = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // The demo's tables are small enough to be read as one batch each.
        assert_eq!(batches.len(), 1, "{name}");
        batches.remove(0)
    };
    // A row per quotation, each in the statement the JSON report puts it in.
    let quotations = read("quotations");
    let rows: Vec<_> = report.quotation_rows().collect();
    assert_eq!(quotations.num_rows(), rows.len());
    let quote = quotations
        .column_by_name("quote")
        .unwrap()
        .as_string::<i32>();
    let statement = quotations.column_by_name("statement").unwrap();
    let statement = statement.as_primitive::<Int64Type>();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(quote.value(i), row.quote);
        assert_eq!(statement.value(i), row.statement as i64);
    }
    let statements = read("statements");
    assert_eq!(statements.num_rows(), report.clusters.len());
    let canonical = statements
        .column_by_name("canonical")
        .unwrap()
        .as_string::<i32>();
    assert_eq!(canonical.value(0), report.clusters[0].canonical);
    assert!(read("variants").num_rows() >= report.clusters.len());
    assert_eq!(read("outlets").num_rows(), report.outlets.len());
    // A folder that cannot be made fails the run with the path named.
    let blocked = quotetrace(&["track", DEMO, "--parquet", "/proc/no-such/tables"]);
    assert_eq!(blocked.status.code(), Some(1), "{blocked:?}");
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("/proc/no-such/tables"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_line_stops_the_run_or_with_lenient_is_skipped() {
    let dir = std::env::temp_dir().join(format!("quotetrace-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"a\",\"text\":\"\\\"Stop the strikes,\\\" Trump wrote.\"}\n{\"id\":\"b\"}\n",
    )
    .unwrap();
    let path = corpus.to_str().unwrap();
    let strict = quotetrace(&["track", path, "--json"]);
    assert_eq!(strict.status.code(), Some(2), "{strict:?}");
    let message = String::from_utf8_lossy(&strict.stderr);
    assert!(message.contains("corpus.jsonl: line 2"), "{message}");
    let lenient = quotetrace(&["track", path, "--json", "--lenient"]);
    assert!(lenient.status.success(), "{lenient:?}");
    assert!(String::from_utf8_lossy(&lenient.stderr).contains("skipped"));
    let report: quotetrace::Report = serde_json::from_str(&stdout(&lenient)).unwrap();
    assert_eq!(report.documents.len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
