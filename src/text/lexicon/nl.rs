//! Dutch: the verb second, so the subject after it (`zei Klopp`, `zei hij`), `volgens X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "nl",
    speech_verbs: "
        zei zegt zeiden schreef schrijft verklaarde verklaart vertelde vertelt benadrukte
        benadrukt stelde meldde meldt lichtte licht antwoordde reageerde reageert waarschuwde gezegd verklaard
        geschreven
        erkende beloofde vroeg concludeerde onthulde
    ",
    titles: "
        woordvoerder trainer directeur voorzitter burgemeester paus bisschop kardinaal
    ",
    not_names: "
        het een van niet zijn voor ook maar naar bij volgens maandag dinsdag woensdag donderdag
        vrijdag zaterdag zondag hij zij wij ik
    ",
    organisation_nouns: "ministerie regering",
    statement_nouns: "verklaring",
    clause_words: "",
    particles: "van ter",
    verb_adverbs: "ook nog gisteren vandaag",
    determiners: "",
    articles: "de het",
    pronouns: "hij zij",
    inverted_pronouns: "hij zij",
    according: "volgens",
    after_quote_cues: "",
    auxiliaries: "heeft had",
    profile: "het een niet zijn voor ook maar wordt naar bij",
    pro_drop: false,
    inverts_subject: true,
    nouns_capitalised: false,
};
