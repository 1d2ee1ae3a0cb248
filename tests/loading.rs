//! Loading corpora from disk and from memory, through the public API only.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use quotetrace::{
    load, load_with, parse_jsonl, Document, LoadError, LoadOptions, Loaded, Timestamp,
};

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "quotetrace-{name}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn ids(documents: &[Document]) -> Vec<&str> {
    documents.iter().map(|d| d.id.as_str()).collect()
}

fn lenient() -> LoadOptions {
    LoadOptions::new().lenient(true)
}

#[test]
fn jsonl_file_keeps_order_and_fields() {
    let dir = TempDir::new("jsonl");
    let lines = [
        r#"{"id": "b", "outlet": "antiwar.com", "url": "https://x/b", "published": "2025-04-24T13:39+02:00", "text": "“Stop,” he said."}"#,
        "",
        r#"{"id": "a", "outlet": null, "text": "second"}"#,
    ];
    for name in ["corpus.jsonl", "corpus.ndjson", "corpus.JSON"] {
        let path = dir.write(name, lines.join("\n"));
        let documents = load(&path).unwrap();
        assert_eq!(ids(&documents), ["b", "a"], "{name}");
        let b = &documents[0];
        assert_eq!(b.outlet.as_deref(), Some("antiwar.com"));
        assert_eq!(b.url.as_deref(), Some("https://x/b"));
        let published = b.published.unwrap();
        let utc = Timestamp::parse("2025-04-24T11:39Z").unwrap();
        assert_eq!(published.unix_seconds(), utc.unix_seconds());
        assert_eq!(published.to_string(), "2025-04-24T13:39+02:00");
        assert_eq!(b.text, "“Stop,” he said.");
        assert_eq!(documents[1], Document::new("a", "second"));
    }
}

#[test]
fn corpus_folder_follows_the_manifest() {
    let dir = TempDir::new("manifest");
    dir.write(
        "manifest.jsonl",
        "{\"id\": \"z-2\", \"outlet\": \"o\", \"url\": null, \"published\": \"2025-04-24\"}\n\
         {\"id\": \"a_1\", \"outlet\": null, \"url\": \"https://a\", \"published\": null}\n",
    );
    // Text must come back byte for byte: gold offsets point into it.
    let text = "\u{feff}Line one\r\n“Quoted,” she said.\n\n";
    dir.write("docs/a_1.txt", text);
    dir.write("docs/z-2.txt", "z");
    dir.write("docs/not-in-manifest.txt", "ignored");
    let documents = load(&dir.0).unwrap();
    assert_eq!(ids(&documents), ["z-2", "a_1"]);
    assert_eq!(documents[0].outlet.as_deref(), Some("o"));
    assert_eq!(
        documents[0].published.map(|p| p.to_string()).as_deref(),
        Some("2025-04-24")
    );
    assert_eq!(documents[1].url.as_deref(), Some("https://a"));
    assert_eq!(documents[1].text, text);
}

#[test]
fn plain_folders_are_read_by_file_name() {
    let dir = TempDir::new("plain");
    dir.write("docs/b.txt", "bee");
    dir.write("docs/a.txt", "ay");
    dir.write("docs/notes.md", "not a document");
    dir.write("docs/nested/c.txt", "not read");
    dir.write("top.txt", "outside docs/, so not read");
    let documents = load(&dir.0).unwrap();
    assert_eq!(
        documents,
        [Document::new("a", "ay"), Document::new("b", "bee")]
    );

    let flat = TempDir::new("flat");
    flat.write("2.txt", "two");
    flat.write("1.txt", "one");
    assert_eq!(ids(&load(&flat.0).unwrap()), ["1", "2"]);

    let empty_docs = TempDir::new("empty-docs");
    fs::create_dir(empty_docs.0.join("docs")).unwrap();
    assert!(load(&empty_docs.0).unwrap().is_empty());
}

#[test]
fn io_error_names_the_path() {
    let dir = TempDir::new("io");
    let missing = dir.0.join("nowhere.jsonl");
    for options in [LoadOptions::new(), lenient()] {
        let error = load_with(&missing, &options).unwrap_err();
        let LoadError::Io { source, .. } = &error else {
            panic!("{error}")
        };
        assert_eq!(source.kind(), io::ErrorKind::NotFound);
        assert_eq!(error.path(), missing);
        assert_eq!(error.line(), None);
    }
}

#[test]
fn not_a_corpus() {
    let dir = TempDir::new("not-a-corpus");
    let csv = dir.write("table.csv", "a,b\n");
    fs::create_dir(dir.0.join("empty")).unwrap();
    for path in [csv, dir.0.join("empty")] {
        let error = load_with(&path, &lenient()).unwrap_err();
        assert!(matches!(error, LoadError::NotACorpus { .. }), "{error}");
        assert_eq!(error.path(), path);
    }
}

#[test]
fn invalid_utf8_in_a_text_file() {
    let dir = TempDir::new("utf8-txt");
    dir.write("docs/good.txt", "fine");
    let bad = dir.write("docs/bad.txt", b"line one\nline \xe2\x80 two\n");
    let error = load(&dir.0).unwrap_err();
    let LoadError::InvalidUtf8 {
        line, byte_offset, ..
    } = error
    else {
        panic!("{error}")
    };
    assert_eq!((line, byte_offset), (Some(2), 14));
    assert!(
        error
            .to_string()
            .ends_with("bad.txt: line 2: invalid UTF-8 at byte 14"),
        "{error}"
    );
    assert_eq!(error.path(), bad);

    let loaded = load_with(&dir.0, &lenient()).unwrap();
    assert_eq!(ids(&loaded.documents), ["good"]);
    assert_eq!(loaded.errors.len(), 1);

    let lossy = load_with(&dir.0, &LoadOptions::new().lossy_utf8(true)).unwrap();
    assert_eq!(lossy.documents[0].text, "line one\nline \u{fffd} two\n");
}

#[test]
fn invalid_utf8_in_a_jsonl_file() {
    let dir = TempDir::new("utf8-jsonl");
    let path = dir.write(
        "c.jsonl",
        b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"\xc0\"}\n",
    );
    let error = load(&path).unwrap_err();
    assert!(
        matches!(
            error,
            LoadError::InvalidUtf8 {
                line: Some(2),
                byte_offset: 40,
                ..
            }
        ),
        "{error}"
    );
    let lossy = load_with(&path, &LoadOptions::new().lossy_utf8(true)).unwrap();
    assert_eq!(lossy.documents[1].text, "\u{fffd}");
}

/// A bad line, a check that its error is the right variant, and how the error ends.
type Case = (&'static str, fn(&LoadError) -> bool, &'static str);

/// Each bad line after a good one in a file of its own.
#[test]
fn each_bad_line_gives_its_error() {
    let dir = TempDir::new("bad-lines");
    let good = r#"{"id": "ok", "text": "x"}"#;
    #[rustfmt::skip]
    let table: [Case; 5] = [
        (r#"{"id": "a", "text": "#, |e| matches!(e, LoadError::Json { column: Some(_), .. }), "malformed JSON: EOF while parsing a value"),
        (r#"{"id": "a"}"#, |e| matches!(e, LoadError::MissingField { field: "text", .. }), r#"missing field "text""#),
        (r#"{"id": ["a"], "text": "x"}"#, |e| matches!(e, LoadError::BadField { field: "id", .. }), r#"field "id": expected a string, found an array"#),
        (r#"{"id": "a", "text": "x", "published": "2025-02-30"}"#, |e| matches!(e, LoadError::BadDate { value, .. } if value == "2025-02-30"), r#"field "published": invalid timestamp "2025-02-30": parsed date is not valid: parameter 'day' for `2025-02` is invalid, must be in range `1..=28`"#),
        (good, |e| matches!(e, LoadError::DuplicateId { first_line: Some(1), .. }), r#"duplicate document id "ok" (first on line 1)"#),
    ];
    for (index, (bad, is_expected, message)) in table.into_iter().enumerate() {
        let path = dir.write(
            &format!("case{index}.jsonl"),
            format!("{good}\n{bad}\n{good}2\n"),
        );
        let error = load(&path).unwrap_err();
        assert!(is_expected(&error), "{error}");
        assert_eq!(error.line(), Some(2));
        assert_eq!(error.path(), path);
        let rendered = error.to_string();
        let prefix = format!("{}: line 2", path.display());
        assert!(
            rendered.starts_with(&prefix) && rendered.ends_with(message),
            "{rendered}"
        );
    }
}

#[test]
fn missing_document_and_duplicate_id_in_a_corpus_folder() {
    let dir = TempDir::new("manifest-errors");
    let manifest = dir.write(
        "manifest.jsonl",
        "{\"id\": \"a\"}\n{\"id\": \"gone\"}\n{\"id\": \"a\", \"outlet\": \"second\"}\n\
         {\"id\": \"../escape\"}\n{\"id\": \"b\", \"published\": \"yesterday\"}\n{\"id\": \"c\"}\n",
    );
    dir.write("docs/a.txt", "first a");
    dir.write("docs/b.txt", "b");
    dir.write("docs/c.txt", "c");

    let error = load(&dir.0).unwrap_err();
    let LoadError::MissingDocument {
        line, id, expected, ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!((*line, id.as_str()), (2, "gone"));
    assert_eq!(expected, &dir.0.join("docs").join("gone.txt"));
    assert_eq!(error.path(), manifest);

    let Loaded { documents, errors } = load_with(&dir.0, &lenient()).unwrap();
    assert_eq!(ids(&documents), ["a", "c"]);
    assert_eq!(
        documents[0].outlet, None,
        "the first of two equal ids is kept"
    );
    let lines: Vec<_> = errors
        .iter()
        .map(|e| (e.line(), e.path() == manifest))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(2), true),
            (Some(3), true),
            (Some(4), true),
            (Some(5), true)
        ]
    );
    assert!(
        matches!(errors[1], LoadError::DuplicateId { .. }),
        "{}",
        errors[1]
    );
    assert!(
        matches!(errors[2], LoadError::BadField { field: "id", .. }),
        "{}",
        errors[2]
    );
    assert!(
        matches!(errors[3], LoadError::BadDate { .. }),
        "{}",
        errors[3]
    );
}

#[test]
fn an_unreadable_document_names_its_manifest_line_and_file() {
    let dir = TempDir::new("unreadable");
    let manifest = dir.write(
        "manifest.jsonl",
        "{\"id\": \"a\"}\n{\"id\": \"folder\"}\n{\"id\": \"c\"}\n",
    );
    dir.write("docs/a.txt", "a");
    dir.write("docs/c.txt", "c");
    // A folder where the text file should be: it exists and cannot be read as a file.
    std::fs::create_dir_all(dir.0.join("docs").join("folder.txt")).unwrap();

    let error = load(&dir.0).unwrap_err();
    let LoadError::UnreadableDocument { line, id, file, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!((*line, id.as_str()), (2, "folder"));
    assert_eq!(file, &dir.0.join("docs").join("folder.txt"));
    assert_eq!(error.path(), manifest);
    assert!(std::error::Error::source(&error).is_some());

    let Loaded { documents, errors } = load_with(&dir.0, &lenient()).unwrap();
    assert_eq!(ids(&documents), ["a", "c"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line(), Some(2));
}

#[test]
fn lenient_mode_keeps_every_good_document() {
    let dir = TempDir::new("lenient");
    let path = dir.write(
        "mixed.jsonl",
        "{\"id\":\"1\",\"text\":\"a\"}\nnot json\n{\"id\":\"2\",\"text\":\"b\"}\n{\"id\":3}\n\
         {\"id\":\"3\",\"text\":\"c\",\"published\":\"2025-04-24 13:39\"}",
    );
    let loaded = load_with(&path, &lenient()).unwrap();
    assert_eq!(ids(&loaded.documents), ["1", "2", "3"]);
    let lines: Vec<_> = loaded.errors.iter().map(LoadError::line).collect();
    assert_eq!(lines, [Some(2), Some(4)]);
    assert!(load(&path).is_err());
}
#[test]
fn reads_all_fields_and_skips_blank_lines() {
    let input = "\u{feff}{\"id\":\"a\",\"text\":\"x\",\"outlet\":\"o\",\"url\":null,\"published\":\"2025-04-24\"}\r\n\
                     \r\n   \n{\"id\":\"b\",\"text\":\"y\",\"extra\":[1]}";
    let loaded = parse_jsonl(input, "in.jsonl", &LoadOptions::new()).unwrap();
    assert_eq!(ids(&loaded.documents), ["a", "b"]);
    let a = &loaded.documents[0];
    assert_eq!(a.outlet.as_deref(), Some("o"));
    assert_eq!(a.url, None);
    assert_eq!(
        a.published.map(|p| p.to_string()).as_deref(),
        Some("2025-04-24")
    );
    assert!(loaded.errors.is_empty());
}

#[test]
fn lenient_mode_reports_each_bad_line() {
    // (line, what the error must say)
    #[rustfmt::skip]
        let table = [
            (r#"{"id":"ok1","text":"x"}"#, None),
            (r#"{"id":"a","text":"x""#, Some("line 2, column 20: malformed JSON: EOF while parsing an object")),
            (r#"["id","text"]"#, Some("line 3: malformed JSON: expected an object, found an array")),
            (r#"{"text":"x"}"#, Some(r#"line 4: missing field "id""#)),
            (r#"{"id":"b"}"#, Some(r#"line 5: missing field "text""#)),
            (r#"{"id":7,"text":"x"}"#, Some(r#"line 6: field "id": expected a string, found a number"#)),
            (r#"{"id":"","text":"x"}"#, Some(r#"line 7: field "id": must not be empty"#)),
            (r#"{"id":"c","text":"x","url":{}}"#, Some(r#"line 8: field "url": expected a string, found an object"#)),
            (r#"{"id":"d","text":"x","published":"soon"}"#, Some(r#"line 9: field "published": invalid timestamp "soon""#)),
            (r#"{"id":"ok1","text":"again"}"#, Some(r#"line 10: duplicate document id "ok1" (first on line 1)"#)),
            (r#"{"id":"ok2","text":"y","published":null}"#, None),
        ];
    let input: String = table.iter().map(|(line, _)| format!("{line}\n")).collect();
    let loaded = parse_jsonl(&input, "in.jsonl", &lenient()).unwrap();
    assert_eq!(ids(&loaded.documents), ["ok1", "ok2"]);
    assert_eq!(loaded.documents[0].text, "x");
    let expected: Vec<_> = table.iter().filter_map(|(_, e)| *e).collect();
    assert_eq!(loaded.errors.len(), expected.len());
    for (error, expected) in loaded.errors.iter().zip(expected) {
        let rendered = error.to_string();
        assert!(
            rendered.starts_with(&format!("in.jsonl: {expected}")),
            "{rendered}"
        );
    }
}

#[test]
fn strict_mode_stops_at_the_first_error() {
    let input = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"x\"}\n{}\n";
    let error = parse_jsonl(input, "in.jsonl", &LoadOptions::new()).unwrap_err();
    assert!(
        matches!(error, LoadError::DuplicateId { line: Some(2), .. }),
        "{error}"
    );
}

#[test]
fn invalid_utf8_names_line_and_file_offset() {
    let input = b"{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"b\",\"text\":\"\xff\"}\n";
    let error = parse_jsonl(input, "in.jsonl", &LoadOptions::new()).unwrap_err();
    let LoadError::InvalidUtf8 {
        line, byte_offset, ..
    } = error
    else {
        panic!("{error}");
    };
    assert_eq!((line, byte_offset), (Some(3), 41));
    assert_eq!(input[byte_offset], 0xff);

    let lossy = LoadOptions::new().lossy_utf8(true);
    let loaded = parse_jsonl(input, "in.jsonl", &lossy).unwrap();
    assert_eq!(loaded.documents[1].text, "\u{fffd}");
}

#[test]
fn documents_serialise_with_string_timestamps() {
    let doc = Document::new("a", "text")
        .with_outlet("o")
        .with_url("https://o/a")
        .with_published(Timestamp::parse("2025-04-24T13:39+02:00").unwrap());
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        json.contains(r#""published":"2025-04-24T13:39+02:00""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    // What serde writes, the loader reads back.
    let loaded = parse_jsonl(&json, "round-trip.jsonl", &LoadOptions::new()).unwrap();
    assert_eq!(loaded.documents, [doc]);
}

fn shared_corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    path.is_dir().then_some(path)
}

#[test]
fn loads_the_seed_corpus() {
    let Some(seeds) = shared_corpus("seeds") else {
        return;
    };
    let documents = load(&seeds).unwrap();
    assert_eq!(documents.len(), 5);
    // Compared with the manifest as read independently, so no corpus content lives here.
    let manifest = fs::read_to_string(seeds.join("manifest.jsonl")).unwrap();
    let entries: Vec<serde_json::Value> = manifest
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(entries.len(), 5);
    let mut dated = 0;
    for (document, entry) in documents.iter().zip(&entries) {
        assert_eq!(document.id, entry["id"].as_str().unwrap());
        let text = fs::read_to_string(seeds.join("docs").join(format!("{}.txt", document.id)));
        assert_eq!(document.text, text.unwrap());
        match entry["published"].as_str() {
            Some(published) => {
                dated += 1;
                let parsed = document.published.expect("published should parse");
                assert_eq!(parsed.to_string(), published);
            }
            None => assert_eq!(document.published, None),
        }
    }
    assert!(dated > 0, "the seed manifest dates some documents");
}

#[test]
fn every_shared_corpus_loads_strictly() {
    for name in ["seeds", "stop", "polnear-dev"] {
        let Some(corpus) = shared_corpus(name) else {
            continue;
        };
        let documents = load(&corpus).unwrap_or_else(|e| panic!("{e}"));
        assert!(!documents.is_empty(), "{name}");
    }
}

/// `corpus::read` gives, one at a time, what `load_with` gives at once: the same documents in
/// the same order, and in lenient mode the same errors in line order.
#[test]
fn reading_one_at_a_time_gives_what_loading_gives() {
    use quotetrace::corpus::read;
    let dir = TempDir::new("stream");
    let jsonl = dir.write(
        "mixed.jsonl",
        "{\"id\":\"a\",\"text\":\"one\"}\n\n{\"id\":\"b\",\"text\":7}\n{\"id\":\"a\",\"text\":\"again\"}\n\
         not json\n{\"id\":\"c\",\"text\":\"three\",\"outlet\":\"o\"}\n",
    );
    let folder = dir.write("docs/x.txt", "x");
    dir.write("docs/y.txt", "y");
    for path in [
        jsonl,
        folder.parent().unwrap().parent().unwrap().to_path_buf(),
    ] {
        let loaded = load_with(&path, &lenient()).unwrap();
        let (mut documents, mut errors) = (Vec::new(), Vec::new());
        for item in read(&path, &lenient()).unwrap() {
            match item {
                Ok(document) => documents.push(document),
                Err(error) => errors.push(error.to_string()),
            }
        }
        assert_eq!(documents, loaded.documents, "{}", path.display());
        let loaded_errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, loaded_errors);
    }
    // Strict: the stream ends with its first error.
    let strict: Vec<_> = read(dir.0.join("mixed.jsonl"), &LoadOptions::new())
        .unwrap()
        .collect();
    assert_eq!(strict.len(), 2);
    assert!(strict[0].is_ok() && strict[1].is_err());
    // How far a JSON Lines file is read, for a progress bar.
    let mut stream = read(dir.0.join("mixed.jsonl"), &lenient()).unwrap();
    assert_eq!(stream.bytes_read(), Some(0));
    stream.next();
    assert_eq!(stream.bytes_read(), Some(24));
    assert!(!stream.stopped());
    assert_eq!(stream.by_ref().count(), 4);
    assert!(stream.stopped());
}

#[test]
fn reading_the_shared_corpora_one_at_a_time_gives_what_loading_gives() {
    for name in ["seeds", "world", "polnear-dev"] {
        let Some(path) = shared_corpus(name) else {
            continue;
        };
        let loaded = load(&path).unwrap();
        let read: Vec<Document> = quotetrace::corpus::read(&path, &LoadOptions::new())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(read, loaded, "{name}");
    }
}
