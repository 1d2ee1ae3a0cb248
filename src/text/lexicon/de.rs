//! German: every noun capitalised; the verb second, so the subject after it (`sagte Anna
//! Berger`, `schrieb sie`, `erklärte der 52-Jährige`); `laut X`, `X zufolge` and, after a
//! quotation, `so X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "de",
    speech_verbs: "
        sagte sagt sagten sagen gesagt schrieb schreibt geschrieben erklärte erklärt betonte
        betont warnte warnt gewarnt forderte fordert gefordert meinte meint gemeint kritisierte
        kritisiert antwortete antwortet geantwortet ergänzte ergänzt fügte teilte teilt
        verkündete verkündet bestätigte bestätigt räumte gestand versprach verspricht fragte
        fragt rief berichtete berichtet erzählte erzählt bekräftigte bekräftigt kündigt argumentierte
        unterstrich behauptete behauptet kündigte verriet sprach spricht gesprochen stellte
        erläuterte erläutert schilderte mahnte beklagte lobte erinnerte resümierte
    ",
    titles: "
        präsident präsidentin kanzler kanzlerin ministerin sprecher sprecherin regierungschef
        trainer trainerin cheftrainer minister chefin papst bischof kardinal bürgermeister bürgermeisterin
        ministerpräsident außenminister vorsitzende vorsitzender direktor direktorin
        geschäftsführer ex-trainer kapitän
    ",
    not_names: "
        der die das den dem des ein eine einer eines auf für mit nach von bei im um zu und aber
        auch wie wenn als vor seit laut zufolge montag dienstag mittwoch donnerstag freitag
        samstag sonntag er sie es ich wir ihr
    ",
    organisation_nouns: "ministerium regierung verein polizei verband partei",
    statement_nouns: "erklärung mitteilung aussage äußerung worte",
    clause_words: "",
    particles: "von der",
    verb_adverbs: "auch noch bereits gestern heute zudem",
    determiners: "",
    articles: "der die das den dem",
    pronouns: "er sie",
    inverted_pronouns: "er sie",
    according: "laut gemäß",
    after_quote_cues: "so",
    auxiliaries: "hat haben hatte",
    profile: "der die das und nicht ist mit sich dem den",
    pro_drop: false,
    inverts_subject: true,
    nouns_capitalised: true,
};
