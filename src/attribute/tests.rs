use super::*;
use crate::detect;

fn speakers(text: &str) -> Vec<Option<String>> {
    let quotes = detect(text);
    attribute(text, &quotes)
        .into_iter()
        .map(|a| a.speaker)
        .collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn patterns_of_news_attribution() {
    let rows: &[(&str, &str)] = &[
        (r#""Not necessary," Trump wrote."#, "Trump"),
        (r#""We will rebuild," said Zelensky."#, "Zelensky"),
        (r#"Trump said: "I am not happy.""#, "Trump"),
        (r#"Macron remarked, "This is a serious moment.""#, "Macron"),
        (
            r#""We will rebuild," Ukrainian President Volodymyr Zelenskyy said Thursday."#,
            "Volodymyr Zelenskyy",
        ),
        (
            r#"Eight people died, according to Ukraine's emergency services, "and many more were hurt.""#,
            "Ukraine's emergency services",
        ),
        (
            r#""The strikes hit military targets," Russia's defense ministry said."#,
            "Russia's defense ministry",
        ),
        (
            r#"NATO Secretary-General Mark Rutte said the talks were "constructive.""#,
            "Mark Rutte",
        ),
        (r#""We are ready," Trump later told reporters."#, "Trump"),
        (
            r#"Republicans were irritated, with Sen. John McCain calling it a "political stunt.""#,
            "John McCain",
        ),
        (
            r#"Speaking at a rally in Salem, New Hampshire, Donald Trump went after Bush, calling him "a disaster.""#,
            "Donald Trump",
        ),
        (
            "Roger Stone met the press.\n\nStated Roger Stone: “I do not trust them.”",
            "Roger Stone",
        ),
        (
            "Donald Trump met Joe Biden.\nPraising Biden, Donald Trump said: “He did a good job.”",
            "Donald Trump",
        ),
        (r#""We need access," Doctors Without Borders said."#, "Doctors Without Borders"),
        (
            r#"Prime Minister of Canada Justin Trudeau said the tariffs were "a disaster.""#,
            "Justin Trudeau",
        ),
        (
            r#"At the rally, Donald Trump, flanked by Mike Pence, JD Vance and others, went on, calling it "a movement.""#,
            "Donald Trump",
        ),
        (
            r#""We won" in the end, said the activist Bob Klaus."#,
            "Bob Klaus",
        ),
        (
            "The prime minister, Keir Starmer, also paid tribute to Southgate, hailing him as a “mentor”.",
            "Keir Starmer",
        ),
        (r#""We are ready," Secretary of State Anna Berg said."#, "Anna Berg"),
        // Role words between the verb and the name describe the person.
        (r#""We are ready," said conservative activist Bob Klaus."#, "Bob Klaus"),
        (r#""We are ready," said Cruz constituent Dan Golvach."#, "Dan Golvach"),
        (r#""We have a path," added his campaign manager Jeff Weber, speaking to CNN."#, "Jeff Weber"),
        (r#""We can call this now," election law expert Rita Hansen tweeted Monday."#, "Rita Hansen"),
        (r#""It is over," Twitter's Adam Sharp said."#, "Adam Sharp"),
        // A name ending in -ly is no adverb.
        (r#""It is valuable," said Bill Kelly, explaining he had worked with them."#, "Bill Kelly"),
        (r#""It is valuable," Bill Kelly said."#, "Bill Kelly"),
        (r#""No," said the director of the press office, Mark Bruni."#, "Mark Bruni"),
        // A person named with an organisation is the subject.
        (r#"As Jon Pollard of Westfield News observed, "the winner was the network.""#, "Jon Pollard"),
        (r#"George Zorn of The Nation wrote, "It is over.""#, "George Zorn"),
        (r#"As Aram Kessler of the Armenian Patriarchate of Jerusalem told the AP, "We suffered.""#, "Aram Kessler"),
        (r#"The two will meet on Thursday, Sean Spiro said, adding, "It is over.""#, "Sean Spiro"),
        (r#"What it means - more from Carla Bell: "It is over.""#, "Carla Bell"),
        (r#"The timing does not surprise pollster Dara Shore: "It is over.""#, "Dara Shore"),
        (r#""It is small," wrote Cameron Easley for Morning Consult."#, "Cameron Easley"),
        (
            r#"Like Corker, Menendez also rejected the bill, arguing there is "no flexibility.""#,
            "Menendez",
        ),
        (r#""The search goes on," the city's emergency service said."#, "city's emergency service"),
        (r#""Not now," Sen. Claire McCaskill (D-Mo.) said."#, "Claire McCaskill"),
        (r#""Not now," said Ronald R. Fieldstone, a Miami lawyer."#, "Ronald R. Fieldstone"),
        (r#"Helen Ashby, a fellow at the Institute for Security Studies, said it was "a post, not a policy.""#, "Helen Ashby"),
        (r#"Rep. Nora Cole (D-Md.), chair of the Platform Committee, said it was "open to every viewpoint.""#, "Nora Cole"),
        (r#"Trump's special envoy, retired Lt Gen. Keith Kellogg, told NBC that the talks were "productive.""#, "Keith Kellogg"),
        (r#"Kremlin spokesman Dmitry Peskov defended the attacks, claiming Russia was targeting "military" sites."#, "Dmitry Peskov"),
        (r#"Politifact checked Trump's claim that there were "thousands of shootings" this year."#, "Trump"),
        (r#"The strikes were described by Zelensky as "difficult.""#, "Zelensky"),
        (r#"It was, as The New Yorker put it, "a lengthy expose.""#, "New Yorker"),
        ("WASHINGTON, April 24 (Wire) - Donald Trump on Thursday described the barrage as \"not necessary\".", "Donald Trump"),
        // A date stamp opening the text is no part of the first sentence.
        (" date 2024-01-26 Club manager Jon Kemp will step down, stating that he is \"out of energy\".", "Jon Kemp"),
    ];
    for (text, want) in rows {
        assert_eq!(speakers(text), [some(want)], "{text}");
    }
}

#[test]
fn pronouns_point_to_the_last_named_speaker() {
    let text = "Volodymyr Zelenskyy cut short his trip on Thursday.\n\"We will rebuild,\" he said.";
    assert_eq!(speakers(text), [some("Volodymyr Zelenskyy")]);
    // A place is no `he`.
    let text = "Moscow rejected the claim on Thursday.\n\"We will rebuild,\" he said.";
    assert_eq!(speakers(text), [None]);
    // A sentence without a person subject hands `he` to the first person it names.
    let text = "The attacks forced Ukrainian President Volodymyr Zelenskyy to cut short a trip.\n\
                He said \"Russia continues to kill people.\"";
    assert_eq!(speakers(text), [some("Volodymyr Zelenskyy")]);
    let text = "\"I am not happy,\" Trump wrote.\n\"Not now,\" he added.";
    assert_eq!(speakers(text), [some("Trump"), some("Trump")]);
    // A name read with the words before it (`… de Liverpool Jürgen Klopp`) and the name alone
    // are one person, so `Klopp` alone means him, and not the last person named before.
    let text = "L'entraîneur de Liverpool Jürgen Klopp quittera son poste.\n\n\
                « Je suis à court d'énergie », a déclaré Jürgen Klopp.\n\n\
                Ses adjoints Pepijn Lijnders et Peter Krawietz partiront aussi.\n\n\
                Klopp a informé le club en novembre. 'Nous étions assis ensemble', a-t-il affirmé.";
    assert_eq!(speakers(text), [some("Jürgen Klopp"), some("Jürgen Klopp")]);
}

#[test]
fn descriptions_point_to_the_person_with_that_title() {
    let text = "Ukrainian President Volodymyr Zelensky met Donald Trump.\n\
                \"We need air defence,\" the Ukrainian leader said.";
    assert_eq!(speakers(text), [some("Volodymyr Zelensky")]);
    let text = "Prince William met the team.\n\
                The Prince of Wales, who is president of the FA, thanked them for “a summer to remember”.";
    assert_eq!(speakers(text), [some("William")]);
}

#[test]
fn surnames_expand_to_the_full_name_of_the_document() {
    let text = "U.S. President Donald Trump spoke on Thursday.\n\"Vladimir, STOP!\" Trump wrote.";
    assert_eq!(speakers(text), [some("Donald Trump")]);
}

#[test]
fn paragraph_and_continuation() {
    let text =
        "\"Not necessary,\" Trump wrote. \"Vladimir, STOP!\"\n\"5000 soldiers a week are dying.\"";
    assert_eq!(
        speakers(text),
        [some("Trump"), some("Trump"), some("Trump")]
    );
}

#[test]
fn an_attribution_closing_the_sentence_covers_its_quotation() {
    let rows: &[(&str, Option<&str>)] = &[
        (
            "“We are extremely happy” about the decision, said Anna Berg.",
            Some("Anna Berg"),
        ),
        (
            "“This will be a challenge” for the town, Anna Berg said.",
            Some("Anna Berg"),
        ),
        (
            "« Nous avons attendu » cette année, a assuré Anne Berger.",
            Some("Anne Berger"),
        ),
        // The clause after the comma is no attribution: no one is named.
        ("“We are happy” about it, said a spokesman.", None),
    ];
    for (text, want) in rows {
        assert_eq!(speakers(text), [want.map(some).flatten()], "{text}");
    }
}

#[test]
fn a_closing_attribution_must_close_the_sentence_not_the_window_read() {
    // The window after the closing mark ends right after `said`; the sentence goes on.
    let tail = ", Anna Berg said";
    // Many words, so that only a closing attribution reaches the verb.
    let target = super::context::CONTEXT - tail.len() - 1;
    let mut filler = "and then some more ".repeat(10);
    while filler.len() < target {
        filler.push('x');
    }
    let text = format!("“We won” {filler}{tail} that the plan was good.");
    assert_eq!(speakers(&text), [None]);
    // With the sentence's end inside the window, it does.
    let filler = &filler[..filler.len() - 5];
    let text = format!("“We won” {filler}{tail}.");
    assert_eq!(speakers(&text), [some("Anna Berg")]);
}

#[test]
fn a_pronoun_before_anyone_is_named_means_the_first_speaker_named_after() {
    let text = "«Nous avons attendu», a-t-il affirmé. Le pont est ouvert.\n\
                «C’est un beau jour», a assuré Berger.";
    assert_eq!(speakers(text), [some("Berger"), some("Berger")]);
    // With no one named after it either, it stays unresolved.
    assert_eq!(speakers("«Nous avons attendu», a-t-il affirmé."), [None]);
}

#[test]
fn a_quotation_after_a_sentence_about_one_person_is_theirs() {
    let text = "The news came as no relief to Anna Berg. “I was relieved long ago.”\n\n\
                “Today I have mixed feelings.”";
    assert_eq!(speakers(text), [some("Anna Berg"), some("Anna Berg")]);
    // Two people named: nobody can tell whose words follow.
    let text = "The news came to Anna Berg from Tom Lind. “I was relieved long ago.”";
    assert_eq!(speakers(text), [None]);
    // Words that name the speaker later in the paragraph come first.
    let text = "The news came to Anna Berg. “I was relieved,” Tom Lind said.";
    assert_eq!(speakers(text), [some("Tom Lind")]);
}

#[test]
fn a_name_labelling_its_line_speaks_what_follows() {
    let text = "Pickford: 'Thank you for always believing in me'\nHe was gutted.\n\
                Southgate: 'I am proud of them'\nVideo: 'A night to forget'\nQ: 'What next?'";
    assert_eq!(
        speakers(text),
        [some("Pickford"), some("Southgate"), None, None]
    );
    // One label alone may be page furniture.
    let text = "The team came home.\nPictured: 'A night to forget'";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn no_speaker_rather_than_a_wrong_one() {
    let rows = [
        "The so-called \"peace plan\" was discussed on Thursday.",
        "Photo: \"Kyiv at night\" Getty Images",
        "\"We are ready,\" the 33-year-old said.",
        "Across the river, officials met.\n\"We are ready,\" he said.",
        "Residential blocks burned.\n\n\"Search and rescue work is continuing.\"",
        // A place or an outlet after a preposition is no one introducing words.
        "A familiar voice celebrated the attacks on Twitter: \"We are ready.\"",
        "From a columnist writing at The New York Post:\n\n\"We are ready.\"",
        // A participle before a name makes a clause of its own.
        "\"We are ready,\" many voters backing Trump said.",
        // A place after a description's comma is no name it describes.
        "\"We are ready,\" said the mayor of Springfield, Illinois.",
        // A byline is no sentence about its writer.
        "Strikes hit the capital overnight.\n\nNina Laughlin\n\n\u{201c}We will rebuild.\u{201d}",
    ];
    for text in rows {
        assert_eq!(speakers(text), [None], "{text}");
    }
    // An event is nobody a pronoun or an age can mean.
    let text = "England failed to win the European Championship.\n\
                The 53-year-old left, saying it was “the honour of my life”.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn cue_is_reported() {
    let text = r#""Not necessary," Trump wrote."#;
    let quotes = detect(text);
    let a = &attribute(text, &quotes)[0];
    assert_eq!(a.cue.as_deref(), Some("wrote"));
    assert_eq!(&text[a.cue_span.clone().unwrap()], "wrote");
    assert_eq!(a.method, Some(Method::Named));
}

#[test]
fn passives_name_the_speaker_after_by() {
    assert_eq!(
        speakers(r#""Stop the war," Putin was told by Trump."#),
        [some("Trump")]
    );
    assert_eq!(speakers(r#""Stop the war," Putin was told."#), [None]);
}

#[test]
fn somebodys_spokesman_is_not_the_last_spokesman_named() {
    let text = "Kremlin spokesman Dmitry Peskov declined to comment.\n\
                \"We are ready,\" Trump's spokesman said.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn a_surname_two_people_share_stays_a_surname() {
    let text = "Hillary Clinton spoke first. Later, Bill Clinton took the stage.\n\
                \"We will win,\" Clinton said.";
    assert_eq!(speakers(text), [some("Clinton")]);
}

#[test]
fn a_later_quotation_in_the_sentence_does_not_take_its_subject() {
    let text = r#""We are ready," Zelensky said, while critics called the offer "a stunt"."#;
    assert_eq!(speakers(text)[1], None);
}

#[test]
fn a_quotation_with_its_own_attribution_keeps_it() {
    let text =
        r#"Trump called the plan "a disaster", "We cannot accept it," Zelensky told reporters."#;
    assert_eq!(speakers(text), [some("Trump"), some("Zelensky")]);
}

#[test]
fn words_that_name_no_one_give_way_to_others() {
    let text = "Trump wrote: \"We are done.\"";
    assert_eq!(speakers(text), [some("Trump")]);
}

#[test]
fn quotations_of_another_text_get_no_attribution() {
    let other = r#""hello there," he said"#;
    let quotes = detect(other);
    assert_eq!(attribute("", &quotes), vec![Attribution::default()]);
}

#[test]
fn a_dash_byline_cue_points_at_the_dash() {
    let text = "\"Hello world.\" — Francisco Herrero";
    let quotes = detect(text);
    let a = &attribute(text, &quotes)[0];
    assert_eq!(a.speaker.as_deref(), Some("Francisco Herrero"));
    assert_eq!(&text[a.cue_span.clone().unwrap()], "—");
}

/// A quotation as a caller might build it by hand (or read it back from JSON), not as
/// `detect` found it.
fn made_up(outer: std::ops::Range<usize>, closed: bool) -> Quotation {
    Quotation {
        span: outer.clone(),
        outer,
        style: detect::QuoteStyle::Curly,
        kind: detect::QuoteKind::Full,
        closed,
        paragraphs: 1,
        nested: Vec::new(),
    }
}

#[test]
fn a_quotation_of_one_wide_character_does_not_panic() {
    for text in ["Ж", "É", "«", "Ж said.", "He said Ж"] {
        let end = text.chars().next().map_or(0, char::len_utf8);
        for closed in [true, false] {
            let found = attribute(text, &[made_up(0..end, closed)]);
            assert_eq!(found.len(), 1);
        }
    }
}

proptest::proptest! {
    #[test]
    fn made_up_quotations_never_panic(
        text in "[a-zA-Zé ЖÉ«»“”\"'.\n]{0,40}",
        cuts in proptest::collection::vec((0usize..48, 0usize..8, proptest::bool::ANY), 0..4),
    ) {
        let mut quotes: Vec<Quotation> = Vec::new();
        for (start, len, closed) in cuts {
            let (start, end) = (start.min(text.len()), (start + len).min(text.len()));
            if text.is_char_boundary(start) && text.is_char_boundary(end) {
                quotes.push(made_up(start..end, closed));
            }
        }
        let found = attribute(&text, &quotes);
        proptest::prop_assert_eq!(found.len(), quotes.len());
    }
}

#[test]
fn a_cursor_answers_as_a_binary_search_forward_and_back() {
    let text = "Trump said the talks, in Kyiv and Moscow, went on. \"Fine,\" he wrote.\nOK";
    let tokens = tokenize_prose(text, std::iter::empty());
    assert!(tokens.len() > 10);
    // Forward in small and large steps, standing still, then back (which searches afresh).
    let end = text.len();
    let positions = [0, 0, 1, 5, 6, 6, 30, 31, 60, end, end + 3, 12, 3, 40];
    let mut cursor = super::context::Cursor::default();
    for at in positions {
        let expected = tokens.partition_point(|t| t.start < at);
        assert_eq!(cursor.seek(&tokens, at), expected, "position {at}");
    }
}

/// One row per language of `lexicon::LANGUAGES`, in the patterns that language's news writes:
/// the last quotation of each text and the speaker it must get.
#[test]
fn every_language_attributes_in_its_own_patterns() {
    let rows: &[(&str, &str, &str)] = &[
        ("en", "Mayor Anna Berg opened the bridge.\n“It is a good day for the town,” she said.", "Anna Berg"),
        ("en", "Anna Berg, 53, spoke first.\n“We waited years,” the 53-year-old said.", "Anna Berg"),
        ("en", "Anna Berg, 53, spoke first.\n“We waited years,” said the 53 year-old Swede.", "Anna Berg"),
        ("de", "Die Stadt feierte die neue Brücke. Dazu sagte Anna Berger: «Das ist ein guter Tag.»", "Anna Berger"),
        ("de", "Bürgermeisterin Anna Berger eröffnete die Brücke. «Wir haben lange gewartet», schrieb sie.", "Anna Berger"),
        ("de", "Bürgermeisterin Anna Berger eröffnete die Brücke. «Wir haben lange gewartet», so die 53-Jährige.", "Anna Berger"),
        ("de", "Die Brücke ist offen. «Das ist ein guter Tag», sagte Bürgermeisterin Anna Berger.", "Anna Berger"),
        ("de", "Die Brücke ist offen. Erfolgstrainerin Anna Berger mag nicht mehr. «Die Energie geht mir aus», sagt sie.", "Anna Berger"),
        ("fr", "La maire Anne Berger a inauguré le pont. « Nous avons attendu longtemps », a-t-elle écrit.", "Anne Berger"),
        ("fr", "Le pont est ouvert. « C’est un beau jour pour la ville », a déclaré Anne Berger.", "Anne Berger"),
        ("fr", "Le pont est ouvert, selon Anne Berger, « et la ville est fière ».", "Anne Berger"),
        ("fr", "Le pont est ouvert.\n\n« Je vous dois la vérité », a conclu Anne Berger.", "Anne Berger"),
        ("es", "La alcaldesa Ana Berga inauguró el puente. «Hemos esperado mucho», ha asegurado.", "Ana Berga"),
        ("es", "El puente está abierto. «Es un buen día para la ciudad», dijo Ana Berga.", "Ana Berga"),
        ("it", "La sindaca Anna Bergamo ha inaugurato il ponte. «Abbiamo aspettato tanto», ha detto ai giornalisti.", "Anna Bergamo"),
        ("it", "Il ponte è aperto. «È un bel giorno per la città», ha dichiarato Anna Bergamo.", "Anna Bergamo"),
        ("it", "Il ponte è aperto. «È un bel giorno», ha precisato ieri Anna Bergamo.", "Anna Bergamo"),
        ("fr", "Le pont est ouvert. « C’est un beau jour », a également affirmé Anne Berger.", "Anne Berger"),
        ("pt", "O ponte está aberto. «É um bom dia para a cidade», disse Ana Berga.", "Ana Berga"),
        ("pt", "A prefeita Ana Berga abriu o ponte. «Esperámos muito tempo», afirmou.", "Ana Berga"),
        ("nl", "De brug is open. „Het is een goede dag voor de stad”, zei Anna Berg.", "Anna Berg"),
        ("nl", "Burgemeester Anna Berg opende de brug. „We hebben lang gewacht”, zei ze. „Het is klaar”, zei hij.", "Anna Berg"),
    ];
    for (language, text, want) in rows {
        let got = speakers(text);
        assert_eq!(
            got.last().cloned().flatten().as_deref(),
            Some(*want),
            "{language}: {text}"
        );
    }
}

#[test]
fn in_german_text_a_capitalised_noun_is_no_speaker() {
    let text = "Die Regierung plant eine neue Brücke. Dazu sagte der Haushalt nichts. \
                «Das ist ein guter Tag», sagte die Zeitung.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn in_german_text_a_bare_word_closing_the_attribution_is_a_name() {
    let text = "Die Brücke ist offen. «Das ist ein guter Tag», sagte Berger. \
                «Wir haben lange gewartet», kündigt er an.";
    assert_eq!(speakers(text), [some("Berger"), some("Berger")]);
}

#[test]
fn articles_pronouns_and_page_furniture_are_no_names() {
    let text = "VEA TAMBIÉN Este es el primer partido\n\n“Puedo entender que es una conmoción”";
    assert_eq!(speakers(text), [None]);
    let text = "El entrenador habló.\n\n“Puedo entender que es una conmoción.”";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn a_chain_of_names_and_ofs_is_read_in_bounded_depth() {
    // Each `X of` once read the name before it again, one call deeper: a long enough chain
    // overflowed the stack.
    let text = "Ab Cd of ".repeat(20_000) + "Ab Cd said \"we are ready.\"";
    assert_eq!(speakers(&text).len(), 1);
}
