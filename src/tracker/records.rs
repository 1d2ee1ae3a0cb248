//! The tracker's quotations as it shows them and as the report records them, with their ids
//! and the numbers that order documents.

use super::{Derived, Entry, Names, Quote};
use crate::document::{Document, Timestamp};
use crate::report::{DocumentInfo, QuoteRecord};

/// A publication time as a number that orders as the times do, undated after every date
/// (times are ordered by the instant first; equal numbers are told apart in full).
pub(super) fn instant(published: Option<Timestamp>) -> u64 {
    match published {
        // The sign bit flipped: i64 order as u64 order, kept below the undated.
        Some(t) => ((t.unix_seconds() as u64) ^ (1 << 63)).min(u64::MAX - 1),
        None => u64::MAX,
    }
}

/// The rest of a publication time's order, after its [`instant`]: whether it is a date alone
/// (after a time of the same instant), then its offset (none before any); with the instant,
/// a number pair that orders exactly as the times do.
pub(super) fn form(published: Option<Timestamp>) -> u32 {
    published.map_or(0, |t| {
        let offset = t.offset_minutes().map_or(0, |m| {
            // Offsets are within ±23:59: an i16, its sign bit flipped to order as unsigned.
            (1 << 16) | u32::from((m as i16 as u16) ^ (1 << 15))
        });
        (u32::from(t.is_date_only()) << 17) | offset
    })
}

/// The first eight bytes of `id`, zero-padded, as a number that orders as the ids do: two ids
/// whose prefixes differ compare as their prefixes (a shorter id padded with zeros comes first,
/// as it does as a string, unless the longer one goes on with a zero byte, when the prefixes
/// are equal and the ids are compared in full).
pub(super) fn prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = id.len().min(8);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

/// Quotation `k` of a document, as the tracker shows it.
pub(super) fn quote<'a>(
    e: &'a Entry,
    k: usize,
    names: &'a Names,
    derived: &'a Derived,
    cluster: usize,
) -> Quote<'a> {
    let (speaker, method) = derived.speaker_of(e.speaker(k, names), e.method(k), cluster);
    Quote {
        id: quote_id(&e.document, k),
        document: &e.document,
        text: e.text(k),
        speaker,
        method,
        cluster,
        language: e.language(k),
        quotation: e.quotation(k),
        attribution: e.attribution(k, names),
    }
}

pub(super) fn document_info(d: &Document) -> DocumentInfo {
    DocumentInfo {
        id: d.id.clone(),
        outlet: d.outlet.clone(),
        url: d.url.clone(),
        published: d.published,
    }
}

/// The report's record of quotation `k` of a document, in statement `cluster`.
pub(super) fn quote_record(
    e: &Entry,
    k: usize,
    names: &Names,
    derived: &Derived,
    cluster: usize,
) -> QuoteRecord {
    let (speaker, method) = derived.speaker_of(e.speaker(k, names), e.method(k), cluster);
    let span = e.span(k);
    QuoteRecord {
        doc: e.document.id.clone(),
        start: span.start,
        end: span.end,
        text: e.text(k).to_string(),
        speaker: speaker.map(str::to_string),
        cue: e.cue(k, names).map(str::to_string),
        method,
        kind: e.kind(k),
        cluster,
        language: e.language(k).map(str::to_string),
        id: quote_id(&e.document, k),
    }
}

pub(super) fn quote_id(document: &Document, i: usize) -> String {
    // itoa, not `format!`: a million ids through the formatting machinery cost twice as much.
    let mut digits = itoa::Buffer::new();
    let number = digits.format(i + 1);
    let mut id = String::with_capacity(document.id.len() + 1 + number.len());
    id.push_str(&document.id);
    id.push('#');
    id.push_str(number);
    id
}
