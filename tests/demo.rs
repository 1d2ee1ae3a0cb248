//! The whole pipeline on the demo corpus in `examples/data`, through the public API only.
//!
//! The corpus's `gold.jsonl` places each quotation by byte offsets; the checks use those, never a
//! search for the text (a short quotation also occurs inside longer ones).

use std::collections::{BTreeSet, HashMap};

use quotetrace::{
    detect, load, tracker::DuplicateDocument, Document, EditKind, QuoteKind, QuoteStyle, Timestamp,
    Tracker,
};
use serde::Deserialize;
use serde_json::Value;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

#[derive(Debug, Deserialize)]
struct Gold {
    doc: String,
    text: String,
    speaker: Option<String>,
    cluster: String,
    kind: String,
    unclosed: bool,
    start: usize,
    end: usize,
}

impl Gold {
    fn is_scare(&self) -> bool {
        self.kind == "scare"
    }
}

fn documents() -> Vec<Document> {
    load(DEMO).unwrap_or_else(|e| panic!("{e}"))
}

fn tracker() -> Tracker {
    let mut tracker = Tracker::new();
    tracker.extend(documents()).unwrap();
    tracker
}

fn gold() -> Vec<Gold> {
    let lines = std::fs::read_to_string(format!("{DEMO}/gold.jsonl")).unwrap();
    lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Lower-cased alias → canonical name, from `speakers.json`.
fn aliases() -> HashMap<String, String> {
    let json = std::fs::read_to_string(format!("{DEMO}/speakers.json")).unwrap();
    let speakers: HashMap<String, Vec<String>> = serde_json::from_str(&json).unwrap();
    let mut map = HashMap::new();
    for (name, spellings) in speakers {
        map.insert(name.to_lowercase(), name.clone());
        for alias in spellings {
            map.insert(alias.to_lowercase(), name.clone());
        }
    }
    map
}

/// The evaluation's rule: the canonical name or an alias of it, or the same last word.
fn same_speaker(gold: &str, ours: &str, aliases: &HashMap<String, String>) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    aliases.get(&ours.to_lowercase()).map(String::as_str) == Some(gold) || last(gold) == last(ours)
}

fn iou(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Each tracker quotation (by quote id) paired with the gold entry it overlaps most, at IoU ≥ 0.5.
fn matches<'g>(tracker: &Tracker, gold: &'g [Gold]) -> HashMap<String, &'g Gold> {
    let mut out = HashMap::new();
    for q in tracker.quotes() {
        let best = gold
            .iter()
            .filter(|g| g.doc == q.document.id)
            .map(|g| (iou(&q.quotation.span, &(g.start..g.end)), g))
            .filter(|(overlap, _)| *overlap >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, g)) = best {
            out.insert(q.id.clone(), g);
        }
    }
    out
}

fn document<'d>(documents: &'d [Document], id: &str) -> &'d Document {
    documents.iter().find(|d| d.id == id).unwrap()
}

#[test]
fn demo_corpus_loads_eight_documents_with_their_metadata() {
    let documents = documents();
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "01_dailyledger",
            "02_northwire",
            "03_kyivcourier",
            "04_theparlour",
            "05_berliner-blatt",
            "06_lemonde-demo",
            "07_steppenotes",
            "08_globalwire",
        ]
    );
    assert!(documents
        .iter()
        .all(|d| d.outlet.is_some() && d.url.is_some()));
    let berlin = document(&documents, "05_berliner-blatt").published.unwrap();
    let utc = Timestamp::parse("2025-04-24T15:45Z").unwrap();
    assert_eq!(berlin.unix_seconds(), utc.unix_seconds());
    assert_eq!(berlin.offset_minutes(), Some(120));
    assert_eq!(document(&documents, "07_steppenotes").published, None);
    assert!(document(&documents, "04_theparlour")
        .published
        .unwrap()
        .is_date_only());
}

#[test]
fn documents_come_out_in_chronological_order() {
    let tracker = tracker();
    let ids: Vec<&str> = tracker.documents().map(|d| d.id.as_str()).collect();
    // 05 was published at 17:45+02:00, i.e. 15:45 UTC: after 08's 15:05, before 03's 19:40.
    assert_eq!(
        ids,
        [
            "01_dailyledger",
            "08_globalwire",
            "05_berliner-blatt",
            "03_kyivcourier",
            "04_theparlour",
            "06_lemonde-demo",
            "02_northwire",
            "07_steppenotes",
        ]
    );
}

#[test]
fn every_quotation_text_is_the_document_text_at_its_span() {
    let tracker = tracker();
    let mut count = 0;
    for q in tracker.quotes() {
        assert_eq!(
            &q.document.text[q.quotation.span.clone()],
            q.text,
            "{}",
            q.id
        );
        count += 1;
    }
    assert!(count >= 50, "only {count} quotations");
    let documents = documents();
    for out in tracker.report().quotes {
        let doc = document(&documents, &out.doc);
        assert_eq!(&doc.text[out.start..out.end], out.text, "{}", out.id);
    }
}

#[test]
fn top_level_quotations_are_sorted_and_disjoint() {
    for doc in documents() {
        let quotes = detect(&doc.text);
        assert!(!quotes.is_empty(), "{}", doc.id);
        for q in &quotes {
            assert!(
                q.outer.start <= q.span.start && q.span.end <= q.outer.end,
                "{q:?}"
            );
            for n in &q.nested {
                assert!(q.span.start <= n.span.start && n.span.end <= q.span.end);
            }
        }
        for pair in quotes.windows(2) {
            assert!(
                pair[0].outer.end <= pair[1].outer.start,
                "{}: {pair:?}",
                doc.id
            );
        }
    }
}

#[test]
fn quote_ids_count_from_one_in_each_document() {
    let tracker = tracker();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for q in tracker.quotes() {
        let n = seen.entry(&q.document.id).or_default();
        *n += 1;
        assert_eq!(q.id, format!("{}#{n}", q.document.id));
    }
    assert_eq!(seen.len(), 8);
}

#[test]
fn every_gold_quotation_is_found() {
    let tracker = tracker();
    let gold = gold();
    let matched: BTreeSet<(&str, usize)> = matches(&tracker, &gold)
        .values()
        .map(|g| (g.doc.as_str(), g.start))
        .collect();
    let missed: Vec<&Gold> = gold
        .iter()
        .filter(|g| !g.is_scare() && !matched.contains(&(g.doc.as_str(), g.start)))
        .collect();
    assert!(missed.is_empty(), "missed: {missed:#?}");
}

#[test]
fn every_detection_is_a_gold_quotation() {
    // Apostrophes (Trump's, Russia’s, soldiers', the '90s, rock 'n' roll, Let's, aujourd'hui,
    // geht's) would show up here as quotations that match no gold entry.
    let tracker = tracker();
    let gold = gold();
    let matched = matches(&tracker, &gold);
    let unmatched: Vec<String> = tracker
        .quotes()
        .filter(|q| !matched.contains_key(&q.id))
        .map(|q| format!("{} {:?}", q.id, q.text))
        .collect();
    assert!(unmatched.is_empty(), "{unmatched:#?}");
}

#[test]
fn german_and_french_quotations_are_found_in_their_marks() {
    let documents = documents();
    let gold = gold();
    for (id, style) in [
        ("05_berliner-blatt", QuoteStyle::Low),
        ("06_lemonde-demo", QuoteStyle::Guillemets),
    ] {
        let text = &document(&documents, id).text;
        let quotes = detect(text);
        let expected: Vec<&Gold> = gold.iter().filter(|g| g.doc == id).collect();
        assert_eq!(quotes.len(), expected.len(), "{id}");
        for (q, g) in quotes.iter().zip(expected) {
            assert_eq!(q.style, style, "{id} {:?}", g.text);
            // The gold keeps the (no-break) spaces French typography puts inside « »; the
            // detector may leave them out, but nothing else.
            assert!(
                g.start <= q.span.start && q.span.end <= g.end,
                "{id} {q:?} {g:?}"
            );
            assert_eq!(q.text(text), g.text.trim(), "{id}");
        }
    }
}

#[test]
fn a_quotation_interrupted_by_attribution_is_two() {
    let documents = documents();
    let text = &document(&documents, "01_dailyledger").text;
    let spans: Vec<_> = detect(text).into_iter().map(|q| q.span).collect();
    // "I am not happy with the Russian strikes on KYIV," Trump wrote … "Not necessary, …"
    assert!(spans.contains(&(312..360)), "{spans:?}");
    assert!(spans.contains(&(404..439)), "{spans:?}");
}

#[test]
fn a_quotation_over_two_paragraphs_is_one() {
    let documents = documents();
    let text = &document(&documents, "02_northwire").text;
    let gold = gold();
    let g = gold
        .iter()
        .find(|g| g.doc == "02_northwire" && g.text.contains("\n\n"))
        .unwrap();
    let quotes = detect(text);
    let q = quotes.iter().find(|q| q.span.start == g.start).unwrap();
    assert_eq!(q.span, g.start..g.end);
    assert_eq!(q.paragraphs, 2);
    assert!(q.closed);
    assert_eq!(q.kind, QuoteKind::Full);
}

#[test]
fn the_cut_off_article_ends_with_an_unclosed_quotation() {
    let documents = documents();
    let text = &document(&documents, "08_globalwire").text;
    let gold = gold();
    let g = gold.iter().find(|g| g.unclosed).unwrap();
    assert_eq!(g.doc, "08_globalwire");
    let quotes = detect(text);
    let (last, rest) = quotes.split_last().unwrap();
    assert!(!last.closed);
    assert_eq!(last.span, g.start..text.len());
    assert!(rest.iter().all(|q| q.closed), "{rest:?}");
}

/// The post's pieces are Trump's wherever a speaker is given, and most have one. Pieces in French
/// prose and in a blog's loose sentences (`Boiled down, the post was "…"`) may stay without.
#[test]
fn the_truth_social_post_is_attributed_to_trump() {
    let tracker = tracker();
    let gold = gold();
    let matched = matches(&tracker, &gold);
    let mut wrong = Vec::new();
    let (mut pieces, mut unattributed) = (0, 0);
    for q in tracker.quotes() {
        let Some(g) = matched.get(&q.id) else {
            continue;
        };
        if g.cluster != "trump-stop-post" {
            continue;
        }
        pieces += 1;
        let Some(speaker) = q.speaker else {
            unattributed += 1;
            continue;
        };
        if speaker.split_whitespace().last() != Some("Trump") {
            wrong.push(format!("{} {:?}: {:?}", q.id, q.text, q.speaker));
        }
    }
    assert!(pieces >= 20, "only {pieces} pieces of the post matched");
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(
        unattributed * 4 <= pieces,
        "{unattributed} of {pieces} pieces without a speaker"
    );
}

#[test]
fn no_speaker_is_a_wrong_one() {
    let tracker = tracker();
    let gold = gold();
    let aliases = aliases();
    let matched = matches(&tracker, &gold);
    let mut given = 0;
    let mut wrong = Vec::new();
    for q in tracker.quotes() {
        let (Some(ours), Some(g)) = (q.speaker, matched.get(&q.id)) else {
            continue;
        };
        given += 1;
        let right = g
            .speaker
            .as_deref()
            .is_some_and(|gold| same_speaker(gold, ours, &aliases));
        if !right {
            wrong.push(format!(
                "{} {:?}: {ours:?}, gold {:?}",
                q.id, q.text, g.speaker
            ));
        }
    }
    assert!(given >= 20, "only {given} speakers given");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn spellings_of_one_speaker_become_one_name() {
    // Zelensky (01), Zelenskyy (03) and Zelenskiy (04) are the same person.
    let tracker = tracker();
    let gold = gold();
    let matched = matches(&tracker, &gold);
    let mut names = BTreeSet::new();
    let mut documents = BTreeSet::new();
    for q in tracker.quotes() {
        let is_zelensky = matched
            .get(&q.id)
            .is_some_and(|g| g.speaker.as_deref() == Some("Volodymyr Zelensky"));
        if let (true, Some(name)) = (is_zelensky, q.speaker) {
            names.insert(name);
            documents.insert(q.document.id.as_str());
        }
    }
    assert!(documents.len() >= 3, "Zelensky named in {documents:?}");
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn kinds_agree_with_the_gold() {
    let tracker = tracker();
    let gold = gold();
    let matched = matches(&tracker, &gold);
    let mut wrong = Vec::new();
    for q in tracker.quotes() {
        let Some(g) = matched.get(&q.id) else {
            continue;
        };
        let expected = match g.kind.as_str() {
            "full" => QuoteKind::Full,
            "fragment" => QuoteKind::Fragment,
            _ => continue,
        };
        if q.quotation.kind != expected {
            wrong.push(format!("{} {:?}: {:?}", q.id, q.text, q.quotation.kind));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn json_output_has_the_documented_fields() {
    let tracker = tracker();
    let json: Value = serde_json::to_value(tracker.report()).unwrap();
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    let set =
        |names: &[&str]| -> BTreeSet<String> { names.iter().map(|s| s.to_string()).collect() };
    assert_eq!(
        keys(&json),
        set(&["documents", "quotes", "clusters", "outlets"])
    );

    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 8);
    for d in documents {
        assert_eq!(keys(d), set(&["id", "outlet", "url", "published"]));
    }
    assert_eq!(documents[0]["published"], "2025-04-24T14:05");
    assert_eq!(documents[2]["published"], "2025-04-24T17:45+02:00");
    assert_eq!(documents[7]["id"], "07_steppenotes");
    assert_eq!(documents[7]["published"], Value::Null);

    let quotes = json["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), tracker.quotes().count());
    let fields = set(&[
        "id", "doc", "start", "end", "text", "speaker", "cue", "method", "kind", "cluster",
        "language",
    ]);
    for q in quotes {
        assert_eq!(keys(q), fields);
        assert!(q["start"].as_u64().unwrap() <= q["end"].as_u64().unwrap());
        assert!(
            ["full", "fragment"].contains(&q["kind"].as_str().unwrap()),
            "{q}"
        );
        assert!(q["speaker"].is_string() || q["speaker"].is_null());
        // A cue or a method without a speaker would attribute to nobody.
        assert!(q["cue"].is_null() || q["speaker"].is_string(), "{q}");
        assert_eq!(q["method"].is_null(), q["speaker"].is_null(), "{q}");
    }
    let second = &quotes[1];
    assert_eq!(second["id"], "01_dailyledger#2");
    assert_eq!(
        (second["start"].as_u64(), second["end"].as_u64()),
        (Some(312), Some(360))
    );

    // Every quotation is in exactly the cluster it names.
    let clusters = json["clusters"].as_array().unwrap();
    let mut seen = BTreeSet::new();
    for (i, c) in clusters.iter().enumerate() {
        assert_eq!(
            keys(c),
            set(&[
                "id",
                "key",
                "canonical",
                "speaker",
                "quotes",
                "outlets",
                "first_seen",
                "variants",
                "lineage",
                "language",
                "assembled"
            ])
        );
        assert_eq!(c["id"].as_u64(), Some(i as u64));
        for id in c["quotes"].as_array().unwrap() {
            let q = quotes.iter().find(|q| &q["id"] == id).unwrap();
            assert_eq!(q["cluster"], c["id"]);
            assert!(seen.insert(id.as_str().unwrap().to_string()));
        }
    }
    assert_eq!(seen.len(), quotes.len());
}

#[test]
fn the_order_documents_are_added_in_does_not_matter() {
    let json = |documents: Vec<Document>| {
        let mut tracker = Tracker::new();
        tracker.extend(documents).unwrap();
        serde_json::to_string(&tracker.report()).unwrap()
    };
    let forward = documents();
    let mut reversed = forward.clone();
    reversed.reverse();
    let mut rotated = forward.clone();
    rotated.rotate_left(3);
    let expected = json(forward);
    assert_eq!(json(reversed), expected);
    assert_eq!(json(rotated), expected);
}

#[test]
fn a_duplicate_id_is_an_error_and_changes_nothing() {
    let mut tracker = tracker();
    let before = serde_json::to_string(&tracker.report()).unwrap();
    let again = Document::new("02_northwire", "“Something else,” she said.");
    let error = tracker.add(again).unwrap_err();
    assert_eq!(
        error,
        DuplicateDocument {
            id: "02_northwire".into()
        }
    );
    assert!(error.to_string().contains("02_northwire"));
    assert_eq!(serde_json::to_string(&tracker.report()).unwrap(), before);
}

#[test]
fn a_statement_no_outlet_printed_whole_is_put_together_from_its_pieces() {
    let report = tracker().report();
    let statement = report
        .clusters
        .iter()
        .find(|s| s.canonical.contains("Missiles are not an answer"))
        .unwrap();
    // The two sentences, in the order the document printing both shows them.
    assert!(statement.assembled);
    let pieces: Vec<&str> = statement.canonical.split(" … ").collect();
    assert_eq!(pieces.len(), 2, "{}", statement.canonical);
    assert!(pieces[0].starts_with("We are ready for a full ceasefire"));
    assert!(pieces[1].starts_with("Missiles are not an answer"));
    // Each piece drifts from its own part only: cut, not reworded.
    for v in &statement.variants {
        for e in &v.edits {
            assert!(
                !matches!(e.kind, EditKind::Substitution | EditKind::Paraphrase),
                "{:?} in {:?}",
                e,
                v.text
            );
        }
    }
    // A statement printed whole somewhere is not assembled.
    let post = report
        .clusters
        .iter()
        .max_by_key(|s| s.quotes.len())
        .unwrap();
    assert!(!post.assembled);
}

#[test]
fn pieces_are_put_together_in_the_order_a_document_prints_them() {
    // The lede quotes a fragment of the second sentence before the first is printed whole:
    // the fragment does not stand for the canonical wording when placing the pieces.
    let second = "He continues to bomb Ukraine, he continues to kill people in Ukraine";
    let mut tracker = Tracker::new();
    tracker
        .add(Document::new(
            "a",
            format!(
                "Macron said Putin must \"stop lying\".\n\n\"Putin must stop lying at last,\" \
                 Macron said. \"{second},\" he added."
            ),
        ))
        .unwrap();
    for id in ["b", "c"] {
        let text = format!("\"{second},\" Macron said on Sunday.");
        tracker.add(Document::new(id, text)).unwrap();
    }
    let report = tracker.report();
    let statement = report
        .clusters
        .iter()
        .find(|s| s.canonical.contains("continues to bomb"))
        .unwrap();
    assert!(statement.assembled, "{statement:?}");
    assert!(
        statement
            .canonical
            .starts_with("Putin must stop lying at last"),
        "{}",
        statement.canonical
    );
}

/// A tracker that keeps no texts, fed in batches (on all cores with the default features) and
/// in another order, reports exactly what one keeping its texts and fed one by one reports.
#[test]
fn a_lean_tracker_in_any_order_reports_the_same() {
    let mut full = Tracker::new();
    for document in documents() {
        full.add(document).unwrap();
    }
    let mut reversed = documents();
    reversed.reverse();
    let mut lean = Tracker::new().keep_texts(false);
    let mut seen = 0;
    lean.extend_with_progress(reversed, |_| seen += 1).unwrap();
    assert_eq!(seen, 8);
    assert_eq!(lean.report(), full.report());
    assert!(lean.documents().all(|d| d.text.is_empty()));
    let quotes: Vec<_> = lean.quotes().map(|q| (q.id, q.text)).collect();
    let expected: Vec<_> = full.quotes().map(|q| (q.id, q.text)).collect();
    assert_eq!(quotes, expected);
    let whence = |t: &Tracker| {
        t.whence("Lets get the peace deal done")
            .map(|w| w.statement)
    };
    assert_eq!(whence(&lean), whence(&full));
}

/// A statement's key stays when documents quoting other statements are added, while its
/// number may move.
#[test]
fn statement_keys_stay_when_unrelated_documents_are_added() {
    let before = tracker().report();
    let mut more = tracker();
    // Written for this test: two earlier articles quoting statements of their own.
    more.add(
        Document::new(
            "00_early",
            "\"The harbour will reopen on Monday,\" the port authority said in a statement.",
        )
        .with_published(Timestamp::parse("2025-04-20T08:00").unwrap()),
    )
    .unwrap();
    more.add(Document::new(
        "99_late",
        "\"We have planted four thousand trees this spring,\" said Mara Lindqvist, the mayor.",
    ))
    .unwrap();
    let after = more.report();
    assert_eq!(after.clusters.len(), before.clusters.len() + 2);
    let by_key: HashMap<&str, &quotetrace::Statement> =
        after.clusters.iter().map(|s| (s.key.as_str(), s)).collect();
    assert_eq!(by_key.len(), after.clusters.len(), "keys are distinct");
    let mut moved = 0;
    for s in &before.clusters {
        let same = by_key
            .get(s.key.as_str())
            .expect("every statement keeps its key");
        assert_eq!((&same.canonical, &same.quotes), (&s.canonical, &s.quotes));
        moved += usize::from(same.id != s.id);
    }
    // The earlier article's statement comes first, so every number moved.
    assert_eq!(moved, before.clusters.len());
    assert!(before.clusters.iter().all(|s| s.key.len() == 16));
}

/// The report written as it is made, in batches of statements made on all cores, is the
/// report, byte for byte: on the demo corpus, and on 300 documents with more statements than a
/// batch holds, some quoted by several outlets.
#[test]
fn the_streamed_report_is_the_report() {
    let json = |t: &Tracker| {
        (
            serde_json::to_string_pretty(&t.report_streamed()).unwrap(),
            serde_json::to_string_pretty(&t.report()).unwrap(),
        )
    };
    let (streamed, whole) = json(&tracker());
    assert_eq!(streamed, whole);
    let speakers = ["Ana Ruiz", "Ben Okafor", "Chen Wei"];
    let vocabulary: Vec<String> = (0..60).map(|k| format!("w{k}ord")).collect();
    let mut many = Tracker::new().keep_texts(false);
    for i in 0..300 {
        // 150 statements of eight made-up words each, few of them shared between two.
        let n = i % 150;
        let words: Vec<&str> = (0..8)
            .map(|j| vocabulary[(n * 7 + j * (n % 11 + 1) + j * j) % 60].as_str())
            .collect();
        let text = format!("\"{},\" said {}.", words.join(" "), speakers[i % 3]);
        many.add(Document::new(format!("d{i:03}"), text).with_outlet(format!("o{}", i % 17)))
            .unwrap();
    }
    let (streamed, whole) = json(&many);
    assert!(many.report().clusters.len() > 64);
    assert_eq!(streamed, whole);
}

/// Every statement of `report`, worked out again by `statement_of` from its quotations alone
/// (their speakers as their documents name them, before their statement lends one), is the
/// report's, and the quotations come back with the speakers the report gives them.
fn each_statement_again(report: &quotetrace::Report) {
    use quotetrace::attribute::Method;
    use quotetrace::report::statement_of;
    let document: HashMap<&str, &quotetrace::report::DocumentInfo> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut lent = 0;
    for s in &report.clusters {
        let mut quotes: Vec<quotetrace::QuoteRecord> = report
            .quotes
            .iter()
            .filter(|q| q.cluster == s.id)
            .cloned()
            .collect();
        let given = quotes.clone();
        for q in &mut quotes {
            if q.method == Some(Method::Statement) {
                (q.speaker, q.method) = (None, None);
                lent += 1;
            }
            q.cluster = usize::MAX;
        }
        let documents: Vec<_> = quotes
            .iter()
            .map(|q| document[q.doc.as_str()].clone())
            .collect();
        let mut again = statement_of(s.id, &mut quotes, &documents);
        // Told apart from the report's other statements by who holds them all.
        again.key.clone_from(&s.key);
        assert_eq!(&again, s);
        assert_eq!(quotes, given);
    }
    assert!(lent > 0, "no quotation took its statement's speaker");
}

#[test]
fn each_statement_is_worked_out_again_from_its_quotations_alone() {
    each_statement_again(&tracker().report());
    let synthetic = quotetrace_synth::generate(&quotetrace_synth::SynthConfig::new(3000, 7));
    let mut tracker = Tracker::new();
    for (i, q) in synthetic.iter().enumerate() {
        // Every third quotation names nobody: its statement may lend it a speaker.
        let names = [
            "Mara Lind",
            "Tomas Berg",
            "Ines Costa",
            "Omar Haddad",
            "Yuki Sato",
        ];
        let text = match i % 3 {
            0 => format!("\"{}\"", q.text),
            _ => format!(
                "\"{}\", {} said.",
                q.text,
                names[q.speaker as usize % names.len()]
            ),
        };
        tracker.add(Document::new(format!("d{i}"), text)).unwrap();
    }
    let report = tracker.report();
    assert!(report.clusters.iter().any(|s| s.quotes.len() > 5));
    each_statement_again(&report);
}

#[test]
fn whence_gives_the_reports_statement() {
    let tracker = tracker();
    let report = tracker.report();
    let mut found = 0;
    for s in &report.clusters {
        let Some(whence) = tracker.whence(&s.canonical) else {
            continue;
        };
        if whence.statement.id == s.id {
            let mut statement = whence.statement;
            statement.key.clone_from(&s.key);
            assert_eq!(&statement, s);
            found += 1;
        }
    }
    assert!(found * 2 > report.clusters.len(), "{found} found");
}
