//! French: the perfect tense (`a déclaré`), the subject after the verb (`a déclaré le
//! ministre`, `a-t-elle écrit`, `dit-il`), `selon X` and `d'après X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "fr",
    speech_verbs: "
        déclaré déclare dit écrit affirmé affirme ajouté ajoute souligné souligne expliqué
        explique estimé estime assuré assure averti prévenu lancé lance répondu répond indiqué
        indique confié confie insisté insiste annoncé annonce précisé précise poursuivi poursuit
        reconnu reconnaît admis confirmé confirme martelé raconté raconte rappelé rappelle
        regretté dénoncé dénonce déclarait disait écrivait conclu conclut révélé révèle
    ",
    titles: "
        président présidente ministre porte-parole chancelier chef entraîneur pape évêque
        directeur directrice technicien maire premier secrétaire
    ",
    not_names: "
        le la les un une du dans pour selon mais et après avant depuis lors lundi mardi mercredi
        jeudi vendredi samedi dimanche ce cette ces il elle ils elles nous je on
    ",
    organisation_nouns: "ministère gouvernement",
    statement_nouns: "déclaration communiqué propos",
    clause_words: "",
    particles: "de du le la",
    verb_adverbs: "hier aussi encore ensuite également aujourd'hui",
    determiners: "",
    articles: "le la les",
    pronouns: "il elle",
    inverted_pronouns: "il elle",
    // (Written with `'` only: the curly `’` is folded to it when an `according` word is
    // looked for, so that words holding `’` are never looked up in the table.)
    according: "selon d'après",
    after_quote_cues: "",
    auxiliaries: "a avait",
    profile: "le les des est une pour dans qui pas sur",
    pro_drop: false,
    inverts_subject: true,
    nouns_capitalised: false,
};
