use super::*;

fn texts(text: &str) -> Vec<&str> {
    detect(text).iter().map(|q| q.text(text)).collect()
}

#[test]
fn every_mark_style() {
    let rows: &[(&str, &str, QuoteStyle)] = &[
        (
            r#"He said "we are ready" today."#,
            "we are ready",
            QuoteStyle::Straight,
        ),
        (
            "He said “we are ready” today.",
            "we are ready",
            QuoteStyle::Curly,
        ),
        (
            "He said 'we are ready' today.",
            "we are ready",
            QuoteStyle::StraightSingle,
        ),
        (
            "He said ‘we are ready’ today.",
            "we are ready",
            QuoteStyle::CurlySingle,
        ),
        (
            "Il a dit « nous sommes prêts » hier.",
            "nous sommes prêts",
            QuoteStyle::Guillemets,
        ),
        (
            "Il a dit «nous sommes prêts» hier.",
            "nous sommes prêts",
            QuoteStyle::Guillemets,
        ),
        (
            "Er sagte »wir sind bereit« gestern.",
            "wir sind bereit",
            QuoteStyle::Guillemets,
        ),
        (
            "Il a dit ‹ prêts › hier.",
            "prêts",
            QuoteStyle::SingleGuillemets,
        ),
        (
            "Er sagte „wir sind bereit“ gestern.",
            "wir sind bereit",
            QuoteStyle::Low,
        ),
        (
            "Er sagte ‚wir sind bereit‘ gestern.",
            "wir sind bereit",
            QuoteStyle::LowSingle,
        ),
        (
            "彼は「準備ができている」と述べた。",
            "準備ができている",
            QuoteStyle::Corner,
        ),
        ("彼は『準備』と述べた。", "準備", QuoteStyle::Corner),
    ];
    for (text, want, style) in rows {
        let quotes = detect(text);
        assert_eq!(quotes.len(), 1, "{text}: {quotes:?}");
        assert_eq!(quotes[0].text(text), *want, "{text}");
        assert_eq!(quotes[0].style, *style, "{text}");
        assert!(quotes[0].closed, "{text}");
    }
}

#[test]
fn apostrophes_are_not_quotes() {
    let rows = [
        "Let's get it done, Trump's aides said.",
        "Lets go. Russia’s army moved in the '90s and the ’80s.",
        "They played rock 'n' roll and rock ’n’ roll all night.",
        "The dogs' bowls and the soldiers’ families were there.",
        "Rock'n'roll is 'em all, y'all.",
    ];
    for text in rows {
        assert_eq!(texts(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn single_quotes_amid_apostrophes() {
    let text = "Trump's message: Trump tells Putin to 'STOP!' after Russia's strikes on the soldiers' homes";
    assert_eq!(texts(text), ["STOP!"]);
    let text = "‘We’re not happy with the Russians’ attack,’ he said of the '90s.";
    assert_eq!(texts(text), ["We’re not happy with the Russians’ attack,"]);
}

#[test]
fn nested_quotation_is_kept_inside() {
    let text = "“He said ‘stop’ twice,” she recalled.";
    let quotes = detect(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text(text), "He said ‘stop’ twice,");
    assert_eq!(quotes[0].nested.len(), 1);
    assert_eq!(&text[quotes[0].nested[0].span.clone()], "stop");
    assert_eq!(quotes[0].nested[0].style, QuoteStyle::CurlySingle);

    let text = r#"'He called it "fake" again,' she said."#;
    let quotes = detect(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(&text[quotes[0].nested[0].span.clone()], "fake");
}

#[test]
fn quotation_split_by_attribution() {
    let text = r#""I am not happy," Trump wrote. "Vladimir, STOP!""#;
    assert_eq!(texts(text), ["I am not happy,", "Vladimir, STOP!"]);
    let text = "“I am not happy,” Trump wrote. “Vladimir, STOP!”";
    assert_eq!(texts(text), ["I am not happy,", "Vladimir, STOP!"]);
}

#[test]
fn multi_paragraph_quotation_is_one() {
    let text = "He wrote: “I am not happy.\n\n“Vladimir, STOP!”\n\nLater news.";
    let quotes = detect(text);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].text(text), "I am not happy.\n\n“Vladimir, STOP!");
    assert_eq!(quotes[0].paragraphs, 2);
    assert!(quotes[0].closed);
    assert_eq!(quotes[0].kind, QuoteKind::Full);
}

#[test]
fn unclosed_quotation_ends_with_its_paragraph() {
    let text = "He said “we are ready to talk.\nThe next paragraph is prose. “Another,” she said.";
    let quotes = detect(text);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[0].text(text), "we are ready to talk.");
    assert!(!quotes[0].closed);
    assert_eq!(quotes[1].text(text), "Another,");
    assert!(quotes[1].closed);
}

#[test]
fn cut_off_quotation_runs_to_the_end() {
    let text = "He said: “We do everything that our partners";
    let quotes = detect(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text(text), "We do everything that our partners");
    assert!(!quotes[0].closed);
    // A single quote cut off by the end of the text is a quotation too.
    let text = "He said: 'We do everything";
    assert_eq!(texts(text), ["We do everything"]);
}

#[test]
fn unclosed_single_quote_mid_text_is_an_elision() {
    let text = "Let 'em go, he said.\nNext paragraph.";
    assert_eq!(texts(text), Vec::<&str>::new());
}

#[test]
fn stray_marks_do_not_hide_later_quotations() {
    let rows: &[(&str, &[&str])] = &[
        ("A ” stray. Then “one” and “two”.", &["one", "two"]),
        ("Opened “here and “there” too.", &["here and", "there"]),
        ("» « » text. He said “yes”.", &["yes"]),
        (
            "'' ‘’ \"\" then \"fine\" and 'good one'.",
            &["fine", "good one"],
        ),
        ("Quote ‘inside “double’ ends” here.", &["inside “double"]),
    ];
    for (text, want) in rows {
        assert_eq!(texts(text), *want, "{text}");
    }
}

#[test]
fn html_attributes_are_not_quotes() {
    let text = r#"<a href="https://example.com/x">Trump</a> wrote: “Vladimir, stop!”"#;
    assert_eq!(texts(text), ["Vladimir, stop!"]);
}

#[test]
fn full_and_fragment() {
    let rows: &[(&str, QuoteKind)] = &[
        (r#""We are ready," he said."#, QuoteKind::Full),
        (r#"He said: "We are ready.""#, QuoteKind::Full),
        (
            r#"He said "We are ready to sign the deal.""#,
            QuoteKind::Full,
        ),
        (
            r#"He believed that "Russia is ready" for a deal."#,
            QuoteKind::Fragment,
        ),
        (
            r#"He called them "inflammatory statements.""#,
            QuoteKind::Fragment,
        ),
        (r#"Trump tells Putin to 'STOP!' now"#, QuoteKind::Fragment),
    ];
    for (text, kind) in rows {
        let quotes = detect(text);
        assert_eq!(quotes.len(), 1, "{text}");
        assert_eq!(quotes[0].kind, *kind, "{text}");
    }
}

#[test]
fn spans_exclude_marks_and_borrow() {
    let text = "x “abc” y";
    let q = &detect(text)[0];
    assert_eq!(&text[q.outer.clone()], "“abc”");
    assert_eq!(&text[q.span.clone()], "abc");
}

#[test]
fn adversarial_inputs_stay_fast_and_sane() {
    let many = "\"".repeat(100_000);
    let quotes = detect(&many);
    assert!(quotes.len() <= 50_000);
    let mixed = "“'".repeat(50_000);
    let _ = detect(&mixed);
    let tags = "<a".repeat(50_000);
    assert!(detect(&tags).is_empty());
    let newlines = "“a\n".repeat(50_000);
    let quotes = detect(&newlines);
    assert!(quotes.iter().all(|q| q.span.end <= newlines.len()));
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    let texts = [
        "",
        " ",
        "one",
        "  one  ",
        "one two",
        "one\u{a0}two\u{2003}three\nfour five",
        "\t«  à bientôt »  ",
    ];
    for text in texts {
        let count = text.split_whitespace().count();
        for n in 1..=6 {
            assert_eq!(super::has_words(text, n), count >= n, "{text:?} {n}");
        }
    }
}
