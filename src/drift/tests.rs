use super::*;

const POST: &str = "I am not happy with the Russian strikes on KYIV. Not necessary, and very bad \
                    timing. Vladimir, STOP! 5000 soldiers a week are dying. Lets get the Peace Deal DONE!";

fn kinds(canonical: &str, variant: &str) -> Vec<EditKind> {
    drift(canonical, variant)
        .edits
        .iter()
        .map(|e| e.kind)
        .collect()
}

#[test]
fn each_kind_of_drift_on_hand_made_pairs() {
    use EditKind::*;
    let rows: &[(&str, &str, &[EditKind])] = &[
        (
            "Lets get the Peace Deal DONE!",
            "Lets get the Peace Deal DONE!",
            &[],
        ),
        (
            "Lets get the Peace Deal DONE!",
            "Lets get the Peace Deal done!",
            &[Case],
        ),
        (
            "Lets get the Peace Deal DONE!",
            "Let’s get the Peace Deal DONE!",
            &[Punctuation],
        ),
        ("Vladimir, STOP!", "Vladimir, STOP.", &[Punctuation]),
        (
            "a deal with Zelenskyy today",
            "a deal with Zelensky today",
            &[Spelling],
        ),
        (
            "5000 soldiers a week are dying",
            "5000 farmers a week are dying",
            &[Substitution],
        ),
        (
            "Not necessary, and very bad timing",
            "Not necessary, and very very bad timing",
            &[Insertion],
        ),
        (
            "Not necessary, and very bad timing",
            "Not necessary, very bad timing",
            &[Omission],
        ),
        (
            POST,
            "I am not happy with the Russian strikes on KYIV.",
            &[Truncation],
        ),
        (POST, "Vladimir, STOP!", &[Truncation, Truncation]),
        (
            POST,
            "I am not happy ... Vladimir, STOP!",
            &[Ellipsis, Truncation],
        ),
        (
            POST,
            "I am not happy with the Russian strikes on KYIV. Lets get the Peace Deal DONE!",
            &[Splice],
        ),
    ];
    for (canonical, variant, want) in rows {
        assert_eq!(kinds(canonical, variant), *want, "{variant}");
    }
}

#[test]
fn edits_name_the_words_they_concern() {
    let d = drift(
        "Lets get the Peace Deal DONE!",
        "Lets get the Peace Deal done!",
    );
    let e = &d.edits[0];
    assert_eq!(e.canonical, 5..6);
    assert_eq!(e.canonical_text, "DONE!");
    assert_eq!(e.variant_text, "done!");
}

#[test]
fn scores_order_faithful_before_reworded() {
    let same = drift(POST, POST).score;
    let cased = drift(POST, &POST.to_lowercase()).score;
    let fragment = drift(POST, "Vladimir, STOP!").score;
    let reworded = drift(
        POST,
        "I am angry about the Russian bombs on KYIV. Not needed, and awful timing.",
    )
    .score;
    assert_eq!(same, 0.0);
    assert!(cased > 0.0 && cased < reworded, "{cased} {reworded}");
    assert!(fragment < reworded, "{fragment} {reworded}");
}

#[test]
fn applying_the_edits_gives_the_variant_back() {
    let variants = [
        "Lets get the peace deal done",
        "I am not happy … Vladimir, STOP!",
        "5,000 soliders a week are dying, lets get the peace deal done",
        "",
        "entirely different words here",
    ];
    for v in variants {
        assert_eq!(drift(POST, v).apply(POST), words(v), "{v}");
    }
}

#[test]
fn a_wording_that_shares_too_few_words_is_one_paraphrase() {
    let canonical = "We are waiting for an answer from Moscow about the ceasefire";
    let d = drift(canonical, "Missiles are not the answer, he told Moscow");
    assert_eq!(
        kinds(canonical, "Missiles are not the answer, he told Moscow"),
        [EditKind::Paraphrase]
    );
    assert_eq!(d.edits[0].canonical, 0..11);
    assert!((d.score - 1.0).abs() < 1e-9);
    // A fragment, or a wording with a word or two changed, still aligns word by word.
    assert_eq!(
        kinds(canonical, "an answer from Moscow"),
        [EditKind::Truncation, EditKind::Truncation]
    );
    assert!(!kinds(
        canonical,
        "We are waiting for a reply from Moscow about the truce"
    )
    .contains(&EditKind::Paraphrase));
    assert_eq!(
        d.apply(canonical),
        words("Missiles are not the answer, he told Moscow")
    );
}

#[test]
fn a_translation_is_one_edit_naming_both_languages() {
    let d = translation("Ich liebe diesen Verein", "I love this club", ("de", "en"));
    let [edit] = d.edits.as_slice() else {
        panic!("{:?}", d.edits)
    };
    assert_eq!(edit.kind, EditKind::Translation);
    assert_eq!(
        (
            edit.canonical_language.as_deref(),
            edit.variant_language.as_deref()
        ),
        (Some("de"), Some("en"))
    );
    assert_eq!(edit.variant_text, "I love this club");
    assert_eq!(
        d.apply("Ich liebe diesen Verein"),
        words("I love this club")
    );
}

#[test]
fn another_form_of_a_word_is_an_inflection_in_the_statements_language() {
    let canonical = "We offer our apologies for the delay";
    let variant = "We offer our apology for the delay";
    let kinds_in = |language| -> Vec<EditKind> {
        drift_in(canonical, variant, language)
            .edits
            .iter()
            .map(|e| e.kind)
            .collect()
    };
    assert_eq!(kinds_in(Some("en")), [EditKind::Inflection]);
    // Without a language, a word changed.
    assert_eq!(kinds_in(None), [EditKind::Substitution]);
    let d = drift_in(canonical, variant, Some("en"));
    assert_eq!(d.edits[0].variant_text, "apology", "shown as printed");
    assert!(d.score < drift(canonical, variant).score);
}
