//! Tokens: a statement is held as words with their punctuation, case, apostrophe form,
//! separator and typo, and only rendered to text at the end, so that drifts edit structure
//! rather than strings.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Word {
    Vocab(u32),
    Name(u32),
    Func(u8),
    Apos(u8),
    Num(u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Punct {
    None,
    Comma,
    Semicolon,
    Colon,
    Period,
    Excl,
    Question,
}

impl Punct {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Punct::None => "",
            Punct::Comma => ",",
            Punct::Semicolon => ";",
            Punct::Colon => ":",
            Punct::Period => ".",
            Punct::Excl => "!",
            Punct::Question => "?",
        }
    }
    pub(super) fn is_final(self) -> bool {
        matches!(self, Punct::Period | Punct::Excl | Punct::Question)
    }
    pub(super) fn is_clause(self) -> bool {
        matches!(self, Punct::Comma | Punct::Semicolon | Punct::Colon)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Case {
    /// Capitalised at a sentence start or as a name, otherwise as stored.
    Natural,
    Upper,
    Lower,
    Title,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Apostrophe {
    Straight,
    Curly,
    Dropped,
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Pre {
    Space,
    Dots,
    Ellipsis,
    EllipsisTight,
    Dash,
    DashTight,
}

impl Pre {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Pre::Space => " ",
            Pre::Dots => " ... ",
            Pre::Ellipsis => " … ",
            Pre::EllipsisTight => "… ",
            Pre::Dash => " — ",
            Pre::DashTight => "—",
        }
    }
}

pub(super) const SENT_START: u8 = 1;
pub(super) const NUM_COMMAS: u8 = 2;
pub(super) const QOPEN: u8 = 4;
pub(super) const QCLOSE: u8 = 8;

pub(super) const QUOTE_MARKS: [(char, char); 4] =
    [('\'', '\''), ('‘', '’'), ('"', '"'), ('“', '”')];

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) word: Word,
    pub(super) punct: Punct,
    pub(super) case: Case,
    pub(super) apos: Apostrophe,
    pub(super) pre: Pre,
    pub(super) flags: u8,
    /// Index into `QUOTE_MARKS` of an inner quotation opened or closed at this token.
    pub(super) quote: u8,
    /// Typo: operation (0 none, 1 insert, 2 delete, 3 substitute, 4 transpose), position, letter.
    pub(super) typo: [u8; 3],
}

impl Tok {
    pub(super) fn new(word: Word) -> Self {
        Tok {
            word,
            punct: Punct::None,
            case: Case::Natural,
            apos: Apostrophe::Straight,
            pre: Pre::Space,
            flags: 0,
            quote: 0,
            typo: [0; 3],
        }
    }
    pub(super) fn is_func(&self) -> bool {
        matches!(self.word, Word::Func(_))
    }
    pub(super) fn is_content(&self) -> bool {
        matches!(self.word, Word::Vocab(_) | Word::Name(_))
    }
}

pub(super) fn big_number(t: &Tok) -> bool {
    matches!(t.word, Word::Num(v) if v >= 1000 && !(1900..=2099).contains(&v))
}

/// Removes a cut's loose ends: a separator before the first token, unbalanced inner quotes.
pub(super) fn fix_edges(t: &mut [Tok]) {
    if let Some(first) = t.first_mut() {
        first.pre = Pre::Space;
    }
    let mut open = None;
    for (i, x) in t.iter_mut().enumerate() {
        if x.flags & QOPEN != 0 {
            if open.is_some() {
                x.flags &= !QOPEN;
            } else {
                open = Some(i);
            }
        }
        if x.flags & QCLOSE != 0 {
            if open.is_none() {
                x.flags &= !QCLOSE;
            } else {
                open = None;
            }
        }
    }
    if let Some(i) = open {
        t[i].flags &= !QOPEN;
    }
}

/// Removes `t[a..b]`, keeping sentence starts and ends where they were.
pub(super) fn remove_span(t: &mut Vec<Tok>, a: usize, b: usize) {
    let starts = t[a].flags & SENT_START != 0;
    let last = t[b - 1].punct;
    t.drain(a..b);
    if starts && a < t.len() {
        t[a].flags |= SENT_START;
    }
    if last.is_final() && a > 0 && !t[a - 1].punct.is_final() {
        t[a - 1].punct = last;
    }
    fix_edges(t);
}

impl Word {
    pub(super) fn is_num_or_name(self) -> bool {
        matches!(self, Word::Num(_) | Word::Name(_))
    }
}
