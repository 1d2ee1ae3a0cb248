//! The people a document has named so far, so that `he` and `the Ukrainian leader` can be
//! resolved and `Trump` read as `Donald Trump`. (Merging one person's spellings across
//! documents is [`super::speakers`].)

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::rc::Rc;

use super::names::{has_space, last_word, person_after, push_joined, subject_before, Subject};
use super::patterns::Cue;
use super::tokens::Token;
use crate::text::hash::{TextMap, TextSet};
use crate::text::lexicon;

/// A name as the people of a document keep it: the stretch of the document's text where it is
/// written so (most names: no copy), or a string of its own, shared between a person and the
/// index.
#[derive(Debug, Clone)]
enum Name<'t> {
    Written(&'t str),
    Own(Rc<str>),
}

impl<'t> Name<'t> {
    /// The name `name`, which is `written` in the text when that is known.
    fn new(name: &str, written: Option<&'t str>) -> Self {
        written.map_or_else(|| Name::Own(name.into()), Name::Written)
    }

    /// Its last word, kept the same way.
    fn surname(&self) -> Name<'t> {
        match self {
            Name::Written(s) => Name::Written(last_word(s)),
            Name::Own(s) => Name::Own(last_word(s).into()),
        }
    }

    fn written(&self) -> Option<&'t str> {
        match self {
            Name::Written(s) => Some(s),
            Name::Own(_) => None,
        }
    }
}

impl std::ops::Deref for Name<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Name::Written(s) => s,
            Name::Own(s) => s,
        }
    }
}

impl Borrow<str> for Name<'_> {
    fn borrow(&self) -> &str {
        self
    }
}

/// Names hash and compare as their text, so that the index is looked up by `&str`.
impl Hash for Name<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Name<'_> {}

#[derive(Debug, Clone)]
struct Person<'t> {
    /// The same as the key of the index entry for the name (a copy of a reference).
    name: Name<'t>,
    titles: Vec<String>,
    /// Quoted, or named with a first name or a title: a person `he` or `she` can mean, unlike
    /// `Moscow` or `Kyiv`.
    personal: bool,
    /// When last named as a speaker or a sentence's subject (0: never).
    as_subject: usize,
    /// When last named at all.
    seen: usize,
    /// Whether `name` looks like an organisation's (`Russia's defense ministry`): worked out
    /// the first time a pronoun could mean the person, and kept, since every later check asks
    /// again (most people named are never asked).
    organisation: Option<bool>,
}

/// The people of one document, in the order they were named, with indexes so that every lookup
/// costs the same however many people a text names.
#[derive(Debug, Default)]
pub(crate) struct People<'t> {
    /// The document.
    text: &'t str,
    persons: Vec<Person<'t>>,
    /// Every name a person was noted under, and every last word of a name, in one table: most
    /// people are named by a surname alone (`Trump`), which is both, and one key then serves
    /// for the two.
    index: TextMap<Name<'t>, NameEntry>,
    /// Persons by role (`president`, `senator`), for descriptions.
    by_role: TextMap<String, Vec<usize>>,
    /// The person a pronoun means now.
    last_subject: Option<usize>,
    clock: usize,
    /// Capitalised words the document uses inside sentences, so names rather than sentence
    /// openers.
    names: TextSet<&'t str>,
    /// The first person named as a speaker: the one a pronoun means before anyone is named
    /// (`«…», a-t-il affirmé.` opening a text whose title named him).
    first_speaker: Option<usize>,
    /// Whether any person has been named yet (by a full name, a title or as a speaker).
    someone_named: bool,
    /// The quotation being attributed, and subjects left for when the whole text is read.
    current: usize,
    deferred: Vec<Deferred>,
    /// German: capitals mark nouns, so only `names` make a name.
    nouns_capitalised: bool,
    /// The sentence being read; it goes on across the quotations inside it.
    sentence: Sentence<'t>,
    /// A buffer for names being looked up.
    scratch: String,
}

/// A subject that could not be resolved where it stood.
#[derive(Debug)]
pub(crate) enum Pending {
    /// A description fitting nobody named before it: `the American president said`, before
    /// the text names him.
    Description(Vec<String>),
    /// A pronoun before anyone is named.
    Pronoun,
}

/// A subject left for when the whole text is read, and the quotation it attributes.
#[derive(Debug)]
pub(crate) struct Deferred {
    pub(crate) quote: usize,
    pub(crate) subject: Pending,
    pub(crate) cue: Option<Cue>,
}

/// What one name (or last word of a name) says about the people of a document.
#[derive(Debug, Default, Clone, Copy)]
struct NameEntry {
    /// The person noted under this very name.
    person: Option<usize>,
    /// The persons whose name ends with this word.
    surname_of: Bearers,
}

/// How many persons bear a surname: a surname shared by two people (`Clinton` with Hillary and
/// Bill) resolves to nobody, so beyond one only "several" matters, and no list is kept.
#[derive(Debug, Default, Clone, Copy)]
enum Bearers {
    #[default]
    Nobody,
    One(usize),
    Several,
}

impl Bearers {
    fn add(self, person: usize) -> Bearers {
        match self {
            Bearers::Nobody => Bearers::One(person),
            Bearers::One(_) | Bearers::Several => Bearers::Several,
        }
    }

    fn only(self) -> Option<usize> {
        match self {
            Bearers::One(i) => Some(i),
            Bearers::Nobody | Bearers::Several => None,
        }
    }
}

#[derive(Debug)]
struct Sentence<'t> {
    at_start: bool,
    subject_seen: bool,
    first_named: Option<Name<'t>>,
}

impl Default for Sentence<'_> {
    fn default() -> Self {
        Sentence {
            at_start: true,
            subject_seen: false,
            first_named: None,
        }
    }
}

impl<'t> People<'t> {
    /// The people of a document whose capitalised words inside sentences are `names`.
    ///
    /// Nearly every person is named with such words, and most by one or two of them, so the
    /// index starts with room for as many names and the list of persons for half as many
    /// persons: neither grows step by step (each step a new table or block, and a copy).
    pub(crate) fn new(text: &'t str, names: TextSet<&'t str>) -> Self {
        People {
            text,
            persons: Vec::with_capacity(names.len() / 2),
            index: TextMap::with_capacity_and_hasher(names.len(), Default::default()),
            names,
            ..Self::default()
        }
    }

    pub(crate) fn now_attributing(&mut self, quote: usize) {
        self.current = quote;
    }

    /// Keeps a description that fits nobody named so far, or a pronoun before anyone is
    /// named, to be resolved when the whole text is read.
    pub(crate) fn defer(&mut self, subject: Pending, cue: Option<Cue>) {
        self.deferred.push(Deferred {
            quote: self.current,
            subject,
            cue,
        });
    }

    pub(crate) fn take_deferred(&mut self) -> Vec<Deferred> {
        std::mem::take(&mut self.deferred)
    }

    /// The person a deferred subject means, with the whole text read.
    pub(crate) fn resolve_deferred(&self, subject: &Pending) -> Option<String> {
        match subject {
            Pending::Description(roles) => self.described(roles),
            Pending::Pronoun => self.first_speaker.map(|i| self.persons[i].name.to_string()),
        }
    }

    /// Notes the people named in a stretch of prose: subjects of sentences and of speech verbs
    /// count for pronouns; any titled name counts for descriptions.
    pub(crate) fn observe(&mut self, tokens: &[Token<'t>]) {
        for i in 0..tokens.len() {
            let t = &tokens[i];
            if t.line_start || t.ends_sentence() {
                self.end_sentence();
                if t.ends_sentence() {
                    continue;
                }
            }
            let phrase_start = i == 0 || !tokens[i - 1].is_capitalised();
            if t.is_capitalised() && phrase_start {
                if let Some((titles, name)) = person_after(tokens, i) {
                    self.named_in_prose(tokens, i, titles, name);
                }
            }
            if t.is_speech_verb() {
                if let Some(subject) = subject_before(tokens, i) {
                    self.sentence.subject_seen = true;
                    if let Subject::Person { name, titles } = subject {
                        if !self.nouns_capitalised || self.is_known(&name) {
                            self.note(&name, None, &titles, true);
                        }
                    }
                }
            }
            self.sentence.at_start = false;
        }
    }

    /// A person's name read in the prose at `tokens[i]` (the token ranges of its titles and
    /// name): a subject when it opens the sentence and a verb follows.
    fn named_in_prose(
        &mut self,
        tokens: &[Token<'t>],
        i: usize,
        titles: Range<usize>,
        name: Range<usize>,
    ) {
        let len = name.len() + titles.len();
        let verb_follows = tokens
            .get(i + len)
            .is_some_and(|n| n.is_lowercase_word() || n.is(","));
        let at_start = self.sentence.at_start;
        // The name in a buffer kept from call to call: most capitals name someone met before,
        // and looking them up needs no new string.
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        let words = &tokens[name];
        push_joined(&mut text, words);
        let is_name = if self.nouns_capitalised {
            self.is_known(&text)
        } else {
            len > 1 || !at_start || self.names.contains(tokens[i].stem())
        };
        if is_name {
            let titles: Vec<String> = tokens[titles]
                .iter()
                .map(|t| t.text.to_lowercase())
                .collect();
            // The name as the text writes it, when its words stand one space apart there.
            let written = match words {
                [one] => Some(one.text),
                [first, .., last] => self
                    .text
                    .get(first.start..last.end())
                    .filter(|written| *written == text),
                [] => None,
            };
            let subject = at_start && verb_follows;
            self.note(&text, written, &titles, subject);
            self.sentence.subject_seen |= subject;
            // Only a person can be `he`: `Atlantic` in `Across the Atlantic, …` is not.
            if len > 1 && self.sentence.first_named.is_none() {
                self.sentence.first_named = Some(Name::new(&text, written));
            }
        }
        self.scratch = text;
    }

    /// A sentence without a person as its subject makes the first person it names the one a
    /// following `he` means: `The attacks forced Zelensky home. He said …`.
    fn end_sentence(&mut self) {
        let sentence = std::mem::take(&mut self.sentence);
        if let (false, Some(name)) = (sentence.subject_seen, sentence.first_named) {
            self.note(&name, name.written(), &[], true);
        }
    }

    /// Notes a speaker named beside a quotation.
    pub(crate) fn mention(&mut self, name: &str, titles: &[String]) {
        let i = self.note(name, None, titles, true);
        self.persons[i].personal = true;
        self.someone_named = true;
        self.consider_subject(i);
        if self.last_subject == Some(i) {
            self.first_speaker.get_or_insert(i);
        }
    }

    /// Whether a one-word `name` is a name here: used inside sentences, or already met.
    pub(crate) fn is_known(&self, name: &str) -> bool {
        if self.nouns_capitalised {
            return name.split(' ').any(|w| self.names.contains(w)) || self.find(name).is_some();
        }
        has_space(name) || self.names.contains(name) || self.find(name).is_some()
    }

    /// For German text, where every noun is capitalised: only what was named as a person with
    /// a first name or a title counts as a name.
    pub(crate) fn capitals_are_nouns(&mut self, titled: TextSet<&'t str>) {
        self.names = titled;
        self.nouns_capitalised = true;
    }

    /// Notes `name`, which is `written` so in the text when that is known; returns the person's
    /// index.
    fn note(
        &mut self,
        name: &str,
        written: Option<&'t str>,
        titles: &[String],
        as_subject: bool,
    ) -> usize {
        self.clock += 1;
        let i = match self.find(name) {
            Some(i) => i,
            None => self.add_person(Name::new(name, written)),
        };
        let known: &str = &self.persons[i].name;
        // `Trump`, then `Donald Trump`: the surname was his (`find` no longer completes `Trump`
        // now that his name has a space). `Liverpool Jürgen Klopp`, then `Jürgen Klopp`: the
        // name is the shorter.
        let completes = !has_space(known) || known.len() > name.len();
        if has_space(name) && completes {
            let name = Name::new(name, written);
            self.persons[i].organisation = None;
            self.persons[i].name = name.clone();
            self.update_index(name, |e| e.person = Some(i));
        }
        let p = &mut self.persons[i];
        p.personal |= has_space(name) || !titles.is_empty();
        // (Once someone is named, whether this name is an organisation's changes nothing: it
        // is not looked up again, which was 2% of `read`'s instructions on polnear-train.)
        self.someone_named = self.someone_named || (p.personal && !looks_like_organisation(name));
        for t in titles {
            if !p.titles.contains(t) {
                p.titles.push(t.clone());
                self.by_role.entry(role(t).to_string()).or_default().push(i);
            }
        }
        p.seen = self.clock;
        if as_subject {
            p.as_subject = self.clock;
            self.consider_subject(i);
        }
        i
    }

    fn add_person(&mut self, name: Name<'t>) -> usize {
        let i = self.persons.len();
        self.persons.push(Person {
            organisation: None,
            name: name.clone(),
            titles: Vec::new(),
            personal: false,
            as_subject: 0,
            seen: 0,
        });
        self.update_index(name.clone(), |e| e.person = Some(i));
        // (A one-word name is its own surname, and already a key.)
        let bear = |e: &mut NameEntry| e.surname_of = e.surname_of.add(i);
        self.update_index(name.surname(), bear);
        i
    }

    /// Changes the index entry of `key`, creating it if needed (an entry kept keeps its key).
    // (One lookup, where a failed `get_mut` and an `insert` hashed and probed a new name twice:
    // `read` over polnear-train fell from 429.4M to 427.3M instructions. The key costs no copy of
    // the text, but for a name not written so, whose surname is then a string of its own.)
    fn update_index(&mut self, key: Name<'t>, change: impl FnOnce(&mut NameEntry)) {
        change(self.index.entry(key).or_default());
    }

    /// Makes person `i` the one a pronoun means, if it was just named as a subject and can be.
    fn consider_subject(&mut self, i: usize) {
        let p = &mut self.persons[i];
        if p.as_subject == self.clock && p.personal {
            let organisation = *p
                .organisation
                .get_or_insert_with(|| looks_like_organisation(&p.name));
            if !organisation {
                self.last_subject = Some(i);
            }
        }
    }

    /// The person `name` refers to: the same name; for a surname alone, the one person of that
    /// surname (two people sharing it make it ambiguous: `Clinton` with Hillary and Bill); for a
    /// full name, the person so far known by its surname alone, or the one person of that
    /// surname whose full name holds it or is held by it.
    fn find(&self, name: &str) -> Option<usize> {
        let entry = self.index.get(name);
        if let Some(i) = entry.and_then(|e| e.person) {
            return Some(i);
        }
        if has_space(name) {
            let surname = self.index.get(last_word(name))?;
            // The person noted under the surname, while still known by it alone: a one-word
            // name is only ever noted when a person is added, and that person's name gains a
            // space once a full name completes it.
            if let Some(bare) = surname
                .person
                .filter(|&i| !has_space(&self.persons[i].name))
            {
                return Some(bare);
            }
            // The one person of that surname whose name holds this one or is held by it, word
            // for word: `Jürgen Klopp` after `Liverpool Jürgen Klopp`, read with the club.
            let only = surname.surname_of.only()?;
            let other: &str = &self.persons[only].name;
            let (long, short) = if other.len() > name.len() {
                (other, name)
            } else {
                (name, other)
            };
            let held = long
                .strip_suffix(short)
                .is_some_and(|rest| rest.ends_with(' '));
            return held.then_some(only);
        }
        entry?.surname_of.only()
    }

    /// Whether a pronoun here comes before anyone is named.
    pub(crate) fn before_anyone(&self) -> bool {
        !self.someone_named
    }

    /// The person last named as a speaker or subject.
    pub(crate) fn last_person(&self) -> Option<String> {
        self.last_subject.map(|i| self.persons[i].name.to_string())
    }

    /// The person a description such as `the Ukrainian leader` points to: the one last named with
    /// that role, preferring one whose other titles match too.
    pub(crate) fn described(&self, roles: &[String]) -> Option<String> {
        /// The most recent persons of a role looked at: enough for any article.
        const RECENT: usize = 64;
        let (head, modifiers) = roles.split_last()?;
        // `Trump's spokesman` is somebody's, not whoever was last called a spokesman.
        if modifiers
            .iter()
            .any(|m| m.ends_with("'s") || m.ends_with("’s"))
        {
            return None;
        }
        let heads: &[&str] = if head == "leader" {
            &[
                "president",
                "prime",
                "chancellor",
                "premier",
                "king",
                "queen",
                "leader",
            ]
        } else {
            &[role(head)]
        };
        let matching_modifier = |p: &Person| {
            modifiers
                .iter()
                .filter(|m| lexicon::is_demonym(m) || same_country(m, m))
                .all(|m| p.titles.iter().any(|t| t == m || same_country(t, m)))
        };
        // `the US president` is not the Ukrainian one: a modifier that fits nobody resolves
        // nothing.
        let best = heads
            .iter()
            .filter_map(|h| self.by_role.get(*h))
            .flat_map(|list| list.iter().rev().take(RECENT))
            .map(|&i| &self.persons[i])
            .filter(|p| matching_modifier(p))
            .max_by_key(|p| p.seen)?;
        Some(best.name.to_string())
    }

    /// The full name used elsewhere in the document for a surname, when only one person has
    /// that surname and the name differs; `None` when `name` stands as it is.
    pub(crate) fn full_name(&self, name: &str) -> Option<&str> {
        if has_space(name) {
            return None;
        }
        let one = self.index.get(name)?.surname_of.only()?;
        Some(&*self.persons[one].name).filter(|full| *full != name)
    }
}

fn looks_like_organisation(name: &str) -> bool {
    last_word(name)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lexicon::flags(w) & lexicon::ORGANISATION != 0)
}

/// A title in full: `Sen.` is a senator, `Rep.` and a congressman are representatives.
fn role(title: &str) -> &str {
    match title.trim_end_matches('.') {
        "sen" => "senator",
        "rep" | "congressman" | "congresswoman" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "pres" => "president",
        "sec" | "secretary-general" => "secretary",
        "spokeswoman" | "spokesman" | "spokesperson" => "spokesperson",
        other => other,
    }
}

/// `American` and `U.S.` are one country in descriptions: `the American president`.
fn same_country(title: &str, modifier: &str) -> bool {
    let us = |s: &str| matches!(s, "u.s." | "us" | "american" | "america's");
    let uk = |s: &str| matches!(s, "u.k." | "uk" | "british" | "britain's");
    (us(title) && us(modifier)) || (uk(title) && uk(modifier))
}
