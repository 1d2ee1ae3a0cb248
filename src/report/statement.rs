//! One statement of the report: its variants with their outlets and drift, its lineage, and
//! where no outlet printed it whole, its wording put together from its pieces.

use super::{DocumentInfo, FirstSeen, QuoteRecord, Statement, Variant};
use crate::cluster::PhraseId;
use crate::detect::QuoteKind;
use crate::drift::{drift, drift_in, translation, EditKind};
use crate::text::hash::{TextMap, TextSet};

/// One quotation of a statement.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member<'a> {
    pub(crate) quote: &'a QuoteRecord,
    /// Its document, where it is known.
    pub(crate) document: Option<&'a DocumentInfo>,
    /// Its outlet's number in [`Outlets`].
    pub(crate) outlet: usize,
}

/// The outlets of a report, numbered, and what it takes to list each once per statement and
/// per variant by number rather than by a table of names: with a million outlets such tables
/// outgrow the caches, and every listing misses them. What it buys, measured when it replaced
/// those tables: the report of a million copies of one quotation took 1.2 s, not 2.0 s (12.3×
/// its time for 100,000, not 17.4×).
pub(crate) struct Outlets<'a> {
    pub(super) names: Vec<&'a str>,
    /// For each outlet, the statement it was last listed in (its id + 1; 0 for none) and the
    /// first variant it printed there.
    listed: Vec<(usize, usize)>,
    /// (statement, variant, outlet) for an outlet that printed more than one variant of a
    /// statement, beyond its first: rare, so a table does.
    more: TextSet<(usize, usize, usize)>,
}

impl<'a> Outlets<'a> {
    /// The same outlets, with nothing listed yet: for another thread to list statements with
    /// (what each has listed is told apart by statement, so the lists agree).
    #[cfg(feature = "parallel")]
    pub(crate) fn fresh(&self) -> Outlets<'a> {
        Outlets {
            names: self.names.clone(),
            listed: vec![(0, 0); self.names.len()],
            more: TextSet::default(),
        }
    }

    /// Numbers the outlet of each of `names` (one per quotation, say), in order of first
    /// appearance; a name the same as the one before is not looked up again.
    pub(crate) fn numbered(names: impl ExactSizeIterator<Item = &'a str>) -> (Self, Vec<usize>) {
        let mut number: TextMap<&str, usize> = TextMap::default();
        let mut outlets = Outlets {
            names: Vec::new(),
            listed: Vec::new(),
            more: TextSet::default(),
        };
        let mut numbers = Vec::with_capacity(names.len());
        let mut last: Option<(&str, usize)> = None;
        for name in names {
            let n = match last {
                Some((before, n)) if before == name => n,
                _ => *number.entry(name).or_insert_with(|| {
                    outlets.names.push(name);
                    outlets.names.len() - 1
                }),
            };
            last = Some((name, n));
            numbers.push(n);
        }
        outlets.listed = vec![(0, 0); outlets.names.len()];
        (outlets, numbers)
    }
}

/// One statement of the report, from its quotations in order of appearance. `variant_of` is
/// filled with the variant each quotation was printed in (its index in the statement's
/// variants).
pub(crate) fn statement(
    id: usize,
    text: &str,
    speaker: Option<&str>,
    members: &[Member<'_>],
    outlets: &mut Outlets<'_>,
    variant_of: &mut Vec<usize>,
) -> Statement {
    let Wordings {
        mut variants,
        first,
        outlets: listed_outlets,
    } = wordings(id, members, outlets, variant_of);
    let language =
        crate::text::lexicon::main_language(members.iter().map(|m| m.quote.language.as_deref()));
    let languages: Vec<Option<&str>> = first.iter().map(|q| q.language.as_deref()).collect();
    let mut drifts = drifts_from(text, &variants, language, &languages);
    let same_language =
        |v: usize| language.is_none() || languages[v].is_none_or(|l| Some(l) == language);
    let pieces = pieces_of(text, &variants, &drifts, |v| {
        first[v].kind == QuoteKind::Full && same_language(v)
    });
    let assembled = (!pieces.is_empty()).then(|| {
        let held: Vec<bool> = drifts.iter().map(holds).collect();
        assemble(text, &variants, &pieces, &held, members, variant_of)
    });
    if let Some(whole) = &assembled {
        drifts = drifts_from(whole, &variants, language, &languages);
    }
    let original = text;
    let text = assembled.as_deref().unwrap_or(text);
    for (v, d) in variants.iter_mut().zip(drifts) {
        v.drift_score = d.score;
        v.edits = d.edits;
    }
    let lineage = lineage_of(&variants, original, text, &pieces);
    let first_seen = members.first().map(|m| FirstSeen {
        doc: m.quote.doc.clone(),
        outlet: m.document.and_then(|d| d.outlet.clone()),
        published: m.document.and_then(|d| d.published),
    });
    Statement {
        id,
        key: key_of(text),
        canonical: text.to_string(),
        speaker: speaker.map(str::to_string),
        language: language.map(str::to_string),
        assembled: assembled.is_some(),
        quotes: members.iter().map(|m| m.quote.id.clone()).collect(),
        outlets: listed_outlets,
        first_seen,
        variants,
        lineage,
    }
}

/// A statement worked out from its quotations alone, as the [`Tracker`](crate::Tracker)'s
/// report works out each of its own: its canonical wording and speaker, variants, drift,
/// outlets and first appearance. For a program that forms statements elsewhere (on a cluster,
/// say) and gathers each one's quotations.
///
/// `quotes` are the statement's quotations in order of appearance (the tracker's order: by
/// publication time, then document, then position), their speakers spelled as across the
/// corpus ([`canonical_speakers`](crate::attribute::canonical_speakers)); `documents` holds each
/// quotation's document, in the same order (a quotation without one counts under its document
/// id). Each quotation is given statement `id`, and where its document names no speaker, the
/// speaker the statement lends it (the one its other quotations all name, with
/// [`Method::Statement`](crate::attribute::Method::Statement)), as in the report. The
/// statement's [`key`](Statement::key) is its own: telling apart two statements whose keys
/// are the same is left to who holds them all.
///
/// ```
/// use quotetrace::report::{statement_of, DocumentInfo, QuoteRecord};
/// use quotetrace::{Document, Tracker};
///
/// let texts = ["\"Lets get the Peace Deal DONE!\" Trump wrote.", "\"Lets get the peace deal done!\""];
/// let mut tracker = Tracker::new();
/// for (id, text) in ["a", "b"].iter().zip(texts) {
///     tracker.add(Document::new(*id, text).with_outlet(format!("{id}.example")))?;
/// }
/// let report = tracker.report();
///
/// let mut quotes: Vec<QuoteRecord> = report.quotes.clone();
/// quotes[1].speaker = None; // as its document names it: nobody
/// let documents = report.documents.clone();
/// let statement = statement_of(0, &mut quotes, &documents);
/// assert_eq!(statement, report.clusters[0]);
/// assert_eq!(quotes[1].speaker.as_deref(), Some("Trump"));
/// # Ok::<(), quotetrace::tracker::DuplicateDocument>(())
/// ```
pub fn statement_of(
    id: usize,
    quotes: &mut [QuoteRecord],
    documents: &[DocumentInfo],
) -> Statement {
    use crate::tracker::statements::{lent_speaker, summary, Slots};
    let lent = lent_speaker(quotes.iter().map(|q| q.speaker.as_deref())).map(str::to_string);
    for q in quotes.iter_mut() {
        q.cluster = id;
        if q.speaker.is_none() && lent.is_some() {
            q.speaker.clone_from(&lent);
            q.method = Some(crate::attribute::Method::Statement);
        }
    }
    let quotes = &*quotes;
    let phrases = KeyedPhrases::of(quotes.iter().map(|q| q.text.as_str()));
    let positions: Vec<usize> = (0..quotes.len()).collect();
    let (canonical, speaker) = summary(
        &positions,
        |k| {
            let q = &quotes[k];
            (q.text.as_str(), q.speaker.as_deref(), q.language.as_deref())
        },
        &phrases,
        &mut Slots::Sparse(Default::default()),
    );
    let document = |k: usize| documents.get(k);
    let (mut outlets, outlet_of) = Outlets::numbered(
        quotes
            .iter()
            .enumerate()
            .map(|(k, q)| document(k).map_or(q.doc.as_str(), super::outlet_name)),
    );
    let members: Vec<Member<'_>> = quotes
        .iter()
        .zip(outlet_of)
        .enumerate()
        .map(|(k, (quote, outlet))| Member {
            quote,
            document: document(k),
            outlet,
        })
        .collect();
    statement(
        id,
        canonical,
        speaker,
        &members,
        &mut outlets,
        &mut Vec::new(),
    )
}

/// The phrases of a statement's quotations told apart by their content keys (as the
/// clustering's index tells them apart by their words), numbered by first appearance.
struct KeyedPhrases {
    /// Each quotation's phrase.
    of: Vec<PhraseId>,
    /// Each phrase's length in words.
    words: Vec<usize>,
}

impl KeyedPhrases {
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut number: crate::text::hash::FxMap<u64, PhraseId> = Default::default();
        let (mut of, mut words) = (Vec::new(), Vec::new());
        for text in texts {
            let (key, length, _) = crate::cluster::blocking_of(text, usize::MAX);
            let id = *number.entry(key).or_insert_with(|| {
                words.push(length);
                PhraseId::new(words.len() - 1)
            });
            of.push(id);
        }
        KeyedPhrases { of, words }
    }
}

impl crate::tracker::statements::PhraseOf for KeyedPhrases {
    fn phrase(&self, member: usize) -> PhraseId {
        self.of[member]
    }

    fn words(&self, phrase: PhraseId) -> usize {
        self.words[phrase.index()]
    }
}

/// The lineage groups of a statement: the outlets of each wording several of them printed
/// alike, which hints at a common source, unless it is the statement's own (its `original`
/// wording, its `canonical` one, or a piece of it).
fn lineage_of(
    variants: &[Variant],
    original: &str,
    canonical: &str,
    pieces: &[usize],
) -> Vec<Vec<String>> {
    variants
        .iter()
        .enumerate()
        .filter(|(i, v)| v.text != original && pieces.binary_search(i).is_err())
        .map(|(_, v)| v)
        .filter(|v| v.text != canonical && v.outlets.len() > 1)
        .map(|v| v.outlets.clone())
        .collect()
}

/// The key of a statement worded `canonical` ([`Statement::key`]): a hash of its words in
/// matching form, combined as the clustering combines a phrase's.
pub(crate) fn key_of(canonical: &str) -> String {
    use crate::text::hash::{mix, word_hash};
    let mut key = 0x9e37_79b9_7f4a_7c15u64;
    crate::normalize::for_each_word(canonical, |w| key = mix(key ^ word_hash(w)));
    format!("{key:016x}")
}

/// A statement's distinct wordings, each with its quotations and outlets.
struct Wordings<'a> {
    variants: Vec<Variant>,
    /// Each variant's first quotation.
    first: Vec<&'a QuoteRecord>,
    /// The outlets that printed the statement, in order.
    outlets: Vec<String>,
}

/// The variants of statement `id` from its quotations (`members`), each outlet listed once per
/// statement and once per variant; `variant_of` gets each quotation's variant.
fn wordings<'a>(
    id: usize,
    members: &[Member<'a>],
    outlets: &mut Outlets<'_>,
    variant_of: &mut Vec<usize>,
) -> Wordings<'a> {
    variant_of.clear();
    let mut listed_outlets: Vec<String> = Vec::new();
    let mut variants: Vec<Variant> = Vec::new();
    // The variant of each wording, so that a statement quoted thousands of times costs no more
    // per quotation than one quoted twice.
    let mut by_wording: TextMap<&str, usize> = TextMap::default();
    let mut first: Vec<&QuoteRecord> = Vec::new();
    for &Member {
        quote: q, outlet, ..
    } in members
    {
        let v = *by_wording.entry(q.text.as_str()).or_insert_with(|| {
            variants.push(Variant {
                text: q.text.clone(),
                quotes: Vec::new(),
                outlets: Vec::new(),
                drift_score: 0.0,
                edits: Vec::new(),
            });
            first.push(q);
            variants.len() - 1
        });
        variant_of.push(v);
        variants[v].quotes.push(q.id.clone());
        let name = outlets.names.get(outlet).copied().unwrap_or(q.doc.as_str());
        // New to the statement, and new to the variant. (An outlet without a number, which
        // none is, is listed every time: never lost.)
        let (new_here, new_to_variant) = match outlets.listed.get_mut(outlet) {
            Some(listed) if listed.0 != id + 1 => {
                *listed = (id + 1, v);
                (true, true)
            }
            Some(listed) => (false, listed.1 != v && outlets.more.insert((id, v, outlet))),
            None => (true, true),
        };
        if new_here {
            listed_outlets.push(name.to_string());
        }
        if new_to_variant {
            variants[v].outlets.push(name.to_string());
        }
    }
    Wordings {
        variants,
        first,
        outlets: listed_outlets,
    }
}

/// Sentences that no wording holds together with the rest (a letter quoted sentence by
/// sentence), by variant index, ascending: the statement is then worded by putting them
/// together. Only variants that `may_be_piece` accepts count (full quotations in the
/// statement's language: a fragment woven into the reporter's words that aligns with nothing
/// is left a variant).
fn pieces_of(
    text: &str,
    variants: &[Variant],
    drifts: &[crate::drift::Drift],
    may_be_piece: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..variants.len())
        .filter(|&v| drifts[v].is_paraphrase() && may_be_piece(v))
        .collect();
    // The longest first; one that the pieces taken already hold (the same sentence with
    // other marks, or a part of it) is not taken again.
    candidates.sort_by_key(|&v| (std::cmp::Reverse(variants[v].text.len()), v));
    // Each candidate costs an alignment against the pieces so far: a statement in more pieces
    // than this (a cluster gone wrong, or a text made to be costly) is worded by the longest.
    candidates.truncate(MAX_PIECES);
    let mut held = text.to_string();
    let mut pieces: Vec<usize> = Vec::new();
    for v in candidates {
        if drift(&held, &variants[v].text).is_paraphrase() {
            held.push_str(" … ");
            held.push_str(&variants[v].text);
            pieces.push(v);
        }
    }
    pieces.sort_unstable();
    pieces
}

/// Whether the canonical wording holds a variant word for word but for case, marks, spelling
/// and cuts: where such a variant stands places the canonical wording among the pieces.
fn holds(drift: &crate::drift::Drift) -> bool {
    drift.edits.iter().all(|e| {
        !matches!(
            e.kind,
            EditKind::Substitution
                | EditKind::Insertion
                | EditKind::Paraphrase
                | EditKind::Translation
        )
    })
}

/// How many pieces a statement's wording is put together from, at most.
const MAX_PIECES: usize = 64;

/// The drift of each variant from `canonical`: a variant in another language than the
/// statement's that does not align word by word with it is its translation (a quoted term kept
/// in the original, such as an Italian word in a Spanish article, still aligns).
fn drifts_from(
    canonical: &str,
    variants: &[Variant],
    language: Option<&str>,
    languages: &[Option<&str>],
) -> Vec<crate::drift::Drift> {
    variants
        .iter()
        .zip(languages)
        .map(|(v, &l)| {
            let d = drift_in(canonical, &v.text, language);
            match (language, l) {
                (Some(c), Some(l)) if c != l && d.is_paraphrase() => {
                    translation(canonical, &v.text, (c, l))
                }
                _ => d,
            }
        })
        .collect()
}

/// A statement's wording put together from `canonical` and the `pieces` (variant indices,
/// ascending) it does not hold, joined by ellipses: each piece placed just before or after a
/// segment already placed, as the first document printing both shows them, or else at the end.
/// A quotation stands for the canonical wording where its variant is `held` by it; one that
/// is neither held nor a piece (a fragment of a piece) says nothing of the order.
fn assemble(
    canonical: &str,
    variants: &[Variant],
    pieces: &[usize],
    held: &[bool],
    members: &[Member<'_>],
    variant_of: &[usize],
) -> String {
    let segments = Segments {
        pieces,
        held,
        members,
        variant_of,
    };
    let documents = document_ranges(members);
    let mut order: Vec<usize> = vec![0];
    let mut placed = vec![false; pieces.len() + 1];
    placed[0] = true;
    for k in 1..=pieces.len() {
        let here = documents
            .iter()
            .find_map(|d| segments.neighbour(d.clone(), k, &placed));
        match here {
            Some((other, after)) => {
                let i = order.iter().position(|&s| s == other).unwrap_or(0);
                order.insert(if after { i + 1 } else { i }, k);
            }
            None => order.push(k),
        }
        placed[k] = true;
    }
    order
        .iter()
        .map(|&s| {
            if s == 0 {
                canonical
            } else {
                variants[pieces[s - 1]].text.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// The members of one document stand together (they are ordered by document, then
/// position): each document's range of them.
fn document_ranges(members: &[Member<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut documents: Vec<std::ops::Range<usize>> = Vec::new();
    for i in 0..members.len() {
        match documents.last_mut() {
            Some(d) if members[d.start].quote.doc == members[i].quote.doc => d.end = i + 1,
            _ => documents.push(i..i + 1),
        }
    }
    documents
}

/// The segments of an assembled wording: segment 0 is the canonical wording, segment k + 1
/// the piece `pieces[k]`.
struct Segments<'s, 'a> {
    pieces: &'s [usize],
    held: &'s [bool],
    members: &'s [Member<'a>],
    variant_of: &'s [usize],
}

impl Segments<'_, '_> {
    /// No segment: a quotation that places nothing.
    const NONE: usize = usize::MAX;

    /// The segment member `i` stands for.
    fn of(&self, i: usize) -> usize {
        let v = self.variant_of[i];
        match self.pieces.binary_search(&v) {
            Ok(k) => k + 1,
            Err(_) if self.held[v] => 0,
            Err(_) => Self::NONE,
        }
    }

    /// Where the document of members `document` places segment `k`, if it prints it and a
    /// `placed` segment: after the nearest placed segment before it (`true`), or else before
    /// the nearest after it (`false`).
    fn neighbour(
        &self,
        document: std::ops::Range<usize>,
        k: usize,
        placed: &[bool],
    ) -> Option<(usize, bool)> {
        let segments = || {
            document
                .clone()
                .map(|i| (self.of(i), self.members[i].quote.start))
        };
        let (_, mine) = segments().find(|&(s, _)| s == k)?;
        let placed_here = || segments().filter(|&(s, _)| s != k && s != Self::NONE && placed[s]);
        let before = placed_here()
            .filter(|&(_, at)| at < mine)
            .max_by_key(|&(_, at)| at);
        let after = placed_here()
            .filter(|&(_, at)| at > mine)
            .min_by_key(|&(_, at)| at);
        before
            .map(|(s, _)| (s, true))
            .or(after.map(|(s, _)| (s, false)))
    }
}
