//! Quote marks in one paragraph (pure): pairs marks into quotes, tells
//! apostrophes from single quote marks, and records stray or mismatched marks.
//!
//! A quote that runs over paragraphs reopens each paragraph and closes only in
//! the last: here it is a span whose `close` is `None` ("opens but does not
//! close"); the article pass joins the pieces.

use std::ops::Range;

use super::cues::{self, Cue};

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
    /// One to three words inside running text: a partial or scare quote.
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
    /// Byte offset where the sentence after the quote ends (exclusive) when the
    /// quote ends mid-sentence; the cue scanner uses it.
    pub content: Range<usize>,
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

/// Everything about quotes in one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteFacts {
    /// Quotes in order of their opening marks, nested ones included.
    pub spans: Vec<QuoteSpan>,
    pub issues: Vec<MarkIssue>,
    /// Curly (or guillemet/low) and straight marks among paired quotes: the
    /// article pass decides which style is the copy's own.
    pub curly_marks: u32,
    pub straight_marks: u32,
    /// Attribution cues outside quotes, in order.
    pub cues: Vec<Cue>,
    /// For each outermost span (same order as they appear in `spans` with
    /// depth 0), the index in `cues` of the cue that attributes it.
    pub quote_cues: Vec<Option<usize>>,
    /// A cue that ends the paragraph with `:` and no quote after it
    /// (`He added:`), or a closing sentence of reported speech: it attributes
    /// the next paragraph's opening quote.
    pub trailing_cue: Option<cues::Trailing>,
    /// Roles tied to names (`Foreign Minister Dmytro Kuleba`).
    pub roles: Vec<cues::RoleLink>,
    /// Capitalised words outside quotes (lower-cased): surnames used alone.
    pub name_words: Vec<(usize, String)>,
    /// The paragraph could be a headline: one short line with no terminal
    /// punctuation (it is one when it opens the article).
    pub headline: bool,
    /// The paragraph opens with a Markdown `#` heading.
    pub heading: bool,
    /// Byte offset of the paragraph's first non-whitespace character.
    pub first_char: usize,
}

impl QuoteFacts {
    /// The outermost spans, in order.
    pub fn outer(&self) -> impl Iterator<Item = &QuoteSpan> {
        self.spans.iter().filter(|s| s.depth == 0)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    /// `„` or `‚`: closed by `“`/`‘` (or `”`/`’`).
    Low,
    Guillemet,
}

struct Open {
    at: Range<usize>,
    family: Family,
    style: Style,
}

/// Words that start with an apostrophe of elision.
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "cause", "cos", "em", "n", "til", "tis", "twas", "bout", "round", "nuff", "ello",
];

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Before an opening mark: start, space, or an opening bracket or dash.
fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„' | '‚'
                )
        }
    }
}

/// After a closing mark: end, space or punctuation.
fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '”'
                        | '’'
                        | '"'
                        | '\''
                        | '»'
                        | '…'
                )
        }
    }
}

/// Pairs a paragraph's marks and scans its attribution cues. Pure.
pub fn scan(text: &str) -> QuoteFacts {
    let mut facts = QuoteFacts::default();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut stack: Vec<Open> = Vec::new();
    let mut spans: Vec<RawSpan> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let end = at + c.len_utf8();
        let top_family = |stack: &[Open], f: Family| stack.iter().rposition(|o| o.family == f);
        // Returns how many chars were consumed.
        let mut consumed = 1;
        match c {
            '“' | '«' | '„' => {
                let low_open = stack
                    .last()
                    .is_some_and(|o| o.family == Family::Double && o.style == Style::Low);
                if c == '“' && low_open {
                    close(&mut stack, &mut spans, &mut facts, Family::Double, at..end);
                } else if c == '“' && next == Some('“') {
                    // ““ typed for “ is not a thing; treat each as its own mark.
                    push(&mut stack, at..end, Family::Double, Style::Curly);
                } else {
                    let style = match c {
                        '«' => Style::Guillemet,
                        '„' => Style::Low,
                        _ => Style::Curly,
                    };
                    push(&mut stack, at..end, Family::Double, style);
                }
            }
            '”' | '»' => {
                if top_family(&stack, Family::Double).is_none()
                    && is_open_context(prev)
                    && is_word(next)
                {
                    // A closing mark used to open: replace it.
                    facts.issues.push(MarkIssue {
                        range: at..end,
                        kind: MarkIssueKind::Mismatched {
                            replacement: if c == '”' { "“" } else { "«" }.to_string(),
                        },
                    });
                    push(&mut stack, at..end, Family::Double, Style::Curly);
                } else {
                    close(&mut stack, &mut spans, &mut facts, Family::Double, at..end);
                }
            }
            '"' => {
                let open_ctx = is_open_context(prev);
                let close_ctx = is_close_context(next);
                let has_open = top_family(&stack, Family::Double).is_some();
                let opens = match (open_ctx, close_ctx) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => !has_open,
                };
                if opens {
                    push(&mut stack, at..end, Family::Double, Style::Straight);
                } else {
                    close(&mut stack, &mut spans, &mut facts, Family::Double, at..end);
                }
            }
            '‘' | '‚' => {
                let low_single_open = stack
                    .last()
                    .is_some_and(|o| o.family == Family::Single && o.style == Style::Low);
                if c == '‘' && low_single_open {
                    close(&mut stack, &mut spans, &mut facts, Family::Single, at..end);
                } else if c == '‘' && next == Some('‘') && is_open_context(prev) {
                    // ‘‘ typed for “.
                    let e2 = end + '‘'.len_utf8();
                    facts.issues.push(MarkIssue {
                        range: at..e2,
                        kind: MarkIssueKind::Mismatched {
                            replacement: "“".to_string(),
                        },
                    });
                    push(&mut stack, at..e2, Family::Double, Style::Curly);
                    consumed = 2;
                } else if c == '‚' && !(is_open_context(prev) && is_word(next)) {
                    // A low single comma lookalike used as a comma: not a mark.
                } else if is_word(prev) && is_word(next) {
                    // O‘Neill: a misturned apostrophe.
                } else if is_open_context(prev) && next.is_some_and(|n| n.is_ascii_digit()) {
                    // ‘90s
                } else {
                    let style = if c == '‚' { Style::Low } else { Style::Curly };
                    push(&mut stack, at..end, Family::Single, style);
                }
            }
            '’' | '\'' => {
                let straight = c == '\'';
                let single_open = top_family(&stack, Family::Single);
                let double_open = top_family(&stack, Family::Double);
                if is_word(prev) && is_word(next) {
                    // won’t, Russia’s: an apostrophe.
                } else if next == Some(c)
                    && !is_word(chars.get(i + 2).map(|x| x.1))
                    && double_open.is_some_and(|d| single_open.is_none_or(|s| s < d))
                {
                    // ’’ or '' closing a double quote.
                    let e2 = end + c.len_utf8();
                    facts.issues.push(MarkIssue {
                        range: at..e2,
                        kind: MarkIssueKind::Mismatched {
                            replacement: if stack
                                .get(double_open.unwrap_or(0))
                                .is_some_and(|o| o.style == Style::Straight)
                            {
                                "\"".to_string()
                            } else {
                                "”".to_string()
                            },
                        },
                    });
                    close(&mut stack, &mut spans, &mut facts, Family::Double, at..e2);
                    consumed = 2;
                } else if is_open_context(prev)
                    && (is_word(next)
                        || next == Some('‘')
                        || next == Some('“')
                        || next == Some('"'))
                {
                    // At a word start: elision (’cause, ’n’, ’90s) or an opening straight mark.
                    let word: String = chars[i + 1..]
                        .iter()
                        .map(|x| x.1)
                        .take_while(|ch| ch.is_alphanumeric())
                        .collect::<String>()
                        .to_lowercase();
                    let digit = next.is_some_and(|n| n.is_ascii_digit());
                    if straight && !digit && !ELISIONS.contains(&word.as_str()) {
                        push(&mut stack, at..end, Family::Single, Style::Straight);
                    }
                } else if let Some(s) = single_open {
                    // A closing single mark, unless a double opened inside it is still open.
                    if double_open.is_none_or(|d| d < s) || !is_word(prev) {
                        close(&mut stack, &mut spans, &mut facts, Family::Single, at..end);
                    }
                } else {
                    // The Joneses’, players’: a plural possessive apostrophe.
                }
            }
            _ => {}
        }
        i += consumed;
    }
    // Whatever is still open runs to the paragraph's end.
    while let Some(o) = stack.pop() {
        let depth = stack.len() as u8;
        if depth == 0 && !(o.family == Family::Single && o.style == Style::Straight) {
            spans.push((o.at, None, o.family, 0, o.style == Style::Straight, false));
        } else if o.style != Style::Straight {
            facts.issues.push(MarkIssue {
                range: o.at,
                kind: MarkIssueKind::Unclosed,
            });
        }
    }
    spans.sort_by_key(|s| s.0.start);
    facts.spans = spans
        .into_iter()
        .map(|(open, close, family, depth, straight, _)| {
            let content = open.end..close.as_ref().map_or(text.len(), |c| c.start);
            let words = &text[content.clone()];
            let before = text[..open.start].trim_end();
            let sentence_start = before.is_empty()
                || before.ends_with(['.', '?', '!', ':', '…', '—'])
                || before.ends_with(['”', '"', '’', '\'', '»'])
                    && before[..before.len() - before.chars().last().map_or(0, char::len_utf8)]
                        .trim_end()
                        .ends_with(['.', '?', '!']);
            let kind = classify(words, sentence_start, close.is_none(), named_by(before));
            let last_char = words.trim_end().chars().last();
            let last_char_at =
                last_char.map(|c| content.start + words.trim_end().len() - c.len_utf8());
            let open_mark = if open.len() > 3 {
                '“'
            } else {
                text[open.clone()].chars().next().unwrap_or('“')
            };
            if straight {
                facts.straight_marks += 1 + u32::from(close.is_some());
            } else {
                facts.curly_marks += 1 + u32::from(close.is_some());
            }
            QuoteSpan {
                open,
                close,
                family,
                depth,
                kind,
                straight,
                last_char,
                last_char_at,
                open_mark,
                sentence_start,
                content,
            }
        })
        .collect();
    facts.headline = is_headline(text);
    facts.heading = text.trim_start().starts_with('#');
    facts.first_char = text.len() - text.trim_start().len();
    let (cue_list, quote_cues, trailing) = cues::scan(text, &facts.spans);
    facts.cues = cue_list;
    facts.quote_cues = quote_cues;
    facts.trailing_cue = trailing;
    facts.roles = cues::role_links(text, &facts.spans);
    facts.name_words = cues::name_words(text, &facts.spans);
    facts
}

fn push(stack: &mut Vec<Open>, at: Range<usize>, family: Family, style: Style) {
    stack.push(Open { at, family, style });
}

type RawSpan = (Range<usize>, Option<Range<usize>>, Family, u8, bool, bool);

fn close(
    stack: &mut Vec<Open>,
    spans: &mut Vec<RawSpan>,
    facts: &mut QuoteFacts,
    family: Family,
    at: Range<usize>,
) {
    let Some(k) = stack.iter().rposition(|o| o.family == family) else {
        if family == Family::Double {
            facts.issues.push(MarkIssue {
                range: at,
                kind: MarkIssueKind::Unopened,
            });
        }
        return;
    };
    // Marks opened inside and never closed.
    for inner in stack.drain(k + 1..) {
        if inner.style != Style::Straight {
            facts.issues.push(MarkIssue {
                range: inner.at,
                kind: MarkIssueKind::Unclosed,
            });
        }
    }
    if let Some(o) = stack.pop() {
        let straight = o.style == Style::Straight;
        spans.push((o.at, Some(at), family, stack.len() as u8, straight, true));
    }
}

#[rustfmt::skip]
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "or", "with", "by", "from", "is",
    "de", "la", "le", "von", "van",
];

/// Words that put a title in quote marks right after them: `a review
/// entitled “…”`, `the single “Hold the Line, Marie”`.
#[rustfmt::skip]
const TITLE_INTRODUCERS: &[&str] = &[
    "titled", "entitled", "headlined", "subtitled", "single", "album", "song", "track", "novel",
    "memoir", "documentary", "film", "movie", "podcast", "sitcom", "musical", "opera", "poem",
    "exhibition", "anthem", "hymn",
];

/// Whether the text before an opening mark ends in a word that introduces a title.
fn named_by(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    TITLE_INTRODUCERS.contains(&last.to_lowercase().as_str())
}

/// Whether quoted words end as a sentence does (a title does not, closing
/// comma aside).
fn ends_sentence(words: &str) -> bool {
    let t = words.trim_end_matches([',', ' ', '\u{a0}']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Full, partial or title, from the quoted words and their place: at the
/// start of a sentence, running on into the next paragraph, right after a
/// word that introduces a title (`named`).
fn classify(words: &str, sentence_start: bool, runs_on: bool, named: bool) -> QuoteKind {
    if named && !runs_on && !ends_sentence(words) {
        return QuoteKind::Title;
    }
    let tokens: Vec<&str> = words
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if tokens.is_empty() {
        return QuoteKind::Partial;
    }
    let trimmed = words.trim();
    // A comma closing a title of two words or more is the sentence's (US
    // style puts it inside the marks: `songs like “Midnight at the Crossroads,”`).
    let inside = match trimmed.strip_suffix(',') {
        Some(t) if tokens.len() >= 2 => t,
        _ => trimmed,
    };
    // A title may have a subtitle after a colon (`Ground Truths: Subsidence
    // in a Wetter Britain`).
    let inner_punct = inside.contains(['.', '!', '?', ',', ';']);
    let title_case = tokens.len() <= 8
        && tokens.iter().enumerate().all(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || (i > 0 && SMALL_WORDS.contains(&w))
        });
    if title_case && !inner_punct && !runs_on {
        return QuoteKind::Title;
    }
    if runs_on || tokens.len() >= 4 || sentence_start {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// A headline or subhead: a `#` heading, or one short line without terminal
/// punctuation (closing quote marks aside).
fn is_headline(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with('#') {
        return true;
    }
    if t.contains(['\n', '\r']) {
        return false;
    }
    let core = t.trim_end_matches(['”', '’', '"', '\'', '»', ')', ' ']);
    !core.ends_with(['.', '!', '?', ':', ';', ',', '…']) && t.split_whitespace().count() <= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outermost quotes' content, and whether each closes.
    fn quotes(text: &str) -> Vec<(String, bool)> {
        scan(text)
            .outer()
            .map(|s| (text[s.content.clone()].to_string(), s.close.is_some()))
            .collect()
    }

    fn kinds(text: &str) -> Vec<QuoteKind> {
        scan(text).outer().map(|s| s.kind).collect()
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        for text in [
            "Russia’s army won’t stop, rock ’n’ roll fans and the Joneses’ neighbours said in the ’90s.",
            "Russia's army won't stop, rock 'n' roll fans and the Joneses' neighbours said in the '90s.",
            "It’s ’cause of the fans, the players’ union said, and the brothers’ parents’ house.",
        ] {
            let f = scan(text);
            assert!(f.spans.is_empty(), "{text}: {:?}", f.spans);
            assert!(f.issues.is_empty(), "{text}: {:?}", f.issues);
        }
    }

    #[test]
    fn pairs_curly_straight_and_other_marks() {
        assert_eq!(
            quotes("“We will not back down,” he said. \"Never.\" «Jamais», „Nie“."),
            vec![
                ("We will not back down,".to_string(), true),
                ("Never.".to_string(), true),
                ("Jamais".to_string(), true),
                ("Nie".to_string(), true)
            ]
        );
    }

    #[test]
    fn nested_quotes_and_uk_headline_reverse() {
        let text = "“I was told, ‘The secretary is not interested,’” she said.";
        let f = scan(text);
        assert_eq!(f.spans.len(), 2);
        assert_eq!(f.spans[1].depth, 1);
        assert_eq!(f.outer().count(), 1);
        assert!(f.issues.is_empty());
        let head = "Minister: ‘We got it wrong on “smart” motorways’";
        let f = scan(head);
        assert_eq!(f.outer().count(), 1);
        assert_eq!(f.outer().next().map(|s| s.family), Some(Family::Single));
        assert!(f.headline);
        // A possessive inside a single quote does not break the pairing of the outer double.
        let text = "“It’s the players’ game,” he said, “and ‘fair play’ matters.”";
        assert_eq!(scan(text).outer().count(), 2);
    }

    #[test]
    fn a_quote_that_runs_on_reopens_next_paragraph() {
        assert_eq!(
            quotes("Ms Marchbank said: “I came into politics to end it."),
            vec![("I came into politics to end it.".to_string(), false)]
        );
    }

    #[test]
    fn stray_and_mismatched_marks() {
        let f = scan("The plan is “dead, he said.” Then ” stray.");
        assert!(f.issues.iter().any(|i| i.kind == MarkIssueKind::Unopened));
        let text = "“This is the end,’’ she said.";
        let f = scan(text);
        assert_eq!(f.outer().count(), 1);
        assert_eq!(
            f.issues[0].kind,
            MarkIssueKind::Mismatched {
                replacement: "”".into()
            }
        );
        assert_eq!(&text[f.issues[0].range.clone()], "’’");
    }

    #[test]
    fn partial_title_and_full() {
        assert_eq!(
            kinds("It was a “developers’ charter”, critics said of “The Long Shore” and “Salt and Iron”."),
            vec![QuoteKind::Partial, QuoteKind::Title, QuoteKind::Title]
        );
        assert_eq!(
            kinds("“Noted.” That was it. He said the ban had “changed him completely for the better”."),
            vec![QuoteKind::Full, QuoteKind::Full]
        );
        // US style: the sentence's comma inside the marks of a title.
        assert_eq!(
            kinds("His 1974 album, \"Midnight at the Crossroads,\" drew on gospel. “Absolutely,” she said."),
            vec![QuoteKind::Title, QuoteKind::Full]
        );
    }

    #[test]
    fn a_title_introduced_as_one_is_a_title_whatever_its_case() {
        for text in [
            "The review, entitled “Listening to Families: An Independent Review of Maternity Care”, examined 212 cases.",
            "The paper, titled \"Daily stair climbing and cardiovascular disease: a cohort study,\" was published.",
            "Her single “Hold the Line, Marie” was inescapable that summer.",
        ] {
            assert_eq!(kinds(text), vec![QuoteKind::Title], "{text}");
        }
        // A sentence quoted after such a word is still a quote.
        assert_eq!(
            kinds("He played the song. “It was the best night of my life,” he said."),
            vec![QuoteKind::Full]
        );
        assert_eq!(
            kinds("She sang the anthem “and then we all went home.”"),
            vec![QuoteKind::Full]
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "\"",
            "'",
            "’’",
            "“",
            "”“",
            "‘‘",
            "«»",
            "\u{a0}\"\u{a0}",
            "🎉“🎉”🎉",
            "a'' b ’’",
        ] {
            let _ = scan(text);
        }
    }
}
