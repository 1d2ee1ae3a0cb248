use super::*;

fn clusters(texts: &[&str]) -> Vec<usize> {
    let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
    cluster(&items, &ClusterConfig::default())
        .assignment()
        .to_vec()
}

fn together(texts: &[&str]) -> bool {
    let c = clusters(texts);
    c.iter().all(|&x| x == c[0])
}

const POST: &str = "I am not happy with the Russian strikes on KYIV. Not necessary, and very bad \
                    timing. Vladimir, STOP! 5000 soldiers a week are dying. Lets get the Peace Deal DONE!";

#[test]
fn variants_of_one_wording_are_one_statement() {
    let rows: &[&[&str]] = &[
        &[
            "Let's get the Peace Deal DONE!",
            "Lets get the Peace Deal done!",
            "Let’s get the Peace Deal DONE",
        ],
        &[
            "5000 soldiers a week are dying.",
            "5,000 soldiers a week are dying",
            "5000 soliders a week are dying",
        ],
        &[
            "We have to get a deal with Zelenskyy",
            "We have to get a deal with Zelensky,",
        ],
        &[
            "Not necessary, and very bad timing.",
            "Not necessary, very bad timing",
        ],
    ];
    for texts in rows {
        assert!(together(texts), "{texts:?}: {:?}", clusters(texts));
    }
}

#[test]
fn fragments_join_the_statement_they_were_cut_from() {
    let texts = [
        POST,
        "I am not happy with the Russian strikes on KYIV,",
        "Not necessary, and very bad timing,",
        "5000 soldiers a week are dying. Lets get the Peace Deal DONE!",
        "I am not happy with the Russian strikes.",
    ];
    assert!(together(&texts), "{:?}", clusters(&texts));
}

#[test]
fn an_ellipsis_matches_pieces_in_order() {
    assert!(together(&[POST, "I am not happy ... Vladimir, STOP!"]));
    assert!(!together(&[
        POST,
        "Vladimir, STOP! ... I am not happy with the Russian strikes"
    ]));
}

#[test]
fn different_statements_stay_apart_even_sharing_words() {
    let texts = [
        POST,
        "I wasn't happy with it, and we're in the midst of talking peace",
        "We are in the midst of a very hard negotiation with Russia and with Ukraine",
    ];
    let c = clusters(&texts);
    assert_ne!(c[0], c[1]);
    assert_ne!(c[0], c[2]);
    assert_ne!(c[1], c[2]);
}

#[test]
fn a_fragment_joins_one_statement_not_all_it_fits() {
    // "not happy with the strikes" fits two different statements, of two speakers (who
    // echo one phrase: the statements overlap); it must not join them.
    let texts = [
        "I am not happy with the strikes on Kyiv and the timing is bad",
        "I am not happy with the strikes on Kyiv and the timing is bad",
        "Frankly we are not happy with the strikes on Kyiv said the minister today",
        "not happy with the strikes on Kyiv",
    ];
    let speakers = [Some("Trump"), None, Some("Sybiha"), None];
    let items: Vec<_> = texts
        .iter()
        .zip(speakers)
        .map(|(t, s)| s.map_or(ClusterItem::new(t), |s| ClusterItem::new(t).said_by(s)))
        .collect();
    let c = cluster(&items, &ClusterConfig::default())
        .assignment()
        .to_vec();
    assert_ne!(c[0], c[2], "{c:?}");
    // It goes to the best supported (two quotations).
    assert_eq!(c[3], c[0], "{c:?}");
}

#[test]
fn short_fragments_need_a_document_or_speaker() {
    let post = ClusterItem::new(POST)
        .in_document("a")
        .said_by("Donald Trump");
    let same_doc = ClusterItem::new("STOP!").in_document("a");
    let elsewhere = ClusterItem::new("not happy").in_document("b");
    let c = cluster(&[post, same_doc, elsewhere], &ClusterConfig::default());
    assert_eq!(c.cluster_of(0), c.cluster_of(1));
    assert_ne!(c.cluster_of(0), c.cluster_of(2));
}

#[test]
fn exact_duplicates_share_a_cluster_and_ids_follow_first_appearance() {
    let c = clusters(&[
        "b statement here now",
        "a different one entirely",
        "b statement here now",
    ]);
    assert_eq!(c, [0, 1, 0]);
}

#[test]
fn quotations_interrupted_by_attribution_are_one_statement() {
    let a = ClusterItem::new("Putin must stop lying at last,").in_document("d");
    let b = ClusterItem::new("He continues to bomb Ukraine, he continues to kill people.")
        .in_document("d")
        .continuing(0);
    let c = cluster(&[a, b], &ClusterConfig::default());
    assert_eq!(c.cluster_of(0), c.cluster_of(1));
}

/// Two statements that each have wordings of their own: `x` (three wordings) and `y` (two).
fn established() -> Vec<ClusterItem<'static>> {
    let x = "We are very close to a deal with both sides on the terms";
    let y = "The situation for Ukraine is dire and he can fight for three more years";
    vec![
        ClusterItem::new(x),
        ClusterItem::new(x).in_document("d"),
        ClusterItem::new("We are very close to a deal with both sides on the terms today"),
        ClusterItem::new(y),
        ClusterItem::new("The situation for Ukraine is dire and he can fight for three years")
            .in_document("d"),
    ]
}

#[test]
fn sentences_printed_one_after_the_other_join_statements_quoted_apart() {
    // One outlet prints `"X," he said. "Y"`; others printed X and Y on their own.
    let mut items = established();
    items[4] = items[4].continuing(1);
    let c = cluster(&items, &ClusterConfig::default());
    assert_eq!(c.cluster_of(0), c.cluster_of(3));
    assert_eq!(c.len(), 1);
}

#[test]
fn a_short_fragment_never_bridges_two_established_statements() {
    // `"…the terms," he said. "Y"`: the quoted term fits `x`, then `y` goes on from it.
    let mut items = established();
    let y = items.remove(4);
    items.push(ClusterItem::new("the terms").in_document("d"));
    items.push(y.continuing(4));
    let c = cluster(&items, &ClusterConfig::default());
    assert_eq!(c.cluster_of(4), c.cluster_of(0), "the term fits x");
    assert_eq!(c.cluster_of(5), c.cluster_of(3));
    assert_ne!(c.cluster_of(0), c.cluster_of(3));
}

#[test]
fn a_short_fragment_finds_the_statement_two_pieces_in_a_row_make() {
    // `new chapter` fits both sentences; one outlet printing them in a row makes them one
    // statement, which the fragment then fits alone.
    let items = [
        ClusterItem::new("It has been the honour of my life and a new chapter starts now")
            .in_document("a")
            .said_by("S"),
        ClusterItem::new("But it is time for change and for a new chapter for the team")
            .in_document("a")
            .said_by("S")
            .continuing(0),
        ClusterItem::new("new chapter")
            .in_document("b")
            .said_by("S"),
    ];
    let c = cluster(&items, &ClusterConfig::default());
    assert_eq!(c.len(), 1);
}

#[cfg(feature = "parallel")]
#[test]
fn one_thread_gives_what_many_give() {
    // Wordings that overlap in many ways, enough to spread over several rayon jobs.
    let words = [
        "we", "are", "ready", "peace", "deal", "done", "soldiers", "week", "strikes", "kyiv",
    ];
    let texts: Vec<String> = (0..20_000u32)
        .map(|i| {
            let n = 4 + (i % 9) as usize;
            (0..n)
                .map(|k| words[((i / 7) as usize * 31 + k * (1 + (i % 3) as usize)) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
    let many = cluster(&items, &ClusterConfig::default());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| cluster(&items, &ClusterConfig::default()));
    assert_eq!(many, one);
}

#[test]
fn looking_up_a_text_with_unknown_words_is_safe() {
    // A hand-typed quotation with a word the corpus never used, next to words it did.
    let items = [ClusterItem::new("deal lets the"), ClusterItem::new(POST)];
    let (clustering, index) = cluster_indexed(&items, &ClusterConfig::default());
    // Too far from anything (a third of it unknown), but no panic.
    assert!(index.find("deal lets qqq").is_none());
    // An unknown word can still be a typo of a known one.
    let found = index.find("Lets get the Peace Deal DNOE").unwrap();
    assert_eq!(found.cluster, clustering.cluster_of(1));
    assert!(
        found.similarity > 0.9 && found.similarity < 1.0,
        "{}",
        found.similarity
    );
}

#[test]
fn a_fragment_in_another_form_of_a_word_joins_its_statement_in_its_language() {
    let statement = "We offer our sincere apologies for the delay to every passenger";
    let fragment = "apology for the delay";
    let joined = |language: Option<&'static str>| {
        let items: Vec<ClusterItem<'_>> = [statement, statement, fragment]
            .iter()
            .map(|t| {
                let item = ClusterItem::new(t);
                language.map_or(item, |l| item.in_language(l))
            })
            .collect();
        let c = cluster(&items, &ClusterConfig::default());
        c.cluster_of(2) == c.cluster_of(0)
    };
    assert!(joined(Some("en")));
    assert!(
        !joined(None),
        "without a language a changed word is a changed word"
    );
}

#[test]
fn overlapping_pieces_of_an_answer_are_one_statement() {
    // One outlet prints the question's end and the first half of the answer, another the
    // second half: neither holds the other, but they print one run of nine words.
    let first = "so will you talk to him this week and we will see what happens in the coming days";
    let second = "we will see what happens in the coming days because the deal must be done";
    let c = clusters(&[first, first, second, second]);
    assert_eq!(c, [0, 0, 0, 0]);
    // A stock phrase of six words is not a statement.
    let a = "at the end of the day our farmers need rain and lower prices";
    let b = "the striker said at the end of the day the club never paid him";
    assert_ne!(clusters(&[a, a, b, b])[0], clusters(&[a, a, b, b])[2]);
}

#[test]
fn a_text_run_on_past_its_quotation_does_not_join_two_statements() {
    let post = "we are very close to a deal with both sides and it will be signed soon";
    let other = "the strikes on the city must stop now and the world must act together with us";
    // An unclosed mark: one post, then the reporter's words, then the other statement.
    let run_on = "we are very close to a deal with both sides and everyone knows it the president \
                  wrote on thursday as the talks went on in the capital and then the strikes on \
                  the city must stop now and the world must act said the mayor";
    let c = clusters(&[post, post, other, other, run_on]);
    assert_ne!(c[0], c[2]);
}

#[test]
fn two_speakers_echoing_one_phrase_are_two_statements() {
    let a = ClusterItem::new("I am not happy with the strikes on Kyiv and the timing is bad");
    let b = ClusterItem::new("Frankly we are not happy with the strikes on Kyiv said the minister");
    let joined = |a: ClusterItem<'static>, b: ClusterItem<'static>| {
        let c = cluster(&[a, a, b, b], &ClusterConfig::default());
        c.cluster_of(0) == c.cluster_of(2)
    };
    assert!(
        joined(a, b),
        "seven words in a row, nobody named: one statement"
    );
    assert!(joined(a.said_by("Trump"), b), "one speaker named");
    assert!(!joined(a.said_by("Trump"), b.said_by("Andrii Sybiha")));
}

#[test]
fn blocking_keys_are_the_postings_and_keys_the_index_makes() {
    let texts = [
        POST,
        "Let's get the Peace Deal DONE!",
        "Lets get the peace deal done",
        "Not necessary… and very bad timing",
        "Vladimir, STOP!",
        "STOP",
        "",
        "Lets get the peace deal done",
        "Der Frieden … muss jetzt kommen, sagte er",
    ];
    let config = ClusterConfig::default();
    let mut phrases = Phrases::default();
    let phrase_of = phrases.add_all(texts.iter().copied());
    let (_, postings) = index::lists(&phrases, config.min_words.max(2), usize::MAX - 1, true);
    for (text, &p) in texts.iter().zip(&phrase_of) {
        let b = blocking(text, &config);
        assert_eq!(b.phrase, phrases.key(p), "{text}");
        assert_eq!(b.words, phrases.words(p).len(), "{text}");
        let mut posted: Vec<u64> = postings
            .iter()
            .filter(|posting| posting.phrase() == p)
            .map(|posting| posting.pair())
            .collect();
        posted.sort_unstable();
        assert_eq!(b.pairs, posted, "{text}");
    }
    // Equal matching forms, equal keys; the ellipsis breaks the pairs across it.
    assert_eq!(blocking(texts[2], &config), blocking(texts[7], &config));
    let cut = blocking(texts[3], &config);
    assert_eq!((cut.words, cut.pairs.len()), (7, 4));
}

/// Wordings that overlap in many ways: variants, fragments, pieces and strangers.
fn overlapping_wordings(n: u32) -> Vec<String> {
    let words = [
        "we", "are", "ready", "peace", "deal", "done", "soldiers", "week", "strikes", "kyiv", "…",
        "rebuild", "every", "home",
    ];
    (0..n)
        .map(|i| {
            let len = 2 + (i % 13) as usize;
            (0..len)
                .map(|k| words[((i / 5) as usize * 17 + k * (1 + (i % 4) as usize)) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn candidate_pairs_related_in_batches_are_related_as_in_one() {
    let texts = overlapping_wordings(3000);
    let config = ClusterConfig::default();
    let found = candidates(texts.iter().map(String::as_str), &config);
    assert!(found.len() > 1000, "{}", found.len());
    // Each phrase's text, by its key.
    let text_of: std::collections::HashMap<u64, &str> = texts
        .iter()
        .map(|t| (blocking(t, &config).phrase, t.as_str()))
        .collect();
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (text_of[&c.phrase], text_of[&c.other]))
        .collect();
    let whole = relate(pairs.iter().copied(), &["en"], &config);
    let batched: Vec<Option<Relation>> = pairs
        .chunks(7)
        .flat_map(|batch| relate(batch.iter().copied(), &["en"], &config))
        .collect();
    assert_eq!(whole, batched);
    let kinds: BTreeSet<_> = whole.iter().flatten().map(|r| format!("{r:?}")).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    // Turned round, a pair is the same relation seen from the other side.
    let mirrored = relate(pairs.iter().map(|&(a, b)| (b, a)), &["en"], &config);
    for (one, other) in whole.iter().zip(&mirrored) {
        let turned = other.map(|r| match r {
            Relation::PartOf => Relation::Contains,
            Relation::Contains => Relation::PartOf,
            r => r,
        });
        assert_eq!(*one, turned);
    }
    // Clustering joins every variant it verifies.
    let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
    let clustering = cluster(&items, &config);
    let cluster_of: std::collections::HashMap<&str, usize> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), clustering.cluster_of(i)))
        .collect();
    for (&(a, b), relation) in pairs.iter().zip(&whole) {
        if *relation == Some(Relation::Variant) {
            assert_eq!(cluster_of[a], cluster_of[b], "{a:?} / {b:?}");
        }
    }
}

#[test]
fn candidates_name_each_phrase_once_per_partner_and_keep_the_cap() {
    let texts = overlapping_wordings(3000);
    let config = ClusterConfig::default().max_candidates(5);
    let found = candidates(texts.iter().map(String::as_str), &config);
    let mut per_phrase: std::collections::HashMap<u64, Vec<&Candidate>> = Default::default();
    for c in &found {
        assert_ne!(c.phrase, c.other);
        per_phrase.entry(c.phrase).or_default().push(c);
    }
    for list in per_phrase.values() {
        assert!(list.len() <= 5);
        // Most shared first; between equals, the smaller key.
        assert!(list
            .windows(2)
            .all(|w| (std::cmp::Reverse(w[0].shared), w[0].other)
                < (std::cmp::Reverse(w[1].shared), w[1].other)));
    }
}

#[test]
fn statements_formed_from_links_found_apart_are_those_clustering_forms() {
    let texts = overlapping_wordings(3000);
    let documents: Vec<String> = (0..texts.len()).map(|i| format!("d{}", i / 3)).collect();
    let speakers = ["Ana", "Ben", "Cleo"];
    let items: Vec<ClusterItem<'_>> = texts
        .iter()
        .zip(&documents)
        .enumerate()
        .map(|(i, (t, d))| {
            let mut item = ClusterItem::new(t).in_document(d);
            if i % 4 != 0 {
                item = item.said_by(speakers[i % 3]);
            }
            if i % 3 != 0 && i % 5 == 0 {
                item = item.continuing(i - 1);
            }
            item
        })
        .collect();
    let config = ClusterConfig::default();
    let text_of: std::collections::HashMap<u64, &str> = texts
        .iter()
        .map(|t| (blocking(t, &config).phrase, t.as_str()))
        .collect();
    let found = candidates(texts.iter().map(String::as_str), &config);
    let pairs: Vec<(u64, u64)> = found.iter().map(|c| (c.phrase, c.other)).collect();
    let relations = relate(
        pairs.iter().map(|(a, b)| (text_of[a], text_of[b])),
        &[],
        &config,
    );
    let links: Vec<(u64, u64, Relation)> = pairs
        .iter()
        .zip(relations)
        .filter_map(|(&(a, b), r)| Some((a, b, r?)))
        .collect();
    let whole = cluster(&items, &config);
    assert!(whole.len() < items.len() / 2, "{}", whole.len());
    assert_eq!(
        cluster_linked(&items, links.iter().copied(), &[], &config),
        whole
    );
    // In any order, each pair once or from both sides.
    let mut shuffled = links.clone();
    shuffled.reverse();
    shuffled.truncate(links.len() / 2 + 1);
    shuffled.extend(links.iter().map(|&(a, b, r)| {
        let turned = match r {
            Relation::PartOf => Relation::Contains,
            Relation::Contains => Relation::PartOf,
            r => r,
        };
        (b, a, turned)
    }));
    assert_eq!(cluster_linked(&items, shuffled, &[], &config), whole);
}

#[test]
fn short_words_stand_together_in_any_order_at_any_length() {
    use super::fragments::same_words_together;
    let whole = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    assert!(same_words_together(&[3, 2], &whole));
    assert!(!same_words_together(&[3, 1], &whole));
    assert!(!same_words_together(&[2, 2], &whole));
    // Longer than the buffer on the stack holds.
    assert!(same_words_together(&[10, 9, 8, 7, 6, 5, 4, 3, 2], &whole));
    assert!(!same_words_together(&[10, 9, 8, 7, 6, 5, 4, 3, 1], &whole));
    assert!(!same_words_together(&whole, &whole[1..]));
}
