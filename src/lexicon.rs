//! Word lists shared by the stages: the verbs that introduce speech, and the words that are titles,
//! roles or function words rather than parts of a name. They describe English news prose in
//! general, never a particular corpus.

/// Verbs (any inflection listed) that introduce reported speech: `"…," Trump wrote`.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "wrote",
    "writes",
    "write",
    "writing",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "add",
    "asked",
    "asks",
    "stated",
    "states",
    "declared",
    "declares",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "continues",
    "posted",
    "posts",
    "tweeted",
    "tweets",
    "argued",
    "argues",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "warned",
    "warns",
    "remarked",
    "remarks",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "answers",
    "urged",
    "urges",
    "announced",
    "announces",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "suggested",
    "suggests",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "commented",
    "comments",
    "concluded",
    "concludes",
    "recalled",
    "recalls",
    "joked",
    "jokes",
    "quipped",
    "quips",
    "shouted",
    "yelled",
    "screamed",
    "whispered",
    "cried",
    "exclaimed",
    "demanded",
    "demands",
    "pleaded",
    "begged",
    "vowed",
    "vows",
    "promised",
    "promises",
    "predicted",
    "predicts",
    "observed",
    "observes",
    "reported",
    "reports",
    "testified",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "complained",
    "complains",
    "lamented",
    "laments",
    "boasted",
    "boasts",
    "bragged",
    "mused",
    "muses",
    "wondered",
    "pointed",
    "charged",
    "charges",
    "accused",
    "accuses",
    "alleged",
    "alleges",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "reiterated",
    "reiterates",
    "affirmed",
    "assured",
    "assures",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "disclosed",
    "revealed",
    "reveals",
    "cautioned",
    "cautions",
    "advised",
    "advises",
    "opined",
    "interjected",
    "chimed",
    "retorted",
    "snapped",
    "thundered",
    "fumed",
    "sighed",
    "laughed",
    "stated",
    "proclaimed",
    "proclaims",
    "announced",
    "tweeted",
    "messaged",
    "texted",
    "emailed",
    "blasted",
    "slammed",
    "criticized",
    "criticised",
    "praised",
    "hailed",
    "called",
    "calls",
    "described",
    "describes",
    "branded",
    "dubbed",
    "labelled",
    "labeled",
    "termed",
    "characterized",
    "characterised",
    "welcomed",
    "thanked",
    "read",
    "reads",
];

/// Whether `word` (any case) is a verb that introduces reported speech.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    SPEECH_VERBS.contains(&lower.as_str())
}

/// Words that open a clause or a phrase of their own: what follows them is not the subject of a
/// quotation's attribution.
pub(crate) fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "before"
            | "when"
            | "while"
            | "as"
            | "but"
            | "and"
            | "because"
            | "since"
            | "if"
            | "with"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "by"
            | "that"
            | "which"
            | "where"
            | "though"
            | "although"
            | "until"
            | "from"
            | "about"
    )
}

/// Nouns for what someone said, after a possessive: `Trump's claim that "…"`.
pub(crate) fn is_statement_noun(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "statements"
            | "claim"
            | "claims"
            | "post"
            | "posts"
            | "message"
            | "words"
            | "comments"
            | "comment"
            | "remarks"
            | "remark"
            | "tweet"
            | "tweets"
            | "assertion"
            | "response"
            | "reply"
            | "warning"
            | "plea"
            | "speech"
            | "letter"
            | "answer"
            | "promise"
            | "pledge"
            | "vow"
            | "call"
            | "description"
            | "slogan"
            | "motto"
            | "line"
            | "quip"
            | "retort"
            | "argument"
    )
}

/// Titles and roles that precede a name and are not part of it: `U.S. President Donald Trump`.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "secretary-general",
    "general",
    "gen",
    "gen.",
    "lt",
    "lt.",
    "lieutenant",
    "col",
    "col.",
    "colonel",
    "maj",
    "maj.",
    "major",
    "capt",
    "capt.",
    "captain",
    "sgt",
    "sgt.",
    "sergeant",
    "adm",
    "adm.",
    "admiral",
    "cmdr",
    "commander",
    "chancellor",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "ceo",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "envoy",
    "ambassador",
    "senator",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "gov.",
    "governor",
    "mayor",
    "judge",
    "justice",
    "attorney",
    "speaker",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "rev.",
    "reverend",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "mp",
    "mep",
    "deputy",
    "acting",
    "former",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "special",
    "senior",
    "chief",
    "press",
    "white",
    "house",
    "officer",
    "official",
    "head",
    "founder",
    "co-founder",
    "candidate",
    "nominee",
    "republican",
    "democrat",
    "democratic",
    "gop",
    "premier",
    "sheikh",
    "emir",
    "crown",
    "executive",
    "manager",
    "coach",
    "analyst",
    "economist",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "host",
    "anchor",
    "commissioner",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "assemblyman",
    "assemblywoman",
    "u.s.",
    "us",
    "u.n.",
    "un",
    "uk",
    "u.k.",
    "eu",
    "nato",
    "kremlin",
    "pentagon",
    "presidential",
    "campaign",
    "party",
    "national",
    "federal",
    "supreme",
    "top",
    "retired",
    "then",
    "now",
    "new",
    "incoming",
    "outgoing",
    "ex",
    "ex-",
];

/// Whether `word` is a title, role or qualifier rather than part of a person's name.
pub(crate) fn is_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    TITLES.contains(&lower.as_str())
}

/// `Ukrainian`, `French`, `Chinese`, `British`: adjectives of nationality that precede a title.
/// Many given names look alike (Brian, Julian), so callers treat a word as a demonym only when a
/// title follows it.
pub(crate) fn is_demonym(word: &str) -> bool {
    let lower = &word.to_lowercase();
    const SUFFIXES: &[&str] = &["ian", "ean", "ese", "ish", "ch", "an", "i"];
    const WORDS: &[&str] = &[
        "greek", "thai", "swiss", "dutch", "french", "irish", "welsh",
    ];
    let long = lower.chars().count() >= 5;
    WORDS.contains(&lower.as_str())
        || (long
            && SUFFIXES.iter().any(|s| lower.ends_with(s))
            && !lower.ends_with("man")
            && !lower.ends_with("son"))
}

/// Capitalised words that start sentences or name times and places, never speakers.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "then",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "also",
    "still",
    "however",
    "meanwhile",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "though",
    "although",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "we",
    "i",
    "you",
    "they",
    "he",
    "she",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "photo",
    "image",
    "images",
    "getty",
    "afp",
    "reuters",
    "ap",
    "file",
    "credit",
    "source",
    "video",
    "watch",
    "read",
    "more",
    "related",
    "editor",
    "editors",
    "note",
    "update",
    "updated",
    "advertisement",
    "subscribe",
    "share",
    "click",
    "according",
    "asked",
    "speaking",
    "writing",
    "posting",
    "said",
    "says",
    "wrote",
    "told",
    "added",
    "not",
    "no",
    "yes",
    "one",
    "two",
    "three",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
];

/// Whether a capitalised `word` cannot be (part of) a speaker's name.
pub(crate) fn is_not_name(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    NOT_NAMES.contains(&lower.as_str())
}

/// Personal pronouns that stand for a person named before: `he added`, `she told reporters`.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She")
}

/// Nouns that make a phrase an organisation: `Russia's defense ministry`, `the city's emergency
/// service`, `the Clinton campaign`.
const ORGANISATION_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "office",
    "service",
    "services",
    "department",
    "agency",
    "army",
    "military",
    "police",
    "embassy",
    "administration",
    "committee",
    "council",
    "campaign",
    "company",
    "authorities",
    "authority",
    "command",
    "staff",
    "forces",
    "headquarters",
    "commission",
    "court",
    "parliament",
    "party",
    "firm",
    "group",
    "organization",
    "organisation",
    "institute",
    "foundation",
    "union",
    "federation",
    "coalition",
    "alliance",
    "mission",
    "board",
    "bureau",
    "cabinet",
    "presidency",
    "kremlin",
    "spokesperson",
    "prosecutors",
    "officials",
    "administration's",
    "network",
    "newspaper",
    "agency's",
];

/// Whether `word` (lower case) heads an organisation's name.
pub(crate) fn is_organisation_noun(word: &str) -> bool {
    ORGANISATION_NOUNS.contains(&word)
}

/// Lower-case words allowed inside a name: `Charles de Gaulle`, `Ursula von der Leyen`.
pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "da"
            | "di"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "del"
            | "ibn"
            | "ter"
    )
}

/// Words that may stand between a subject and its verb: `Trump later wrote`, `he also said`.
pub(crate) fn is_verb_adverb(word: &str) -> bool {
    word.ends_with("ly")
        || matches!(
            word,
            "also"
                | "later"
                | "then"
                | "earlier"
                | "again"
                | "once"
                | "further"
                | "now"
                | "has"
                | "had"
                | "have"
                | "would"
                | "will"
                | "was"
                | "is"
                | "did"
                | "just"
                | "first"
                | "still"
                | "simply"
                | "previously"
                | "recently"
                | "today"
                | "soon"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_any_case() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("Wrote"));
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
        for w in ["Donald", "Trump", "Zelensky", "Keith", "Kellogg", "Putin"] {
            assert!(!is_title(w), "{w}");
        }
    }
}
