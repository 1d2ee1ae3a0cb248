//! Spanish: the subject often dropped (`, ha asegurado.`) or after its verb (`, dijo el
//! ministro`), the perfect tense (`ha dicho`), `según X`.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "es",
    speech_verbs: "
        dijo dice afirmó afirma aseguró asegura declaró declara explicó explica añadió añade
        señaló señala escribió escribe comentó comenta indicó indica advirtió advierte subrayó
        subraya insistió insiste respondió responde manifestó manifiesta sostuvo sostiene
        reconoció reconoce confesó agregó agrega apuntó expresó dicho afirmado asegurado
        declarado explicado añadido señalado escrito comentado indicado advertido subrayado
        insistido respondido manifestado reconocido agregado expresado
        anunció anuncia aclaró aclara reveló revela concluyó concluye admitió admite lamentó lamenta destacó destaca recordó contó relató criticó denunció preguntó
    ",
    titles: "
        presidente presidenta ministro ministra portavoz director directora entrenador papa
        pontífice obispo cardenal alcalde alcaldesa secretario jefe técnico
    ",
    not_names: "
        el los las del por una para con pero según tras ante sobre lunes martes miércoles jueves
        viernes sábado domingo este esta estos yo él ella nosotros
    ",
    organisation_nouns: "ministerio gobierno",
    statement_nouns: "declaraciones comunicado",
    clause_words: "",
    particles: "del",
    verb_adverbs: "ayer hoy también además luego",
    determiners: "",
    articles: "el los las",
    pronouns: "él ella",
    inverted_pronouns: "él ella",
    according: "según",
    after_quote_cues: "",
    auxiliaries: "ha había han",
    profile: "el los las del según pero muy también está",
    pro_drop: true,
    inverts_subject: true,
    nouns_capitalised: false,
};
