//! `quotetrace track --html FILE`: the report as one self-contained page that opens offline in
//! any browser. Statements by how many outlets printed them, each with its canonical wording,
//! speaker, first appearance, a timeline of the outlets that printed it, every wording with
//! its drift marked inline, and its lineage; a search box; a view by outlet.
//!
//! Article text and metadata are untrusted: every text goes through [`escape`], links are kept
//! only for `http` and `https` addresses, and no text is ever placed inside the page's style or
//! script.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use quotetrace::{Edit, EditKind, Report, Statement, Variant};

/// The page's style: one class per kind of edit, so that the legend and the wordings agree.
const STYLE: &str = include_str!("html/style.css");
/// The search box and the view switch; reads only the page's own attributes.
const SCRIPT: &str = include_str!("html/script.js");

/// The kinds of edit the legend explains, with their class and a sample.
const LEGEND: &[(&str, &str, &str)] = &[
    ("insertion", "words added", "added"),
    ("omission", "words dropped", "dropped"),
    ("truncation", "cut (a fragment)", "…"),
    ("ellipsis", "left out, marked", "[…]"),
    ("case", "case", "DONE"),
    ("punctuation", "punctuation", "Lets"),
    ("spelling", "spelling", "Zelensky"),
    ("inflection", "inflection", "apologies"),
    ("substitution", "word changed", "deal"),
    ("translation", "translation", "nicht notwendig"),
];

/// `text` safe in HTML text and in quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link to `url` around `text` (both escaped), or `text` alone when the address is not a web
/// one (`javascript:` and the like are never linked).
fn link(url: Option<&str>, text: &str) -> String {
    match url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(u),
                escape(text)
            )
        }
        _ => escape(text),
    }
}

/// What the page needs of each document, by id.
struct Doc<'r> {
    outlet: &'r str,
    url: Option<&'r str>,
    /// Seconds since 1970, and as written.
    published: Option<(i64, String)>,
}

/// Writes the page for `report`.
pub(crate) fn write_html(out: &mut impl Write, report: &Report, title: &str) -> io::Result<()> {
    let docs: HashMap<&str, Doc<'_>> = report
        .documents
        .iter()
        .map(|d| {
            let doc = Doc {
                outlet: d.outlet.as_deref().unwrap_or(&d.id),
                url: d.url.as_deref(),
                published: d.published.map(|t| (t.unix_seconds(), t.to_string())),
            };
            (d.id.as_str(), doc)
        })
        .collect();
    let quote_doc: HashMap<&str, &str> = report
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), q.doc.as_str()))
        .collect();
    let mut statements: Vec<&Statement> = report.clusters.iter().collect();
    statements.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.outlets.len()),
            std::cmp::Reverse(s.quotes.len()),
            s.id,
        )
    });
    let mut page = String::new();
    head(&mut page, report, title);
    page.push_str("<main id=\"statements\">\n");
    for s in &statements {
        statement(&mut page, s, &docs, &quote_doc);
    }
    page.push_str("<p id=\"none\" hidden>No statement holds all these words.</p>\n</main>\n");
    outlets(&mut page, report);
    let _ = write!(page, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn head(page: &mut String, report: &Report, title: &str) {
    let shared = report
        .clusters
        .iter()
        .filter(|s| s.outlets.len() > 1)
        .count();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title} · quotetrace</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p class=\"summary\">{} documents from {} outlets: {} \
         quotations, {} statements, {shared} of them printed by more than one outlet.</p>\n\
         <nav><button id=\"show-statements\" class=\"on\">Statements</button>\
         <button id=\"show-outlets\">Outlets</button>\
         <input id=\"search\" type=\"search\" placeholder=\"Filter statements by words…\" \
         aria-label=\"Filter statements by words\"></nav>\n",
        report.documents.len(),
        report.outlets.len(),
        report.quotes.len(),
        report.clusters.len(),
        title = escape(title),
    );
    page.push_str("<ul class=\"legend\">");
    for (class, name, sample) in LEGEND {
        let _ = write!(
            page,
            "<li><span class=\"edit {class}\">{}</span> {}</li>",
            escape(sample),
            escape(name)
        );
    }
    page.push_str("</ul>\n</header>\n");
}

fn statement(
    page: &mut String,
    s: &Statement,
    docs: &HashMap<&str, Doc<'_>>,
    quote_doc: &HashMap<&str, &str>,
) {
    let _ = write!(
        page,
        "<section class=\"statement\" id=\"s-{}\" data-words=\"{}\">\n<h2><span class=\"speaker\">{}</span> \
         <span class=\"counts\">{} outlets · {} quotations</span></h2>\n\
         <blockquote class=\"canonical\">{}</blockquote>\n",
        escape(&s.key),
        escape(&search_words(s)),
        escape(s.speaker.as_deref().unwrap_or("speaker unknown")),
        s.outlets.len(),
        s.quotes.len(),
        escape(&s.canonical),
    );
    if s.assembled {
        page.push_str(
            "<p class=\"note\">Put together from pieces no outlet printed together.</p>\n",
        );
    }
    if let Some(first) = &s.first_seen {
        let doc = docs.get(first.doc.as_str());
        let outlet = first.outlet.as_deref().unwrap_or(&first.doc);
        let when = first
            .published
            .map_or("undated".to_string(), |t| t.to_string());
        let _ = writeln!(
            page,
            "<p class=\"first\">First seen: {}, {}</p>",
            link(doc.and_then(|d| d.url), outlet),
            escape(&when)
        );
    }
    timeline(page, &dated_rows(s, docs, quote_doc));
    page.push_str("<ol class=\"variants\">\n");
    for v in &s.variants {
        variant(page, s, v, docs, quote_doc);
    }
    page.push_str("</ol>\n");
    for group in &s.lineage {
        let names: Vec<String> = group.iter().map(|o| escape(o)).collect();
        let _ = writeln!(
            page,
            "<p class=\"lineage\">Same wording, maybe one source: {}</p>",
            names.join(", ")
        );
    }
    page.push_str("</section>\n");
}

/// Every word of a statement (its wordings and speaker) in small letters, for the search box.
fn search_words(s: &Statement) -> String {
    let mut words = s.canonical.to_lowercase();
    for v in &s.variants {
        words.push(' ');
        words.push_str(&v.text.to_lowercase());
    }
    if let Some(speaker) = &s.speaker {
        words.push(' ');
        words.push_str(&speaker.to_lowercase());
    }
    words
}

fn variant(
    page: &mut String,
    s: &Statement,
    v: &Variant,
    docs: &HashMap<&str, Doc<'_>>,
    quote_doc: &HashMap<&str, &str>,
) {
    // The articles that printed it, one link each.
    let mut articles: Vec<String> = Vec::new();
    for q in &v.quotes {
        let Some(doc) = quote_doc.get(q.as_str()).and_then(|d| docs.get(d)) else {
            continue;
        };
        let a = link(doc.url, doc.outlet);
        if !articles.contains(&a) {
            articles.push(a);
        }
    }
    let _ = writeln!(
        page,
        "<li class=\"variant\"><span class=\"drift\" title=\"drift from the canonical wording\">{:.2}</span> \
         <span class=\"times\">×{}</span> <span class=\"wording\">{}</span>\
         <span class=\"by\">{}</span></li>",
        v.drift_score,
        v.quotes.len(),
        marked(&s.canonical, v),
        articles.join(", "),
    );
}

/// The class of an edit's kind in the page.
fn class(kind: EditKind) -> &'static str {
    match kind {
        EditKind::Case => "case",
        EditKind::Punctuation => "punctuation",
        EditKind::Spelling => "spelling",
        EditKind::Inflection => "inflection",
        EditKind::Insertion => "insertion",
        EditKind::Omission | EditKind::Splice => "omission",
        EditKind::Truncation => "truncation",
        EditKind::Ellipsis => "ellipsis",
        EditKind::Translation | EditKind::Paraphrase => "translation",
        _ => "substitution",
    }
}

/// The variant's wording with its edits marked against the canonical one: each kind its own
/// class, the canonical words in the title of what replaced them.
fn marked(canonical: &str, v: &Variant) -> String {
    if let Some(e) = v
        .edits
        .iter()
        .find(|e| matches!(e.kind, EditKind::Translation | EditKind::Paraphrase))
    {
        return format!(
            "<span class=\"edit translation\" title=\"{}\">{}</span>",
            escape(e.kind.describe()),
            escape(&v.text)
        );
    }
    let words = quotetrace::drift::words(canonical);
    let mut out = String::new();
    let mut at = 0;
    let push = |out: &mut String, piece: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    };
    for e in &v.edits {
        for w in &words[at..e.canonical.start.min(words.len())] {
            push(&mut out, &escape(w));
        }
        push(&mut out, &edit(e));
        at = at.max(e.canonical.end.min(words.len()));
    }
    for w in &words[at..] {
        push(&mut out, &escape(w));
    }
    out
}

fn edit(e: &Edit) -> String {
    let class = class(e.kind);
    let (title, shown) = match e.kind {
        EditKind::Insertion => (e.kind.describe().to_string(), e.variant_text.as_str()),
        EditKind::Omission | EditKind::Splice => {
            (e.kind.describe().to_string(), e.canonical_text.as_str())
        }
        EditKind::Truncation => (format!("cut: {}", e.canonical_text), "…"),
        EditKind::Ellipsis => (format!("left out: {}", e.canonical_text), "[…]"),
        _ => (
            format!("{}: {}", e.kind.describe(), e.canonical_text),
            e.variant_text.as_str(),
        ),
    };
    let tag = match e.kind {
        EditKind::Insertion => "ins",
        EditKind::Omission | EditKind::Splice => "del",
        _ => "span",
    };
    format!(
        "<{tag} class=\"edit {class}\" title=\"{}\">{}</{tag}>",
        escape(&title),
        escape(shown)
    )
}

/// The outlets that printed a statement, in the order they first did, each with the times (in
/// seconds, and as written) of its dated quotations of it.
type Rows<'a> = Vec<(&'a str, Vec<(i64, &'a str)>)>;

fn dated_rows<'a>(
    s: &Statement,
    docs: &'a HashMap<&'a str, Doc<'a>>,
    quote_doc: &HashMap<&str, &'a str>,
) -> Rows<'a> {
    let mut rows: Rows<'a> = Vec::new();
    for q in &s.quotes {
        let Some(doc) = quote_doc.get(q.as_str()).and_then(|d| docs.get(d)) else {
            continue;
        };
        let Some((t, ref written)) = doc.published else {
            continue;
        };
        match rows.iter_mut().find(|(o, _)| *o == doc.outlet) {
            Some((_, times)) => times.push((t, written)),
            None => rows.push((doc.outlet, vec![(t, written)])),
        }
    }
    rows
}

/// An inline SVG chart: one row per outlet, in the order they first printed the statement,
/// a dot for each of its quotations at its publication time.
fn timeline(page: &mut String, rows: &Rows<'_>) {
    let times = rows.iter().flat_map(|(_, t)| t.iter().map(|x| x.0));
    let (Some(first), Some(last)) = (times.clone().min(), times.max()) else {
        return;
    };
    const LABEL: f64 = 180.0;
    const WIDTH: f64 = 420.0;
    const ROW: f64 = 18.0;
    let span = (last - first).max(1) as f64;
    let height = ROW * rows.len() as f64 + 22.0;
    let _ = write!(
        page,
        "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\">\
         <title>Which outlet printed it when</title>",
        w = LABEL + WIDTH + 10.0,
    );
    for (row, (outlet, times)) in rows.iter().enumerate() {
        let y = ROW * row as f64 + ROW / 2.0;
        let _ = write!(
            page,
            "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"end\">{}</text>\
             <line x1=\"{LABEL}\" x2=\"{end}\" y1=\"{y}\" y2=\"{y}\" class=\"row\"/>",
            escape(outlet),
            x = LABEL - 6.0,
            ty = y + 4.0,
            end = LABEL + WIDTH,
        );
        for &(t, written) in times {
            let x = LABEL + WIDTH * (t - first) as f64 / span;
            let _ = write!(
                page,
                "<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"4\"><title>{} · {}</title></circle>",
                escape(outlet),
                escape(written)
            );
        }
    }
    let axis = ROW * rows.len() as f64 + 14.0;
    let all = || rows.iter().flat_map(|(_, t)| t.iter());
    let from = all().min_by_key(|x| x.0).map_or("", |x| x.1);
    let to = all().max_by_key(|x| x.0).map_or("", |x| x.1);
    let _ = writeln!(
        page,
        "<text x=\"{LABEL}\" y=\"{axis}\" class=\"axis\">{}</text>\
         <text x=\"{end}\" y=\"{axis}\" text-anchor=\"end\" class=\"axis\">{}</text></svg>",
        escape(from),
        escape(to),
        end = LABEL + WIDTH,
    );
}

/// The view by outlet: what each quoted, what it printed first, how far its wordings drifted.
fn outlets(page: &mut String, report: &Report) {
    let mut outlets: Vec<_> = report.outlets.iter().collect();
    outlets.sort_by_key(|o| (std::cmp::Reverse(o.statements.len()), o.outlet.as_str()));
    page.push_str(
        "<section id=\"outlets\" hidden>\n<table>\n<thead><tr><th>Outlet</th><th>Statements \
         quoted</th><th>First to print</th><th>Mean drift</th></tr></thead>\n<tbody>\n",
    );
    for o in outlets {
        let quoted: Vec<String> = o
            .statements
            .iter()
            .map(|&id| {
                let key = report.clusters.get(id).map_or("", |s| s.key.as_str());
                format!("<a href=\"#s-{}\">#{id}</a>", escape(key))
            })
            .collect();
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{} <span class=\"ids\">{}</span></td><td>{}</td><td>{:.2}</td></tr>",
            escape(&o.outlet),
            o.statements.len(),
            quoted.join(" "),
            o.first.len(),
            o.mean_drift
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        let hostile =
            "<script>alert(1)</script> \"><img src=x onerror=alert(2)> </style> 'x' &amp;";
        let safe = escape(hostile);
        for bad in ["<", ">", "\"", "'"] {
            assert!(!safe.contains(bad), "{safe}");
        }
        assert!(safe.contains("&amp;amp;"));
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert!(link(Some("https://a.example/x?a=1&b=2"), "a")
            .contains("href=\"https://a.example/x?a=1&amp;b=2\""));
        assert_eq!(link(Some("javascript:alert(1)"), "a"), "a");
        assert_eq!(link(None, "<b>"), "&lt;b&gt;");
    }
}
