//! What the tracker says of each statement: its canonical wording and speaker, and the speaker
//! a statement lends to its quotations that name none.

use crate::cluster::{ClusterIndex, Clustering, PhraseId};
use crate::text::lexicon::main_language;

/// A slot for each phrase met in the cluster at hand, numbering its readings: an array by
/// phrase for all clusters at once (reset after each, so a million clusters cost a million
/// resets, not a million arrays), or a map for one cluster on its own.
pub(crate) enum Slots {
    Dense(Vec<u32>),
    Sparse(crate::text::hash::FxMap<PhraseId, u32>),
}

pub(super) const NO_SLOT: u32 = u32::MAX;

impl Slots {
    /// The slot of `phrase`, `next` if it has none yet (and then it gets that one).
    fn slot(&mut self, phrase: PhraseId, next: u32) -> u32 {
        match self {
            Slots::Dense(slots) => {
                let slot = &mut slots[phrase.index()];
                if *slot == NO_SLOT {
                    *slot = next;
                }
                *slot
            }
            Slots::Sparse(slots) => *slots.entry(phrase).or_insert(next),
        }
    }

    fn clear(&mut self, phrases: impl Iterator<Item = PhraseId>) {
        match self {
            Slots::Dense(slots) => phrases.for_each(|p| slots[p.index()] = NO_SLOT),
            Slots::Sparse(slots) => slots.clear(),
        }
    }
}

/// The phrases of clustered items, looked up by an item's number.
pub(crate) trait PhraseOf {
    fn phrase(&self, member: usize) -> PhraseId;
    fn words(&self, phrase: PhraseId) -> usize;
}

impl PhraseOf for ClusterIndex {
    fn phrase(&self, member: usize) -> PhraseId {
        self.phrase_of(member)
    }

    fn words(&self, phrase: PhraseId) -> usize {
        self.phrase_words(phrase)
    }
}

/// A cluster's canonical wording and speaker, from its `members` (in order of appearance),
/// each with what it `said` (its text and speaker) and its phrase.
///
/// The canonical wording is the most complete one (see [`Statement::canonical`](crate::Statement::canonical)): of the readings
/// within one word of the longest, the one most printed once case, quote marks and punctuation
/// are set aside — the consensus, not an outlier's typo — and of its printings the commonest;
/// ties go to the longer reading, then to the first. A reading is a phrase (the matching form,
/// which the clustering worked out already), so no text is normalised again and the readings
/// are counted in the slots, not in a table of strings.
pub(crate) fn summary<'a>(
    members: &[usize],
    said: impl Fn(usize) -> Said<'a>,
    phrases: &impl PhraseOf,
    slots: &mut Slots,
) -> (&'a str, Option<&'a str>) {
    if let [only] = members {
        // Most statements are quoted once: no tally to keep.
        let (text, speaker, _) = said(*only);
        return (text, speaker);
    }
    let best = best_reading(members, &said, phrases, slots);
    let canonical = commonest_wording(members, &said, phrases, best);
    (canonical, main_speaker(members, &said))
}

/// The phrase of a statement's best reading: of those within one word of the longest, the
/// most printed, then the longest, then the first. A statement quoted in several languages
/// (translations) is read in the one most of its quotations are in.
fn best_reading<'a>(
    members: &[usize],
    said: &impl Fn(usize) -> Said<'a>,
    phrases: &impl PhraseOf,
    slots: &mut Slots,
) -> Option<PhraseId> {
    let language = main_language(members.iter().map(|&m| said(m).2));
    // Each reading: its phrase, how often it was printed, its length in words; by first
    // appearance.
    let mut readings: Vec<(PhraseId, usize, usize)> = Vec::new();
    let in_language =
        |m: usize| language.is_none() || said(m).2.is_none_or(|l| Some(l) == language);
    for &m in members.iter().filter(|&&m| in_language(m)) {
        let p = phrases.phrase(m);
        let slot = slots.slot(p, readings.len() as u32) as usize;
        if slot == readings.len() {
            readings.push((p, 0, phrases.words(p)));
        }
        readings[slot].1 += 1;
    }
    slots.clear(readings.iter().map(|r| r.0));
    let longest = readings.iter().map(|r| r.2).max().unwrap_or(0);
    readings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.2 + 1 >= longest)
        .max_by(|(ia, a), (ib, b)| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(ib.cmp(ia)))
        .map(|(_, r)| r.0)
}

/// Of the printings of reading `best`, the commonest wording (the first on a tie).
fn commonest_wording<'a>(
    members: &[usize],
    said: &impl Fn(usize) -> Said<'a>,
    phrases: &impl PhraseOf,
    best: Option<PhraseId>,
) -> &'a str {
    let mut wordings: Vec<(&str, usize)> = Vec::new();
    let mut index: crate::text::hash::TextMap<&str, usize> = Default::default();
    for &m in members.iter().filter(|&&m| Some(phrases.phrase(m)) == best) {
        let text = said(m).0;
        let i = *index.entry(text).or_insert_with(|| {
            wordings.push((text, 0));
            wordings.len() - 1
        });
        wordings[i].1 += 1;
    }
    wordings
        .iter()
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.1.cmp(&b.1).then(ib.cmp(ia)))
        .map_or("", |(_, w)| w.0)
}

/// The speaker most of a statement's quotations name (the first named on a tie). Each
/// speaker's votes and first vote are looked up by name: a statement quoted with thousands of
/// different speakers costs no more per quotation than one with two.
fn main_speaker<'a>(members: &[usize], said: &impl Fn(usize) -> Said<'a>) -> Option<&'a str> {
    let mut votes: crate::text::hash::TextMap<&str, (usize, usize)> = Default::default();
    for (i, s) in members.iter().filter_map(|&m| said(m).1).enumerate() {
        votes.entry(s).or_insert((0, i)).0 += 1;
    }
    votes
        .iter()
        .max_by_key(|(_, &(n, first))| (n, std::cmp::Reverse(first)))
        .map(|(&s, _)| s)
}

/// What a quotation says, who said it, and in which language.
pub(crate) type Said<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// Statement-level consensus: a quotation whose document names no speaker for it takes its
/// statement's speaker, when every attributed quotation of the statement (names merged across
/// documents) names the same one. Outlets cut a statement into pieces and attribute some of
/// them only (`the "running out of energy" remark`, a headline); the other pieces are still
/// that speaker's words. A statement whose quotations name two speakers lends nobody: the
/// words of a company and of its chief executive can be one statement.
pub(super) fn lent_speakers<'a>(
    clustering: &Clustering,
    speaker: impl Fn(usize) -> Option<&'a str>,
) -> crate::text::hash::FxMap<usize, String> {
    let mut lent = crate::text::hash::FxMap::default();
    for (id, members) in clustering.clusters().enumerate() {
        if let Some(first) = lent_speaker(members.iter().map(|&m| speaker(m))) {
            lent.insert(id, first.to_string());
        }
    }
    lent
}

/// The speaker a statement whose quotations name `speakers` (`None` for a quotation that
/// names nobody) lends to those that name nobody: the one speaker named, when there is one
/// and a quotation to lend it to (see [`lent_speakers`]).
pub(crate) fn lent_speaker<'a>(speakers: impl Iterator<Item = Option<&'a str>>) -> Option<&'a str> {
    // The one speaker named, and whether anyone is left to lend it to.
    let (mut only, mut unanimous, mut unnamed) = (None, true, false);
    for s in speakers {
        match (s, only) {
            (None, _) => unnamed = true,
            (Some(s), None) => only = Some(s),
            (Some(s), Some(first)) => unanimous &= s == first,
        }
    }
    only.filter(|_| unanimous && unnamed)
}
