//! Desk placeholders left in copy: `TK`, `XX` for a figure, `[CHECK]`, `[[notes]]`.
//!
//! One pass of a small Aho-Corasick automaton finds the only places a
//! built-in placeholder can start (`TK`, `XX`/`xx`, `[`); each candidate is
//! then judged by its token and its neighbouring words, so the cost is linear
//! in the text and nothing is allocated where nothing matches.
//!
//! Shapes:
//! - `TK`/`TKTK` as a whole token ([`PlaceholderKind::ToCome`]), unless it is
//!   part of a name (`TK Maxx`: next word capitalised), a handle, a domain or a
//!   compound (`@TK`, `site.TK`, `TK-421`), or a currency (`TK 500`, taka).
//! - a figure written with X ([`PlaceholderKind::Figure`]): `£XXm`, `$XX billion`,
//!   `XX per cent`, `XX%`, `XXX people`, `aged XX`, `20XX`, `1,XXX`, lower-case
//!   `xx` alike. A bare `XX` counts only with a figure beside it (a unit or
//!   count noun after, a figure cue such as `aged`/`about`/`of` before, or a
//!   sentence end after); after another capitalised word it is a Roman
//!   numeral or a name (`Pope Pius XX`, `Super Bowl XX`, `The xx`), and before
//!   an ordinary noun it is a term (`the XX chromosome`). After an honorific
//!   (`Mr XX`) it stands for a name: [`PlaceholderKind::ToCome`].
//! - `[CHECK]`, `[TK]`, `[TBC: date]`, `[INSERT QUOTE]`, `[NAME]`… (a desk
//!   keyword at the start of a bracket, any case; `name`, `link`, `figure` and
//!   other words that also occur in editorial insertions count only alone, with
//!   a colon or in capitals): [`PlaceholderKind::DeskNote`]. Markdown links
//!   `[Link](…)`, footnotes `[^1]`, `[sic]`, `[pictured]`, `[2]` are not notes.
//! - `[[anything]]`: [`PlaceholderKind::EditorNote`].

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

/// What a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceholderKind {
    /// `TK` / `TKTK`: a fact to come.
    ToCome,
    /// `XX` / `XXX` / `£XXm`: a figure to fill in.
    Figure,
    /// `[CHECK]` and other bracketed desk notes.
    DeskNote,
    /// `[[…]]`: an editor's note.
    EditorNote,
    /// Matched a pattern from the configuration.
    Custom,
}

/// One placeholder, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderHit {
    pub range: Range<usize>,
    pub kind: PlaceholderKind,
    /// The placeholder as written (for the message).
    pub text: String,
}

/// Finds placeholders. Built-in shapes plus configured regexes.
#[derive(Debug)]
pub struct PlaceholderMatcher {
    extra: Vec<Regex>,
}

/// Where a built-in placeholder can start.
static CANDIDATES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(["[[", "[", "TK", "XX", "xx"])
        .map_err(|e| tracing::error!("placeholder automaton: {e}"))
        .ok()
});

/// Longest bracketed note judged as one (bytes).
const MAX_NOTE: usize = 400;

impl PlaceholderMatcher {
    pub fn new(extra: Vec<Regex>) -> Self {
        Self { extra }
    }

    /// Hits in a paragraph's text, ordered by start, non-overlapping.
    pub fn scan(&self, text: &str) -> Vec<PlaceholderHit> {
        let mut out: Vec<PlaceholderHit> = Vec::new();
        if let Some(ac) = CANDIDATES.as_ref() {
            let mut resume = 0;
            for m in ac.find_iter(text) {
                if m.start() < resume {
                    continue;
                }
                let found = match &text.as_bytes()[m.start()] {
                    b'[' if m.len() == 2 => Some(editor_note(text, m.start())),
                    b'[' => desk_note(text, m.start()),
                    b'T' => to_come(text, m.start()),
                    _ => figure(text, m.start()),
                };
                if let Some((range, kind)) = found {
                    resume = range.end;
                    push(&mut out, text, range, kind);
                } else {
                    // Skip the rest of the token that was judged (`XXXX`, `TKTK`).
                    resume = m.end();
                }
            }
        }
        for r in &self.extra {
            for m in r.find_iter(text).filter(|m| !m.is_empty()) {
                push(&mut out, text, m.range(), PlaceholderKind::Custom);
            }
        }
        if !self.extra.is_empty() {
            // Earliest first; of two at one start, the longer; drop overlaps.
            out.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
            let mut kept: Vec<PlaceholderHit> = Vec::with_capacity(out.len());
            for h in out {
                if kept.last().is_none_or(|k| h.range.start >= k.range.end) {
                    kept.push(h);
                }
            }
            out = kept;
        }
        out
    }
}

fn push(out: &mut Vec<PlaceholderHit>, text: &str, range: Range<usize>, kind: PlaceholderKind) {
    if let Some(t) = text.get(range.clone()) {
        out.push(PlaceholderHit {
            range,
            kind,
            text: t.to_string(),
        });
    }
}

/// `[[…]]` from `start`: to the closing `]]`, else to the end of the line.
fn editor_note(text: &str, start: usize) -> (Range<usize>, PlaceholderKind) {
    let rest = &text[start + 2..];
    let end = match rest.find("]]") {
        Some(i) => start + 2 + i + 2,
        None => start + 2 + rest.find(['\n', '\r']).unwrap_or(rest.len()),
    };
    (start..end, PlaceholderKind::EditorNote)
}

/// Desk keywords that are never anything else at the start of a bracket.
const STRONG_NOTES: &[&str] = &[
    "check",
    "tk",
    "tktk",
    "tbc",
    "tba",
    "tbd",
    "to come",
    "to follow",
    "insert",
    "confirm",
    "verify",
    "fact check",
    "fact-check",
    "factcheck",
    "todo",
    "fixme",
    "nb",
    "query",
    "qy",
    "xx",
    "xxx",
    "needs",
    "need",
    "add",
];

/// Desk keywords that also start editorial insertions (`[Name of the firm]`
/// is a note, but `[Number 10]` in a quote is not): notes only alone, with a
/// colon or question mark, or in capitals.
const WEAK_NOTES: &[&str] = &[
    "name",
    "names",
    "figure",
    "fig",
    "number",
    "link",
    "url",
    "quote",
    "date",
    "age",
    "pic",
    "photo",
    "picture",
    "headline",
    "hed",
    "caption",
    "update",
    "details",
    "source",
    "placeholder",
];

/// A desk note `[CHECK…]` at `start` (the `[`).
fn desk_note(text: &str, start: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let inner_start = start + 1;
    let window_end = floor_boundary(text, (inner_start + MAX_NOTE).min(text.len()));
    let window = &text[inner_start..window_end];
    let close = window.find([']', '[', '\n', '\r']);
    let (inner, closed) = match close {
        Some(i) if window.as_bytes()[i] == b']' => (&window[..i], true),
        Some(i) => (&window[..i], false),
        None => (window, false),
    };
    let body = inner.trim_start_matches([' ', '\t']);
    let lower_head: String = body
        .chars()
        .take(12)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let keyword_len = |words: &[&str]| {
        words
            .iter()
            .filter(|w| {
                lower_head.starts_with(**w)
                    && lower_head[w.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|w| w.len())
            .max()
    };
    let strong = keyword_len(STRONG_NOTES);
    let weak = keyword_len(WEAK_NOTES);
    let kw = match (strong, weak) {
        (Some(n), _) => n,
        (None, Some(n)) => {
            let after = body[n..].trim_start();
            let alone = after.is_empty() || after.starts_with([':', '?', '-', '–', '—']);
            let capitals = !body.chars().any(char::is_lowercase);
            let next: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let to_come = matches!(
                next.as_str(),
                "of" | "to" | "here" | "tk" | "tbc" | "tba" | "needed" | "please" | "missing"
            );
            if !(alone || capitals || to_come) {
                return None;
            }
            n
        }
        (None, None) => return None,
    };
    if closed {
        let end = inner_start + inner.len() + 1;
        // `[Link](https://…)` is a Markdown link, not a note.
        if text[end..].starts_with('(') {
            return None;
        }
        Some((start..end, PlaceholderKind::DeskNote))
    } else {
        let lead = inner.len() - body.len();
        Some((start..inner_start + lead + kw, PlaceholderKind::DeskNote))
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `c` joins letters into one token for these checks.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The word just before `i`, across horizontal space only (a trailing `.`
/// of an abbreviation kept out).
fn prev_word(text: &str, i: usize) -> Option<&str> {
    let before = &text[..i];
    let trimmed = before.trim_end_matches(is_space);
    if trimmed.len() == before.len() {
        return None;
    }
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || c == '-' || c == '\'' || c == '’')
        .last()
        .map(|(j, _)| j)?;
    Some(&trimmed[start..])
}

/// The word just after `i`, across horizontal space or one hyphen.
fn next_word(text: &str, i: usize) -> Option<&str> {
    let after = &text[i..];
    let trimmed = after.trim_start_matches(is_space);
    let trimmed = if trimmed.len() == after.len() {
        trimmed.strip_prefix(['-', '‑'])?
    } else {
        trimmed
    };
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !(is_word_char(c) || c == '%'))
        .map_or(trimmed.len(), |(j, _)| j);
    (end > 0).then(|| &trimmed[..end])
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev",
];

fn is_honorific(word: &str) -> bool {
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// `TK`/`TKTK` at `start`.
fn to_come(text: &str, start: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let bytes = text.as_bytes();
    let mut end = start;
    while bytes.get(end..end + 2) == Some(b"TK") {
        end += 2;
    }
    if char_before(text, start).is_some_and(|c| is_word_char(c) || "@#/.&-\\$".contains(c)) {
        return None;
    }
    match char_at(text, end) {
        Some(c) if is_word_char(c) => return None,
        // A compound, domain or path: `TK-421`, `TK.com`, `TK/2`.
        Some('-' | '.' | '/' | '@' | '_')
            if char_at(text, end + 1).is_some_and(char::is_alphanumeric) =>
        {
            return None
        }
        _ => {}
    }
    if end - start == 2 {
        // Part of a name (`TK Maxx`, `TK Elevator`) or the taka (`TK 500`).
        if next_word(text, end)
            .is_some_and(|w| is_capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && !text[end..].starts_with(['-', '‑'])
        {
            return None;
        }
    }
    Some((start..end, PlaceholderKind::ToCome))
}

/// Units written straight after a figure: `£XXm`, `XXbn`, `XX%`, `XXkg`.
const SUFFIXES: &[&str] = &[
    "m", "bn", "b", "tn", "trn", "k", "mn", "p", "pc", "%", "mph", "kph", "km", "kg", "g", "lb",
    "lbs", "ft", "cm", "mm", "ml", "st", "th", "s", "mw", "gw", "ha",
];

/// Words that count or measure: a bare `XX` before one of these is a figure.
/// Months, full and short: `XX March` and `March XX` are dates to fill in.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const FIGURE_NEXT: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "m",
    "k",
    "per",
    "percent",
    "%",
    "pc",
    "people",
    "persons",
    "year",
    "years",
    "yr",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "hrs",
    "minute",
    "minutes",
    "mins",
    "second",
    "seconds",
    "times",
    "mile",
    "miles",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "feet",
    "ft",
    "inches",
    "pounds",
    "dollars",
    "euros",
    "pence",
    "cents",
    "points",
    "pts",
    "votes",
    "seats",
    "jobs",
    "homes",
    "houses",
    "children",
    "adults",
    "patients",
    "deaths",
    "cases",
    "staff",
    "workers",
    "employees",
    "members",
    "officers",
    "troops",
    "soldiers",
    "passengers",
    "students",
    "pupils",
    "residents",
    "families",
    "victims",
    "injuries",
    "arrests",
    "units",
    "copies",
    "tonnes",
    "tons",
    "kg",
    "acres",
    "hectares",
    "degrees",
    "mph",
    "runs",
    "goals",
    "games",
    "matches",
    "wickets",
    "signatures",
    "customers",
    "users",
    "households",
    "businesses",
    "companies",
    "firms",
    "countries",
    "schools",
    "hospitals",
    "beds",
    "sites",
    "stores",
    "shops",
    "branches",
    "cars",
    "vehicles",
    "flights",
    "visitors",
    "fans",
    "spectators",
    "applications",
    "complaints",
    "offences",
    "crimes",
    "incidents",
    "deaths",
    "bodies",
    "animals",
    "weeks",
    "pages",
    "words",
    "items",
    "and",
    "or",
    "to",
    "out",
];

/// Words after which a bare `XX` is a figure whatever follows.
const STRONG_FIGURE_CUES: &[&str] = &[
    "aged",
    "age",
    "ages",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "than",
    "least",
    "fined",
    "costing",
    "worth",
    "totalling",
    "totaling",
    "no",
    "number",
];

/// Words that can follow a figure in a clause: `rose to XX in March`.
const LINKING_WORDS: &[&str] = &[
    "in", "on", "at", "by", "from", "to", "and", "or", "for", "since", "after", "before", "last",
    "this", "next", "a", "an", "the", "per", "each", "over", "under",
];

/// Words after which a bare `XX` is a figure if a figure could follow.
const FIGURE_CUE_BEFORE: &[&str] = &[
    "aged",
    "age",
    "ages",
    "of",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "than",
    "least",
    "most",
    "to",
    "from",
    "by",
    "only",
    "just",
    "over",
    "under",
    "total",
    "totalling",
    "totaling",
    "costing",
    "cost",
    "costs",
    "worth",
    "paid",
    "pay",
    "fined",
    "raised",
    "rose",
    "fell",
    "reached",
    "hit",
    "up",
    "down",
    "no",
    "number",
    "killed",
    "injured",
    "employs",
    "employed",
    "sold",
    "earned",
    "lost",
    "won",
    "scored",
    "topped",
    "exceeded",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "at",
    "on",
    "in",
    "estimated",
    "expected",
    "another",
    "extra",
    "additional",
    "top",
    "record",
    "with",
];

/// A word after a bare `XX` that makes it a figure (a unit, a count noun, a month).
fn figure_next(word: &str) -> bool {
    in_list(FIGURE_NEXT, word) || in_list(MONTHS, word)
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥' | '₹' | '₩' | '₽' | '₦' | '₺')
}

/// A figure written with X around the `XX`/`xx` at `at`.
fn figure(text: &str, at: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let bytes = text.as_bytes();
    let x = bytes[at];
    // The token: digits, this case of X, and `.`/`,` between them.
    let is_part = |b: u8| b == x || b.is_ascii_digit();
    let mut start = at;
    while start > 0 {
        let b = bytes[start - 1];
        let sep = (b == b'.' || b == b',') && start >= 2 && is_part(bytes[start - 2]);
        if !(is_part(b) || sep) {
            break;
        }
        start -= 1;
    }
    let mut num_end = at;
    while num_end < bytes.len() {
        let b = bytes[num_end];
        let sep = (b == b'.' || b == b',') && bytes.get(num_end + 1).is_some_and(|&n| is_part(n));
        if !(is_part(b) || sep) {
            break;
        }
        num_end += 1;
    }
    let number = &text[start..num_end];
    let xs = number.bytes().filter(|&b| b == x).count();
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let separated = number.contains(['.', ',']);
    // Letters glued on before: part of a word (`Exxon`, `MXX`) unless a currency code.
    let mut range_start = start;
    let mut currency = false;
    match char_before(text, start) {
        Some(c) if is_currency(c) => {
            currency = true;
            range_start = start - c.len_utf8();
            // `US$`, `A$`, `HK$`.
            let code_start = text[..range_start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_ascii_uppercase())
                .last()
                .map_or(range_start, |(j, _)| j);
            if range_start - code_start <= 3
                && char_before(text, code_start).is_none_or(|c| !is_word_char(c))
            {
                range_start = code_start;
            }
        }
        Some(c) if is_word_char(c) => return None,
        _ => {}
    }
    // A unit glued on after.
    let suffix_end = text[num_end..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '%'))
        .map_or(text.len(), |(j, _)| num_end + j);
    let suffix = &text[num_end..suffix_end];
    let has_suffix = !suffix.is_empty();
    if has_suffix && !in_list(SUFFIXES, suffix) {
        return None; // `XXL`, `XXI`, `xxx`-words.
    }
    if char_at(text, suffix_end).is_some_and(is_word_char) {
        return None;
    }
    if xs < 2 && !(xs == 1 && (separated || currency)) {
        return None;
    }
    if digits > 0 && !(digits >= 2 || separated || currency) {
        return None; // `4xx` errors.
    }
    let range = range_start..suffix_end;
    if currency || (has_suffix && suffix != "s" && suffix != "th") || digits > 0 || separated {
        return Some((range, PlaceholderKind::Figure));
    }
    if has_suffix {
        return None; // `XXs`, `XXth` alone are too odd to judge.
    }
    // A bare run of X: judge by its neighbours.
    if xs > 4 {
        return None;
    }
    let prev = prev_word(text, start);
    let after_article = prev.is_some_and(|p| in_list(ARTICLES, p));
    if let Some(p) = prev.filter(|_| !after_article) {
        if is_honorific(p) {
            return (x == b'X').then_some((range, PlaceholderKind::ToCome));
        }
        if in_list(STRONG_FIGURE_CUES, p) {
            return Some((range, PlaceholderKind::Figure));
        }
        if in_list(FIGURE_CUE_BEFORE, p) || in_list(MONTHS, p) {
            // `rose to XX in March`, `was XX.`; but `with XX chromosomes` is a term.
            let next = next_word(text, num_end);
            if next.is_none_or(|w| figure_next(w) || in_list(LINKING_WORDS, w)) {
                return Some((range, PlaceholderKind::Figure));
            }
            return None;
        }
        // `Pope Pius XX`, `Super Bowl XX`; but not `on Monday, XX centimetres`.
        let punct_between = text[..start]
            .trim_end_matches(is_space)
            .ends_with(|c: char| !c.is_alphanumeric());
        if is_capitalised(p) && !punct_between {
            return None;
        }
    }
    match next_word(text, num_end) {
        Some(w) if figure_next(w) => Some((range, PlaceholderKind::Figure)),
        // `XX centimetres`, `XX firefighters`: a count of a plural noun.
        Some(w) if !after_article && is_plural_noun(w) => Some((range, PlaceholderKind::Figure)),
        // `the XX chromosome`, `The xx headlined`: a term or a name.
        Some(_) => None,
        None => {
            // End of a sentence or clause: `The total was XX.`
            let after = text[num_end..].trim_start_matches(is_space);
            let ends = after.is_empty()
                || after.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n', '\r', '”', '"']);
            (ends && !after_article).then_some((range, PlaceholderKind::Figure))
        }
    }
}

/// A lower-case word that reads as a plural noun (`centimetres`, `firefighters`).
fn is_plural_noun(w: &str) -> bool {
    const NOT_PLURAL: &[&str] = &[
        "across",
        "afterwards",
        "always",
        "besides",
        "does",
        "hers",
        "less",
        "nevertheless",
        "ours",
        "perhaps",
        "plus",
        "theirs",
        "this",
        "thus",
        "towards",
        "unless",
        "whereas",
    ];
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_PLURAL.contains(&w)
}

/// Determiners: after one, a bare `XX` needs a count noun to be a figure.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(PlaceholderKind, String)> {
        PlaceholderMatcher::new(Vec::new())
            .scan(text)
            .into_iter()
            .map(|h| {
                assert_eq!(&text[h.range.clone()], h.text);
                (h.kind, h.text)
            })
            .collect()
    }

    use PlaceholderKind::*;

    #[test]
    fn to_come_tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("The fire started at TK on Tuesday, police said.", &["TK"]),
            ("Mr Hughes, TK, from Leeds, was arrested.", &["TK"]),
            ("The council will vote on TKTK.", &["TKTK"]),
            ("TK\u{a0}said the plans would go ahead.", &["TK"]),
            (
                "She was appointed in TK.\r\nHe declined to comment.",
                &["TK"],
            ),
            ("The drug costs (TK) a dose 💊 in the US.", &["TK"]),
            ("“We will do it by TK,” he said.", &["TK"]),
        ];
        for (text, want) in cases {
            let got = scan(text);
            let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(&texts, want, "{text}");
            assert!(got.iter().all(|(k, _)| *k == ToCome), "{text}");
        }
    }

    #[test]
    fn tk_in_names_and_words_is_not_a_placeholder() {
        for text in [
            "Shoppers queued outside TK Maxx in Croydon.",
            "The lift maker TK Elevator cut 500 jobs.",
            "The video went viral on TikTok.",
            "He won by TKO in the third round.",
            "Follow the club on Instagram @TK and on X.",
            "The domain visit.TK was seized.",
            "A stormtrooper, TK-421, guarded the door.",
            "The fare is TK 500 in Dhaka.",
            "Shares in OTK and TKH rose.",
            "the tk in lower case is not a desk mark",
        ] {
            assert_eq!(scan(text), vec![], "{text}");
        }
    }

    #[test]
    fn figures_with_x() {
        let cases: &[(&str, &str)] = &[
            ("The scheme will cost £XXm over five years.", "£XXm"),
            ("Investors poured $XX billion into the fund.", "$XX"),
            ("Inflation rose to XX per cent in March.", "XX"),
            (
                "The river peaked on Monday, XX centimetres above the record.",
                "XX",
            ),
            ("Crews said XX firefighters were at the scene.", "XX"),
            ("Turnout was XX%, the commission said.", "XX%"),
            ("XXX people were evacuated from the tower.", "XXX"),
            ("The victim, aged XX, was from Bristol.", "XX"),
            ("The firm made a profit of £xxbn last year.", "£xxbn"),
            ("Some xx families have been rehoused.", "xx"),
            ("The building opened in 20XX after delays.", "20XX"),
            ("A total of 1,XXX homes were without power.", "1,XXX"),
            ("The deal was worth US$XXm, sources said.", "US$XXm"),
            ("A XX-year-old man has been charged.", "XX"),
            ("The hearing is on XX March.", "XX"),
            ("The final score was XX.", "XX"),
            ("It costs €X.XXbn a year.", "€X.XXbn"),
            ("Unemployment rose to XX in March.", "XX"),
            ("The firm was fined XX after the inquiry.", "XX"),
        ];
        for (text, want) in cases {
            let got = scan(text);
            assert_eq!(got, vec![(Figure, want.to_string())], "{text}");
        }
    }

    #[test]
    fn x_in_numerals_terms_and_words_is_not_a_figure() {
        for text in [
            "Pope Pius XX never existed, the historian said.",
            "The Giants won Super Bowl XX in 1986.",
            "Louis XIV built Versailles.",
            "The XXL size sold out within hours.",
            "Women usually have the XX chromosome pair.",
            "The xx headlined the festival on Saturday.",
            "Exxon shares fell 2% on Friday.",
            "The server returned 5xx errors all night.",
            "The XXI Olympic Winter Games were held in Vancouver.",
            "It was rated XXX by the censors in 1972, the archive shows.",
            "Women with XX chromosomes were included in the study.",
            "The gene is found in XX females only.",
        ] {
            assert_eq!(scan(text), vec![], "{text}");
        }
    }

    #[test]
    fn name_to_come_after_an_honorific() {
        assert_eq!(
            scan("Mr XX, who lives nearby, called police."),
            vec![(ToCome, "XX".to_string())]
        );
    }

    #[test]
    fn desk_and_editor_notes() {
        let cases: &[(&str, PlaceholderKind, &str)] = &[
            (
                "The minister [CHECK] resigned in 2019.",
                DeskNote,
                "[CHECK]",
            ),
            (
                "Ms Nowak [CHECK: spelling of name] said.",
                DeskNote,
                "[CHECK: spelling of name]",
            ),
            ("The trial starts on [TK].", DeskNote, "[TK]"),
            ("It opens in [tbc] next year.", DeskNote, "[tbc]"),
            ("He said: [INSERT QUOTE]", DeskNote, "[INSERT QUOTE]"),
            ("The victim, [NAME], was 34.", DeskNote, "[NAME]"),
            ("Revenue rose to [FIGURE] in 2025.", DeskNote, "[FIGURE]"),
            ("More details at [Link].", DeskNote, "[Link]"),
            (
                "The firm [name of firm TK] denied it.",
                DeskNote,
                "[name of firm TK]",
            ),
            (
                "[TO COME: reaction from Downing Street]",
                DeskNote,
                "[TO COME: reaction from Downing Street]",
            ),
            (
                "Police said [[Jo: can we stand this up?]] the man fled.",
                EditorNote,
                "[[Jo: can we stand this up?]]",
            ),
            (
                "The firm denied it. [[legal to read",
                EditorNote,
                "[[legal to read",
            ),
            ("The total is [check", DeskNote, "[check"),
        ];
        for (text, kind, want) in cases {
            assert_eq!(scan(text), vec![(*kind, want.to_string())], "{text}");
        }
    }

    #[test]
    fn editorial_insertions_are_not_notes() {
        for text in [
            "“It was [sic] a disaster,” she said.",
            "Mr Okafor [pictured] denied the claims.",
            "The study found a rise [2] in cases.",
            "“[Number 10] knew all along,” the source said.",
            "“I told [the minister] that,” he said.",
            "See the [link to the report](https://example.com/report) for details.",
            "A footnote[^1] follows.",
            "He was [checked] twice.",
        ] {
            assert_eq!(scan(text), vec![], "{text}");
        }
    }

    #[test]
    fn several_hits_in_order_without_overlap() {
        let text =
            "Mr Grant, TK, said the £XXm scheme [CHECK] would create XXX jobs.\n[[cut if short]]";
        let got = scan(text);
        let kinds: Vec<PlaceholderKind> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, vec![ToCome, Figure, DeskNote, Figure, EditorNote]);
    }

    #[test]
    fn configured_patterns_add_custom_hits_and_never_overlap() {
        let m = PlaceholderMatcher::new(vec![
            Regex::new(r"\?\?\?").unwrap(),
            Regex::new(r"\[CHECK\]").unwrap(),
            Regex::new(r"x*").unwrap(),
        ]);
        let text = "Turnout was ??? [CHECK] and TK.";
        let hits = m.scan(text);
        let got: Vec<(PlaceholderKind, &str)> = hits
            .iter()
            .map(|h| (h.kind, &text[h.range.clone()]))
            .collect();
        assert_eq!(
            got,
            vec![(Custom, "???"), (DeskNote, "[CHECK]"), (ToCome, "TK")]
        );
    }

    proptest::proptest! {
        #[test]
        fn hits_are_ordered_disjoint_and_on_char_boundaries(
            text in r"([TKXx\[\]£$%,. \n\u{a0}é’“”🔥a-zA-Z0-9]|CHECK|TK|XX|\[\[|\]\]|Mr ){0,40}"
        ) {
            let hits = PlaceholderMatcher::new(vec![Regex::new("K+").unwrap()]).scan(&text);
            let mut at = 0;
            for h in &hits {
                proptest::prop_assert!(h.range.start >= at && h.range.start < h.range.end);
                proptest::prop_assert_eq!(text.get(h.range.clone()), Some(h.text.as_str()));
                at = h.range.end;
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "[",
            "[[",
            "]]",
            "TK",
            "XX",
            "£XX",
            "£",
            "xx€",
            "[CHECK",
            "é[[é",
            "ÉXXé",
            "TKé",
            "\u{a0}TK\u{a0}",
            "1,XX,",
            "XX.",
            ",XX",
            "[\u{2028}CHECK]",
            "XX\u{a0}\u{a0}",
        ] {
            let _ = scan(text);
        }
    }
}
