//! Speakers across documents: one spelling per person (`Zelensky`, `Zelenskyy`, `Zelenskiy`).
//! Within one text, [`super::people`] resolves who is who; this merges what the texts found.

use std::collections::{BTreeMap, HashMap};

use super::names::{has_space, last_word};

/// Maps every speaker name used in several documents to one canonical spelling: names whose
/// surnames differ by a small edit (`Zelensky`, `Zelenskyy`, `Zelenskiy`) and whose first names
/// agree are one person, named by the most frequent full form (ties: the alphabetically first).
/// A bare surname joins the person of that surname when there is only one.
///
/// The result is the same whatever the order of `names`.
///
/// ```
/// use quotetrace::attribute::canonical_speakers;
///
/// let map = canonical_speakers(["Volodymyr Zelenskyy", "Zelensky", "Volodymyr Zelensky",
///                               "Volodymyr Zelensky", "Donald Trump"]);
/// assert_eq!(map["Volodymyr Zelenskyy"], "Volodymyr Zelensky");
/// assert_eq!(map["Zelensky"], "Volodymyr Zelensky");
/// assert_eq!(map["Donald Trump"], "Donald Trump");
/// ```
pub fn canonical_speakers<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    canonical_speakers_counted(names.into_iter().map(|n| (n, 1)))
}

/// [`canonical_speakers`] from each name's number of uses (a name given twice counts twice):
/// for a program that counts the names where the quotations are, and sends one row per name.
///
/// ```
/// use quotetrace::attribute::{canonical_speakers, canonical_speakers_counted};
///
/// let counted = canonical_speakers_counted([("Volodymyr Zelensky", 2), ("Zelensky", 1),
///                                           ("Volodymyr Zelenskyy", 1)]);
/// let listed = canonical_speakers(["Volodymyr Zelensky", "Volodymyr Zelensky", "Zelensky",
///                                  "Volodymyr Zelenskyy"]);
/// assert_eq!(counted, listed);
/// assert_eq!(counted["Zelensky"], "Volodymyr Zelensky");
/// ```
pub fn canonical_speakers_counted<'a>(
    names: impl IntoIterator<Item = (&'a str, usize)>,
) -> HashMap<String, String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (n, uses) in names {
        *counts.entry(n).or_default() += uses;
    }
    // Groups of full names, each with its members; bucketed by the surname's first letters so
    // that only plausible spellings are compared.
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for &name in counts.keys().filter(|n| has_space(n)) {
        let key = surname_key(name);
        let bucket = buckets.entry(key).or_default();
        match bucket
            .iter()
            .find(|&&g| groups[g].iter().all(|m| same_person(m, name)))
        {
            Some(&g) => groups[g].push(name),
            None => {
                bucket.push(groups.len());
                groups.push(vec![name]);
            }
        }
    }
    let mut map = HashMap::new();
    for g in &groups {
        let canonical = g
            .iter()
            .max_by(|a, b| counts[*a].cmp(&counts[*b]).then_with(|| b.cmp(a)))
            .copied()
            .unwrap_or_default();
        for m in g {
            map.insert(m.to_string(), canonical.to_string());
        }
    }
    for &name in counts.keys().filter(|n| !has_space(n)) {
        let bucket = buckets.get(&surname_key(name));
        let owners: Vec<usize> = bucket
            .into_iter()
            .flatten()
            .copied()
            // (A surname alone is the person's only when spelt the same, transliteration
            // aside: `Borger` is not `Matt Borges`.)
            .filter(|&g| skeleton(last_word(groups[g][0])) == skeleton(name))
            .collect();
        let target = match owners.as_slice() {
            [g] => map[groups[*g][0]].clone(),
            _ => name.to_string(),
        };
        map.insert(name.to_string(), target);
    }
    map
}

fn surname_key(name: &str) -> String {
    skeleton(last_word(name)).chars().take(4).collect()
}

/// A name's spelling with the usual transliteration differences folded: `Zelenskyy`,
/// `Zelenskiy` and the German `Selenskyj` all give `selensc`.
fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        let c = match c {
            'z' => 's',
            'w' => 'v',
            'j' | 'y' => 'i',
            'k' | 'q' => 'c',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    let trimmed = out.trim_end_matches('i').len();
    out.truncate(trimmed.max(1));
    out
}

fn similar_surname(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let distance = strsim::levenshtein(&skeleton(&a), &skeleton(&b));
    shorter >= 5 && distance <= 1 + usize::from(shorter >= 8)
}

/// Whether two full names are one person's: surnames alike and first names alike, but not
/// both merely alike (`Dean Baker` and `Dan Backer` are two people; `Volodymyr Zelenskyy` and
/// `Volodymyr Zelensky`, `Jürgen Klopp` and `Jurgen Klopp` one).
fn same_person(a: &str, b: &str) -> bool {
    let (la, lb) = (last_word(a), last_word(b));
    if !similar_surname(la, lb) {
        return false;
    }
    let first = |s: &str| skeleton(s.split(' ').next().unwrap_or(""));
    let (fa, fb) = (first(a), first(b));
    // Spelt the same, not only alike up to transliteration: `Baker` and `Backer` share a
    // skeleton.
    let same_surname = la.to_lowercase() == lb.to_lowercase();
    fa == fb || (same_surname && strsim::jaro_winkler(&fa, &fb) > 0.9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_people_with_one_surname_stay_apart() {
        let map = canonical_speakers(["Hillary Clinton", "Bill Clinton", "Clinton"]);
        assert_eq!(map["Hillary Clinton"], "Hillary Clinton");
        assert_eq!(map["Bill Clinton"], "Bill Clinton");
        assert_eq!(map["Clinton"], "Clinton");
    }

    #[test]
    fn names_alike_in_both_parts_are_two_people() {
        let map = canonical_speakers(["Dean Baker", "Dan Backer", "Matt Borges", "Borger"]);
        assert_eq!(map["Dean Baker"], "Dean Baker");
        assert_eq!(map["Dan Backer"], "Dan Backer");
        assert_eq!(map["Borger"], "Borger");
    }

    #[test]
    fn order_does_not_matter() {
        let a = canonical_speakers(["Volodymyr Zelenskiy", "Volodymyr Zelenskyy"]);
        let b = canonical_speakers(["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"]);
        assert_eq!(a, b);
    }

    #[test]
    fn transliterations_are_one_person() {
        let map = canonical_speakers([
            "Volodymyr Zelensky",
            "Volodymyr Zelensky",
            "Wolodymyr Selenskyj",
            "Volodymyr Zelenskiy",
        ]);
        assert_eq!(map["Wolodymyr Selenskyj"], "Volodymyr Zelensky");
        assert_eq!(map["Volodymyr Zelenskiy"], "Volodymyr Zelensky");
    }

    #[test]
    fn short_surnames_need_an_exact_match() {
        let map = canonical_speakers(["Joe Biden", "Joe Bidan", "Ban"]);
        assert_eq!(map["Joe Bidan"], "Joe Bidan");
    }
}
