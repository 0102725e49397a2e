//! Name mentions (per paragraph, pure) and the people they refer to (article pass).
//!
//! [`scan_mentions`] finds references to people in one paragraph: a name
//! (capitalised words, particles such as `al-`, `van der`, initials) with its
//! honorific or title (`Mr`, `Foreign Minister`), a possessive, and a role
//! attached before (`Ukraine’s Foreign Minister Dmytro Kuleba`) or after it
//! (`Antony Blinken, the US secretary of state,`). A lone capitalised word
//! (`Kuleba said`) is only a *candidate* ([`Mention::bare`]): the article
//! pass, [`People::build`], makes it a mention when it matches the surname of
//! a person the article names, and groups all mentions into people.
//!
//! Modules: `gazetteer` (built-in word lists from `data/`), `variants`
//! (folding and the typo test), `people` (the article pass).
//!
//! Using it (quotes, LSP): `Article::people` holds the [`People`]. Treat a
//! mention as a person only through [`People::person_of`] (bare candidates
//! that match nobody have none). [`People::mention_at`] finds the mention
//! and person at a document offset (hover, go to first reference via
//! [`Person::first_full_reference`], references via [`Person::mentions`],
//! rename via each mention's `given`/`surname_range`); [`Person::canonical`],
//! [`Person::spellings`] and [`Person::is_variant`] give the spelling
//! story. Ranges in a [`Mention`] are paragraph-relative: add the
//! paragraph's `start` (or use [`Mention::shifted`]). A keystroke that
//! touches no name keeps its people, and one that does regroups only the
//! families its names reach ([`People::update`]).

mod gazetteer;
mod people;
mod regroup;
pub mod variants;

use std::ops::Range;

use gazetteer::{Lexical, GAZETTEER};

pub use people::{People, Person, PersonId, Spelling};
pub use regroup::Regrouped;

/// Grammatical gender as the copy shows it (honorifics, given names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// One reference to a person by name, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention: pre-modifying role, honorific, name, possessive.
    pub range: Range<usize>,
    /// Just the name tokens (`Dmytro Kuleba`, `Kuleba`), no honorific or `’s`.
    pub name: Range<usize>,
    /// The name tokens as written, spaces of any kind normalised to ` `.
    pub name_text: String,
    /// `Mr`, `Dr`, `President`, `Foreign Minister`… as written, without a full stop.
    pub honorific: Option<String>,
    /// A role attached to the name: `Ukraine’s Foreign Minister`, `the US secretary of state`.
    pub role: Option<String>,
    pub gender: Option<Gender>,
    pub possessive: bool,
    /// A lone capitalised word with no honorific or role (`Kuleba said`): a
    /// person only if [`People`] matches it to a surname the article names.
    pub bare: bool,
    /// The mention starts a sentence (its capital says nothing).
    pub sentence_start: bool,
    /// The mention is on a heading line (Markdown `#`, or a line with no
    /// terminal punctuation that is a paragraph of its own).
    pub heading: bool,
    /// Range of the honorific or title tokens (`Mr`, `Foreign Minister`).
    pub honorific_range: Option<Range<usize>>,
    /// Range of the first given name or initial, when the mention has one.
    pub given: Option<Range<usize>>,
    /// Range of the surname, particles included (`von der Leyen`, `al-Sisi`).
    pub surname_range: Range<usize>,
    /// The given name as written (first given name only).
    pub given_text: Option<String>,
    /// The surname as written, spaces normalised.
    pub surname_text: String,
    /// Folded surname ([`variants::fold`]): equal keys are the same name.
    pub surname_key: String,
    /// Folded last word of the surname (`sisi` for `al-Sisi`).
    pub core_key: String,
    /// Folded given name.
    pub given_key: Option<String>,
    /// Folded whole name (`dmytrokuleba`).
    pub name_key: String,
}

impl Mention {
    /// The surname, particles included.
    pub fn surname(&self) -> &str {
        &self.surname_text
    }

    /// Whether the mention names more than a surname.
    pub fn is_full(&self) -> bool {
        self.given.is_some()
    }

    /// Whether the honorific is a courtesy one (`Mr`, `Dr`, `Sir`), not a title.
    pub fn has_courtesy_honorific(&self) -> bool {
        self.honorific
            .as_deref()
            .is_some_and(|h| matches!(GAZETTEER.lexical(h), Some(Lexical::Honorific(_))))
    }

    /// Whether two mentions are the same reference, offsets aside.
    pub fn same_reference(&self, other: &Mention) -> bool {
        self.name_text == other.name_text
            && self.honorific == other.honorific
            && self.role == other.role
            && self.gender == other.gender
            && self.possessive == other.possessive
            && self.bare == other.bare
            && self.sentence_start == other.sentence_start
            && self.heading == other.heading
            && self.given_text == other.given_text
            && self.surname_text == other.surname_text
            // The keys grouping reads: a suffix (`Donald Trump Jr`) is in
            // the given key and in no text above.
            && self.given_key == other.given_key
            && self.surname_key == other.surname_key
            && self.core_key == other.core_key
            && self.name_key == other.name_key
    }

    /// The mention shifted by `by` bytes (paragraph-relative to absolute).
    pub fn shifted(&self, by: usize) -> Mention {
        let s = |r: &Range<usize>| r.start + by..r.end + by;
        Mention {
            range: s(&self.range),
            name: s(&self.name),
            honorific_range: self.honorific_range.as_ref().map(s),
            given: self.given.as_ref().map(s),
            surname_range: s(&self.surname_range),
            ..self.clone()
        }
    }
}

/// A mention's place in the article: paragraph index and index in its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionRef {
    pub para: usize,
    pub index: usize,
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `Kuleba`, `McDonald`, `O’Brien`, `al-Sisi`.
    Cap,
    /// One capital letter: an initial (`J`) when it has a full stop or a name follows.
    Letter,
    /// `J.K`, `U.S`.
    Initials,
    /// `NATO`, `US`.
    AllCaps,
    /// A lower-case name particle: `de`, `van`, `bin`, `al`.
    Particle,
    Lower,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    /// End of the word without a possessive `’s`.
    end: usize,
    /// End including the possessive (`’s`, or the `’` of `Davies’`).
    outer_end: usize,
    shape: Shape,
    possessive: bool,
    /// A full stop follows the word.
    period: bool,
    sentence_start: bool,
    /// The gap from the previous token is whitespace only.
    gap_space: bool,
    /// The gap from the previous token is `.` then whitespace.
    gap_dot_space: bool,
    line: usize,
}

const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "dos", "das", "du", "van", "von", "ten", "ter",
    "la", "le", "bin", "bint", "ibn", "al", "el", "y", "zu", "af", "av", "st",
];

/// Capitalised forms that count as surname particles (`Al Sisi`, `Van Dijk`).
const CAP_PARTICLES: &[&str] = &[
    "Al", "El", "Van", "Von", "De", "Da", "Di", "Du", "Le", "La", "Bin", "Ibn", "Abu", "Ter",
    "Ten", "Der", "Den", "Del", "Della", "Dos", "Das", "Mac", "St", "Ní", "Nic", "Ó", "Ua", "Mc",
];

/// Generational suffixes that end a name and are not its surname.
const SUFFIXES: &[&str] = &["Jr", "Sr", "Jnr", "Snr"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | 'ʼ')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A known given name, as written (`Fred`).
pub(crate) fn is_given_name(w: &str) -> bool {
    GAZETTEER.given(w).is_some()
}

/// A lower-case word that reads as a capitalised name: a particle joined to
/// one (`al-Hakim`, `d’Estaing`, `bin-Salman`).
pub(crate) fn is_joined_particle(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && shape_of(w) == Shape::Cap
}

fn shape_of(w: &str) -> Shape {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        let rest = chars.as_str();
        if rest.is_empty() {
            return Shape::Letter;
        }
        if rest.chars().any(char::is_lowercase) {
            return Shape::Cap;
        }
        if w.contains('.')
            && w.split('.').all(|s| {
                let mut c = s.chars();
                c.next().is_some_and(char::is_uppercase) && c.next().is_none()
            })
        {
            return Shape::Initials;
        }
        return Shape::AllCaps;
    }
    if first.is_lowercase() {
        if PARTICLES.contains(&w) {
            return Shape::Particle;
        }
        // `al-Sisi`, `d’Estaing`, `bin-Salman`: a particle joined to a capitalised name.
        if let Some(pos) = w.find(is_inner_joiner) {
            let (prefix, rest) = w.split_at(pos);
            let after = rest.chars().next().map_or("", |j| &rest[j.len_utf8()..]);
            let cap_after = after.chars().next().is_some_and(char::is_uppercase)
                && after.chars().any(char::is_lowercase);
            if cap_after
                && (PARTICLES.contains(&prefix)
                    || matches!(
                        prefix,
                        "d" | "l" | "ad" | "as" | "ash" | "at" | "az" | "ar" | "an" | "o"
                    ))
            {
                return Shape::Cap;
            }
        }
        return Shape::Lower;
    }
    Shape::Other
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: char = ' ';
    let mut it = text.char_indices().peekable();
    let push = |s: usize, e: usize, toks: &mut Vec<Tok>| {
        let w = &text[s..e];
        let mut end = e;
        let mut outer_end = e;
        let mut possessive = false;
        for suf in ["’s", "'s", "ʼs"] {
            if w.len() > suf.len() + 1 && w.ends_with(suf) {
                end = e - suf.len();
                possessive = true;
            }
        }
        if !possessive && w.ends_with('s') && w.len() > 2 {
            let mut after = text[e..].chars();
            if let Some(a) = after.next() {
                if is_apostrophe(a) && !after.next().is_some_and(is_word_char) {
                    possessive = true;
                    outer_end = e + a.len_utf8();
                }
            }
        }
        let word = &text[s..end];
        toks.push(Tok {
            start: s,
            end,
            outer_end,
            shape: shape_of(word),
            possessive,
            period: text[outer_end..].starts_with('.'),
            sentence_start: false,
            gap_space: false,
            gap_dot_space: false,
            line: 0,
        });
    };
    while let Some((i, c)) = it.next() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            prev = c;
            continue;
        }
        if let Some(s) = start {
            let next = it.peek().map(|&(_, n)| n);
            let joins = match next {
                Some(n) if is_word_char(n) => {
                    is_inner_joiner(c) || (c == '.' && prev.is_uppercase() && n.is_uppercase())
                }
                _ => false,
            };
            if joins {
                prev = c;
                continue;
            }
            push(s, i, &mut toks);
            start = None;
        }
        prev = c;
    }
    if let Some(s) = start {
        push(s, text.len(), &mut toks);
    }
    toks
}

/// Whether a line of a paragraph ends a sentence (after closing quotes and brackets).
fn line_terminated(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»' | '*' | '_')
    });
    t.ends_with(['.', '!', '?', ':', ';', '…', ','])
}

/// Per line: (heading, title case). A hard-wrapped paragraph is read as one
/// line: every piece of it has the kind of the whole.
fn line_kinds(text: &str, lines: &[Range<usize>]) -> Vec<(bool, bool)> {
    if crate::text::is_wrapped(lines.iter().map(|l| &text[l.clone()])) {
        let joined: String = lines
            .iter()
            .map(|l| text[l.clone()].trim())
            .collect::<Vec<_>>()
            .join(" ");
        let kind = line_kind(&joined, true);
        return vec![kind; lines.len()];
    }
    lines
        .iter()
        .map(|l| line_kind(&text[l.clone()], lines.len() == 1))
        .collect()
}

/// A line's (heading, title case), `alone` when it is its paragraph's only line.
fn line_kind(line: &str, alone: bool) -> (bool, bool) {
    let trimmed = line.trim_start();
    let md_heading = trimmed.starts_with('#');
    let unterminated = !line_terminated(line);
    let heading = md_heading || (unterminated && alone);
    let mut long = 0;
    let mut caps = 0;
    for w in line.split(|c: char| !is_word_char(c)) {
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
    }
    let title_case = unterminated && long >= 3 && caps * 10 >= long * 7;
    (heading, title_case)
}

fn lower_ascii_into<'b>(w: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if w.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for c in w.chars() {
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The paragraph being scanned: text, tokens and what is known of them.
struct Scan<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    kinds: Vec<(bool, bool)>,
    /// Each token's gazetteer entry, looked up once.
    lex: Vec<Option<Lexical>>,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Self {
        let mut toks = tokenize(text);
        let lex: Vec<Option<Lexical>> = toks
            .iter()
            .map(|t| {
                let w = text[t.start..t.end].trim_end_matches('.');
                // `President-elect`, `Prime Minister-designate`: still a title.
                let base = w
                    .strip_suffix("-elect")
                    .or_else(|| w.strip_suffix("-designate"))
                    .unwrap_or(w);
                GAZETTEER.lexical(base)
            })
            .collect();
        let lines = super::line_spans(text);
        let kinds = line_kinds(text, &lines);
        let mut line = 0;
        for i in 0..toks.len() {
            while line + 1 < lines.len() && toks[i].start > lines[line].end {
                line += 1;
            }
            toks[i].line = line;
            let gap_start = if i == 0 { 0 } else { toks[i - 1].outer_end };
            let gap = &text[gap_start..toks[i].start];
            toks[i].gap_space = i > 0 && !gap.is_empty() && gap.chars().all(is_space);
            toks[i].gap_dot_space =
                i > 0 && gap.starts_with('.') && gap.len() > 1 && gap[1..].chars().all(is_space);
            toks[i].sentence_start = if i == 0 {
                true
            } else {
                let prev = &toks[i - 1];
                let pw = &text[prev.start..prev.end];
                let abbrev = matches!(prev.shape, Shape::Letter | Shape::Initials)
                    || matches!(
                        lex[i - 1],
                        Some(Lexical::Honorific(_) | Lexical::Title { .. })
                    )
                    || SUFFIXES.contains(&pw)
                    || matches!(pw, "St" | "No" | "Co" | "vs" | "v");
                // An opening quote right before the word, after a space or
                // punctuation: `said, “We`, `(AP) — “Blinken`.
                let mut rev = gap.chars().rev();
                let opens = rev.next().is_some_and(|q| "“‘«„\"'".contains(q))
                    && rev
                        .next()
                        .is_none_or(|c| is_space(c) || "([—–-:;,".contains(c));
                gap.contains(['!', '?', '…', ':', '#', '•'])
                    || (gap.contains('.') && !abbrev)
                    || opens
                    || (gap.contains(['\n', '\r']) && kinds.get(prev.line).is_some_and(|k| k.0))
            };
        }
        Scan {
            text,
            toks,
            kinds,
            lex,
        }
    }

    fn word(&self, i: usize) -> &'t str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn lexical(&self, i: usize) -> Option<Lexical> {
        self.lex.get(i).copied().flatten()
    }

    /// Whether token `a + 1` continues a name or title from token `a`.
    fn joined(&self, a: usize) -> bool {
        !self.toks[a].possessive && self.adjacent(a)
    }

    /// Whether only spaces (or an abbreviation's full stop) separate tokens
    /// `a` and `a + 1`; a possessive may stand before (`Ukraine’s Foreign Minister`).
    fn adjacent(&self, a: usize) -> bool {
        let Some(next) = self.toks.get(a + 1) else {
            return false;
        };
        let t = &self.toks[a];
        next.gap_space
            || (next.gap_dot_space
                && t.period
                && (matches!(t.shape, Shape::Letter | Shape::Initials)
                    || matches!(
                        self.lexical(a),
                        Some(Lexical::Honorific(_) | Lexical::Title { .. })
                    )))
    }

    fn is_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.shape {
            Shape::Initials => true,
            Shape::Letter => {
                let w = self.word(i);
                (t.period || (w != "I" && w != "A")) && self.joined(i) && self.name_like(i + 1)
            }
            // `JD Vance`, `AJ Tracey`: two capitals as initials before a name.
            Shape::AllCaps => {
                self.word(i).len() == 2
                    && self.lexical(i).is_none()
                    && self.joined(i)
                    && self.toks[i + 1].shape == Shape::Cap
                    && self.lexical(i + 1).is_none()
            }
            _ => false,
        }
    }

    /// A token that can be part of a name (not checking the gazetteer).
    fn name_like(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.shape {
            Shape::Cap => true,
            Shape::Letter | Shape::Initials => self.is_initial(i),
            Shape::Particle => {
                self.joined(i)
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.shape, Shape::Cap | Shape::Particle))
            }
            _ => false,
        }
    }

    fn given_name(&self, i: usize) -> Option<Option<Gender>> {
        GAZETTEER.given(self.word(i))
    }

    /// Length of a multi-word place starting at token `i` (0 when none).
    fn multi_place(&self, i: usize, buf: &mut String) -> usize {
        if !GAZETTEER.multi_start(self.word(i)) {
            return 0;
        }
        let mut best = 0;
        buf.clear();
        buf.push_str(self.word(i));
        let mut j = i;
        while j + 1 < self.toks.len() && j + 1 - i < GAZETTEER.max_multi() && self.joined(j) {
            j += 1;
            buf.push(' ');
            buf.push_str(self.word(j));
            if GAZETTEER.is_multi_place(buf) {
                best = j + 1 - i;
            }
        }
        best
    }

    fn role_word(&self, i: usize) -> Option<bool> {
        let mut buf = [0u8; 32];
        let w = self.word(i);
        lower_ascii_into(w, &mut buf).and_then(|l| GAZETTEER.role(l))
    }

    /// A title token: a capitalised title, or a lower-case role word when `lower`.
    fn title_head(&self, i: usize) -> Option<bool> {
        match self.lexical(i) {
            Some(Lexical::Title { head, .. }) => Some(head),
            _ => None,
        }
    }

    fn normalised(&self, r: Range<usize>) -> String {
        let mut out = String::with_capacity(r.len());
        let mut space = false;
        for c in self.text[r].chars() {
            if is_space(c) {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
        out
    }
}

const CONNECTORS: &[&str] = &["of", "the", "for", "to", "at", "in", "and"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "The", "A", "An", "his", "her", "their", "its",
];

/// References to people in one paragraph, in order, bare candidates
/// included ([`Mention::bare`]). Pure.
pub fn scan_mentions(text: &str) -> Vec<Mention> {
    let s = Scan::new(text);
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut buf = String::new();
    // First token after the last name (not bare word): role scans stop there.
    let mut floor = 0;
    let mut i = 0;
    while i < n {
        let Some((core_end, skip_to)) = core_at(&s, i, &mut buf) else {
            i += 1;
            continue;
        };
        let Some(core_end) = core_end else {
            i = skip_to;
            continue;
        };
        let title_case = s.kinds.get(s.toks[i].line).is_some_and(|k| k.1);
        let end = if title_case {
            // Title-case headline: only given name + surname, or single words.
            let two = s.given_name(i).is_some() && core_end > i;
            let end = if two {
                (i + 2).min(core_end + 1) - 1
            } else {
                i
            };
            extend_particles(&s, i, end, core_end)
        } else {
            core_end
        };
        if let Some(mut m) = mention(&s, i, end, floor) {
            if title_case && end == i {
                // `Judge Sets Date`: in a title-case line one word is only a candidate.
                m.bare = true;
            }
            // Bare words a role took in (`Catalan leader Carles Puigdemont`).
            while out
                .last()
                .is_some_and(|p: &Mention| p.bare && p.range.start >= m.range.start)
            {
                out.pop();
            }
            if !m.bare {
                floor = end + 1;
            }
            out.push(m);
        }
        i = end + 1;
    }
    out
}

/// In a title-case line a two-word name may hold particles: `Ursula von der
/// Leyen`, `Aoife Ní Bhriain`.
fn extend_particles(s: &Scan<'_>, i: usize, end: usize, core_end: usize) -> usize {
    let mut e = end;
    if e > i {
        while e < core_end
            && (s.toks[e].shape == Shape::Particle || CAP_PARTICLES.contains(&s.word(e)))
        {
            e += 1;
        }
    }
    e
}

fn honorific_before(s: &Scan<'_>, i: usize) -> bool {
    i > 0
        && s.joined(i - 1)
        && matches!(
            s.lexical(i - 1),
            Some(Lexical::Honorific(_) | Lexical::Title { head: true, .. })
        )
}

/// The name core starting at `i`: `Some((Some(last), _))` for tokens
/// `i..=last`, `Some((None, next))` when the sequence is an institution or
/// place (skip to `next`), `None` when no name starts here.
fn core_at(s: &Scan<'_>, i: usize, buf: &mut String) -> Option<(Option<usize>, usize)> {
    let n = s.toks.len();
    let t = s.toks[i];
    let after_honorific = honorific_before(s, i);
    let starts = match t.shape {
        Shape::Cap => true,
        Shape::Initials | Shape::Letter | Shape::AllCaps => s.is_initial(i),
        Shape::Particle => s.name_like(i),
        _ => false,
    };
    if !starts {
        return None;
    }
    let places = s.multi_place(i, buf);
    if places > 0 && !after_honorific {
        return Some((None, i + places));
    }
    let lex = s.lexical(i);
    let next_plain = || {
        s.joined(i)
            && s.name_like(i + 1)
            && s.toks[i + 1].shape == Shape::Cap
            && s.lexical(i + 1).is_none()
    };
    match lex {
        None => {}
        Some(Lexical::Honorific(_) | Lexical::Title { .. }) => return None,
        Some(Lexical::Place | Lexical::Demonym | Lexical::Common | Lexical::Organisation) => {
            let as_given = s.given_name(i).is_some() && next_plain();
            if !(after_honorific || as_given) {
                return None;
            }
        }
    }
    // `Institute for Fiscal Studies`, `Bank of England`: part of a name of a thing.
    if !after_honorific
        && i >= 2
        && s.joined(i - 1)
        && matches!(s.word(i - 1), "of" | "for" | "&")
        && s.joined(i - 2)
        && matches!(s.toks[i - 2].shape, Shape::Cap | Shape::AllCaps)
        && !matches!(
            s.lexical(i - 2),
            Some(Lexical::Title { .. } | Lexical::Honorific(_))
        )
    {
        let mut k = i;
        while k + 1 < n
            && s.joined(k)
            && s.name_like(k + 1)
            && !matches!(
                s.lexical(k + 1),
                Some(Lexical::Title { .. } | Lexical::Honorific(_))
            )
        {
            k += 1;
        }
        return Some((None, k + 1));
    }
    // `Prosecutor Jonathan Fairweather`, `Bride Poppy Stallard`,
    // `Dad-of-three Mark`: a role or descriptor capitalised to start a sentence.
    if t.sentence_start
        && !after_honorific
        && s.given_name(i).is_none()
        && (s.role_word(i).is_some() || s.word(i).contains("-of-"))
    {
        return None;
    }
    // `Defending Ashworth, …`, `Speaking in Kyiv`: a sentence-initial -ing word.
    if t.sentence_start
        && !after_honorific
        && s.given_name(i).is_none()
        && s.word(i).len() > 5
        && s.word(i).ends_with("ing")
    {
        return None;
    }
    let given_first = s.given_name(i).is_some();
    let mut j = i;
    while j + 1 < n && j + 1 - i < 6 && s.joined(j) && s.name_like(j + 1) {
        let w = s.word(j + 1).trim_end_matches('.');
        if SUFFIXES.contains(&w) {
            break;
        }
        match s.lexical(j + 1) {
            // `Downing Street`, `Manchester United`: not a person; but after
            // an honorific or title the word is a surname (`Sen. Lydia Park`).
            Some(Lexical::Organisation) if !after_honorific => {
                return Some((None, j + 2));
            }
            Some(Lexical::Honorific(_) | Lexical::Title { .. }) => break,
            Some(Lexical::Common) if !given_first => break,
            _ => {}
        }
        j += 1;
        if s.toks[j].possessive {
            break;
        }
    }
    // Trailing particles or initials do not end a name.
    while j > i
        && matches!(
            s.toks[j].shape,
            Shape::Particle | Shape::Letter | Shape::Initials
        )
    {
        j -= 1;
    }
    if matches!(s.toks[j].shape, Shape::Letter | Shape::Initials) {
        return Some((None, j + 1));
    }
    // All places or demonyms (`Kyiv Kharkiv`): not a person.
    if !after_honorific
        && (i..=j).all(|k| matches!(s.lexical(k), Some(Lexical::Place | Lexical::Demonym)))
    {
        return Some((None, j + 1));
    }
    Some((Some(j), j + 1))
}

/// Builds the mention for the name core `i..=j`, with honorific and roles;
/// role scans do not go back past token `floor`.
fn mention(s: &Scan<'_>, i: usize, j: usize, floor: usize) -> Option<Mention> {
    let toks = &s.toks;
    // Honorific: a courtesy honorific, else a run of title words with a head.
    let mut k = i;
    let mut honorific_gender = None;
    let mut courtesy = false;
    if i > floor && s.joined(i - 1) {
        if let Some(Lexical::Honorific(g)) = s.lexical(i - 1) {
            k = i - 1;
            honorific_gender = g;
            courtesy = true;
        }
    }
    if !courtesy {
        let mut m = i;
        let mut head = false;
        let mut gender = None;
        loop {
            if m > floor && i - m < 8 && s.joined(m - 1) {
                if let Some(Lexical::Title { head: h, gender: g }) = s.lexical(m - 1) {
                    m -= 1;
                    head |= h;
                    gender = gender.or(g);
                    continue;
                }
                // `Secretary of State`: a connector between title words.
                if m >= floor + 2
                    && matches!(s.word(m - 1), "of" | "for")
                    && s.joined(m - 2)
                    && s.title_head(m - 2).is_some()
                    && m < i
                {
                    m -= 1;
                    continue;
                }
            }
            break;
        }
        if head {
            k = m;
            honorific_gender = gender;
        }
    }
    let honorific_range = (k < i).then(|| toks[k].start..toks[i - 1].end);
    // Role: back over title words, role nouns, places, possessives, acronyms.
    let role_last = if courtesy { k } else { i };
    let mut r = role_last;
    // Roles are short: look back at most 12 words (keeps scanning linear).
    let floor = floor.max(role_last.saturating_sub(12));
    while r > floor && s.adjacent(r - 1) {
        let p = r - 1;
        let ok = match toks[p].shape {
            Shape::Cap => !matches!(s.lexical(p), Some(Lexical::Common | Lexical::Honorific(_))),
            Shape::AllCaps | Shape::Initials => true,
            // Before `Mr` or `Sir`, only capitalised titles (`Prime Minister
            // Sir Keir Starmer`): in `would judge Mr Sánchez` `judge` is a verb.
            Shape::Lower | Shape::Particle if courtesy => false,
            Shape::Lower | Shape::Particle => {
                s.role_word(p).is_some()
                    || (toks[p].possessive && r < role_last)
                    || (CONNECTORS.contains(&s.word(p))
                        && s.word(p) != "and"
                        && r < role_last
                        && p > floor
                        && s.joined(p - 1)
                        && title_follows(s, p + 1))
            }
            _ => false,
        };
        if !ok {
            break;
        }
        r = p;
    }
    while r < role_last && (CONNECTORS.contains(&s.word(r)) || DETERMINERS.contains(&s.word(r))) {
        r += 1;
    }
    let has_head = (r..role_last).any(|p| match toks[p].shape {
        Shape::Cap => s.title_head(p) == Some(true) || s.role_word(p) == Some(true),
        Shape::Lower => s.role_word(p) == Some(true),
        _ => false,
    });
    // `Prime Minister’s Questions`: a possessive right before is not a title.
    let has_head = has_head && !(role_last > 0 && toks[role_last - 1].possessive);
    let mut role =
        (has_head && r < role_last).then(|| s.normalised(toks[r].start..toks[role_last - 1].end));
    let single = i == j;
    let confident = !single || k < i || role.is_some();
    if single && !confident {
        // A bare word: never a place, organisation, title or common word.
        if s.lexical(i).is_some() {
            return None;
        }
    }
    let start = if role.is_some() {
        toks[r].start
    } else {
        toks[k].start
    };
    // Appositive role after the name: `Antony Blinken, the US secretary of state,`.
    if role.is_none() && !toks[j].possessive {
        role = appositive(s, j);
    }
    // Surname: the last word and the particles before it.
    let mut sn = j;
    while sn > i
        && (toks[sn - 1].shape == Shape::Particle || CAP_PARTICLES.contains(&s.word(sn - 1)))
    {
        sn -= 1;
    }
    if sn == i && j > i && s.given_name(i).is_some() {
        sn = i + 1;
    }
    let initial_stop =
        usize::from(toks[i].period && matches!(toks[i].shape, Shape::Letter | Shape::Initials));
    let given = (sn > i).then(|| toks[i].start..toks[i].end + initial_stop);
    let surname_range = toks[sn].start..toks[j].end;
    let surname_text = s.normalised(surname_range.clone());
    let given_text = given.clone().map(|g| s.text[g].to_string());
    let given_gender = given.as_ref().and_then(|_| s.given_name(i)).flatten();
    let last_word = s.word(j);
    let t_last = toks[j];
    let name = toks[i].start..t_last.end;
    // A generational suffix after the name: `Jr.`, `, Sr.`.
    let suffix = (j + 1 < toks.len())
        .then(|| s.word(j + 1))
        .filter(|w| SUFFIXES.contains(w) && !toks[j].possessive)
        .filter(|_| {
            let gap = &s.text[toks[j].outer_end..toks[j + 1].start];
            gap.chars().all(|c| is_space(c) || c == ',')
        });
    let name_key = variants::fold(&s.text[name.clone()]);
    Some(Mention {
        range: start..t_last.outer_end,
        name_text: s.normalised(name.clone()),
        name,
        honorific: honorific_range
            .clone()
            .map(|r| s.normalised(r).trim_end_matches('.').to_string()),
        role,
        gender: honorific_gender.or(given_gender),
        possessive: t_last.possessive,
        bare: !confident,
        sentence_start: toks[if k < i { k } else { i }].sentence_start,
        heading: s.kinds.get(toks[i].line).is_some_and(|k| k.0),
        honorific_range,
        given,
        surname_key: variants::fold(&surname_text),
        name_key,
        core_key: variants::fold(last_word),
        surname_text,
        given_key: given_text.as_deref().map(|g| {
            // `Donald Trump Jr.` is not Donald Trump.
            let mut k = variants::fold(g);
            if let Some(sfx) = suffix {
                k.push('~');
                k.push_str(&variants::fold(sfx));
            }
            k
        }),
        given_text,
        surname_range,
    })
}

/// Whether a title word (`State`, `the Exchequer`) follows a connector in a
/// role: `Secretary of State Antony Blinken`, not `founder of France Unbowed`.
fn title_follows(s: &Scan<'_>, k: usize) -> bool {
    let k = if s.toks.get(k).is_some_and(|_| s.word(k) == "the") {
        k + 1
    } else {
        k
    };
    k < s.toks.len()
        && (matches!(s.lexical(k), Some(Lexical::Title { .. }))
            || s.word(k) == "Exchequer"
            || s.role_word(k).is_some())
}

/// `, the US secretary of state,` after token `j`: the role, determiner kept.
fn appositive(s: &Scan<'_>, j: usize) -> Option<String> {
    let toks = &s.toks;
    let first = j + 1;
    let t = toks.get(first)?;
    let gap = &s.text[toks[j].outer_end..t.start];
    if gap.trim_end_matches(is_space) != "," {
        return None;
    }
    let mut head = false;
    let mut e = first;
    loop {
        let p = e;
        let ok = match toks[p].shape {
            Shape::Lower | Shape::Particle => {
                let w = s.word(p);
                let role = s.role_word(p);
                head |= role == Some(true);
                role.is_some()
                    || DETERMINERS.contains(&w)
                    || CONNECTORS.contains(&w)
                    || toks[p].possessive
                    || matches!(w, "top" | "chief" | "senior" | "former" | "then")
            }
            Shape::Cap | Shape::AllCaps | Shape::Initials => {
                head |= s.title_head(p) == Some(true) || s.role_word(p) == Some(true);
                !matches!(s.lexical(p), Some(Lexical::Honorific(_)))
            }
            _ => false,
        };
        if !ok || e - first >= 10 {
            return None;
        }
        let Some(next) = toks.get(p + 1) else {
            break;
        };
        if next.gap_space {
            e += 1;
            continue;
        }
        let gap = &s.text[toks[p].outer_end..next.start];
        if gap.starts_with([',', ';', '.', ')', '—', '–', ':']) {
            break;
        }
        return None;
    }
    // `Jill Biden, Sgt. Mark Rowe`: a title abbreviation starts the next name.
    if !head
        || (toks[e].period
            && matches!(
                s.lexical(e),
                Some(Lexical::Honorific(_) | Lexical::Title { .. })
            ))
    {
        return None;
    }
    // The phrase ends at punctuation or the end of the paragraph.
    let end = toks[e].outer_end;
    let after = s.text[end..].chars().next();
    if !(after.is_none() || after.is_some_and(|c| ",;.)—–:".contains(c))) {
        return None;
    }
    Some(s.normalised(toks[first].start..toks[e].end))
}

#[cfg(test)]
mod tests;
