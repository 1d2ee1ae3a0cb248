//! Reading the gold of a corpus and matching it to what the tracker found.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

/// A line of `gold.jsonl`.
#[derive(Debug, Deserialize)]
pub(super) struct GoldLine {
    doc: String,
    text: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
}

/// A gold quotation, placed in its document.
pub(super) struct Gold {
    pub(super) doc: String,
    pub(super) text: String,
    pub(super) speaker: Option<String>,
    pub(super) cluster: Option<String>,
    pub(super) kind: Option<String>,
    /// Byte offset in the document.
    pub(super) start: usize,
    /// Character span, as the reference measures overlaps.
    pub(super) span: (usize, usize),
}

impl Gold {
    pub(super) fn is(&self, kind: &str) -> bool {
        self.kind.as_deref() == Some(kind)
    }
}

pub(super) struct Detected {
    pub(super) cluster: usize,
    pub(super) kind: &'static str,
    pub(super) doc: String,
    /// Byte offset in the document.
    pub(super) start: usize,
    /// Character span.
    pub(super) span: (usize, usize),
    pub(super) text: String,
    pub(super) speaker: Option<String>,
}

pub(super) fn json_lines(path: &Path) -> Result<Vec<(usize, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect())
}

/// The gold quotations, placed as the reference places them: by their byte offsets (which must
/// hold their text), or, for an entry without offsets, by searching its text from just after the
/// previous one searched in its document (then from the start).
pub(super) fn read_gold(path: &Path, texts: &HashMap<String, String>) -> Result<Vec<Gold>, String> {
    let mut out = Vec::new();
    let mut searched_to: HashMap<String, usize> = HashMap::new();
    for (line_no, line) in json_lines(path)? {
        let at = format!("{}:{line_no}", path.display());
        let g: GoldLine = serde_json::from_str(&line).map_err(|e| format!("{at}: {e}"))?;
        let text = texts
            .get(&g.doc)
            .ok_or(format!("{at}: document {:?} is not in the corpus", g.doc))?;
        let start = match (g.start, g.end) {
            (Some(start), Some(end)) => {
                let len = text.len();
                let (s, e) = (start.min(len), end.min(len));
                if &text.as_bytes()[s..e.max(s)] != g.text.as_bytes() {
                    return Err(format!(
                        "{at}: gold offsets do not match text in doc {}: {:?}",
                        g.doc,
                        g.text.chars().take(60).collect::<String>()
                    ));
                }
                start
            }
            (Some(_), None) => return Err(format!("{at}: `start` without `end`")),
            _ => {
                let from = searched_to.get(&g.doc).copied().unwrap_or(0);
                let found = text
                    .get(from..)
                    .and_then(|rest| rest.find(&g.text))
                    .map(|i| i + from)
                    .or_else(|| text.find(&g.text))
                    .ok_or(format!(
                        "{at}: gold text not in doc {}: {:?}",
                        g.doc,
                        g.text.chars().take(60).collect::<String>()
                    ))?;
                // Searching on from the next character (past the end when there is none).
                let next = text[found..].chars().next().map_or(1, char::len_utf8);
                searched_to.insert(g.doc.clone(), found + next);
                found
            }
        };
        let s = char_offset(text, start);
        out.push(Gold {
            span: (s, s + g.text.chars().count()),
            start,
            doc: g.doc,
            text: g.text,
            speaker: g.speaker,
            cluster: g.cluster,
            kind: g.kind,
        });
    }
    Ok(out)
}

/// Each canonical name in `speakers.json` with its aliases.
pub(super) fn read_aliases(path: &Path) -> Result<HashMap<String, Vec<String>>, String> {
    if !path.exists() {
        return Ok(HashMap::new());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A text as the reference reads it: Python's text mode turns `\r\n` and `\r` into `\n`.
pub(super) fn python_text(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The character offset of a byte offset, as the reference counts it: the characters of the
/// bytes before it, decoded with replacement (a character cut in two counts as one).
pub(super) fn char_offset(text: &str, byte: usize) -> usize {
    let before = &text.as_bytes()[..byte.min(text.len())];
    String::from_utf8_lossy(before).chars().count()
}

/// The gold quotations and detections scored, and how they were matched one to one.
pub(super) struct Matching<'a> {
    pub(super) gold: &'a [Gold],
    pub(super) detected: &'a [Detected],
    /// The detection matched to each gold quotation.
    pub(super) gold_match: Vec<Option<usize>>,
    /// The gold quotation matched to each detection.
    pub(super) det_match: Vec<Option<usize>>,
}

impl<'a> Matching<'a> {
    /// Matches `gold` and `detected` as [`match_spans`] does.
    pub(super) fn new(gold: &'a [Gold], detected: &'a [Detected]) -> Self {
        let (gold_match, det_match) = match_spans(gold, detected);
        Matching {
            gold,
            detected,
            gold_match,
            det_match,
        }
    }

    /// Every matched (gold index, detection index), in gold order.
    pub(super) fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.gold_match
            .iter()
            .enumerate()
            .filter_map(|(g, m)| m.map(|d| (g, d)))
    }
}

/// One-to-one matching, best first: the candidate pairs of a gold quotation and a detection in
/// its document with IoU ≥ 0.5, in descending order of (IoU, gold index, detection index) as
/// the reference's `cand.sort(reverse=True)`, each taken when both are still free. Returns the
/// detection of each gold quotation and the gold quotation of each detection.
fn match_spans(gold: &[Gold], detected: &[Detected]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (di, d) in detected.iter().enumerate() {
        by_doc.entry(d.doc.as_str()).or_default().push(di);
    }
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let (gs, ge) = g.span;
        for &di in by_doc.get(g.doc.as_str()).into_iter().flatten() {
            let (ds, de) = detected[di].span;
            let inter = ge.min(de) as i64 - gs.max(ds) as i64;
            if inter <= 0 {
                continue;
            }
            let iou = inter as f64 / (ge.max(de) - gs.min(ds)) as f64;
            if iou >= 0.5 {
                candidates.push((iou, gi, di));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut gold_match, mut det_match) = (vec![None; gold.len()], vec![None; detected.len()]);
    for (_, gi, di) in candidates {
        if gold_match[gi].is_none() && det_match[di].is_none() {
            gold_match[gi] = Some(di);
            det_match[di] = Some(gi);
        }
    }
    (gold_match, det_match)
}
