//! Documents — the news texts quotetrace reads — and their publication times.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{TimestampError, TimestampErrorKind};

/// A publication time, as precise as the source gives it.
///
/// Parsed from `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`; a time may be followed
/// by `Z` or an offset `±HH:MM`, and a space may stand for the `T`. A time without an offset is
/// taken as UTC, and a date alone as midnight UTC at the start of that day.
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
    /// A [`TimestampError`] if `value` has another shape, or names a month, day, time or offset
    /// that does not exist.
    ///
    /// ```
    /// use quotetrace::Timestamp;
    ///
    /// assert!(Timestamp::parse("2025-04-24").unwrap().is_date_only());
    /// assert!(Timestamp::parse("2025-04-24T13:39:05+02:00").is_ok());
    /// assert!(Timestamp::parse("24 April 2025").is_err());
    /// ```
    pub fn parse(value: &str) -> Result<Timestamp, TimestampError> {
        parse_parts(value.as_bytes()).map_err(|kind| TimestampError::new(value, kind))
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
}

/// Reads fixed-width fields off the front of the input.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn number(&mut self, width: usize) -> Result<u32, TimestampErrorKind> {
        let digits = self.0.get(..width).ok_or(TimestampErrorKind::Format)?;
        // Checked by hand because `str::parse` would also accept a sign.
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(TimestampErrorKind::Format);
        }
        self.0 = &self.0[width..];
        Ok(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    fn next_byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn expect(&mut self, accepted: &[u8]) -> Result<u8, TimestampErrorKind> {
        match self.next_byte() {
            Some(b) if accepted.contains(&b) => Ok(b),
            _ => Err(TimestampErrorKind::Format),
        }
    }
}

struct RawTime {
    hour: u32,
    minute: u32,
    second: u32,
    offset: Option<(i32, u32, u32)>,
}

fn parse_parts(input: &[u8]) -> Result<Timestamp, TimestampErrorKind> {
    let mut cursor = Cursor(input);
    let year = cursor.number(4)?;
    cursor.expect(b"-")?;
    let month = cursor.number(2)?;
    cursor.expect(b"-")?;
    let day = cursor.number(2)?;
    let time = if cursor.0.is_empty() {
        None
    } else {
        Some(parse_time(&mut cursor)?)
    };
    if !cursor.0.is_empty() {
        return Err(TimestampErrorKind::Format);
    }
    // Ranges are checked only once the whole shape is known, so garbage reads as `Format`.
    let year = year as i32; // at most 9999
    if !(1..=12).contains(&month) {
        return Err(TimestampErrorKind::Month(month));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(TimestampErrorKind::Day { year, month, day });
    }
    let midnight = days_from_civil(i64::from(year), month, day) * 86_400;
    let Some(time) = time else {
        return Ok(Timestamp {
            utc: midnight,
            date_only: true,
            offset_minutes: None,
        });
    };
    let offset_minutes = check_time(&time)?;
    // A leap second cannot be represented in Unix time; 59 keeps it within its minute.
    let second = time.second.min(59);
    let local = midnight + i64::from(time.hour * 3600 + time.minute * 60 + second);
    Ok(Timestamp {
        utc: local - i64::from(offset_minutes.unwrap_or(0)) * 60,
        date_only: false,
        offset_minutes,
    })
}

fn parse_time(cursor: &mut Cursor<'_>) -> Result<RawTime, TimestampErrorKind> {
    cursor.expect(b"Tt ")?;
    let hour = cursor.number(2)?;
    cursor.expect(b":")?;
    let minute = cursor.number(2)?;
    let mut second = 0;
    let mut offset = None;
    let mut designator = cursor.next_byte();
    if designator == Some(b':') {
        second = cursor.number(2)?;
        designator = cursor.next_byte();
    }
    match designator {
        None => {}
        Some(b'Z' | b'z') => offset = Some((1, 0, 0)),
        Some(sign @ (b'+' | b'-')) => {
            let hours = cursor.number(2)?;
            cursor.expect(b":")?;
            let minutes = cursor.number(2)?;
            offset = Some((if sign == b'-' { -1 } else { 1 }, hours, minutes));
        }
        Some(_) => return Err(TimestampErrorKind::Format),
    }
    Ok(RawTime {
        hour,
        minute,
        second,
        offset,
    })
}

/// Checks the time's ranges and returns its offset in minutes.
fn check_time(time: &RawTime) -> Result<Option<i16>, TimestampErrorKind> {
    if time.hour >= 24 {
        return Err(TimestampErrorKind::Hour(time.hour));
    }
    if time.minute >= 60 {
        return Err(TimestampErrorKind::Minute(time.minute));
    }
    if time.second > 60 {
        return Err(TimestampErrorKind::Second(time.second));
    }
    let Some((sign, hours, minutes)) = time.offset else {
        return Ok(None);
    };
    if hours >= 24 || minutes >= 60 {
        return Err(TimestampErrorKind::Offset { hours, minutes });
    }
    // At most 23 * 60 + 59 = 1439, well inside i16.
    Ok(Some((sign * (hours * 60 + minutes) as i32) as i16))
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm:
/// years start in March so the leap day falls at the end, and 400-year eras repeat exactly).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Show the wall-clock time the source wrote, not the UTC one.
        let offset = i64::from(self.offset_minutes.unwrap_or(0));
        let local = self.utc + offset * 60;
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        write!(f, "{year:04}-{month:02}-{day:02}")?;
        if self.date_only {
            return Ok(());
        }
        let seconds = local.rem_euclid(86_400);
        write!(f, "T{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)?;
        if seconds % 60 != 0 {
            write!(f, ":{:02}", seconds % 60)?;
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
    fn rejects_bad_values() {
        use TimestampErrorKind::*;
        #[rustfmt::skip]
        let table = [
            ("", Format),
            ("2025-4-24", Format),
            ("2025/04/24", Format),
            ("+025-04-24", Format),
            ("2025-04-24T", Format),
            ("2025-04-24T13", Format),
            ("2025-04-24T13:3", Format),
            ("2025-04-24Z", Format),
            ("2025-04-24T13:39:05.5Z", Format),
            ("2025-04-24T13:39+0200", Format),
            ("2025-04-24T13:39 ", Format),
            ("2025-04-24T13:39Z ", Format),
            ("2025-04-24 ", Format),
            ("2025-00-10", Month(0)),
            ("2025-13-10", Month(13)),
            ("2025-04-31", Day { year: 2025, month: 4, day: 31 }),
            ("2025-02-29", Day { year: 2025, month: 2, day: 29 }),
            ("1900-02-29", Day { year: 1900, month: 2, day: 29 }),
            ("2025-01-00", Day { year: 2025, month: 1, day: 0 }),
            ("2025-04-24T24:00", Hour(24)),
            ("2025-04-24T13:60", Minute(60)),
            ("2025-04-24T13:39:61", Second(61)),
            ("2025-04-24T13:39+24:00", Offset { hours: 24, minutes: 0 }),
            ("2025-04-24T13:39-01:60", Offset { hours: 1, minutes: 60 }),
        ];
        for (input, kind) in table {
            let error = Timestamp::parse(input).expect_err(input);
            assert_eq!(error.kind(), &kind, "{input}");
            assert_eq!(error.value(), input);
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
            let d = d.min(days_in_month(y, m));
            let zone = match offset {
                None => String::new(),
                Some(o) => format!("{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60),
            };
            let input = format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}{zone}");
            let parsed = ts(&input);
            prop_assert_eq!(ts(&parsed.to_string()), parsed);
            let local = parsed.unix_seconds() + i64::from(offset.unwrap_or(0)) * 60;
            let days = local.div_euclid(86_400);
            prop_assert_eq!(civil_from_days(days), (i64::from(y), m, d));
        }
    }
}
