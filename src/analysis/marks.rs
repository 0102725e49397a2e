//! Quote marks in one paragraph (pure): pairs marks into quotes, tells
//! apostrophes from single quote marks, and records stray or mismatched
//! marks. What a quote holds (full, partial, title) and who said it are
//! decided above this (`quotes`, `cues`).
//!
//! A quote that runs over paragraphs reopens each paragraph and closes only in
//! the last: here it is a span whose `close` is `None` ("opens but does not
//! close"); the article pass joins the pieces.

use std::ops::Range;

use crate::lexicon::quotes as lex;

/// Double (“ ” " « » „) or single (‘ ’ ' ‚) marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    Double,
    Single,
}

/// What a quote holds, which decides whether it needs a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A clause or sentence of someone's words: needs attribution.
    Full,
    /// A fragment woven into the reporter's own sentence, or a scare quote.
    Partial,
    /// An all-title-case quote: the title of a book, film or programme.
    Title,
}

/// One pair of quote marks (or an opening mark that runs to the paragraph's end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The opening mark(s).
    pub open: Range<usize>,
    /// The closing mark(s); `None` when the quote runs to the paragraph's end.
    pub close: Option<Range<usize>>,
    pub family: Family,
    /// 0 for an outermost quote, 1 for a quote inside it, …
    pub depth: u8,
    pub kind: QuoteKind,
    /// Both marks (or the opening one) are straight `"`/`'`.
    pub straight: bool,
    /// The last character of the quoted words (punctuation included), if any.
    pub last_char: Option<char>,
    /// Where `last_char` is, paragraph-relative.
    pub last_char_at: Option<usize>,
    /// The opening mark as written (`“`, `‘`, `"`, `«`, `„`; `“` for `‘‘`).
    pub open_mark: char,
    /// The quote starts a sentence (paragraph start, or after `.`, `?`, `!`, `:`).
    pub sentence_start: bool,
    /// The quoted words, paragraph-relative: between the marks, or from the
    /// opening mark to the paragraph's end.
    pub content: Range<usize>,
    /// Punctuation with no words stands where an attribution would be: before
    /// the quote at its sentence's start (`: “…”`), or after it to its
    /// sentence's end (`“…,” .`) — the marks an attribution cut out leaves.
    pub stray: bool,
    /// The reporter's own words frame the quote in its sentence, even with
    /// no speaker to read: a lead-in colon (`From the report: “…”`), a
    /// speech verb and a comma (`as if to say, “…”`, `which notes, “…”`),
    /// or a credit after it (`“…,” by Times' Ben Sisario`).
    pub framed: bool,
    /// The reporter's words after a quote that ends in a comma comment on
    /// it rather than name its speaker (`“…,” a reference to the strike`,
    /// `“…,” a detail that …`): the quote waits for no cue of its own.
    pub remarked: bool,
}

impl QuoteSpan {
    /// Where the span ends: after its closing mark, or at the paragraph's end.
    pub fn end(&self, para_len: usize) -> usize {
        self.close.as_ref().map_or(para_len, |c| c.end)
    }
}

/// What is wrong with a mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkIssueKind {
    /// A closing mark with no opening mark.
    Unopened,
    /// An inner opening mark that never closes before its outer quote does.
    Unclosed,
    /// A mark standing where another belongs (`’’` or `''` closing a “ quote).
    Mismatched { replacement: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkIssue {
    pub range: Range<usize>,
    pub kind: MarkIssueKind,
}

/// A pair of marks as the pairing finds it, before it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub open: Range<usize>,
    pub close: Option<Range<usize>>,
    pub family: Family,
    pub depth: u8,
    pub straight: bool,
}

/// The marks of a paragraph, paired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// In order of their opening marks, nested ones included.
    pub pairs: Vec<Pair>,
    pub issues: Vec<MarkIssue>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    /// `„` or `‚`: closed by `“`/`‘` (or `”`/`’`).
    Low,
    Guillemet,
    /// `''`: two straight single marks typed for a double mark, as
    /// typewriter copy and some newspaper archives write every quote
    /// (`''We will fight back,'' Mr. Sanders said.`).
    Doubled,
}

struct Open {
    at: Range<usize>,
    family: Family,
    style: Style,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// A letter of a script without case (Korean, Chinese, Arabic): such
/// scripts have no apostrophe, and a particle follows a closing mark
/// unspaced (`‘간직’하는`).
fn uncased(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
}

/// Before an opening mark: start, space, or an opening bracket or dash.
fn is_open_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/“‘«„‚".contains(c))
}

/// After a closing mark: end, space or punctuation.
fn is_close_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-”’\"'»…".contains(c))
}

/// Pairs the marks of a paragraph's text.
pub fn pair(text: &str) -> Marks {
    let mut p = Pairing {
        text,
        stack: Vec::new(),
        out: Marks::default(),
    };
    // Only a quote mark does anything: go from one possible mark to the
    // next (`"`, `'`, and the lead bytes of `“ ” ‘ ’ ‚ „` and `« »`; a lead
    // byte is never inside another character). An HTML tag's marks are
    // markup, and `"` after feet (`6'3"`) is inches.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(k) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b'<' | 0xE2 | 0xC2))
    {
        let start = at + k;
        if let Some(len) = html_tag(text, start).or_else(|| feet_and_inches(text, start)) {
            at = start + len;
            continue;
        }
        if bytes[start] == b'<' {
            at = start + 1;
            continue;
        }
        let Some(c) = text[start..].chars().next() else {
            break;
        };
        at = start + p.mark(start, c);
    }
    p.finish()
}

/// An HTML tag starting at byte `at` (`<a href="…">`, `</tweet>`,
/// `<!-- … -->` on one line): its length in bytes. Its marks are markup,
/// not quotes.
fn html_tag(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix('<')?;
    let next = rest.chars().next()?;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!') {
        return None;
    }
    let name = rest
        .trim_start_matches(['/', '!'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .count();
    if name == 0 && next != '!' {
        return None;
    }
    let close = rest.char_indices().take(2000).find(|c| c.1 == '>')?.0;
    let inner = &rest[..close];
    // A comparison in prose (`x < y and y > z`) has an odd mark or a `<`.
    (inner.matches('"').count() % 2 == 0 && !inner.contains('<')).then_some(close + 2)
}

/// A double mark at byte `at` after feet and inches (`6'3"`, `5' 10"`,
/// `6’2”`, `5′11″`): a unit, not a quote. Returns its length to step over it.
fn feet_and_inches(text: &str, at: usize) -> Option<usize> {
    let mark = text[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '”' | '″'))?;
    let before = &text[..at];
    let inches = before.trim_end_matches(|c: char| c.is_ascii_digit());
    if inches.len() == before.len() {
        return None;
    }
    let foot = inches.strip_suffix(' ').unwrap_or(inches);
    let foot = foot
        .strip_suffix('\'')
        .or_else(|| foot.strip_suffix('’'))
        .or_else(|| foot.strip_suffix('′'))?;
    foot.ends_with(|c: char| c.is_ascii_digit())
        .then_some(mark.len_utf8())
}

/// The pairing's state: the marks still open, and what it found.
struct Pairing<'t> {
    text: &'t str,
    stack: Vec<Open>,
    out: Marks,
}

impl Pairing<'_> {
    /// The character before the mark at `at`.
    fn before(&self, at: &Range<usize>) -> Option<char> {
        self.text[..at.start].chars().next_back()
    }

    /// The `n`th character after the mark at `at` (0: the next one).
    fn after(&self, at: &Range<usize>, n: usize) -> Option<char> {
        self.text[at.end..].chars().nth(n)
    }

    fn top(&self, f: Family) -> Option<usize> {
        self.stack.iter().rposition(|o| o.family == f)
    }

    fn push(&mut self, at: Range<usize>, family: Family, style: Style) {
        self.stack.push(Open { at, family, style });
    }

    fn issue(&mut self, range: Range<usize>, kind: MarkIssueKind) {
        self.out.issues.push(MarkIssue { range, kind });
    }

    fn mismatched(&mut self, range: Range<usize>, replacement: &str) {
        let replacement = replacement.to_string();
        self.issue(range, MarkIssueKind::Mismatched { replacement });
    }

    /// Reads the character `c` at byte `at`; returns how many bytes it took
    /// (two marks read as one take both).
    fn mark(&mut self, at: usize, c: char) -> usize {
        let range = at..at + c.len_utf8();
        let taken = match c {
            '“' | '«' | '„' => {
                self.double_open(c, range.clone());
                range.clone()
            }
            '”' | '»' => {
                self.double_close(c, range.clone());
                range.clone()
            }
            '"' => {
                self.straight_double(range.clone());
                range.clone()
            }
            '‘' | '‚' => self.single_open(c, range.clone()),
            '’' | '\'' => self.single_close(c, range.clone()),
            _ => range.clone(),
        };
        taken.end - at
    }

    fn double_open(&mut self, c: char, at: Range<usize>) {
        let low_open = self
            .stack
            .last()
            .is_some_and(|o| o.family == Family::Double && o.style == Style::Low);
        let (prev, next) = (self.before(&at), self.after(&at, 0));
        if c == '“' && low_open {
            self.close(Family::Double, at);
        } else if c == '“'
            && self.top(Family::Double).is_some()
            && !is_open_context(prev)
            && next.is_none_or(char::is_whitespace)
        {
            // An opening mark used to close (`“Mostly False.“`): replace it.
            self.mismatched(at.clone(), "”");
            self.close(Family::Double, at);
        } else {
            // (““ typed for “ is not a thing: each is its own mark.)
            let style = match c {
                '«' => Style::Guillemet,
                '„' => Style::Low,
                _ => Style::Curly,
            };
            if c == '“' {
                self.end_joined_run_on(&at, Style::Curly);
            }
            self.push(at, Family::Double, style);
        }
    }

    /// Paragraphs joined into one line (`…," said Ms Ruiz, "but we will
    /// see. "If the imbalances …`, as archives and exports run them
    /// together): a quote in the same marks still open at the outer level,
    /// and a new one opening right after a sentence's end. The open quote
    /// ran on to the end of its paragraph, as quotes over paragraphs do; it
    /// ends (with no mark: an empty close) where that paragraph did.
    fn end_joined_run_on(&mut self, at: &Range<usize>, style: Style) {
        let [open] = &self.stack[..] else {
            return;
        };
        if open.family != Family::Double || open.style != style {
            return;
        }
        let before = self.text[open.at.end..at.start].trim_end_matches([' ', '\u{a0}']);
        let spaced = before.len() < at.start - open.at.end;
        // (The sentence may end inside a quote it quotes: `… think: 'This
        // is not my day.' "But then …`.)
        let ended = before
            .trim_end_matches(['\'', '’'])
            .ends_with(['.', '?', '!']);
        if spaced && ended && before.split_whitespace().count() >= 3 {
            let end = open.at.end + before.len();
            self.close(Family::Double, end..end);
        }
    }

    /// A `"` or `”` right after a digit while no double quote is open
    /// (`a 65" TV`, `22" wide`, `70"+ screens`): inches, not a quote.
    fn inches(&self, at: &Range<usize>) -> bool {
        self.before(at).is_some_and(|c| c.is_ascii_digit()) && self.top(Family::Double).is_none()
    }

    fn double_close(&mut self, c: char, at: Range<usize>) {
        if self.inches(&at) {
            return;
        }
        let (prev, next) = (self.before(&at), self.after(&at, 0));
        // `” … what I learned`: an opening that picks up mid-sentence.
        let elided = next == Some(' ')
            && matches!(self.after(&at, 1), Some('…'))
            && prev.is_none_or(char::is_whitespace);
        if self.top(Family::Double).is_none() && is_open_context(prev) && (is_word(next) || elided)
        {
            // A closing mark used to open: replace it.
            self.mismatched(at.clone(), if c == '”' { "“" } else { "«" });
            self.push(at, Family::Double, Style::Curly);
        } else {
            self.close(Family::Double, at);
        }
    }

    fn straight_double(&mut self, at: Range<usize>) {
        if self.inches(&at) {
            return;
        }
        let (prev, next) = (self.before(&at), self.after(&at, 0));
        let opens = match (is_open_context(prev), is_close_context(next)) {
            (true, false) => true,
            (false, true) => false,
            _ => self.top(Family::Double).is_none(),
        };
        if opens {
            self.end_joined_run_on(&at, Style::Straight);
            self.push(at, Family::Double, Style::Straight);
        } else {
            self.close(Family::Double, at);
        }
    }

    /// Returns the bytes the mark took (both of `‘‘`).
    fn single_open(&mut self, c: char, at: Range<usize>) -> Range<usize> {
        let (prev, next) = (self.before(&at), self.after(&at, 0));
        let low_single_open = self
            .stack
            .last()
            .is_some_and(|o| o.family == Family::Single && o.style == Style::Low);
        if c == '‘' && low_single_open {
            self.close(Family::Single, at.clone());
        } else if c == '‘' && next == Some('‘') && is_open_context(prev) {
            // ‘‘ typed for “.
            let both = at.start..at.end + '‘'.len_utf8();
            self.mismatched(both.clone(), "“");
            self.push(both.clone(), Family::Double, Style::Curly);
            return both;
        } else if c == '‘'
            && self.top(Family::Single).is_some()
            && prev.is_some_and(char::is_whitespace)
            && next.is_none_or(char::is_whitespace)
        {
            // `‘We’re on the vanguard, ‘ well`: an opening mark used to close.
            self.mismatched(at.clone(), "’");
            self.close(Family::Single, at.clone());
        } else if c == '‚' && !(is_open_context(prev) && is_word(next)) {
            // A low single comma lookalike used as a comma: not a mark.
        } else if c == '‘' && is_open_context(prev) && self.elision_after(&at) {
            // ‘em, ‘bout: an apostrophe of elision turned the wrong way.
            self.mismatched(at.clone(), "’");
        } else if c == '‘' && is_word(prev) && is_close_context(next) {
            // `CBS‘ Face the Nation`, `the Joneses‘.`: after a word and
            // before a space or punctuation the mark opens nothing. It
            // closes a single quote left open (`‘Go home‘, she said`), else
            // it is a possessive apostrophe turned the wrong way.
            self.mismatched(at.clone(), "’");
            if self.top(Family::Single).is_some() {
                self.close(Family::Single, at.clone());
            }
        } else if is_word(prev) && is_word(next) {
            // O‘Neill: a misturned apostrophe.
        } else if is_open_context(prev) && next.is_some_and(|n| n.is_ascii_digit()) {
            // ‘90s
        } else {
            let style = if c == '‚' { Style::Low } else { Style::Curly };
            self.push(at.clone(), Family::Single, style);
        }
        at
    }

    /// Whether a word of elision (`em`, `bout`, in lower case) follows the
    /// mark at `at`, and no closing single mark later could pair with it
    /// (`‘round and round,’ she sang` is a quote). A closing mark after the
    /// next opening single mark pairs with that one (`six of ‘em … called
    /// ‘A Football Life,’`), and a plural possessive (`residents’ routines`)
    /// closes nothing.
    fn elision_after(&self, at: &Range<usize>) -> bool {
        let rest = &self.text[at.end..];
        let word: String = rest.chars().take_while(|ch| ch.is_alphanumeric()).collect();
        if !(word.starts_with(char::is_lowercase) && lex::elisions().contains(&word)) {
            return false;
        }
        let mut prev: Option<char> = None;
        for (i, c) in rest.char_indices() {
            let mut after = rest[i + c.len_utf8()..].chars();
            let next = after.next();
            match c {
                '‘' if is_open_context(prev) => return true,
                '’' if !is_word(next) => {
                    let possessive = prev == Some('s')
                        && next == Some(' ')
                        && after.next().is_some_and(char::is_lowercase);
                    if !possessive {
                        return false;
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
        true
    }

    /// Returns the bytes the mark took (both of `’’` or `''`).
    fn single_close(&mut self, c: char, at: Range<usize>) -> Range<usize> {
        let (prev, next) = (self.before(&at), self.after(&at, 0));
        let single_open = self.top(Family::Single);
        let double_open = self.top(Family::Double);
        if is_word(prev) && is_word(next) && !(single_open.is_some() && uncased(prev)) {
            // won’t, Russia’s: an apostrophe.
        } else if next == Some(c)
            && !is_word(self.after(&at, 1))
            && double_open.is_some_and(|d| single_open.is_none_or(|s| s < d))
        {
            // ’’ or '' closing a double quote: the other half of a `''`
            // pair is the copy's style; closing a `"` or `“` it is a slip.
            let both = at.start..at.end + c.len_utf8();
            let style = self.stack.get(double_open.unwrap_or(0)).map(|o| o.style);
            if !(c == '\'' && style == Some(Style::Doubled)) {
                let straight = style == Some(Style::Straight);
                self.mismatched(both.clone(), if straight { "\"" } else { "”" });
            }
            self.close(Family::Double, both.clone());
            return both;
        } else if c == '\''
            && next == Some('\'')
            && is_open_context(prev)
            && double_open.is_none()
            && self
                .after(&at, 1)
                .is_some_and(|n| n.is_alphanumeric() || "‘'…$£€(.".contains(n))
        {
            // `''` opening a quote in copy that writes every double mark so.
            let both = at.start..at.end + c.len_utf8();
            self.end_joined_run_on(&both, Style::Doubled);
            self.push(both.clone(), Family::Double, Style::Doubled);
            return both;
        } else if is_open_context(prev) && (is_word(next) || matches!(next, Some('‘' | '“' | '"')))
        {
            // At a word start: elision (’cause, ’n’, ’90s) or an opening straight mark.
            let word: String = self.text[at.end..]
                .chars()
                .take_while(|ch| ch.is_alphanumeric())
                .collect();
            let digit = next.is_some_and(|n| n.is_ascii_digit());
            if c == '\'' && !digit && !lex::elisions().contains(&word) {
                self.push(at.clone(), Family::Single, Style::Straight);
            }
        } else if let Some(s) = single_open {
            // A closing single mark, unless a double opened inside it is still open.
            if double_open.is_none_or(|d| d < s) || !is_word(prev) {
                self.close(Family::Single, at.clone());
            }
        }
        // Else: the Joneses’, players’: a plural possessive apostrophe.
        at
    }

    fn close(&mut self, family: Family, at: Range<usize>) {
        let Some(k) = self.top(family) else {
            if family == Family::Double {
                self.issue(at, MarkIssueKind::Unopened);
            }
            return;
        };
        // Marks opened inside and never closed.
        let inner: Vec<Open> = self.stack.drain(k + 1..).collect();
        for o in inner {
            if o.style != Style::Straight {
                self.issue(o.at, MarkIssueKind::Unclosed);
            }
        }
        if let Some(o) = self.stack.pop() {
            self.out.pairs.push(Pair {
                open: o.at,
                close: Some(at),
                family,
                depth: self.stack.len() as u8,
                straight: matches!(o.style, Style::Straight | Style::Doubled),
            });
        }
    }

    /// Whatever is still open runs to the paragraph's end.
    fn finish(mut self) -> Marks {
        while let Some(o) = self.stack.pop() {
            let depth = self.stack.len() as u8;
            let straight = matches!(o.style, Style::Straight | Style::Doubled);
            if depth == 0 && !(o.family == Family::Single && straight) {
                self.out.pairs.push(Pair {
                    open: o.at,
                    close: None,
                    family: o.family,
                    depth: 0,
                    straight,
                });
            } else if !straight {
                self.issue(o.at, MarkIssueKind::Unclosed);
            }
        }
        self.out.pairs.sort_by_key(|p| p.open.start);
        self.out
    }
}
