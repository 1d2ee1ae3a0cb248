//! Word lists shared by the stages: the verbs that introduce speech, and the words that are titles,
//! roles or function words rather than parts of a name. They describe English news prose in
//! general, never a particular corpus. Each list is one string of words, read once into a set.

use std::sync::OnceLock;

use crate::hash::FxMap;

/// Verbs (every inflection listed) that introduce reported speech: `"…," Trump wrote`; the
/// last lines hold the commonest German and French ones (`schrieb er`, `a déclaré Trump`).
const SPEECH_VERBS: &str = "
    said says say saying wrote writes write writing told tells tell added adds add asked asks
    stated states declared declares explained explains noted notes continued continues posted
    posts tweeted tweets argued argues insisted insists claimed claims warned warns remarked
    remarks replied replies responded responds answered answers urged urges announced announces
    acknowledged acknowledges admitted admits suggested suggests stressed stresses emphasized
    emphasised emphasizes emphasises commented comments concluded concludes recalled recalls
    joked jokes quipped quips shouted yelled screamed whispered cried exclaimed demanded
    demands pleaded begged vowed vows promised promises predicted predicts observed observes
    reported reports testified conceded concedes countered counters complained complains
    lamented laments boasted boasts bragged mused muses wondered pointed charged charges
    accused accuses alleged alleges contended contends maintained maintains reiterated
    reiterates affirmed assured assures confirmed confirms denied denies disclosed revealed
    reveals cautioned cautions advised advises opined interjected chimed retorted snapped
    thundered fumed sighed laughed proclaimed proclaims messaged texted emailed blasted slammed
    criticized criticised praised hailed called calls described describes branded dubbed
    labelled labeled termed characterized characterised welcomed thanked read reads defended
    defends condemned condemns rebuked rebukes labeling labelling calling describing telling
    warning urging accusing claiming insisting noting arguing adding explaining declaring
    stating tweeting posting asking stressing suggesting vowing promising replying responding
    answering announcing acknowledging admitting emphasizing emphasising recalling demanding
    pleading lamenting complaining criticizing criticising condemning blasting slamming
    praising describe urge warn insist argue ask respond announce admit acknowledge explain
    declare sang sings sagte sagt sagten schrieb schreibt erklärte erklärt betonte betont
    warnte warnt forderte fordert meinte meint kritisierte antwortete ergänzte fügte teilte
    déclaré déclare dit écrit affirmé affirme ajouté ajoute souligné souligne expliqué explique
    estimé estime assuré assure averti prévenu lancé répondu indiqué indique confié insisté
";

/// Titles and roles that precede a name and are not part of it: `U.S. President Donald Trump`.
const TITLES: &str = "
    president vice prime minister secretary secretary-general general gen gen. lt lt.
    lieutenant col col. colonel maj maj. major capt capt. captain sgt sgt. sergeant adm adm.
    admiral cmdr commander chancellor chairman chairwoman chair chief ceo director spokesman
    spokeswoman spokesperson spokesmen envoy ambassador senator sen sen. rep rep.
    representative congressman congresswoman gov gov. governor mayor judge justice attorney
    speaker leader king queen prince princess pope cardinal bishop rev rev. reverend dr dr.
    prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady mp mep deputy acting
    former foreign defense defence interior finance state special senior press officer official
    head founder co-founder candidate nominee republican democrat democratic gop premier sheikh
    emir crown executive manager coach analyst economist correspondent reporter editor
    columnist host anchor commissioner councillor councilor councilman councilwoman assemblyman
    assemblywoman u.s. us u.n. un uk u.k. eu nato presidential campaign party national federal
    supreme top retired then now incoming outgoing ex ex- präsident präsidentin kanzler
    kanzlerin ministerin sprecher sprecherin regierungschef président présidente ministre
    porte-parole chancelier chef
";

/// Capitalised words that start sentences or name times, credits and such, never speakers.
const NOT_NAMES: &str = "
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow tonight
    earlier later then but and or so yet also still however meanwhile in on at as after before
    when while if though although the a an this that these those it its there here what who
    which where why how we i you they he she his her their our my your photo image images getty
    afp reuters ap file credit source video watch read more related editor editors note update
    updated advertisement subscribe share click according asked speaking writing posting said
    says wrote told added not no yes one two three mr mrs ms dr sen rep am pm gmt utc est edt
    pst pdt bst cet cest der die das den dem des ein eine einer eines auf für mit nach von bei
    im um zu und aber auch wie wenn als vor seit laut zufolge montag dienstag mittwoch
    donnerstag freitag samstag sonntag le la les un une du dans pour selon mais et après avant
    depuis lors lundi mardi mercredi jeudi vendredi samedi dimanche ce cette ces il elle ils
    elles nous
";

/// Nouns that make a phrase an organisation: `Russia's defense ministry`, `the city's emergency
/// service`, `the Clinton campaign`.
const ORGANISATION_NOUNS: &str = "
    ministry government office service services department agency army military police embassy
    administration committee council campaign company authorities authority command staff
    forces headquarters commission court parliament party firm group organization organisation
    institute foundation union federation coalition alliance mission board bureau cabinet
    presidency spokesperson prosecutors officials administration's network newspaper agency's
";

/// Nouns for what someone said, after a possessive: `Trump's claim that "…"`.
const STATEMENT_NOUNS: &str = "
    statement statements claim claims post posts message words comments comment remarks remark
    tweet tweets assertion response reply warning plea speech letter answer promise pledge vow
    call description slogan motto line quip retort argument callout rebuke demand request
    appeal criticism order threat reaction account version tirade outburst
";

/// Words that open a clause or a phrase of their own: what follows them is not the subject of a
/// quotation's attribution.
const CLAUSE_WORDS: &str = "
    after before when while as but and because since if with of in on at for to by that which
    where though although until from about
";

/// Lower-case words allowed inside a name: `Charles de Gaulle`, `Ursula von der Leyen`.
const NAME_PARTICLES: &str = "de van von der al bin da di la le du dos del ibn ter";

/// Words that may stand between a subject and its verb: `Trump later wrote`, `he also said`.
const VERB_ADVERBS: &str = "also later then earlier again once further now has had have would
    will was is did just first still simply previously recently today soon";

/// Words that point at a noun already known, not at a name: `the`, `his`, `their`.
const DETERMINERS: &str = "the this that these those its his her their our";

/// The commonest German and English function words: which outnumber the other tells the
/// language of a text.
const GERMAN_WORDS: &str = "der die das und nicht ist mit sich dem den";
const ENGLISH_WORDS: &str = "the and of to is that with for was";

/// What the word lists say of a word, as bits: one lookup answers every list.
pub(crate) type Flags = u16;
pub(crate) const SPEECH: Flags = 1;
pub(crate) const TITLE: Flags = 1 << 1;
pub(crate) const NOT_NAME: Flags = 1 << 2;
pub(crate) const ORGANISATION: Flags = 1 << 3;
pub(crate) const STATEMENT: Flags = 1 << 4;
pub(crate) const CLAUSE: Flags = 1 << 5;
pub(crate) const PARTICLE: Flags = 1 << 6;
pub(crate) const ADVERB: Flags = 1 << 7;
pub(crate) const DETERMINER: Flags = 1 << 8;
pub(crate) const GERMAN: Flags = 1 << 9;
pub(crate) const ENGLISH: Flags = 1 << 10;

/// The word lists as one table. Words of up to 16 ASCII bytes (all but a handful) are packed
/// into a `u128` and found by open addressing with integer compares, the hot path of
/// attribution, which looks up every word of a text; the rest sit in a map.
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
        let lists = [
            (SPEECH_VERBS, SPEECH),
            (TITLES, TITLE),
            (NOT_NAMES, NOT_NAME),
            (ORGANISATION_NOUNS, ORGANISATION),
            (STATEMENT_NOUNS, STATEMENT),
            (CLAUSE_WORDS, CLAUSE),
            (NAME_PARTICLES, PARTICLE),
            (VERB_ADVERBS, ADVERB),
            (DETERMINERS, DETERMINER),
            (GERMAN_WORDS, GERMAN),
            (ENGLISH_WORDS, ENGLISH),
        ];
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
        };
        for (words, flag) in lists {
            for w in words.split_whitespace() {
                table.insert(w, flag);
            }
        }
        table.others_apostrophe = table.others.keys().any(|w| w.contains('’'));
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
                    let key = u128::from(ascii_lower(low))
                        | (u128::from(ascii_lower(high)) << 64)
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

/// Whether a capitalised `word` cannot be (part of) a speaker's name.
pub(crate) fn is_not_name(word: &str) -> bool {
    flags(word.trim_end_matches('.')) & NOT_NAME != 0
}

/// Personal pronouns that stand for a person named before: `he added`, `she told reporters`,
/// `schrieb er`, `a-t-il ajouté`.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "He" | "She" | "er" | "Er" | "il" | "Il" | "elle" | "Elle"
    )
}

/// Words for `according to`: `according to the ministry`, `selon le ministère`, `laut Trump`.
pub(crate) fn is_according(word: &str) -> bool {
    matches!(word, "selon" | "Selon" | "laut" | "Laut")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_any_case() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("Wrote"));
        assert!(is_speech_verb("claiming"));
        assert!(!is_speech_verb("Ukraine"));
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
        for list in [
            SPEECH_VERBS,
            TITLES,
            NOT_NAMES,
            ORGANISATION_NOUNS,
            STATEMENT_NOUNS,
        ] {
            let words: Vec<&str> = list.split_whitespace().collect();
            let set: std::collections::HashSet<&str> = words.iter().copied().collect();
            assert_eq!(words.len(), set.len());
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
        let lists = [
            SPEECH_VERBS,
            TITLES,
            NOT_NAMES,
            ORGANISATION_NOUNS,
            STATEMENT_NOUNS,
            CLAUSE_WORDS,
            NAME_PARTICLES,
            VERB_ADVERBS,
            DETERMINERS,
            GERMAN_WORDS,
            ENGLISH_WORDS,
        ];
        for word in lists.iter().flat_map(|l| l.split_whitespace()) {
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
