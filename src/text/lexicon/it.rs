//! Italian: the subject often dropped (`- ha detto ai canali del club -`) or after its verb
//! (`, ha precisato il portavoce`), the perfect tense, `secondo X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "it",
    speech_verbs: "
        detto dice disse affermato afferma affermò dichiarato dichiara dichiarò spiegato spiega
        spiegò aggiunto aggiunge aggiunse sottolineato sottolinea scritto scrive scrisse
        precisato precisa proseguito prosegue commentato commenta risposto risponde annunciato
        annuncia ribadito ribadisce confermato conferma osservato osserva ammesso raccontato
        racconta rivelato
        concluso ricordato sostenuto replicato chiarito rivelò raccontò ricordò concluse ammise annunciò diceva
    ",
    titles: "
        presidente ministro ministra portavoce direttore direttrice allenatore tecnico papa
        pontefice vescovo cardinale sindaco segretario capo
    ",
    not_names: "
        il lo gli della delle dei degli nel nella per una con che non anche ma dopo prima lunedì
        martedì mercoledì giovedì venerdì sabato domenica questo questa lui lei io noi
    ",
    organisation_nouns: "ministero governo",
    statement_nouns: "dichiarazione comunicato parole",
    clause_words: "",
    particles: "di da",
    verb_adverbs: "ieri oggi poi anche ancora inoltre",
    determiners: "",
    articles: "il lo gli",
    pronouns: "lui lei",
    inverted_pronouns: "lui lei",
    according: "secondo",
    after_quote_cues: "",
    auxiliaries: "ha aveva hanno",
    profile: "il della che non per sono gli nel alla anche",
    pro_drop: true,
    inverts_subject: true,
    nouns_capitalised: false,
};
