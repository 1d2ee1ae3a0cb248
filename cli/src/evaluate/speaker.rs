//! The speaker rule: when a speaker we give counts as the gold one.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

/// Whether Python's `\w` matches `c` (in a `str` pattern): a letter (categories L*), a character
/// with a numeric value, or `_`. Rust's `char::is_alphanumeric` also takes the marks and the
/// symbols with the Other_Alphabetic property (vowel signs, circled and squared letters), which
/// Python leaves out.
pub(super) fn is_word(c: char) -> bool {
    c == '_'
        || (c.is_alphanumeric()
            && !unicode_normalization::char::is_combining_mark(c)
            && !matches!(c,
                '\u{24B6}'..='\u{24E9}'
                | '\u{1F130}'..='\u{1F149}'
                | '\u{1F150}'..='\u{1F169}'
                | '\u{1F170}'..='\u{1F189}'))
}

/// A name as the reference compares names (`norm_name`): NFKC, lower case, every character but
/// word characters and spaces removed, spaces trimmed.
pub(super) fn norm_name(s: &str) -> String {
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let kept: String = lower.chars().filter(|&c| c == ' ' || is_word(c)).collect();
    kept.trim_matches(' ').to_string()
}

/// Words that make a run of capitalised words a title when it has no other (`President`, `Sen.`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "president", "former", "sen", "sens", "senator", "rep", "reps", "gov",
    "governor", "secretary", "chairman", "chairwoman", "vice", "prime", "minister", "princess",
    "prince", "king", "queen", "pope", "general", "gen", "judge", "justice", "mayor", "speaker",
    "leader", "chief", "attorney", "state", "first", "lady", "sir", "dame", "lord", "cardinal",
    "father",
    // As in the reference; a normalised word never holds the dot, so it never matches.
    "u.s",
];

/// Words left out of a run of capitalised words, and skipped before it.
const LEAD_INS: &[&str] = &[
    "the", "a", "an", "her", "his", "their", "its", "our", "my", "another", "one", "both",
];

/// Words after which a run of capitalised words is a place or an institution, not a name.
const PLACE_WORDS: &[&str] = &["of", "at", "from", "in", "for", "on", "to"];

/// Institutions' head nouns: a speaker whose last word is one of them must have every word
/// right.
#[rustfmt::skip]
const GENERIC_HEADS: &[&str] = &[
    "palace", "ministry", "house", "office", "department", "group", "party", "police", "council",
    "commission", "agency", "service", "court", "university", "company", "club", "government",
    "foundation", "association", "federation", "union", "committee", "campaign", "league", "team",
    "news", "media", "press", "bank", "board", "institute", "authority",
];

/// Whether a token starts with an upper-case letter (Python's `t[:1].isupper()`).
pub(super) fn capitalised(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_title(token: &str) -> bool {
    TITLES.contains(&norm_name(token).as_str())
}

/// The last word of the name in a speaker string (the reference's `name_head`), normalised: in
/// its first comma-separated part (before any parenthesis) that holds one, the last run of
/// capitalised words, lead-in words left out, runs after a place word (unless they start with a
/// title), runs holding a possessive and runs of titles alone skipped (`Clinton campaign chairman
/// John Podesta` → `podesta`).
pub(super) fn name_head(name: &str) -> Option<String> {
    let before_parenthesis = name.split('(').next().unwrap_or("");
    for part in before_parenthesis.split(',') {
        // Python's `re.findall(r"[\w'’.&-]+", part)`.
        let tokens: Vec<&str> = part
            .split(|c: char| !(is_word(c) || matches!(c, '\'' | '’' | '.' | '&' | '-')))
            .filter(|t| !t.is_empty())
            .collect();
        let (mut head, mut i, n) = (None, 0, tokens.len());
        while i < n {
            if !capitalised(tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && capitalised(tokens[j]) {
                j += 1;
            }
            let run: Vec<&str> = tokens[i..j]
                .iter()
                .copied()
                .filter(|t| !LEAD_INS.contains(&norm_name(t).as_str()))
                .collect();
            // The word before the run, lead-ins skipped.
            let mut k = i;
            while k > 0 && LEAD_INS.contains(&tokens[k - 1].to_lowercase().as_str()) {
                k -= 1;
            }
            let after_place_word =
                k > 0 && PLACE_WORDS.contains(&tokens[k - 1].to_lowercase().as_str());
            // "Secretary of State John Kerry"
            let after_place_word = after_place_word && !run.first().is_some_and(|t| is_title(t));
            let possessive = run.iter().any(|t| t.ends_with("'s") || t.ends_with("’s"));
            if let Some(last) = run.last() {
                if !after_place_word && !possessive && !run.iter().all(|t| is_title(t)) {
                    head = Some(norm_name(last));
                }
            }
            i = j;
        }
        if let Some(head) = head.filter(|h| !h.is_empty()) {
            return Some(head);
        }
    }
    None
}

/// Whether our speaker is right (the reference's `speaker_ok`): `None` when the gold has no
/// speaker; wrong when we have none; right when ours equals the gold speaker or one of its
/// aliases, or when its last word is the [`name_head`] of one of them (every word known to them
/// where that head is an institution's head noun).
pub(super) fn speaker_ok(
    ours: Option<&str>,
    gold: Option<&str>,
    aliases: &HashMap<String, Vec<String>>,
) -> Option<bool> {
    let gold = gold?;
    let Some(ours) = ours.filter(|s| !s.is_empty()) else {
        return Some(false);
    };
    let ours = norm_name(ours);
    let names: Vec<&str> = std::iter::once(gold)
        .chain(aliases.get(gold).into_iter().flatten().map(String::as_str))
        .collect();
    if names.iter().any(|n| norm_name(n) == ours) {
        return Some(true);
    }
    let words: Vec<&str> = ours.split_whitespace().collect();
    let Some(&last) = words.last() else {
        return Some(false);
    };
    if !names.iter().any(|n| name_head(n).as_deref() == Some(last)) {
        return Some(false);
    }
    if GENERIC_HEADS.contains(&last) {
        let known: HashSet<String> = names
            .iter()
            .flat_map(|n| {
                norm_name(n)
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        return Some(words.iter().all(|w| known.contains(*w)));
    }
    Some(true)
}
