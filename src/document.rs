//! Documents — the news texts quotetrace reads — and their publication times.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil::{DateTime, Time};
use jiff::fmt::temporal::Pieces;
use jiff::SignedDuration;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{TimestampError, TimestampErrorKind};

/// A publication time, as precise as the source gives it.
///
/// Parsed by [`jiff`] from the ISO 8601 / RFC 3339 forms news feeds write: a date
/// (`2025-04-24`), optionally a time (`T13:39`, `T13:39:05`, `T13:39:05.250`; a space may stand
/// for the `T`) and an offset (`Z` or `±HH:MM`). A time without an offset is taken as UTC, and a
/// date alone as midnight UTC at the start of that day. Fractions of a second are dropped; a
/// leap second (`:60`) counts as `:59`. Dates run from the year -9999 to 9999; offsets are
/// below ±24:00.
///
/// Timestamps order by the real instant, whatever offsets the sources wrote, so a morning in
/// Berlin comes before the same morning in London. Equal instants are ordered date-only after
/// timed, then by offset, so sorting is deterministic. Display gives a normalised form of what
/// was written: seconds only when they are not zero, `Z` for a zero offset.
///
/// ```
/// use quotetrace::Timestamp;
///
/// let berlin: Timestamp = "2025-04-24T10:00+02:00".parse()?;
/// let london: Timestamp = "2025-04-24 09:00Z".parse()?;
/// assert!(berlin < london);
/// assert_eq!(london.to_string(), "2025-04-24T09:00Z");
/// assert_eq!(berlin.unix_seconds(), 1_745_481_600);
/// # Ok::<(), quotetrace::TimestampError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    // The derived ordering follows field order: the instant must come first.
    utc: i64,
    date_only: bool,
    // None when no offset was written; `Z` and `+00:00` are both Some(0).
    offset_minutes: Option<i16>,
}

impl Timestamp {
    /// Parses a timestamp in one of the accepted forms (see [`Timestamp`]).
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] if `value` is not a date or date and time in those forms, names a
    /// month, day, time or offset that does not exist, or names a time zone without an offset
    /// (quotetrace carries no time-zone database).
    ///
    /// ```
    /// use quotetrace::Timestamp;
    ///
    /// assert!(Timestamp::parse("2025-04-24").unwrap().is_date_only());
    /// assert!(Timestamp::parse("2025-04-24T13:39:05+02:00").is_ok());
    /// assert!(Timestamp::parse("24 April 2025").is_err());
    /// ```
    pub fn parse(value: &str) -> Result<Timestamp, TimestampError> {
        let fail = |kind, reason: String| TimestampError::new(value, kind, reason);
        let pieces =
            Pieces::parse(value).map_err(|e| fail(TimestampErrorKind::Format, e.to_string()))?;
        let date = pieces.date();
        if pieces.time_zone_annotation().is_some() && pieces.offset().is_none() {
            let reason = "a time zone annotation ([…]) is read only after a time with an offset \
                          (quotetrace carries no time-zone database)";
            return Err(fail(
                TimestampErrorKind::ZoneWithoutOffset,
                reason.to_string(),
            ));
        }
        // `Z` and `-00:00` (the time is UTC, the local offset unknown) are both zero.
        let offset = pieces.offset().map(|o| o.to_numeric_offset().seconds());
        let offset_minutes = match offset {
            Some(seconds) if seconds.abs() >= 24 * 3600 => {
                let reason = "offset beyond ±23:59".to_string();
                return Err(fail(TimestampErrorKind::Format, reason));
            }
            Some(seconds) if seconds % 60 != 0 => {
                let reason = format!("offset of {seconds} s has seconds");
                return Err(fail(TimestampErrorKind::OffsetSeconds, reason));
            }
            // Below 24 hours, so the minutes fit an i16.
            offset => offset.map(|seconds| (seconds / 60) as i16),
        };
        let time = pieces.time();
        // Whole seconds: the fraction is dropped, so the display reads back as the same instant.
        let clock = time.map_or(Time::midnight(), |t| {
            Time::constant(t.hour(), t.minute(), t.second(), 0)
        });
        // Counted on the civil calendar, which runs from -9999 to 9999 whatever the offset.
        let local = date.to_datetime(clock).duration_since(EPOCH).as_secs();
        Ok(Timestamp {
            utc: local - i64::from(offset.unwrap_or(0)),
            date_only: time.is_none(),
            offset_minutes,
        })
    }

    /// The instant as seconds since 1970-01-01T00:00Z (midnight UTC for a date alone).
    pub fn unix_seconds(&self) -> i64 {
        self.utc
    }

    /// The UTC offset written with the time, in minutes east of UTC; `None` if none was written.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.offset_minutes.map(i32::from)
    }

    /// Whether only a date was given, without a time of day.
    pub fn is_date_only(&self) -> bool {
        self.date_only
    }

    /// The wall-clock date and time the source wrote.
    fn local(&self) -> DateTime {
        let offset = i64::from(self.offset_minutes.unwrap_or(0)) * 60;
        // Every stored instant came from a civil time in range, so it converts back.
        EPOCH
            .checked_add(SignedDuration::from_secs(self.utc + offset))
            .unwrap_or(EPOCH)
    }
}

/// The Unix epoch on the civil calendar.
const EPOCH: DateTime = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.local();
        let year = local.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else {
            // ISO 8601's expanded years, as jiff reads them back.
            write!(f, "{year:+07}")?;
        }
        write!(f, "-{:02}-{:02}", local.month(), local.day())?;
        if self.date_only {
            return Ok(());
        }
        write!(f, "T{:02}:{:02}", local.hour(), local.minute())?;
        if local.second() != 0 {
            write!(f, ":{:02}", local.second())?;
        }
        match self.offset_minutes {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let minutes = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp string such as \"2025-04-24T13:39Z\"")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Timestamp, E> {
                Timestamp::parse(value).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// One text to search for quotations: an article, a post, a transcript.
///
/// Only `id` and `text` are required. The outlet and publication time, when known, let a report
/// say who printed a quotation first and how its wording drifted afterwards.
///
/// ```
/// use quotetrace::{Document, Timestamp};
///
/// let doc = Document::new("07_antiwar", "“Vladimir, STOP!” Trump wrote.")
///     .with_outlet("antiwar.com")
///     .with_published(Timestamp::parse("2025-04-24")?);
/// assert_eq!(doc.outlet.as_deref(), Some("antiwar.com"));
/// # Ok::<(), quotetrace::TimestampError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// A name unique within its corpus, e.g. the file stem of `docs/<id>.txt`.
    pub id: String,
    /// Who published it, e.g. the registrable domain `antiwar.com`.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Where it was retrieved from.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was published.
    #[serde(default)]
    pub published: Option<Timestamp>,
    /// The text exactly as published; quotation spans are byte offsets into it.
    pub text: String,
}

impl Document {
    /// A document with no outlet, URL or publication time.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            outlet: None,
            url: None,
            published: None,
            text: text.into(),
        }
    }

    /// Sets the outlet that published the document.
    #[must_use]
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Self {
        self.outlet = Some(outlet.into());
        self
    }

    /// Sets the URL the document was retrieved from.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the publication time.
    #[must_use]
    pub fn with_published(mut self, published: Timestamp) -> Self {
        self.published = Some(published);
        self
    }

    /// Orders documents by publication time: dated ones first, earliest first, then undated
    /// ones; ties go by id, so the order never depends on how the documents were loaded.
    ///
    /// ```
    /// use quotetrace::{Document, Timestamp};
    ///
    /// let mut docs = vec![
    ///     Document::new("undated", ""),
    ///     Document::new("late", "").with_published("2025-04-25".parse()?),
    ///     Document::new("early", "").with_published("2025-04-24T10:00+02:00".parse()?),
    /// ];
    /// docs.sort_by(Document::chronological_cmp);
    /// let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    /// assert_eq!(ids, ["early", "late", "undated"]);
    /// # Ok::<(), quotetrace::TimestampError>(())
    /// ```
    pub fn chronological_cmp(&self, other: &Self) -> Ordering {
        let key = |doc: &Self| (doc.published.is_none(), doc.published);
        key(self)
            .cmp(&key(other))
            .then_with(|| self.id.cmp(&other.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ts(value: &str) -> Timestamp {
        Timestamp::parse(value).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn parses_and_normalises_good_values() {
        // (input, display or "=" if the same, unix seconds)
        #[rustfmt::skip]
        let table = [
            ("1970-01-01", "=", 0),
            ("2025-04-24", "=", 1_745_452_800),
            ("2025-04-24T13:39", "=", 1_745_501_940),
            ("2025-04-24 13:39", "2025-04-24T13:39", 1_745_501_940),
            ("2025-04-24T13:39:00", "2025-04-24T13:39", 1_745_501_940),
            ("2025-04-24T13:39:05Z", "=", 1_745_501_945),
            ("2025-04-24t13:39z", "2025-04-24T13:39Z", 1_745_501_940),
            ("2025-04-24T13:39+00:00", "2025-04-24T13:39Z", 1_745_501_940),
            ("2025-04-24T13:39:05+02:00", "=", 1_745_494_745),
            ("2025-04-24T00:30-05:30", "=", 1_745_474_400),
            ("2025-04-24T23:59:60", "2025-04-24T23:59:59", 1_745_539_199),
            ("2024-02-29", "=", 1_709_164_800),
            ("2000-02-29T12:00", "=", 951_825_600),
            ("1969-12-31T23:59:59", "=", -1),
            ("0000-01-01T00:00+23:59", "=", -62_167_305_540),
            ("9999-12-31T23:59:59-23:59", "=", 253_402_387_139),
            ("9999-12-31", "=", 253_402_214_400),
        ];
        for (input, display, seconds) in table {
            let display = if display == "=" { input } else { display };
            let parsed = ts(input);
            assert_eq!(parsed.to_string(), display, "{input}");
            assert_eq!(parsed.unix_seconds(), seconds, "{input}");
            assert_eq!(ts(display), parsed, "{input} does not round-trip");
        }
    }

    #[test]
    fn reads_the_other_iso_forms_feeds_write() {
        // (input, display)
        #[rustfmt::skip]
        let table = [
            ("2025-04-24T13:39:05.5Z", "2025-04-24T13:39:05Z"),
            ("2025-04-24T13:39:05,250+02:00", "2025-04-24T13:39:05+02:00"),
            ("2025-04-24T13:39+0200", "2025-04-24T13:39+02:00"),
            ("2025-04-24T13:39-00:00", "2025-04-24T13:39Z"),
            ("2025-04-24T13", "2025-04-24T13:00"),
            ("20250424T1339Z", "2025-04-24T13:39Z"),
            ("2025-04-24T13:39Z[Europe/Paris]", "2025-04-24T13:39Z"),
            ("-000001-12-31", "-000001-12-31"),
            ("-009999-01-01T00:00+23:59", "-009999-01-01T00:00+23:59"),
        ];
        for (input, display) in table {
            let parsed = ts(input);
            assert_eq!(parsed.to_string(), display, "{input}");
            assert_eq!(ts(display), parsed, "{input} does not round-trip");
        }
    }

    #[test]
    fn rejects_bad_values_saying_why() {
        use TimestampErrorKind::*;
        // (input, kind, a word of the reason)
        #[rustfmt::skip]
        let table = [
            ("", Format, ""),
            ("2025-4-24", Format, ""),
            ("2025/04/24", Format, ""),
            ("2025-04-24T", Format, ""),
            ("2025-04-24T13:3", Format, ""),
            ("2025-04-24Z", Format, ""),
            ("2025-04-24T13:39 ", Format, ""),
            ("2025-04-24 ", Format, ""),
            ("24 April 2025", Format, ""),
            ("2025-00-10", Format, "month"),
            ("2025-13-10", Format, "month"),
            ("2025-04-31", Format, "day"),
            ("2025-02-29", Format, "day"),
            ("1900-02-29", Format, "day"),
            ("2025-01-00", Format, "day"),
            ("2025-04-24T24:00", Format, "hour"),
            ("2025-04-24T13:60", Format, "minute"),
            ("2025-04-24T13:39:61", Format, "second"),
            ("2025-04-24T13:39+24:00", Format, "offset"),
            ("2025-04-24T13:39-25:30", Format, "offset"),
            ("2025-04-24[Europe/Paris]", ZoneWithoutOffset, "offset"),
            ("2025-04-24T13:39[Europe/Paris]", ZoneWithoutOffset, "offset"),
            ("2025-04-24T13:39+05:30:15", OffsetSeconds, "seconds"),
        ];
        for (input, kind, why) in table {
            let error = Timestamp::parse(input).expect_err(input);
            assert_eq!(error.kind(), &kind, "{input}");
            assert_eq!(error.value(), input);
            assert!(error.reason().contains(why), "{input}: {}", error.reason());
        }
    }

    #[test]
    fn orders_by_instant_then_deterministically() {
        let ascending = [
            "2025-04-23T23:59:59",
            "2025-04-24T00:00",
            "2025-04-24",
            "2025-04-24T10:00+02:00",
            "2025-04-24T09:00Z",
            "2025-04-24T09:30",
            "2025-04-24T05:00-05:00",
        ];
        for pair in ascending.windows(2) {
            assert!(ts(pair[0]) < ts(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        // Same instant, different offsets: unequal but consistently ordered.
        let (z, plus) = (ts("2025-04-24T08:00Z"), ts("2025-04-24T10:00+02:00"));
        assert_eq!(z.unix_seconds(), plus.unix_seconds());
        assert_eq!(z < plus, plus > z);
        assert_ne!(z, plus);
    }

    #[test]
    fn serde_uses_the_string_form() {
        let doc = Document::new("a", "text").with_published(ts("2025-04-24T13:39+02:00"));
        let json = serde_json::to_string(&doc).unwrap();
        assert!(
            json.contains(r#""published":"2025-04-24T13:39+02:00""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
        let minimal: Document = serde_json::from_str(r#"{"id":"b","text":""}"#).unwrap();
        assert_eq!(minimal, Document::new("b", ""));
        assert!(serde_json::from_str::<Timestamp>(r#""2025-02-30""#).is_err());
    }

    #[test]
    fn chronological_order_puts_undated_last_and_breaks_ties_by_id() {
        let date = ts("2025-04-24");
        let mut docs = [
            Document::new("z", ""),
            Document::new("b", "").with_published(date),
            Document::new("a", ""),
            Document::new("c", "").with_published(ts("2025-04-23T23:00-02:00")),
            Document::new("a", "").with_published(date),
        ];
        docs.sort_by(Document::chronological_cmp);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "a", "z"]);
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = Timestamp::parse(&input);
        }

        #[test]
        fn display_round_trips(
            y in 0..=9999i32, m in 1..=12u32, d in 1..=31u32, h in 0..24u32, min in 0..60u32,
            s in 0..60u32, offset in proptest::option::of(-1439..=1439i32),
        ) {
            let d = d.min(jiff::civil::date(y as i16, m as i8, 1).days_in_month() as u32);
            let zone = match offset {
                None => String::new(),
                Some(o) => format!("{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60),
            };
            let input = format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}{zone}");
            let parsed = ts(&input);
            prop_assert_eq!(ts(&parsed.to_string()), parsed);
            let local = parsed.local();
            prop_assert_eq!((local.year(), local.month(), local.day()), (y as i16, m as i8, d as i8));
        }
    }
}
