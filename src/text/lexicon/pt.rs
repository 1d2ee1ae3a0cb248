//! Portuguese: the subject often dropped or after its verb (`, disse o treinador`),
//! `segundo X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "pt",
    speech_verbs: "
        disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta
        sublinhou sublinha escreveu escreve referiu refere comentou comenta garantiu garante
        adiantou respondeu responde admitiu reconheceu defendeu defende avisou alertou
        contou revelou lembrou concluiu anunciou salientou frisou destacou assegurou confessou perguntou
    ",
    titles: "
        ministro porta-voz diretor diretora treinador pontífice bispo cardeal prefeito
        secretário chefe
    ",
    not_names: "
        os das dos uma não com para pelo pela também segundo após antes domingo ele ela eles nós
        eu
    ",
    organisation_nouns: "ministério governo",
    statement_nouns: "nota declarações",
    clause_words: "",
    particles: "dos",
    verb_adverbs: "ontem hoje também ainda depois",
    determiners: "",
    articles: "o os",
    pronouns: "ele ela",
    inverted_pronouns: "ele ela",
    according: "segundo conforme",
    after_quote_cues: "",
    auxiliaries: "tem tinha",
    profile: "os das uma não com pelo foi são também",
    pro_drop: true,
    inverts_subject: true,
    nouns_capitalised: false,
};
