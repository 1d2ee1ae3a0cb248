//! Drift properties: the edits of any variant rebuild it from the canonical wording, and an
//! identical wording has no edits.

use proptest::prelude::*;
use quotetrace::drift;
use quotetrace::drift::words;

const WORDS: &[&str] = &[
    "I",
    "am",
    "not",
    "happy",
    "with",
    "the",
    "Russian",
    "strikes",
    "KYIV,",
    "Kyiv",
    "Vladimir,",
    "STOP!",
    "stop",
    "5000",
    "5,000",
    "soldiers",
    "soliders",
    "Lets",
    "Let’s",
    "Let's",
    "get",
    "Peace",
    "Deal",
    "DONE!",
    "done",
    "…",
    "...",
    "—",
    "“very",
    "bad”",
    "timing.",
];

fn wording() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..24).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn edits_rebuild_the_variant(canonical in wording(), variant in wording()) {
        let d = drift(&canonical, &variant);
        prop_assert_eq!(d.apply(&canonical), words(&variant));
        prop_assert!(d.score >= 0.0);
        let mut last = 0;
        for e in &d.edits {
            prop_assert!(e.canonical.start >= last, "edits in canonical order");
            prop_assert!(e.canonical.end <= words(&canonical).len());
            last = e.canonical.end;
        }
    }

    #[test]
    fn an_identical_wording_has_no_drift(canonical in wording()) {
        let d = drift(&canonical, &canonical);
        prop_assert!(d.edits.is_empty());
        prop_assert_eq!(d.score, 0.0);
    }

    #[test]
    fn any_text_is_safe(canonical in any::<String>(), variant in any::<String>()) {
        let d = drift(&canonical, &variant);
        prop_assert_eq!(d.apply(&canonical), words(&variant));
    }
}
