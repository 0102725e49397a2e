//! Words of a paragraph as the name scanner sees them: each token's shape
//! (capitalised, initial, particle…), possessive and full stop, and each
//! line's kind (heading, title case).

use std::ops::Range;

use crate::lexicon::names::{is_particle, is_particle_prefix, GAZETTEER};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
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
pub(super) struct Tok {
    pub(super) start: usize,
    /// End of the word without a possessive `’s`.
    pub(super) end: usize,
    /// End including the possessive (`’s`, or the `’` of `Davies’`).
    pub(super) outer_end: usize,
    pub(super) shape: Shape,
    pub(super) possessive: bool,
    /// A full stop follows the word.
    pub(super) period: bool,
    pub(super) sentence_start: bool,
    /// The gap from the previous token is whitespace only.
    pub(super) gap_space: bool,
    /// The gap from the previous token is `.` then whitespace.
    pub(super) gap_dot_space: bool,
    pub(super) line: usize,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

pub(super) fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | 'ʼ')
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

pub(super) fn shape_of(w: &str) -> Shape {
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
            // `FoleyFlagShareLikeReply`: words run together by a web page's
            // buttons, not a name (`McDonald`, `DeSantis` have one inner capital).
            return if inner_capitals(w) > 1 {
                Shape::Other
            } else {
                Shape::Cap
            };
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
        if is_particle(w) {
            return Shape::Particle;
        }
        // `al-Sisi`, `d’Estaing`, `bin-Salman`: a particle joined to a capitalised name.
        if let Some(pos) = w.find(is_inner_joiner) {
            let (prefix, rest) = w.split_at(pos);
            let after = rest.chars().next().map_or("", |j| &rest[j.len_utf8()..]);
            let cap_after = after.chars().next().is_some_and(char::is_uppercase)
                && after.chars().any(char::is_lowercase);
            if cap_after && is_particle_prefix(prefix) {
                return Shape::Cap;
            }
        }
        return Shape::Lower;
    }
    Shape::Other
}

/// How many capitals follow a lower-case letter in a word.
fn inner_capitals(w: &str) -> usize {
    let mut n = 0;
    let mut prev_lower = false;
    for c in w.chars() {
        n += usize::from(prev_lower && c.is_uppercase());
        prev_lower = c.is_lowercase();
    }
    n
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
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

/// A line without the closing quotes, brackets and emphasis that may follow
/// its last word or stop.
fn without_closers(line: &str) -> &str {
    line.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»' | '*' | '_')
    })
}

/// Whether a line of a paragraph ends a sentence (after closing quotes and brackets).
fn line_terminated(line: &str) -> bool {
    without_closers(line).ends_with(['.', '!', '?', ':', ';', '…', ','])
}

/// Per line: (heading, title case). A hard-wrapped paragraph is read as one
/// line: every piece of it has the kind of the whole.
pub(super) fn line_kinds(text: &str, lines: &[Range<usize>]) -> Vec<(bool, bool)> {
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
        .enumerate()
        .map(|(i, l)| {
            let (heading, title_case) = line_kind(&text[l.clone()], lines.len() == 1);
            // A line after one that breaks off at a comma or a dash carries
            // on its sentence (a sign-off wrapped onto a line of its own:
            // `…on the left.” ―` / `Nell Carden Grey`): no headline.
            let carried = i > 0 && continues(&text[lines[i - 1].clone()]);
            (heading, title_case && !carried)
        })
        .collect()
}

/// Whether a line breaks off mid-sentence, at a comma or a dash.
fn continues(line: &str) -> bool {
    line.trim_end().ends_with([',', '―', '—', '–', '-'])
}

/// A word of four letters or more, letters only: the words a headline's
/// case is judged by.
fn is_long_word(w: &str) -> bool {
    w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)
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
        if is_long_word(w) {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
    }
    // A headline may carry a full stop (some feeds add one): a line alone
    // in its paragraph whose long words are all capitalised (but the
    // prepositions some styles keep lower) is one. Not a sentence that
    // names many people and places (`World 5000m champion Eliud Kipchoge
    // won the 9.2km race at the Great Edinburgh Cross Country.`). A list of
    // names (`Ann Lee, Bo Kim.`) is no headline.
    let headline_stop = alone
        && without_closers(line).ends_with('.')
        && !line.contains([',', ';'])
        && line.split_whitespace().count() <= 20
        && caps * 10 >= long * 8
        && line.split(|c: char| !is_word_char(c)).all(|w| {
            // (Lower-case long words Title Case would capitalise.)
            !is_long_word(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                || crate::lexicon::names::title_case_lower().contains(w)
        });
    let title_case = (unterminated || headline_stop) && long >= 3 && caps * 10 >= long * 7;
    (heading, title_case)
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

/// A generational suffix that ends a name and is not its surname (`Jr`).
pub(super) fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "Jnr" | "Snr")
}
