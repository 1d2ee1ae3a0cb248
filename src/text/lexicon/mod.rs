//! Word lists shared by the stages: the verbs that introduce speech, and the words that are titles,
//! roles or function words rather than parts of a name, one table per language (`en.rs`,
//! `de.rs`, …): adding a language is adding a file and listing it in [`LANGUAGES`]. They
//! describe news prose in general, never a particular corpus.
//!
//! All languages' words are read into one table, so that a document mixing languages (an
//! English quotation in a German article) is read with every list at once; what only one
//! language does (capitalising its nouns, dropping its subjects) follows from the language a
//! document's function words say it is in ([`language_of`]).

use std::sync::OnceLock;

use crate::text::hash::FxMap;
use crate::text::letters;

mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pt;

/// One language's grammar of attribution, as lists of words (each list one string, words
/// apart by white space, in small letters).
pub(crate) struct Grammar {
    /// ISO 639-1 code.
    pub(crate) code: &'static str,
    /// Verbs (every inflection listed) that introduce reported speech: `"…," Trump wrote`.
    speech_verbs: &'static str,
    /// Titles and roles that precede a name and are not part of it: `U.S. President Donald
    /// Trump`, `Liverpool boss Jürgen Klopp`.
    titles: &'static str,
    /// Capitalised words that start sentences or name times, credits and such, never speakers.
    not_names: &'static str,
    /// Nouns that make a phrase an organisation: `Russia's defense ministry`.
    organisation_nouns: &'static str,
    /// Nouns for what someone said, after a possessive: `Trump's claim that "…"`.
    statement_nouns: &'static str,
    /// Words that open a clause or a phrase of their own: what follows them is not the subject
    /// of a quotation's attribution.
    clause_words: &'static str,
    /// Lower-case words allowed inside a name: `Charles de Gaulle`, `Ursula von der Leyen`.
    particles: &'static str,
    /// Words that may stand between a subject and its verb, or a verb and its subject:
    /// `Trump later wrote`, `ha precisato ieri il portavoce`.
    verb_adverbs: &'static str,
    /// Words that point at a noun already known, not at a name: `the`, `his`, `their`.
    determiners: &'static str,
    /// Articles a subject phrase may open with: `the`, `der`, `le`.
    articles: &'static str,

    /// Personal pronouns that stand for a person named before: `he`, `sie`, `elle`.
    pronouns: &'static str,
    /// The pronouns that follow their verb in attribution: `schrieb sie`, `zei hij`.
    inverted_pronouns: &'static str,
    /// Prepositions for `according to`: `laut X`, `selon X`, `según X`.
    according: &'static str,
    /// Words that attribute a quotation when they follow it and the subject follows them:
    /// `«…», so der Trainer`.
    after_quote_cues: &'static str,
    /// Auxiliaries of a perfect tense, before a participle: `a déclaré`, `ha detto`.
    auxiliaries: &'static str,
    /// Its commonest function words, few of which other languages share: how a text tells its
    /// language.
    profile: &'static str,
    /// Whether a verb may stand without its subject, which is then the person last spoken of
    /// (`, ha detto.`).
    pro_drop: bool,
    /// Whether the subject follows its verb in an ordinary sentence, not only after a
    /// quotation (`Dazu sagte Anna Berger:`).
    inverts_subject: bool,
    /// Whether every noun is capitalised, so that capitals say little about names.
    pub(crate) nouns_capitalised: bool,
}

impl Grammar {
    /// Each list with the flag its words get.
    fn lists(&self) -> [(&'static str, Flags); 16] {
        [
            (self.speech_verbs, SPEECH | self.verb_flags()),
            (self.titles, TITLE),
            (self.not_names, NOT_NAME),
            (self.organisation_nouns, ORGANISATION),
            (self.statement_nouns, STATEMENT),
            (self.clause_words, CLAUSE),
            (self.particles, PARTICLE),
            (self.verb_adverbs, ADVERB),
            (self.determiners, DETERMINER),
            (self.articles, ARTICLE),
            (self.pronouns, PRONOUN),
            (self.inverted_pronouns, INVERTED_PRONOUN),
            (self.according, ACCORDING),
            (self.after_quote_cues, AFTER_QUOTE),
            (self.auxiliaries, AUXILIARY),
            (self.profile, profile_flag(self.index())),
        ]
    }

    /// What the language's speech verbs say of their subject.
    fn verb_flags(&self) -> Flags {
        let drop = if self.pro_drop { PRO_DROP } else { 0 };
        drop | if self.inverts_subject { INVERTS } else { 0 }
    }

    fn index(&self) -> usize {
        LANGUAGES
            .iter()
            .position(|g| g.code == self.code)
            .unwrap_or(0)
    }
}

/// The languages whose grammar is known, English first (the default of a text that shows
/// none).
pub(crate) const LANGUAGES: [&Grammar; 7] = [
    &en::GRAMMAR,
    &de::GRAMMAR,
    &fr::GRAMMAR,
    &es::GRAMMAR,
    &it::GRAMMAR,
    &pt::GRAMMAR,
    &nl::GRAMMAR,
];

/// What the word lists say of a word, as bits: one lookup answers every list.
pub(crate) type Flags = u32;
pub(crate) const SPEECH: Flags = 1;
pub(crate) const TITLE: Flags = 1 << 1;
pub(crate) const NOT_NAME: Flags = 1 << 2;
pub(crate) const ORGANISATION: Flags = 1 << 3;
pub(crate) const STATEMENT: Flags = 1 << 4;
pub(crate) const CLAUSE: Flags = 1 << 5;
pub(crate) const PARTICLE: Flags = 1 << 6;
pub(crate) const ADVERB: Flags = 1 << 7;
pub(crate) const DETERMINER: Flags = 1 << 8;
pub(crate) const ARTICLE: Flags = 1 << 9;
pub(crate) const PRONOUN: Flags = 1 << 10;
pub(crate) const INVERTED_PRONOUN: Flags = 1 << 11;
pub(crate) const ACCORDING: Flags = 1 << 12;
pub(crate) const AFTER_QUOTE: Flags = 1 << 13;
pub(crate) const AUXILIARY: Flags = 1 << 14;
/// A speech verb of a language that drops its subjects.
pub(crate) const PRO_DROP: Flags = 1 << 15;
/// A speech verb of a language whose subject follows its verb in any sentence.
pub(crate) const INVERTS: Flags = 1 << 16;
/// The first of the languages' profile bits, one per language of [`LANGUAGES`].
const PROFILE_SHIFT: u32 = 17;

/// The profile bits of every language.
pub(crate) const PROFILES: Flags = ((1 << LANGUAGES.len()) - 1) << PROFILE_SHIFT;

const fn profile_flag(language: usize) -> Flags {
    1 << (PROFILE_SHIFT + language as u32)
}

/// The language of a text whose words' flags are `flags` (lower-case words only: a capital
/// says nothing of the language), by which language's profile words are the most: the grammar
/// of [`LANGUAGES`] that applies to it. English when none is seen; the first language listed
/// on a tie.
pub(crate) fn language_of(flags: impl Iterator<Item = Flags>) -> &'static Grammar {
    let mut counts = [0usize; LANGUAGES.len()];
    for f in flags.filter(|f| f & PROFILES != 0) {
        for (language, count) in counts.iter_mut().enumerate() {
            *count += usize::from(f & profile_flag(language) != 0);
        }
    }
    let best = (0..LANGUAGES.len())
        .max_by_key(|&l| (counts[l], std::cmp::Reverse(l)))
        .unwrap_or(0);
    LANGUAGES[if counts[best] == 0 { 0 } else { best }]
}

/// The language of `text` by its lower-case function words, if at least `min` of them say so
/// and twice as many as of any other language's (Dutch and English share `was`, a short
/// quotation may hold it twice): the ISO 639-1 code of the language of [`LANGUAGES`] whose
/// profile words are the most. Reads at most the first 2,000 words.
pub(crate) fn language_in(text: &str, min: usize) -> Option<&'static str> {
    Profile::of(text).language(min)
}

/// The profile words of each language among the first [`Profile::MAX_WORDS`] lower-case words
/// of a text, counted as [`language_in`] counts them, so that a text can be counted in pieces
/// (the words of its prose as attribution's tokenizer already looked them up, those of its
/// quotations as their own languages counted them) and tell the same language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    counts: [usize; LANGUAGES.len()],
    /// The lower-case words counted, of any list or none.
    words: usize,
}

impl Profile {
    /// The most words a text's language is read from.
    const MAX_WORDS: usize = 2000;

    /// The profile of `text`.
    pub(crate) fn of(text: &str) -> Profile {
        let mut profile = Profile::default();
        profile.add_text(text);
        profile
    }

    /// Whether the words counted are all the language is read from: later ones change nothing.
    pub(crate) fn is_full(&self) -> bool {
        self.words >= Self::MAX_WORDS
    }

    /// Counts the next lower-case word, whose flags are `flags`.
    #[inline]
    pub(crate) fn add_word(&mut self, flags: Flags) {
        if self.is_full() {
            return;
        }
        self.words += 1;
        if flags & PROFILES != 0 {
            for (language, count) in self.counts.iter_mut().enumerate() {
                *count += usize::from(flags & profile_flag(language) != 0);
            }
        }
    }

    /// The profile of `text[span]` (of nothing when that is no slice of `text`), as
    /// [`Profile::of`] gives it.
    pub(crate) fn of_span(text: &str, span: std::ops::Range<usize>) -> Profile {
        let mut profile = Profile::default();
        profile.add_span(text, span);
        profile
    }

    /// Counts the lower-case words of `text`, which follows the words counted so far.
    /// Apostrophes apart: `c'est` is `c` and `est`, a word in single marks is the word.
    pub(crate) fn add_text(&mut self, text: &str) {
        self.add_span(text, 0..text.len());
    }

    /// Counts the lower-case words of `text[span]` as [`Profile::add_text`] counts those of
    /// that slice (none when it is no slice of `text`). The words are looked up in the whole
    /// `text`, where the bytes after them are at hand for `flags_in` to read sixteen at once:
    /// in a slice alone, the last words of a quotation and every part of a joined word
    /// (`c'est`) took the slow path. (What that buys: `read` over polnear-train fell from
    /// 427.3M to 426.0M instructions.)
    pub(crate) fn add_span(&mut self, text: &str, span: std::ops::Range<usize>) {
        let Some(piece) = text.get(span.clone()) else {
            return;
        };
        let room = Self::MAX_WORDS.saturating_sub(self.words);
        let table = table();
        for word in (LowercaseWords { text: piece, at: 0 }).take(room) {
            let at = span.start + word.start..span.start + word.end;
            self.add_word(table.flags_in(text, at));
        }
    }

    /// Counts the words `other` counted, as if its text followed the words counted so far;
    /// returns `false`, counting nothing, when they would not all be counted (the cap is
    /// reached among them, or `other` was cut at it and may leave words out).
    pub(crate) fn add(&mut self, other: &Profile) -> bool {
        if other.is_full() || self.words + other.words > Self::MAX_WORDS {
            return false;
        }
        self.words += other.words;
        for (count, more) in self.counts.iter_mut().zip(other.counts) {
            *count += more;
        }
        true
    }

    /// The language the words counted tell, as [`language_in`] says.
    pub(crate) fn language(&self, min: usize) -> Option<&'static str> {
        let counts = &self.counts;
        let best = (0..LANGUAGES.len()).max_by_key(|&l| (counts[l], std::cmp::Reverse(l)))?;
        let lead = (0..LANGUAGES.len()).all(|l| l == best || 2 * counts[l] <= counts[best]);
        (lead && counts[best] >= min.max(1)).then_some(LANGUAGES[best].code)
    }
}

/// The runs of letters and digits of a text that open with a small letter, as
/// `text.split(|c: char| !c.is_alphanumeric())` and a filter on the first letter would give
/// them, as byte ranges: the language of every quotation is read this way. Runs of ASCII are
/// scanned eight bytes at a time, and the punctuation of news (`’`, `“`, `—`) is told without the
/// Unicode tables ([`letters`]), as the tokenizer of attribution reads the prose; what that
/// buys, measured when it replaced a scan of one character at a time that asked the tables of
/// every curly mark: `read` over polnear-train fell from 507.6M to 487.1M instructions.
struct LowercaseWords<'t> {
    text: &'t str,
    at: usize,
}

impl LowercaseWords<'_> {
    /// The character at `i` if it is a letter or digit, and its length.
    #[inline]
    fn alphanumeric_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return b.is_ascii_alphanumeric().then_some((char::from(b), 1));
        }
        let c = self.text[i..].chars().next()?;
        letters::is_alphanumeric(c).then_some((c, c.len_utf8()))
    }
}

impl Iterator for LowercaseWords<'_> {
    type Item = std::ops::Range<usize>;

    // (Inlined into `Profile::add_text`, which reads every quotation's words: the call per
    // word, through the global offset table and with six registers saved, cost 5.5M
    // instructions on polnear-train.)
    #[inline]
    fn next(&mut self) -> Option<std::ops::Range<usize>> {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            let Some((first, len)) = self.alphanumeric_at(self.at) else {
                // Not a letter or digit: skip the whole character.
                let b = bytes[self.at];
                self.at += if b < 0x80 {
                    1
                } else {
                    self.text[self.at..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8)
                };
                continue;
            };
            let start = self.at;
            self.at += len;
            loop {
                self.at = letters::alnum_run_end(bytes, self.at);
                match self.alphanumeric_at(self.at) {
                    Some((_, len)) => self.at += len,
                    None => break,
                }
            }
            if first.is_lowercase() {
                return Some(start..self.at);
            }
        }
        None
    }
}

/// The word lists as one table. Words of up to 16 ASCII bytes (all but a handful) are packed
/// into a `u128` and found by open addressing with integer compares, the hot path of
/// attribution, which looks up every word of a text; the rest sit in a map. What the packed
/// keys and the filter in front of them buy, measured when they replaced a map of strings:
/// 9% fewer instructions per MB of news for detection and attribution together.
pub(crate) struct Table {
    /// `(packed word, flags)`, a power of two long; a packed word is never 0.
    slots: Vec<(u128, Flags)>,
    /// One bit per hash value of every packed word: most words of a text are in no list, and
    /// this small filter (in the fastest cache) says so without touching `slots`.
    filter: Vec<u64>,
    others: FxMap<&'static str, Flags>,
    /// Whether a word of `others` holds `’`. None does today: a word of the text holding one
    /// (`Russia’s`, `don’t`) is then in no list, and is not lowered to be looked up.
    others_apostrophe: bool,
    /// The last four bytes of every title of seven bytes or more, sorted: a word whose end is
    /// none of them ends in no title ([`ends_in_title`]).
    title_tails: Vec<u32>,
}

/// `word` packed into an integer, in lower case when `fold`, if it is short ASCII: its bytes,
/// and its length in the top byte (so that no two words share a key, not even ones that differ
/// only by trailing NUL bytes).
#[inline]
fn pack(word: &str, fold: bool) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let (low, high) = load(bytes);
    if (low | high) & HIGH_BITS != 0 {
        return None; // not ASCII
    }
    let (low, high) = if fold {
        (ascii_lower(low), ascii_lower(high))
    } else {
        (low, high)
    };
    let length = (bytes.len() as u128) << 120;
    Some(u128::from(low) | (u128::from(high) << 64) | length)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Up to 16 bytes as two little-endian integers, zero-padded, read with overlapping loads
/// rather than copied byte by byte.
#[inline]
fn load(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    let word = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let half = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    match n {
        0..=3 => {
            let mut x = 0;
            for (k, &b) in bytes.iter().enumerate() {
                x |= u64::from(b) << (8 * k);
            }
            (x, 0)
        }
        // The second load ends at the last byte and overlaps the first, which is harmless:
        // the bytes they share are the same.
        4..=7 => (half(0) | (half(n - 4) << (8 * (n - 4))), 0),
        8 => (word(0), 0),
        _ => (word(0), word(n - 8) >> (8 * (16 - n))),
    }
}

/// Eight ASCII bytes in lower case at once: `A`..=`Z` gain the 0x20 bit.
#[inline]
fn ascii_lower(x: u64) -> u64 {
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    // Bytes are below 0x80, so these sums never carry into the next byte; the high bit of each
    // byte says whether it is at least `A`, and whether it is past `Z`.
    let from_a = x + each(0x80 - b'A');
    let past_z = x + each(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & HIGH_BITS;
    x | (upper >> 2)
}

impl Table {
    fn hash(key: u128) -> u64 {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        folded.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn slot(&self, key: u128) -> usize {
        (Self::hash(key) >> 40) as usize & (self.slots.len() - 1)
    }

    /// The filter's word and bit for `key`.
    fn bit(&self, key: u128) -> (usize, u64) {
        let h = Self::hash(key) >> 20;
        ((h >> 6) as usize & (self.filter.len() - 1), 1 << (h & 63))
    }

    fn insert(&mut self, word: &'static str, flag: Flags) {
        let Some(key) = pack(word, false) else {
            *self.others.entry(word).or_insert(0) |= flag;
            return;
        };
        let mut i = self.slot(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & (self.slots.len() - 1);
        }
        self.slots[i].0 = key;
        self.slots[i].1 |= flag;
        let (word, bit) = self.bit(key);
        self.filter[word] |= bit;
    }

    #[inline]
    fn get(&self, key: u128) -> Flags {
        let (word, bit) = self.bit(key);
        if self.filter[word] & bit == 0 {
            return 0;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (k, flags) if k == key => return flags,
                (0, _) => return 0,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

#[inline]
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: Vec<(&str, Flags)> = LANGUAGES.iter().flat_map(|g| g.lists()).collect();
        let count: usize = lists
            .iter()
            .map(|(w, _)| w.split_whitespace().count())
            .sum();
        let mut table = Table {
            // At most half full.
            slots: vec![(0, 0); (count * 2).next_power_of_two()],
            // 16 bits per word: a word in no list passes the filter about once in 16.
            filter: vec![0; (count / 4).next_power_of_two()],
            others: FxMap::default(),
            others_apostrophe: false,
            title_tails: Vec::new(),
        };
        for (words, flag) in lists {
            for w in words.split_whitespace() {
                table.insert(w, flag);
            }
        }
        table.others_apostrophe = table.others.keys().any(|w| w.contains('’'));
        let titles = LANGUAGES.iter().flat_map(|g| g.titles.split_whitespace());
        table.title_tails = titles.filter_map(|t| tail(t, 7)).collect();
        table.title_tails.sort_unstable();
        table.title_tails.dedup();
        table
    })
}

/// The flags of `word` as written (exact case): for words already in lower case.
fn flags_exact(word: &str) -> Flags {
    let table = table();
    match pack(word, false) {
        Some(key) => table.get(key),
        None => table.others.get(word).copied().unwrap_or(0),
    }
}

/// The flags of `word` in any case.
#[inline]
pub(crate) fn flags(word: &str) -> Flags {
    let table = table();
    if let Some(key) = pack(word, true) {
        return table.get(key);
    }
    // Lower case keeps `’`, and makes it of no other character.
    if !table.others_apostrophe && word.contains('’') {
        return 0;
    }
    let mut buffer = [0u8; 32];
    flags_exact(lower(word, &mut buffer).as_ref())
}

/// The flags of the word `text[range]` in any case, as [`flags`] gives them.
#[cfg(test)]
fn flags_in(text: &str, range: std::ops::Range<usize>) -> Flags {
    table().flags_in(text, range)
}

impl Table {
    /// The flags of the word `text[range]` in any case, as [`flags`] gives them: when the text
    /// goes on for 16 bytes from the word's start, the word is read with one load and masked to
    /// its length, rather than packed byte by byte (the tokenizer asks this of every word, with
    /// the table it fetched once).
    #[inline(always)]
    pub(crate) fn flags_in(&self, text: &str, range: std::ops::Range<usize>) -> Flags {
        let len = range.len();
        if (1..=15).contains(&len) {
            if let Some(chunk) = text.as_bytes().get(range.start..range.start + 16) {
                let mut sixteen = [0; 16];
                sixteen.copy_from_slice(chunk);
                let word = u128::from_le_bytes(sixteen);
                // The word's bytes, the text after it masked off.
                let (low, high) = if len <= 8 {
                    (word as u64 & (u64::MAX >> (64 - 8 * len)), 0)
                } else {
                    (
                        word as u64,
                        (word >> 64) as u64 & (u64::MAX >> (128 - 8 * len)),
                    )
                };
                if (low | high) & HIGH_BITS == 0 {
                    // (A word of eight bytes or fewer, most of them, has no high half to
                    // lower: skipping it took `read` over polnear-train from 440.2M to 436.7M
                    // instructions.)
                    let high = if len <= 8 { 0 } else { ascii_lower(high) };
                    let key = u128::from(ascii_lower(low))
                        | (u128::from(high) << 64)
                        | ((len as u128) << 120);
                    return self.get(key);
                }
            }
        }
        text.get(range).map_or(0, flags)
    }
}

/// `word` in lower case: borrowed when it already is, in `buffer` when it is short and its
/// capitals are ASCII.
pub(crate) fn lower<'a>(word: &'a str, buffer: &'a mut [u8; 32]) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let (mut upper, mut ascii) = (false, true);
    for b in word.bytes() {
        upper |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    // Small letters and punctuation beyond ASCII (`é` in `président`, `ä`, `’` in `Russia’s`,
    // the marks `“` and `«`) stay as they are in lower case, so words with only those and
    // ASCII are lowered byte by byte too, without a new string.
    let caseless = ascii || word.chars().all(|c| c.is_ascii() || lower_case_keeps(c));
    if caseless && !upper {
        return Cow::Borrowed(word);
    }
    if caseless && word.len() <= buffer.len() {
        let out = &mut buffer[..word.len()];
        out.copy_from_slice(word.as_bytes());
        // Only the bytes of ASCII capitals change: the text stays UTF-8.
        out.make_ascii_lowercase();
        return Cow::Borrowed(std::str::from_utf8(out).unwrap_or(word));
    }
    Cow::Owned(word.to_lowercase())
}

/// Characters that lower case leaves as they are, among the common ones of news text: the
/// Latin-1 signs (U+00A0 to U+00BF) and small letters (`ß` to `ÿ`, U+00DF to U+00FF), and
/// General Punctuation (U+2000 to U+206F).
fn lower_case_keeps(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{bf}' | '\u{df}'..='\u{ff}' | '\u{2000}'..='\u{206f}')
}

/// Whether `word` (any case) is a verb that introduces reported speech.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    flags(word) & SPEECH != 0
}

/// Whether `word` (any case) is a title, role or qualifier rather than part of a person's name.
pub(crate) fn is_title(word: &str) -> bool {
    // `US-Präsident`, `ex-president`: the last part of a compound decides.
    let last = word.rsplit('-').next().unwrap_or(word);
    flags(word) & TITLE != 0 || (last.len() < word.len() && flags(last) & TITLE != 0)
}

/// Whether `word` is a compound ending in a title, as German writes them (`Erfolgstrainer`,
/// `Bundeskanzler`): a title of seven bytes or more after a first part of three or more
/// (shorter ones end names too: `McQueen`).
// (Inlined, the length test spares the call for the many short capitalised words; and the
// end of a long word, looked up among the titles' ends, spares the lookups at each possible
// start for nearly all of them. What the two buy: the tokenizer's `finish`, which asks this of
// every capitalised word, fell from 41.4M to 39.2M instructions on polnear-train.)
#[inline]
pub(crate) fn ends_in_title(word: &str) -> bool {
    word.len() >= 10 && long_word_ends_in_title(word)
}

/// [`ends_in_title`] for a word of ten bytes or more.
fn long_word_ends_in_title(word: &str) -> bool {
    let no_title_ends = |end: u32| table().title_tails.binary_search(&end).is_err();
    // Four ASCII bytes at the end stay the end in lower case: told before lowering the word.
    // (That halved the instructions here on polnear-train: 2.64M to 1.27M.)
    let ascii_end = tail(word, 4).filter(|end| end & 0x8080_8080 == 0);
    if ascii_end.is_some_and(|end| no_title_ends(ascii_lower(u64::from(end)) as u32)) {
        return false;
    }
    let mut buffer = [0u8; 32];
    let lower = lower(word, &mut buffer);
    if tail(&lower, 4).is_some_and(no_title_ends) {
        return false;
    }
    // (Asked of every long capitalised word: the title is looked up at its few possible
    // starts, 7 to 16 bytes from the end, the word lowered once.)
    let len = lower.len();
    (len.saturating_sub(16).max(3)..=len - 7)
        .filter(|&i| lower.is_char_boundary(i))
        .any(|i| flags_exact(&lower[i..]) & TITLE != 0)
}

/// The last four bytes of `word`, if it is `min` bytes long or more.
fn tail(word: &str, min: usize) -> Option<u32> {
    let bytes = word.as_bytes();
    let last: [u8; 4] = bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()?;
    (bytes.len() >= min).then_some(u32::from_le_bytes(last))
}

/// Whether a capitalised `word` cannot be (part of) a speaker's name.
pub(crate) fn is_not_name(word: &str) -> bool {
    flags(word.trim_end_matches('.')) & NOT_NAME != 0
}

/// `Ukrainian`, `French`, `Chinese`, `British`: adjectives of nationality that precede a title.
/// Many given names look alike (Brian, Julian), so callers treat a word as a demonym only when a
/// title follows it.
pub(crate) fn is_demonym(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ian", "ean", "ese", "ish", "ch", "an", "i", "ische", "ischer", "isch", "ien", "ienne",
        "ain", "aine", "ais", "aise",
    ];
    const WORDS: &[&str] = &[
        "greek", "thai", "swiss", "dutch", "french", "irish", "welsh",
    ];
    let mut buffer = [0u8; 32];
    let lower = lower(word, &mut buffer);
    let long = lower.chars().count() >= 5;
    WORDS.contains(&lower.as_ref())
        || (long
            && SUFFIXES.iter().any(|s| lower.ends_with(s))
            && !lower.ends_with("man")
            && !lower.ends_with("son"))
}

/// The language most of `languages` name (the first in order of the codes on a tie), if any
/// does.
pub(crate) fn main_language<'a>(
    languages: impl Iterator<Item = Option<&'a str>>,
) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in languages.flatten() {
        match counts.iter_mut().find(|(c, _)| *c == l) {
            Some(c) => c.1 += 1,
            None => counts.push((l, 1)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_words_are_those_of_split_and_filter() {
        let texts = [
            "c'est l’été, Übermut und süße Äpfel — 2024 über alles; ŒUVRE œuvre",
            "  \u{301}e x\u{2019}y «ça» ῥῆμα Ῥόδος ǅemal ǆ 一 二 ٣ a1b2 Ab aB",
            "",
            "!!!",
            "plain ascii words, with Capitals and 42 numbers",
        ];
        for text in texts {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect();
            let words: Vec<&str> = LowercaseWords { text, at: 0 }.map(|w| &text[w]).collect();
            assert_eq!(words, expected, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lowercase_words_agree_on_any_text(text in "\\PC{0,60}") {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect();
            let words: Vec<&str> =
                LowercaseWords { text: &text, at: 0 }.map(|w| &text[w]).collect();
            proptest::prop_assert_eq!(words, expected);
        }
    }

    #[test]
    fn speech_verbs_any_case() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("Wrote"));
        assert!(is_speech_verb("claiming"));
        assert!(!is_speech_verb("Ukraine"));
    }

    #[test]
    fn compounds_ending_in_a_title() {
        for w in [
            "Erfolgstrainer",
            "Bundeskanzler",
            "Vizepräsident",
            "Außenministerin",
        ] {
            assert!(ends_in_title(w), "{w}");
        }
        for w in [
            "McQueen",
            "Archbishop",
            "Ministerium",
            "Trainer",
            "Presidents",
        ] {
            assert!(!ends_in_title(w), "{w}");
        }
    }

    #[test]
    fn titles_and_demonyms() {
        for w in ["President", "U.S.", "Secretary-General", "Gen."] {
            assert!(is_title(w), "{w}");
        }
        for w in ["Ukrainian", "French", "Chinese", "British", "Israeli"] {
            assert!(is_demonym(w), "{w}");
        }
        for w in [
            "Donald", "Trump", "Zelensky", "Keith", "Kellogg", "Putin", "Kremlin",
        ] {
            assert!(!is_title(w), "{w}");
        }
    }

    #[test]
    fn lists_have_no_duplicates() {
        for grammar in LANGUAGES {
            for (list, _) in grammar.lists() {
                let words: Vec<&str> = list.split_whitespace().collect();
                let set: std::collections::HashSet<&str> = words.iter().copied().collect();
                assert_eq!(words.len(), set.len(), "{}: {list}", grammar.code);
            }
        }
    }

    #[test]
    fn every_language_has_its_tables() {
        for grammar in LANGUAGES {
            for (list, flag) in grammar.lists() {
                // Clause words, adverbs, determiners, cues and auxiliaries refine a
                // language's reading; every other list is what any language needs to be read
                // at all.
                let optional = CLAUSE | ADVERB | DETERMINER | AFTER_QUOTE | AUXILIARY;
                let needed = flag & optional == 0
                    && !(grammar.code == "en" && flag & (ACCORDING | INVERTED_PRONOUN) != 0);
                assert!(
                    !needed || !list.trim().is_empty(),
                    "{}: {flag:b}",
                    grammar.code
                );
            }
        }
    }

    #[test]
    fn a_text_is_in_the_language_of_its_function_words() {
        let rows = [
            (
                "en",
                "the minister said that the plan was ready for the vote",
            ),
            (
                "de",
                "der Minister sagte, dass die Pläne nicht mit dem Haushalt vereinbar sind",
            ),
            (
                "fr",
                "le ministre a déclaré que les plans sont prêts pour une réforme dans le pays",
            ),
            (
                "es",
                "el ministro dijo que los planes están listos, pero también muy caros",
            ),
            (
                "it",
                "il ministro ha detto che gli accordi non sono pronti per la firma della legge",
            ),
            (
                "pt",
                "o ministro disse que os planos não são uma prioridade com o governo",
            ),
            (
                "nl",
                "de minister zei dat het plan niet klaar is voor een stemming naar de kamer",
            ),
            ("en", "Kyiv Moscow Washington"),
        ];
        for (code, text) in rows {
            let grammar = language_of(text.split(' ').map(flags));
            assert_eq!(grammar.code, code, "{text}");
        }
    }

    #[test]
    fn lower_case_keeps_what_it_says() {
        for c in ('\u{80}'..='\u{2100}').filter(|&c| lower_case_keeps(c)) {
            assert_eq!(c.to_lowercase().to_string(), c.to_string(), "{c:?}");
        }
        let mut buffer = [0u8; 32];
        for w in [
            "Russia’s",
            "“I",
            "«Nein»",
            "TRUMP’S",
            "’",
            "Président",
            "Für",
            "ÉLYSÉE",
        ] {
            assert_eq!(lower(w, &mut buffer), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn packed_lower_case_is_ascii_lower_case() {
        for w in [
            "Said",
            "ZELENSKY",
            "a@[`{Z",
            "0123456789abcdef",
            "Secretary-General",
        ] {
            let expected = pack(&w.to_ascii_lowercase(), false);
            assert_eq!(pack(w, true), expected, "{w}");
        }
        assert_eq!(pack("Präsident", true), None);
        assert_ne!(pack("said\0", false), pack("said", false));
        assert_eq!(flags("said\0"), 0);
        assert_eq!(
            flags("secretary-general") & TITLE,
            TITLE,
            "17 bytes: kept apart"
        );
    }

    #[test]
    fn the_lists_hold_small_letters_only() {
        // Tokens answer "in this list as written" from their lower-cased flags on this ground.
        let lists = LANGUAGES.iter().flat_map(|g| g.lists());
        for word in lists.flat_map(|(l, _)| l.split_whitespace()) {
            assert!(!word.chars().any(char::is_uppercase), "{word}");
        }
    }

    #[test]
    fn a_word_read_in_its_text_has_the_flags_of_the_word() {
        let text = "Said the U.S. President, Secretary-General ZELENSKY: der Präsident sagte";
        let mut starts = vec![0];
        starts.extend(text.match_indices(' ').map(|(i, _)| i + 1));
        for &start in &starts {
            for end in start..=text.len() {
                if let Some(word) = text.get(start..end) {
                    assert_eq!(flags_in(text, start..end), flags(word), "{word:?}");
                }
            }
        }
    }

    #[test]
    fn overlapping_loads_read_every_length() {
        let text = b"abcdefghijklmnop";
        for n in 0..=16 {
            let mut buffer = [0u8; 16];
            buffer[..n].copy_from_slice(&text[..n]);
            let expected = u128::from_le_bytes(buffer);
            let (low, high) = load(&text[..n]);
            assert_eq!(u128::from(low) | (u128::from(high) << 64), expected, "{n}");
        }
    }
}
