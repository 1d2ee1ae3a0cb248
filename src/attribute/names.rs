//! Reading who a phrase names: `U.S. President Donald Trump` is the person Donald Trump with the
//! titles `u.s.` and `president`; `the Ukrainian leader` describes someone named before; `Russia's
//! defense ministry` is an organisation; `he` points back.

use std::ops::Range;

use super::tokens::{is_title_word, Class, Token};
use crate::text::lexicon;

/// What the subject of a speech verb is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A person's name (titles removed) and the titles that stood before it, in lower case.
    Person { name: String, titles: Vec<String> },
    /// An organisation, named as written: `Russia's defense ministry`.
    Organisation(String),
    /// `he`, `she`.
    Pronoun,
    /// `the president`, `the Ukrainian leader`: the role words in lower case, head last.
    Description(Vec<String>),
}

/// The longest phrase we read as one name with its titles.
const MAX_PHRASE: usize = 7;

fn class(tokens: &[Token<'_>], i: usize) -> Class {
    tokens[i].class
}

/// An age standing for a person: `53-year-old`, `87-Jährige`, `56-jähriger`.
fn is_age(t: &Token<'_>) -> bool {
    // (A word holds `-` only if the tokenizer marked a hyphen in it: asked at every capital, the
    // mark spares the search.)
    if t.is_word() && !t.has_hyphen() {
        return false;
    }
    let Some((number, rest)) = t.text.split_once('-') else {
        return false;
    };
    // (Compared in place, not lowered: this is asked at every capital of a text's prose.)
    let german = ["jährige", "Jährige"]
        .iter()
        .any(|j| rest.strip_prefix(j).is_some_and(|ending| ending.len() <= 1));
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (rest.eq_ignore_ascii_case("year-old") || german)
}

/// The subject phrase that ends just before `tokens[end]`, if it names or points to someone.
pub(crate) fn subject_before(tokens: &[Token<'_>], end: usize) -> Option<Subject> {
    subject_ending_at(tokens, end, true)
}

fn subject_ending_at(tokens: &[Token<'_>], end: usize, relative: bool) -> Option<Subject> {
    let mut k = skip_parenthesis(tokens, end);
    // `Trump later wrote`, `he also said`
    let mut skipped = 0;
    while k > 0 && skipped < 2 && tokens[k - 1].is_verb_adverb() {
        k -= 1;
        skipped += 1;
    }
    if relative && k > 0 && (tokens[k - 1].is("who") || tokens[k - 1].is(",")) {
        if let Some(found) = subject_set_off(tokens, k) {
            return Some(found);
        }
    }
    // `Olena Davydiuk, told AFP`: a name set off by commas.
    if k > 1 && tokens[k - 1].is(",") && tokens[k - 2].is_capitalised() {
        k -= 1;
    }
    let last = k.checked_sub(1)?;
    if tokens[last].is_person_pronoun() || is_age(&tokens[last]) {
        return Some(Subject::Pronoun);
    }
    let start = start_of_name(tokens, last);
    let found = read_phrase(tokens, start..last + 1);
    if relative && someone(&found) {
        if let Some(person) = person_of_organisation(tokens, start) {
            return Some(person);
        }
    }
    found
}

/// Whether a reading names or describes somebody (not a pronoun).
fn someone(subject: &Option<Subject>) -> bool {
    matches!(
        subject,
        Some(Subject::Person { .. } | Subject::Organisation(_) | Subject::Description(_))
    )
}

/// Where the name phrase ending at `tokens[last]` starts: back over names, titles and particles
/// (and lower-case words only inside an organisation's name: `Russia's defense ministry`), at
/// most [`MAX_PHRASE`] words, never over a paragraph break.
fn start_of_name(tokens: &[Token<'_>], last: usize) -> usize {
    let mut start = last + 1;
    while start > 0 && last + 1 - start < MAX_PHRASE {
        if start <= last && tokens[start].line_start {
            break;
        }
        let fits = match class(tokens, start - 1) {
            Class::Other => title_of(tokens, start - 1),
            Class::Modifier => class(tokens, last) == Class::OrgNoun,
            _ => true,
        };
        if !fits {
            break;
        }
        start -= 1;
    }
    start
}

/// `Rutte, who met Trump at the White House, said`: the subject stands before `, who`. `Helen
/// Ashby, a senior fellow at the Institute for Security Studies, cautioned`: an apposition too.
/// So does a phrase of place, time or manner: `Clinton, during a town hall meeting in Columbus,
/// Ohio, said`, `De Blasio, speaking on radio, called`; and a role at an organisation, in lower
/// case: `Kevin Brady, chairman of the House Ways and Means Committee, said` (not a role before
/// a name: `…'s envoy, retired Lt Gen. Keith Kellogg, told`). `k` is where the verb's subject
/// would end.
fn subject_set_off(tokens: &[Token<'_>], k: usize) -> Option<Subject> {
    let window = k.saturating_sub(32)..k;
    let role = |open: usize, until: usize| {
        let t = &tokens[open];
        t.is_lowercase_word()
            && (is_title_word(t) || tokens.get(open + 1).is_some_and(is_title_word))
            && tokens[open..until]
                .iter()
                .take_while(|w| w.class != Class::Name)
                .any(|w| matches!(w.text, "of" | "at" | "for"))
    };
    let opener = |i: usize| {
        let t = &tokens[i];
        matches!(t.text, "who" | "which" | "a" | "an" | "the")
            || t.text.ends_with("-old")
            || t.is_clause_word()
            || (t.is_lowercase_word() && t.text.ends_with("ing"))
            || role(i, k)
    };
    let mut commas = (window.start..k.saturating_sub(1))
        .rev()
        .filter(|&i| tokens[i].is(",") && opener(i + 1))
        .peekable();
    let mut comma = commas.next()?;
    // A name inside a role is its organisation, not the subject: `RoseAnn DeMoro, executive
    // director of National Nurses United, a union that …, said`; so is one after a preposition
    // (`Geoff Garin, a pollster who is working with Priorities USA, a pro-Clinton super PAC,
    // said`).
    let object = |comma: usize| {
        let mut p = comma;
        while p > 0 && (tokens[p - 1].is_capitalised() || tokens[p - 1].class == Class::Particle) {
            p -= 1;
        }
        p < comma && p > 0 && tokens[p - 1].is_clause_word()
    };
    while let Some(&earlier) = commas.peek() {
        if !(role(earlier + 1, comma) || object(comma)) {
            break;
        }
        comma = earlier;
        commas.next();
    }
    let found = subject_ending_at(tokens, comma, false);
    someone(&found).then_some(found).flatten()
}

/// `Joel Pollak of Breitbart California observed`, `George Zornick of The Nation wrote`,
/// `Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem said`: the person named
/// with an organisation is the subject, not the organisation: the first full name of the chain
/// before the phrase starting at `start`. (Read at the outer reading only, three `of`s back at
/// most: the inner readings never recurse.)
fn person_of_organisation(tokens: &[Token<'_>], start: usize) -> Option<Subject> {
    let (mut phrase_start, mut first_named) = (start, None);
    for _ in 0..3 {
        let Some(mut of) = phrase_start.checked_sub(1) else {
            break;
        };
        if tokens[of].has(lexicon::ARTICLE) && of > 0 {
            of -= 1;
        }
        if !tokens[of].is("of") {
            break;
        }
        let person = subject_ending_at(tokens, of, false);
        if matches!(&person, Some(Subject::Person { name, .. }) if name.contains(' ')) {
            first_named = person;
        }
        // The phrase before this `of`: its capitalised words back to the next `of` (as many as
        // a name may hold: the cost stays fixed on a text all in capitals).
        phrase_start = of;
        while phrase_start > 0
            && of - phrase_start < MAX_PHRASE
            && tokens[phrase_start - 1].is_capitalised()
        {
            phrase_start -= 1;
        }
        if phrase_start == of {
            break;
        }
    }
    first_named
}

/// `Sen. Claire McCaskill (D-Mo.) said`: the index before a parenthesis that ends at `end`.
pub(crate) fn skip_parenthesis(tokens: &[Token<'_>], end: usize) -> usize {
    if end == 0 || !tokens[end - 1].is(")") {
        return end;
    }
    let window = end.saturating_sub(8)..end - 1;
    match tokens[window.clone()].iter().rposition(|t| t.is("(")) {
        Some(i) => window.start + i,
        None => end,
    }
}

/// The subject phrase that starts at `tokens[start]`: `said Zelensky`, `according to Ukraine's
/// emergency services`.
pub(crate) fn subject_after(tokens: &[Token<'_>], start: usize) -> Option<Subject> {
    subject_after_to(tokens, start).map(|(s, _)| s)
}

/// [`subject_after`], and the index after the words it read.
pub(crate) fn subject_after_to(tokens: &[Token<'_>], start: usize) -> Option<(Subject, usize)> {
    phrase_after(tokens, start, Reading::Subject).map(|(p, end)| (p.subject(tokens), end))
}

/// The subject phrase right after a speech verb (`said conservative activist Bob Klaus`),
/// where lower-case role words may stand before the name: a noun phrase, so a lower-case word
/// there is no verb (in `Zelensky met Donald Trump`, read by [`subject_after`], it is).
pub(crate) fn subject_after_verb(tokens: &[Token<'_>], start: usize) -> Option<Subject> {
    subject_after_verb_to(tokens, start).map(|(s, _)| s)
}

/// [`subject_after_verb`], and the index after the words it read.
pub(crate) fn subject_after_verb_to(
    tokens: &[Token<'_>],
    start: usize,
) -> Option<(Subject, usize)> {
    phrase_after(tokens, start, Reading::AfterVerb).map(|(p, end)| (p.subject(tokens), end))
}

/// The person named by the phrase at `tokens[start]`, as the token ranges of its titles and
/// its name: what [`subject_after`] reads, without building strings (the people of a text are
/// read at every capital of its prose).
pub(crate) fn person_after(
    tokens: &[Token<'_>],
    start: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    match phrase_after(tokens, start, Reading::Mention)?.0 {
        Phrase::Person { titles, name } => Some((titles, name)),
        _ => None,
    }
}

/// What a phrase is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The subject of a speech verb.
    Subject,
    /// The subject right after a speech verb, where lower-case role words may stand before
    /// the name.
    AfterVerb,
    /// Anyone the prose mentions (read at every capital): no name owned by another
    /// (`Schlafly's Final Column`, in a headline's capitals).
    Mention,
}

/// The phrase at `tokens[start]`, and the index after its last word.
fn phrase_after(tokens: &[Token<'_>], start: usize, reading: Reading) -> Option<(Phrase, usize)> {
    let role_words = reading == Reading::AfterVerb;
    let first = tokens.get(start)?;
    if first.is_person_pronoun() {
        return Some((Phrase::Pronoun, start + 1));
    }
    // (After a speech verb also `his`, `their`: `added his campaign manager Jeff Weaver`.)
    let owner = role_words && matches!(first.text, "his" | "her" | "their");
    let article = first.has(lexicon::ARTICLE) || owner;
    let begin = start + usize::from(article);
    // `the 53-year-old`, `der 87-Jährige`, `the 56 year-old German`: the person the text is
    // about.
    if tokens.get(begin).is_some_and(is_age) {
        return Some((Phrase::Pronoun, begin + 1));
    }
    let number = |t: &Token<'_>| t.text.bytes().all(|b| b.is_ascii_digit());
    if let [n, years, ..] = &tokens[begin.min(tokens.len())..] {
        if number(n) && years.text.eq_ignore_ascii_case("year-old") {
            let demonym = tokens
                .get(begin + 2)
                .filter(|t| lexicon::is_demonym(t.text));
            return Some((Phrase::Pronoun, begin + 2 + usize::from(demonym.is_some())));
        }
    }
    let mut end = begin;
    while end < tokens.len() && end - begin < MAX_PHRASE {
        if end > begin && tokens[end].line_start {
            break;
        }
        let fits = match class(tokens, end) {
            Class::Other => title_of(tokens, end),
            Class::Modifier => {
                // Take lower-case words only on the way to an organisation noun, or to the
                // name they describe: `said conservative activist Bob Klaus`.
                let ahead = end + 1..tokens.len().min(end + 4);
                ahead.clone().any(|j| class(tokens, j) == Class::OrgNoun)
                    || (role_words && !tokens[end].is_clause_word() && leads_to_name(tokens, ahead))
            }
            _ => true,
        };
        if !fits {
            break;
        }
        end += 1;
        // `Russia's defense ministry said` ends at the noun; `Hillary Clinton's campaign
        // manager Robby Mook` goes on to the person.
        let goes_on = tokens.get(end).is_some() && matches!(class(tokens, end), Class::Title);
        if class(tokens, end - 1) == Class::OrgNoun && !goes_on {
            break;
        }
    }
    let phrase = read_phrase_at(tokens, begin..end, reading != Reading::Mention)?;
    // (`said her spokesman` is somebody's spokesman, no description of whoever had the title.)
    if owner && !matches!(phrase, Phrase::Person { .. }) {
        return None;
    }
    Some((phrase, end))
}

/// Whether `tokens[i]` is the `of` inside a title: `Secretary of State`, `Minister of
/// Defence` (the word before it a title, the one after it a title or a name).
pub(crate) fn title_of(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].is("of")
        && i.checked_sub(1)
            .is_some_and(|p| class(tokens, p) == Class::Title)
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.class, Class::Title | Class::Name) && !n.line_start)
}

/// Whether the words in `ahead` are role words (titles, lower-case modifiers) and then a name
/// of two words: `activist Bob Klaus`, `ally James Carville`.
fn leads_to_name(tokens: &[Token<'_>], ahead: Range<usize>) -> bool {
    for j in ahead {
        match class(tokens, j) {
            // (`wrote Cameron Easley for Morning Consult`: a preposition ends the phrase.)
            Class::Modifier if tokens[j].is_clause_word() => return false,
            Class::Modifier | Class::Title => {}
            Class::Name => {
                let line = |k: usize| tokens.get(k).is_some_and(|t| t.line_start);
                return tokens.get(j + 1).is_some_and(|t| t.class == Class::Name)
                    && !line(j)
                    && !line(j + 1);
            }
            _ => return false,
        }
    }
    false
}

/// The words of `tokens` joined by spaces.
fn joined(tokens: &[Token<'_>]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len() + 1).sum());
    push_joined(&mut out, tokens);
    out
}

/// Appends the words of `tokens` to `out`, joined by spaces.
pub(crate) fn push_joined(out: &mut String, tokens: &[Token<'_>]) {
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(t.text);
    }
}

/// A phrase read, as token ranges.
enum Phrase {
    Person {
        titles: Range<usize>,
        name: Range<usize>,
    },
    Organisation(Range<usize>),
    Description(Range<usize>),
    Pronoun,
}

impl Phrase {
    fn subject(self, tokens: &[Token<'_>]) -> Subject {
        let lower = |r: Range<usize>| tokens[r].iter().map(|t| t.text.to_lowercase()).collect();
        match self {
            Phrase::Person { titles, name } => Subject::Person {
                name: joined(&tokens[name]),
                titles: lower(titles),
            },
            Phrase::Organisation(r) => Subject::Organisation(joined(&tokens[r])),
            Phrase::Description(r) => Subject::Description(lower(r)),
            Phrase::Pronoun => Subject::Pronoun,
        }
    }
}

/// Splits a phrase into titles and name, or reads it as an organisation or a description.
fn read_phrase(tokens: &[Token<'_>], range: Range<usize>) -> Option<Subject> {
    read_phrase_at(tokens, range, true).map(|p| p.subject(tokens))
}

/// [`read_phrase`] as token ranges; `owned` reads a name after a possessive (`Twitter's Adam
/// Sharp`) as the person's.
fn read_phrase_at(tokens: &[Token<'_>], range: Range<usize>, owned: bool) -> Option<Phrase> {
    let phrase = &tokens[range.clone()];
    let (head, _) = phrase.split_last()?;
    if head.class == Class::OrgNoun {
        return organisation_phrase(phrase, range);
    }
    // Titles and the words describing the person end where the name starts: `Cruz
    // constituent Dan Golvach`.
    let last_title = phrase
        .iter()
        .rposition(|t| matches!(t.class, Class::Title | Class::Modifier));
    let mut name_start = last_title.map_or(0, |t| t + 1);
    // `Twitter's Adam Sharp`, `the Zionist Union Party's Nachman Shai`: whose the person is
    // stands with the titles, before a name of two words or more.
    let owner = phrase[name_start..].iter().rposition(Token::is_possessive);
    if let Some(owner) = owner.filter(|_| owned) {
        let after = &phrase[name_start + owner + 1..];
        if after.len() >= 2 && after.iter().all(|t| t.class == Class::Name) {
            name_start += owner + 1;
        }
    }
    let name = &phrase[name_start..];
    if let Some(of) = name.iter().position(|t| t.is("of")) {
        return office_phrase(tokens, range.clone(), range.start + name_start + of);
    }
    // A name is capitalised words (with particles inside), never a possessive: `Trump's aide`.
    let well_formed = name.first().is_some_and(|t| t.is_capitalised())
        && head.is_capitalised()
        && !head.is_possessive()
        && name.iter().all(|t| !t.is_possessive());
    if !name.is_empty() && !well_formed {
        return None;
    }
    let titles = range.start..range.start + name_start;
    if name.is_empty() {
        return (!titles.is_empty()).then_some(Phrase::Description(titles));
    }
    Some(Phrase::Person {
        titles,
        name: range.start + name_start..range.end,
    })
}

/// A phrase ending in an organisation's noun: `Russia's defense ministry`, also `the city's
/// emergency service`, but never a bare `the ministry`, which names nothing.
fn organisation_phrase(phrase: &[Token<'_>], range: Range<usize>) -> Option<Phrase> {
    let first_named = phrase
        .iter()
        .position(|t| matches!(t.class, Class::Name | Class::Possessive))
        .or_else(|| {
            let owned = phrase.iter().any(Token::is_possessive);
            (owned && phrase.len() >= 2).then_some(0)
        })?;
    Some(Phrase::Organisation(range.start + first_named..range.end))
}

/// A phrase whose name part holds `of` (at token `of`): `the Prince of Wales`, `the Secretary
/// of State`, a title of a place or an office, describing whoever holds it; with a name after
/// it, the name's title (`Prime Minister of Canada Justin Trudeau`).
fn office_phrase(tokens: &[Token<'_>], range: Range<usize>, of: usize) -> Option<Phrase> {
    if !(of > range.start && title_of(tokens, of)) {
        return None;
    }
    let named = of + 2..range.end;
    let well_formed =
        named.len() >= 2 && tokens[named.clone()].iter().all(|t| t.class == Class::Name);
    Some(if well_formed {
        Phrase::Person {
            titles: range.start..of + 2,
            name: named,
        }
    } else {
        Phrase::Description(range.start..of)
    })
}

pub(super) fn last_word(name: &str) -> &str {
    match name.bytes().rposition(|b| b == b' ') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Whether a name has more than one word. (A byte loop: names are short, and this runs for
/// every person noted.)
pub(super) fn has_space(name: &str) -> bool {
    name.bytes().any(|b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn before(text: &str) -> Option<Subject> {
        let tokens = tokenize(text, 0..text.len());
        subject_before(&tokens, tokens.len())
    }

    fn after(text: &str) -> Option<Subject> {
        let tokens = tokenize(text, 0..text.len());
        subject_after(&tokens, 0)
    }

    fn person(name: &str) -> Option<Subject> {
        match before(name) {
            Some(Subject::Person { name, .. }) => Some(Subject::Person {
                name,
                titles: vec![],
            }),
            other => other,
        }
    }

    #[test]
    fn titles_are_not_names() {
        let rows = [
            ("U.S. President Donald Trump", "Donald Trump"),
            ("On Thursday, Trump", "Trump"),
            ("NATO Secretary-General Mark Rutte", "Mark Rutte"),
            ("retired Lt Gen. Keith Kellogg", "Keith Kellogg"),
            (
                "Ukrainian President Volodymyr Zelenskyy",
                "Volodymyr Zelenskyy",
            ),
            (
                "ministry spokesman Christophe Lemoine",
                "Christophe Lemoine",
            ),
            ("Mr. Trump", "Trump"),
            // A middle initial is the name's, though `A` is an article.
            ("Julie A. Diaz Martinez", "Julie A. Diaz Martinez"),
            ("Olena Davydiuk,", "Olena Davydiuk"),
            ("Charles de Gaulle", "Charles de Gaulle"),
            // The subject before a phrase set off by commas, not the phrase's last name.
            (
                "Clinton, during a town hall meeting in Columbus, Ohio,",
                "Clinton",
            ),
            ("Sanders, speaking on the radio,", "Sanders"),
            (
                "Helen Ashby, a senior fellow at the Institute,",
                "Helen Ashby",
            ),
            // A role at an organisation, in lower case, is set off the same way.
            (
                "Karen Holt, chairman of the House Ways and Means Committee,",
                "Karen Holt",
            ),
            (
                "Omar Reyes, associate professor of history at the University of Nevada-Las Vegas,",
                "Omar Reyes",
            ),
            (
                "Ann Marlow, executive director of National Nurses United, a union that has \
                 endorsed Mr. Sanders and has sent its members across the country,",
                "Ann Marlow",
            ),
            (
                "Greg Garner, a pollster who is working with Priorities USA, a super PAC,",
                "Greg Garner",
            ),
            // Whose the person is stands with the titles.
            ("Twitter's Adam Sharp", "Adam Sharp"),
            ("the Zionist Union Party's Nachman Shai", "Nachman Shai"),
            // A name set off by commas is itself the subject.
            (
                "Trump's special envoy for Ukraine and Russia, retired Lt Gen. Keith Kellogg,",
                "Keith Kellogg",
            ),
        ];
        for (text, want) in rows {
            let got = person(text);
            assert_eq!(
                got,
                Some(Subject::Person {
                    name: want.to_string(),
                    titles: vec![]
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn a_mention_is_no_name_owned_by_another() {
        // A subject owned by an organisation is the person; a headline's capitals after a
        // possessive are no one the text goes on to mention.
        for text in ["Schlafly's Final Column", "Twitter's Adam Sharp"] {
            let tokens = tokenize(text, 0..text.len());
            assert_eq!(person_after(&tokens, 0), None, "{text}");
            assert!(
                matches!(subject_after(&tokens, 0), Some(Subject::Person { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn organisations_descriptions_and_pronouns() {
        assert_eq!(
            before("Russia's defense ministry"),
            Some(Subject::Organisation("Russia's defense ministry".into()))
        );
        assert_eq!(
            after("Ukraine's emergency services on Thursday"),
            Some(Subject::Organisation("Ukraine's emergency services".into()))
        );
        assert_eq!(
            before("the Ukrainian leader"),
            Some(Subject::Description(vec![
                "ukrainian".into(),
                "leader".into()
            ]))
        );
        // A title of an office or a place describes whoever holds it.
        assert_eq!(
            before("The Prince of Wales"),
            Some(Subject::Description(vec!["prince".into()]))
        );
        assert_eq!(
            after("Former Secretary of State Madeleine Albright recently urged"),
            Some(Subject::Person {
                name: "Madeleine Albright".into(),
                titles: vec![
                    "former".into(),
                    "secretary".into(),
                    "of".into(),
                    "state".into()
                ]
            })
        );
        assert_eq!(before("he later"), Some(Subject::Pronoun));
        assert_eq!(after("she"), Some(Subject::Pronoun));
    }

    #[test]
    fn no_speaker_rather_than_a_wrong_one() {
        for text in ["on Thursday", "Trump's aides", "the photo", "Getty Images"] {
            assert_eq!(before(text), None, "{text}");
        }
    }
}
