//! Quotes in one paragraph (pure): the marks paired (`marks`), each quote
//! read as full, partial or a title, and the attribution cues that link
//! quotes to speakers (`cues`).

use super::cues::{self, Cue};
use super::marks::{self, Pair};
pub use super::marks::{Family, MarkIssue, MarkIssueKind, QuoteKind, QuoteSpan};
use crate::lexicon::quotes as lex;
use std::ops::Range;

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
    /// Outermost quotes in single marks (`‘…’`) and in double marks: the
    /// article pass decides which the copy quotes speech in.
    pub single_quotes: u32,
    pub double_quotes: u32,
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
    /// `He` or `she` as a sentence's subject, outside quotes
    /// ([`cues::Read::subject_pronouns`]).
    pub subject_pronouns: Vec<(usize, cues::Pronoun)>,
    /// A definite role as a sentence's subject, outside quotes
    /// ([`cues::Read::subject_roles`]).
    pub subject_roles: Vec<(usize, String)>,
    /// A known surname alone as a sentence's subject, outside quotes
    /// ([`cues::Read::subject_names`]).
    pub subject_names: Vec<(usize, String)>,
    /// The paragraph could be a headline: one short line with no terminal
    /// punctuation (it is one when it opens the article).
    pub headline: bool,
    /// The paragraph opens with a Markdown `#` heading.
    pub heading: bool,
    /// Byte offset of the paragraph's first non-whitespace character.
    pub first_char: usize,
    /// The paragraph ends with a colon (`Sanders made the following
    /// comment:`) or a short question asking for words (`Just what is
    /// this priceless slogan?`): a lead-in to the quote that opens the
    /// next one.
    pub leads_in: bool,
    /// The paragraph's last sentence is its last quote and the cue that
    /// attributes it (`… “…,” said Mr Williams.`): a quote opening the
    /// next paragraph reads as the same speaker's run.
    pub ends_in_quote: bool,
    /// The paragraph is only a short quote in single marks (`‘A change
    /// warrior.’`): a subhead where the copy quotes speech in double marks.
    pub subhead: bool,
    /// The paragraph is a headline wherever it stands: headline-shaped and
    /// in Title Case (`'We Got Her!': Video Shows Dramatic Rescue`), or a
    /// numbered item that is only a quote (`3. "The Gordon problem"`), or
    /// a line that is only a quote with no sentence's end (`“Alarming
    /// mortality rate”`): a subhead or a pull quote, not someone's sentence.
    pub titled: bool,
    /// The paragraph could be a headline's deck (standfirst): one line of
    /// one short sentence, mostly the writer's own words (`‘Stay or pay’
    /// could make companies think again.`). It is one right under the
    /// headline that opens the article.
    pub deck: bool,
    /// The paragraph is a credit line, as under a quote standing alone: a
    /// dash, then a name (`- Bernie Sanders.`, `— Winston Churchill, 1940`).
    pub credit_line: bool,
    /// The paragraph's last line, inside a quote opened on a line before
    /// it, names the quote's source before the closing mark, as a
    /// blockquote's citation pasted as text reads (`"I worry that…⏎Dean
    /// Baker, Center for Economic and Policy Research."`).
    pub credit_inside: bool,
}

impl QuoteFacts {
    /// The outermost spans, in order.
    pub fn outer(&self) -> impl Iterator<Item = &QuoteSpan> {
        self.spans.iter().filter(|s| s.depth == 0)
    }
}

/// Pairs a paragraph's marks, reads its quotes and scans its attribution
/// cues. Pure.
pub fn scan(text: &str) -> QuoteFacts {
    let marks = marks::pair(text);
    let mut facts = QuoteFacts {
        issues: marks.issues,
        ..QuoteFacts::default()
    };
    // A quoted nickname inside a name (`Cedric “Ced” Richmond`) is part of
    // the name, not a quote.
    facts.spans = marks
        .pairs
        .into_iter()
        .filter(|p| {
            p.close.is_none() || crate::text::words::nickname_end(text, p.open.start).is_none()
        })
        .map(|p| span(text, p, &mut facts))
        .collect();
    for s in facts.spans.iter().filter(|s| s.depth == 0) {
        if s.family == Family::Single {
            facts.single_quotes += 1;
        } else {
            facts.double_quotes += 1;
        }
    }
    facts.subhead = match facts
        .spans
        .iter()
        .filter(|s| s.depth == 0)
        .collect::<Vec<_>>()[..]
    {
        [only] => is_subhead(text, only),
        _ => false,
    };
    facts.headline = is_headline(text);
    facts.titled = facts.headline
        && (crate::text::words::is_title_case(text)
            || numbered_quote(text, &facts.spans)
            || unpunctuated_quote(text, &facts.spans));
    facts.deck = is_deck(text, &facts.spans);
    facts.heading = text.trim_start().starts_with('#');
    facts.first_char = text.len() - text.trim_start().len();
    const MAX_QUESTION_WORDS: usize = 8;
    facts.leads_in = text.trim_end().ends_with(':') || asks_for_words(text, MAX_QUESTION_WORDS);
    facts.credit_line = credit_line(text);
    facts.credit_inside = credit_inside(text);
    let read = cues::read(text, &facts.spans);
    facts.cues = read.cues;
    facts.quote_cues = read.quote_cues;
    facts.trailing_cue = read.trailing;
    facts.roles = read.roles;
    facts.name_words = read.name_words;
    facts.subject_pronouns = read.subject_pronouns;
    facts.subject_roles = read.subject_roles;
    facts.subject_names = read.subject_names;
    facts.ends_in_quote = read.ends_in_quote;
    facts
}

/// Whether the paragraph `text` could be a deck: one line, one sentence of
/// at most 25 words ending in a full stop, its quotes less than half of it.
fn is_deck(text: &str, spans: &[QuoteSpan]) -> bool {
    const MAX_WORDS: usize = 25;
    let t = text.trim();
    let core = t.trim_end_matches(['”', '’', '"', '\'', ')']);
    if t.contains(['\n', '\r']) || !core.ends_with('.') {
        return false;
    }
    let body = &core[..core.len() - 1];
    if body.contains(['.', '!', '?']) || t.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let quoted: usize = spans
        .iter()
        .filter(|s| s.depth == 0)
        .map(|s| s.content.len())
        .sum();
    quoted * 2 < t.len()
}

/// Whether the paragraph `text` is only the short quote `s` in single marks,
/// with at most a full stop after it.
fn is_subhead(text: &str, s: &QuoteSpan) -> bool {
    const MAX_WORDS: usize = 8;
    let Some(close) = &s.close else {
        return false;
    };
    s.family == Family::Single
        && text[..s.open.start].trim().is_empty()
        && text[close.end..]
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
        && text[s.content.clone()].split_whitespace().count() <= MAX_WORDS
}

/// A pair of marks read: its words, where it stands and what it holds.
fn span(text: &str, p: Pair, facts: &mut QuoteFacts) -> QuoteSpan {
    let Pair {
        open,
        close,
        family,
        depth,
        straight,
    } = p;
    let content = open.end..close.as_ref().map_or(text.len(), |c| c.start);
    let words = &text[content.clone()];
    let before = text[..open.start].trim_end();
    let sentence_start = before.is_empty()
        || before.ends_with(['.', '?', '!', ':', '…', '—'])
        || before.ends_with(['”', '"', '’', '\'', '»'])
            && before[..before.len() - before.chars().last().map_or(0, char::len_utf8)]
                .trim_end()
                .ends_with(['.', '?', '!']);
    // Right after a word of the reporter's sentence (`would make her
    // “completely a third Obama term”`, `called it “…”`, `said that “…”`).
    let after_word = before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let kind = classify(
        words,
        sentence_start,
        close.is_none(),
        named_by(before),
        titled_by(before),
    );
    let kind = match kind {
        QuoteKind::Full if after_word && woven(words) => QuoteKind::Partial,
        // `Jane Kim, who is running for the state Senate, “is a civil rights
        // attorney …”`: opened in lower case after a comma that ends words of
        // the reporter's sentence, it goes on with that sentence. (Not after
        // a speech verb, `he told the jury, “the plan is dead”`, nor in a sentence
        // that quoted before, `“…,” she said, “you give …”`, nor when a
        // comma closing it waits for its speaker, `“as far as I know,” he
        // said`.)
        QuoteKind::Full
            if woven(words)
                && !words.trim_end().ends_with(',')
                && before.strip_suffix(',').is_some_and(|b| {
                    b.trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == ')')
                })
                && !speech_verb_near(before)
                && !quote_earlier_in_sentence(before) =>
        {
            QuoteKind::Partial
        }
        QuoteKind::Full
            if close
                .as_ref()
                .is_some_and(|c| runs_on_after(words, &text[c.end..])) =>
        {
            QuoteKind::Partial
        }
        // `…in federal taxes, “equal to the budgets of three states,” if
        // they were taxed properly`: opened in lower case mid-sentence, and
        // the reporter's sentence carries on after it.
        // So is a sentence quoted whole when the reporter's sentence runs
        // on after its comma (`“But I think the dream has changed,”
        // because of shifts in the economy`).
        // (Then only a word that opens no clause of time or manner, which a
        // cut attribution leaves: `“Don’t you do it,” until gunshots`.)
        QuoteKind::Full
            if words.trim_end().ends_with(',')
                && close.as_ref().is_some_and(|c| {
                    word_after_close(&text[c.end..]).is_some_and(|w| {
                        lex::run_on_words().contains(w)
                            && (woven(words) && before.ends_with(',')
                                || sentence_start && matches!(w, "because" | "which" | "whose"))
                    })
                }) =>
        {
            QuoteKind::Partial
        }
        QuoteKind::Full
            if close
                .as_ref()
                .is_some_and(|c| names_a_thing(before, &text[c.end..])) =>
        {
            QuoteKind::Title
        }
        k => k,
    };
    let stray = stray_punctuation(text, &open, close.as_ref());
    // `Republican pollster Daron Shaw: “…”`, `From the report: “…”`.
    let colon_led = before.strip_suffix(':').is_some_and(|lead| {
        let lead = lead.trim_end();
        !lead.is_empty() && !lead.ends_with(['.', '!', '?', '”', '"', '’', ':', ','])
    });
    let framed = colon_led
        || verb_led(before)
        || noun_led(before)
        || dash_aside(before)
        || close.as_ref().is_some_and(|c| credited(&text[c.end..]));
    let last_char = words.trim_end().chars().last();
    let last_char_at = last_char.map(|c| content.start + words.trim_end().len() - c.len_utf8());
    let remarked =
        last_char == Some(',') && close.as_ref().is_some_and(|c| remarks_on(&text[c.end..]));
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
        stray,
        framed,
        remarked,
    }
}

/// Whether a speech verb stands among the last words before the comma
/// that leads into a quote (`said, “…”`, `told the audience, “…”`).
fn speech_verb_near(before: &str) -> bool {
    const NEAR: usize = 4;
    let lead = before.strip_suffix(',').unwrap_or(before);
    lead.rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(NEAR)
        .any(|w| {
            let w = w.to_lowercase();
            // (Not a verb that is also a noun in its bare form: `the state
            // Senate`.)
            lex::speech_verbs().contains(w.as_str()) && !lex::noun_bases().contains(w.as_str())
        })
}

/// Whether a closing mark stands earlier in the sentence that runs up to
/// a quote (`“Every time you say that,” she said, “you give …”`).
fn quote_earlier_in_sentence(before: &str) -> bool {
    let sentence = before
        .rfind(['.', '!', '?'])
        .map_or(before, |i| &before[i + 1..]);
    sentence.contains(['”', '"']) || sentence.contains("''")
}

/// Whether only punctuation stands where an attribution would be: between
/// the sentence's start (or the paragraph's) and the opening mark, a colon or
/// a comma and nothing else (`Smith said: “…”` with `Smith said` cut);
/// between the closing mark and the sentence's end, a space and then only
/// punctuation (`“…,” Smith said.` with `Smith said` cut).
fn stray_punctuation(text: &str, open: &Range<usize>, close: Option<&Range<usize>>) -> bool {
    let before = text[..open.start].trim_end();
    let lead = before.trim_end_matches([':', ',', ';', ' ', '\u{a0}']);
    let led = lead.len() < before.len()
        && (lead.is_empty() || lead.ends_with(['.', '!', '?', '”', '"', '’']));
    let trailed = close.is_some_and(|c| {
        let after = &text[c.end..];
        let sentence = after.split_inclusive(['.', '!', '?']).next().unwrap_or("");
        after.starts_with([' ', '\u{a0}'])
            && !sentence.trim().is_empty()
            && sentence
                .chars()
                .all(|ch| ch.is_whitespace() || ",.;:!?".contains(ch))
    });
    led || trailed
}

/// Whether a speech verb and a comma lead into the quote (`as if to say,
/// “…”`, `the report notes, “…”`, `no one is like, ‘…’`), whoever speaks.
fn verb_led(before: &str) -> bool {
    let Some(lead) = before.strip_suffix(',') else {
        return false;
    };
    let mut words = lead
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    let last = last.to_lowercase();
    let quotative_like = last == "like"
        && words
            .next()
            .is_some_and(|w| lex::auxiliaries().contains(w.to_lowercase().as_str()));
    quotative_like || lex::speech_verbs().contains(last.as_str())
}

/// Whether the reporter's sentence names what the quote is, right before
/// it: a noun of speech and `of`, `that` or a comma (`their chants of
/// “Ted! Ted!”`, `her March comment that, “…”`, `his answer, “No.”`), or
/// a short question ending in one (`The tagline? “…”`).
fn noun_led(before: &str) -> bool {
    // `The tagline? “Meth. We’re on it.”`, `His answer? “No.”`: a fragment
    // of at most four words asks for the words the quote gives.
    if before.ends_with('?') {
        return asks_for_words(before, 4);
    }
    let lead = before.strip_suffix(',').unwrap_or(before).trim_end();
    let mut words = lead
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    let noun = match last.to_lowercase().as_str() {
        "of" | "that" => words.next().map(str::to_lowercase),
        _ if before.ends_with(',') => Some(last.to_lowercase()),
        _ => None,
    };
    noun.is_some_and(|n| lex::quoted_nouns().contains(n.as_str()))
}

/// Whether `text` ends in a short question, of at most `max_words` words,
/// whose last word is a noun of speech: it asks for the words a quote
/// gives (`The tagline?`, `Just what is this priceless slogan?`).
fn asks_for_words(text: &str, max_words: usize) -> bool {
    let Some(ask) = text.trim_end().strip_suffix('?') else {
        return false;
    };
    let fragment = ask
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(ask)
        .trim();
    let words: Vec<&str> = fragment.split_whitespace().collect();
    (1..=max_words).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| lex::quoted_nouns().contains(w.to_lowercase().as_str()))
}

/// Whether the quote stands in a dash after words of the reporter's
/// sentence, which frames it (`When Trump finally wrapped up — “I will
/// fight for you!” — the balloons came down`, `his stock answer then —
/// “…”`): the sentence says whose words they are.
fn dash_aside(before: &str) -> bool {
    // (A hyphen with a space before it is a dash, as UK copy types one:
    // `The pledge on education - “your child achieving more” - was …`.)
    let spaced_hyphen = before
        .strip_suffix('-')
        .filter(|lead| lead.ends_with(char::is_whitespace));
    let Some(lead) = before
        .strip_suffix('—')
        .or_else(|| before.strip_suffix('–'))
        .or_else(|| before.strip_suffix("--"))
        .or(spaced_hyphen)
    else {
        return false;
    };
    // Words of this paragraph's sentence before the dash, not a sentence's
    // end (`… he said. — “…”`) nor a dash opening the paragraph.
    lead.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ')')
}

/// Whether a paragraph is a credit line: a dash, then a name (its words
/// before any comma capitalised, but for particles: `- Bernie Sanders.`,
/// `— Ursula von der Leyen, in Strasbourg`), a dozen words at most, no
/// quote marks and no question.
fn credit_line(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(['-', '–', '—', '―']) else {
        return false;
    };
    credit_words(rest.trim_start())
}

/// Whether the last line of a paragraph is a source's name (and what they
/// are) closing a quote opened on an earlier line; see
/// [`QuoteFacts::credit_inside`].
fn credit_inside(text: &str) -> bool {
    let t = text.trim_end();
    let Some(nl) = t.rfind('\n') else {
        return false;
    };
    let (body, last) = (&t[..nl], t[nl + 1..].trim());
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    let Some(name) = last.strip_suffix(['”', '"']) else {
        return false;
    };
    let open = if last.ends_with('”') {
        count(body, '“') == count(body, '”') + 1
    } else {
        count(body, '"') % 2 == 1
    };
    // The quote's words end a sentence before the break (a hard-wrapped
    // quote's last line is no credit: `…go round by⏎Ashby.”`), and the
    // credit names someone in two words or more.
    let name = name.trim_end_matches('.');
    open && body.trim_end().ends_with(['.', '!', '?', '…'])
        && name
            .split(',')
            .next()
            .is_some_and(|n| n.split_whitespace().count() >= 2)
        && credit_words(name)
}

/// A credit's words: a name (words before any comma name-shaped, the first
/// capitalised), a dozen words at most, no quote marks and no question.
fn credit_words(rest: &str) -> bool {
    if rest.split_whitespace().count() > 12 || rest.contains(['“', '”', '"', '?', '!', '«']) {
        return false;
    }
    let name = rest.split(',').next().unwrap_or_default();
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=5).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| crate::lexicon::names::is_name_shaped(w))
}

/// What follows the word `w` that `s` starts with, when a space (any
/// space) ends it.
fn after_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    s.strip_prefix(w)
        .filter(|r| r.starts_with(char::is_whitespace))
        .map(str::trim_start)
}

/// Whether the words after a quote's closing mark comment on it: `a` or
/// `an`, then a noun of data/quotes/remark_nouns.txt within three words
/// (`a reference to the strike`, `an apparent dig at the mayor`).
fn remarks_on(after: &str) -> bool {
    const MAX_WORDS: usize = 3;
    let rest = after.trim_start();
    let Some(rest) = after_word(rest, "a").or_else(|| after_word(rest, "an")) else {
        return false;
    };
    rest.split_whitespace().take(MAX_WORDS).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        lex::remark_nouns().contains(w)
    })
}

/// Whether a byline credits the quoted words right after the closing mark:
/// a story's headline quoted in a round-up (`“…,” by Times' Ben Sisario`).
fn credited(after: &str) -> bool {
    // (Any space: a hard-wrapped paragraph puts the credit on the next line.)
    let rest = after.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    after_word(rest, "by")
        .map(|r| after_word(r, "the").unwrap_or(r))
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
        || cited(rest)
}

/// A source or a year in brackets right after a quote, as a digest or a
/// caption cites it: `“…” [AP.]`, `“…” (SVP/Global Risk Insights.)`,
/// `“…” (2015).`
fn cited(after: &str) -> bool {
    const MAX_WORDS: usize = 5;
    let close = match after.chars().next() {
        Some('[') => ']',
        Some('(') => ')',
        _ => return false,
    };
    let Some(end) = after.find(close) else {
        return false;
    };
    let inner = after[1..end].trim().trim_end_matches('.');
    let year = inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit());
    let source = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.split_whitespace().count() <= MAX_WORDS
        && inner
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    let tail = after[end + close.len_utf8()..].trim_start();
    (year || source) && (tail.is_empty() || tail.starts_with(['.', ',', ';', '—', '–', '(']))
}

/// Whether the text before an opening mark ends in a word that introduces a title.
fn named_by(before: &str) -> bool {
    lex::title_introducers().contains(word_before(before))
}

/// Whether a participle that only ever introduces a title stands right
/// before the quote (`an article titled “Clinton Does Best Where Voting
/// Machines Flunk.”`): a title, whatever its punctuation (the full stop of
/// the reporter's sentence stands inside the marks in US style).
fn titled_by(before: &str) -> bool {
    matches!(
        word_before(before),
        "titled" | "entitled" | "headlined" | "subtitled"
    )
}

/// The word right before a quote's opening mark.
fn word_before(before: &str) -> &str {
    // (A comma may stand between: `Ouisa Davis' commentary, “Melania, tell
    // your immigrant story,” is very thoughtful`.)
    let before = before.strip_suffix(',').unwrap_or(before);
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
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
fn classify(
    words: &str,
    sentence_start: bool,
    runs_on: bool,
    named: bool,
    titled: bool,
) -> QuoteKind {
    // (After `titled` whatever the punctuation; after a noun such as
    // `song`, not a sentence of someone's words.)
    if !runs_on && (titled || named && !ends_sentence(words)) {
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
    // Words in capitals only are a headline or a slogan quoted as such
    // (`“DIVISIVE, STUPID AND WRONG”`), not someone's sentence.
    if tokens.len() >= 2
        && trimmed.chars().any(char::is_alphabetic)
        && !trimmed.chars().any(char::is_lowercase)
        && !runs_on
    {
        return QuoteKind::Title;
    }
    // A comma closing a title of two words or more is the sentence's (US
    // style puts it inside the marks: `songs like “Midnight at the Crossroads,”`).
    // So is a full stop, US style, when the title ends the reporter's
    // sentence (`to perform “Takin’ It to the Streets.”`).
    let inside = match trimmed.strip_suffix(',').or_else(|| {
        trimmed
            .strip_suffix('.')
            .filter(|t| !sentence_start && !t.ends_with('.'))
    }) {
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
                || (i > 0 && lex::small_words().contains(w))
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

/// Whether the reporter's sentence runs on right after a quote that ends
/// in no punctuation of its own (`“…it’s an across-the-board failure” from
/// diplomacy to the defense budget, in Bolton’s view`, `“…” which Mozloom
/// thinks …`): the quote is woven into that sentence. Not a pronoun or a
/// speech verb after it (`“…” he said`, with the comma missing).
fn runs_on_after(words: &str, after: &str) -> bool {
    if words
        .trim_end()
        .ends_with(['.', ',', '!', '?', '…', ';', ':', '-', '—', '–'])
    {
        return false;
    }
    let Some(n) = word_after_close(after) else {
        return false;
    };
    n.starts_with(char::is_lowercase)
        && !lex::speech_verbs().contains(n)
        && !lex::not_after_quoted_name().contains(n)
}

/// The word one space after a closing mark (`campaign` in `“…” campaign`),
/// letters and hyphens; none when no single space follows the mark.
fn word_after_close(after: &str) -> Option<&str> {
    let rest = after.strip_prefix([' ', '\u{a0}'])?;
    let end = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Whether a quote stands where a noun's modifier does, between a
/// determiner or a possessive (an adjective may follow it) and a lower-case
/// noun: the name of a campaign, a slogan or a show (`the “Meth. We’re on
/// it.” campaign`, `South Dakota’s viral “…” awareness drive`), not
/// someone's sentence.
fn names_a_thing(before: &str, after: &str) -> bool {
    let det = |w: &str| {
        let l = w.to_lowercase();
        // (Not `her`: `told her “Go home.” before …` is an object.)
        lex::articles().contains(l.as_str())
            || l != "her" && lex::possessives().contains(l.as_str())
            || matches!(l.as_str(), "this" | "these" | "those")
            || l.ends_with("’s")
            || l.ends_with("'s")
    };
    let mut back = before.split_whitespace().rev();
    let led = match (back.next(), back.next()) {
        (Some(w), _) if det(w) => true,
        (Some(adj), Some(w)) => det(w) && adj.chars().all(|c| c.is_lowercase() || c == '-'),
        _ => false,
    };
    let Some(n) = word_after_close(after) else {
        return false;
    };
    led && n.len() >= 2
        && n.starts_with(char::is_lowercase)
        && !lex::speech_verbs().contains(n)
        && !lex::clause_words().contains(n)
        && !lex::small_words().contains(n)
        && !lex::not_after_quoted_name().contains(n)
}

/// Whether quoted words right after a word of the reporter's sentence are a
/// fragment woven into it: they start in lower case (`to “win my engraved
/// shotgun!”`), not a sentence of someone's words (`he said “We will win.”`).
fn woven(words: &str) -> bool {
    words
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A headline or subhead: a `#` heading, or one short line without terminal
/// punctuation (closing quote marks aside).
/// `3. "Not some irregular channel"`: a list number, then one quote that
/// runs to the end of the line.
fn numbered_quote(text: &str, spans: &[QuoteSpan]) -> bool {
    let t = text.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[digits..];
    let Some(after) = rest.strip_prefix(['.', ')']) else {
        return false;
    };
    let opens_at = text.len() - after.trim_start().len();
    digits > 0
        && spans.iter().filter(|s| s.depth == 0).count() == 1
        && spans.iter().any(|s| {
            s.depth == 0
                && s.open.start == opens_at
                && s.close
                    .as_ref()
                    .is_some_and(|c| text[c.end..].trim().is_empty())
        })
}

/// `“U.S.-controlled bandit formations”`: one quote that is the whole
/// line, its words ending in no stop, question or comma.
fn unpunctuated_quote(text: &str, spans: &[QuoteSpan]) -> bool {
    let t = text.trim_start();
    let opens_at = text.len() - t.len();
    let mut outer = spans.iter().filter(|s| s.depth == 0);
    let (Some(s), None) = (outer.next(), outer.next()) else {
        return false;
    };
    s.open.start == opens_at
        && s.close
            .as_ref()
            .is_some_and(|c| text[c.end..].trim().is_empty())
        && !text[s.content.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', '…', ',', ':', ';'])
}

fn is_headline(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with('#') {
        return true;
    }
    // (A long headline hard-wrapped is still one.)
    if t.split_whitespace().count() > 20 {
        return false;
    }
    // (An archive's export runs the deck on after a semicolon:
    // `Clinton, surprise populist;` / `‘Stay or pay’ could …`.)
    let t = t.strip_suffix(';').unwrap_or(t).trim_end();
    let core = t.trim_end_matches(['”', '’', '"', '\'', '»', ')', ' ']);
    // A headline ends in no full stop of its own; one inside its closing
    // quote (`Carson: Clinton ‘Not Fit To Serve.’`) is the quote's.
    let quoted_stop =
        core.len() < t.len() && (t.contains(": ") || crate::text::words::is_title_case(t));
    !core.ends_with(['.', '!', '?', ':', ';', ',', '…'])
        || quoted_stop && core.ends_with(['.', '!', '?'])
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

    /// Each text holds one quote, read as `kind`.
    fn each_reads_as(texts: &[&str], kind: QuoteKind) {
        for text in texts {
            assert_eq!(kinds(text), vec![kind], "{text}");
        }
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
    fn marks_turned_the_wrong_way_pair_with_one_note() {
        for (text, want, replacement) in [
            (
                "It concluded his comments were “Mostly False.“",
                "Mostly False.",
                "”",
            ),
            (
                "” … and I will say it again,” Governor Ray Tillman told the crowd.",
                " … and I will say it again,",
                "“",
            ),
        ] {
            let f = scan(text);
            assert_eq!(quotes(text), vec![(want.to_string(), true)], "{text}");
            let kinds: Vec<_> = f.issues.iter().map(|i| i.kind.clone()).collect();
            assert_eq!(
                kinds,
                vec![MarkIssueKind::Mismatched {
                    replacement: replacement.to_string()
                }],
                "{text}"
            );
        }
        // An inner quote closed with an opening mark.
        let text = "“They said, ‘We checked the numbers, ‘ and they did not.”";
        let f = scan(text);
        assert_eq!(f.spans.len(), 2);
        assert!(f.spans.iter().all(|s| s.close.is_some()));
        assert_eq!(f.issues.len(), 1);
    }

    #[test]
    fn an_opening_single_mark_after_a_word_is_an_apostrophe_or_a_close() {
        // A possessive turned the wrong way opens nothing: the quote after
        // it is the only one, and the mark gets one note.
        let text = "On CBS‘ Face the Nation on Sunday, she stated, “We will not back down.”";
        assert_eq!(
            quotes(text),
            vec![("We will not back down.".to_string(), true)]
        );
        let kinds: Vec<_> = scan(text).issues.iter().map(|i| i.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![MarkIssueKind::Mismatched {
                replacement: "’".to_string()
            }]
        );
        // After a quote left open, the same mark closes it.
        let text = "‘Go home‘, the steward told the fans at Hampden.";
        assert_eq!(quotes(text), vec![("Go home".to_string(), true)]);
    }

    #[test]
    fn words_around_a_quote_can_frame_it_without_a_speaker() {
        let framed = |text: &str| scan(text).outer().map(|s| s.framed).collect::<Vec<_>>();
        assert_eq!(
            framed("The union’s account notes, “Engineers raised the alarm.”"),
            [true]
        );
        assert_eq!(
            framed("She shrugged, as if to say, “Fix it before the rains.”"),
            [true]
        );
        assert_eq!(
            framed("No one is like, ‘My pension is speculation.’"),
            [true]
        );
        assert_eq!(
            framed("—“Museum to close at the end of December,” by Times' Ben Sisario."),
            [true]
        );
        assert_eq!(
            framed("—“Busker lands a record deal,” by the Ledger's Ana Sørensen."),
            [true]
        );
        assert_eq!(framed("From the report: “Nothing was done.”"), [true]);
        // A source or a year cited in brackets after the quote.
        assert_eq!(
            framed("SENATE CLEARS BILL “Lawmakers voted 68-31 late Monday.” [AP.]"),
            [true]
        );
        // Hard-wrapped, the credit on a line of its own.
        assert_eq!(
            framed("—“Museum to close at the end of December,” by\nTimes' Ben Sisario."),
            [true]
        );
        assert_eq!(
            framed("SENATE CLEARS BILL “Lawmakers voted 68-31 late Monday.”\n[AP.]"),
            [true]
        );
        assert_eq!(
            framed("“Our valleys, our rules” (2009) — “No new tax!” (2014). (State Archive.)"),
            [true, true]
        );
        // A noun of speech names what the quote is; a dash sets it in the
        // reporter's sentence.
        assert_eq!(
            framed("Their chants of “Out! Out! Out!” drowned out the chair."),
            [true]
        );
        assert_eq!(
            framed("Voters recalled her comment that, “Nobody here will lose a job.”"),
            [true]
        );
        assert_eq!(
            framed("When the mayor finally wrapped up — “We will rebuild this pier!” — the crowd cheered."),
            [true]
        );
        assert_eq!(
            framed("He backed the plan -- \"It is the only way we fix the roads.\""),
            [true]
        );
        assert_eq!(
            framed("The pledge on education - “your child achieving more” - was one of six."),
            [true]
        );
        assert_eq!(framed("Turnout fell again- “Nobody came.”"), [false]);
        // A dash that ends a sentence, or opens the paragraph, frames nothing;
        // nor does a noun the quote is not (`the crowd, “…”`).
        assert_eq!(framed("The crowd went quiet. — “Who pays?”"), [false]);
        assert_eq!(framed("The crowd, “Who pays for this?”"), [false]);
        // Not a stage direction or an aside in lower case.
        assert_eq!(framed("“Nothing was done.” (laughs)"), [false]);
        assert_eq!(
            framed("“Nothing was done” (and nobody asked why)."),
            [false]
        );
        // A quote alone, or after the reporter's narrative, is not.
        assert_eq!(framed("“Nothing was done.”"), [false]);
        assert_eq!(framed("The roof fell in, “and nobody came.”"), [false]);
        assert!(scan("Sanders made the following comment:").leads_in);
        // Words after a comma-quote that comment on it, not a speaker.
        let remarked = |text: &str| scan(text).outer().map(|s| s.remarked).collect::<Vec<_>>();
        assert_eq!(
            remarked("“We will not be moved,” an apparent dig at the mayor."),
            [true]
        );
        assert_eq!(
            remarked("“We will not be moved,” a reference to the strike."),
            [true]
        );
        assert_eq!(
            remarked("“We will not be moved,” an aide to the mayor."),
            [false]
        );
        assert_eq!(
            remarked("“We will not be moved.” A reference to the strike."),
            [false]
        );
        // A short question asking for words leads in; any other does not.
        assert!(scan("Just what is this priceless slogan?").leads_in);
        assert!(!scan("Just who will pay for the new bridge?").leads_in);
        // A credit line under a quote standing alone.
        for credit in [
            "- Bernie Sanders.",
            "— Ursula von der Leyen, in Strasbourg",
            "– Clinton",
        ] {
            assert!(scan(credit).credit_line, "{credit}");
        }
        for not in ["- Cut taxes", "Bernie Sanders.", "- Who said “no”?"] {
            assert!(!scan(not).credit_line, "{not}");
        }
        // A quote's source on its own last line, inside the marks, as a
        // blockquote pasted as text leaves it; not a hard-wrapped quote's
        // last words, nor a paragraph's last line of plain words.
        let inside = |t: &str| scan(t).credit_inside;
        assert!(inside(
            "\"We will need stimulus again.\nJosh Bivens, Economic Policy Institute.\""
        ));
        assert!(inside(
            "“The deal is done. Nobody is celebrating.\nMoira Sutherland, GMB Scotland.”"
        ));
        assert!(!inside(
            "“Lorries over seven tonnes will have to go round by\nAshby.”"
        ));
        assert!(!inside(
            "“The deal is done.\nand nobody is celebrating yet.”"
        ));
        assert!(!inside(
            "“The deal is done,” she said.\nMoira Sutherland, GMB Scotland."
        ));
    }

    #[test]
    fn subheads_titles_and_elisions() {
        assert!(scan("‘A change warrior.’").subhead);
        assert!(!scan("“A change warrior.”").subhead);
        assert!(
            !scan("‘We looked at every option, and closing the branches was the last.’").subhead
        );
        assert!(scan("'We Got Her!': Body Camera Shows Moment Officers Reach Girl").titled);
        assert!(scan("3. \"The Gordon problem\"").titled);
        assert!(!scan("3. \"The Gordon problem\" was the first thing he raised.").titled);
        assert!(!scan("“We will win,” the senator told supporters in Des Moines").titled);
        // A subhead or pull quote: only a quote, no sentence's end.
        assert!(scan("“Their lungs simply gave up on them”").titled);
        assert!(scan("\"We write with urgency\"").titled);
        assert!(!scan("“Their lungs simply gave up on them.”").titled);
        assert!(!scan("“Their lungs gave up”, she said").titled);
        // A turned mark before an elision is a wrong apostrophe, not a quote.
        let f = scan("“I’ve got six of ‘em stacked up,” Gov. Chris Christie said.");
        assert_eq!(f.spans.len(), 1);
        assert_eq!(
            f.issues.iter().map(|i| i.kind.clone()).collect::<Vec<_>>(),
            vec![MarkIssueKind::Mismatched {
                replacement: "’".to_string()
            }]
        );
        // Korean: a particle right after the closing mark.
        let f = scan("김민지 의원은 ‘주거는 권리’라는 말을 강조했다.");
        assert_eq!(f.spans.len(), 1);
        assert!(f.spans[0].close.is_some() && f.issues.is_empty());
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
    fn paragraphs_joined_into_one_line_keep_their_run_on_quotes() {
        // An archive ran three paragraphs together: the middle quote ran
        // on to its paragraph's end, and the next paragraph reopened it.
        for text in [
            "\"We welcome the rise,\" said Joan Almada, \"but we need to see it last. \"If the pound falls again, we will be back where we started.\"",
            "“We welcome the rise,” said Joan Almada, “but we need to see it last. “If the pound falls again, we will be back where we started.”",
        ] {
            let f = scan(text);
            assert!(f.issues.is_empty(), "{text}: {:?}", f.issues);
            assert_eq!(f.outer().count(), 3, "{text}");
            let middle = f.outer().nth(1).unwrap();
            assert_eq!(&text[middle.content.clone()], "but we need to see it last.");
        }
        // A quote left open mid-line with no new one after it is still open.
        let f = scan("He said: \"We need to see it last. The pound fell on Friday.");
        assert_eq!(f.outer().next().and_then(|s| s.close.clone()), None);
    }

    #[test]
    fn two_apostrophes_written_for_every_double_mark_are_the_copys_style() {
        // Typewriter copy and newspaper archives write `''` for each double
        // mark: quotes like any other, nested singles inside, no slip noted.
        let text = "''If Secretary Clinton thinks that I come from a small state, 'They are not used to this.' Well, we will get used to it fast,'' Mr. Sanders said. ''I'm not going to get beaten up.''";
        let f = scan(text);
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        let outer: Vec<&str> = f.outer().map(|s| &text[s.content.clone()]).collect();
        assert_eq!(outer.len(), 2, "{outer:?}");
        assert!(outer[0].starts_with("If Secretary Clinton") && outer[0].ends_with("fast,"));
        assert_eq!(outer[1], "I'm not going to get beaten up.");
        assert_eq!(f.spans.iter().filter(|s| s.depth == 1).count(), 1);
        // A run-on quote left open at the paragraph's end, as any other.
        assert_eq!(
            quotes("Mr. Rhodes said, ''The fact is, we have been able to stop it."),
            vec![(
                "The fact is, we have been able to stop it.".to_string(),
                false
            )]
        );
        // Two apostrophes closing a curly quote are still a slip.
        let f = scan("“This is the end,'' she said.");
        assert_eq!(f.issues.len(), 1);
    }

    #[test]
    fn a_lower_case_quote_the_reporters_sentence_carries_on_after_is_partial() {
        each_reads_as(
            &[
                "The study notes that the companies would owe $212 billion in taxes, “equal to the entire state budgets of California, Virginia and Indiana combined,” if they were taxed properly.",
                "He has been, “as far as anyone here can remember, the hardest-working member of the council,” which his rivals concede.",
            ],
            QuoteKind::Partial,
        );
        // A sentence quoted whole, then `because` or `which`: the reporter's.
        each_reads_as(
            &["She was among those surveyed. “But I think the dream has changed,” because of shifts in the economy."],
            QuoteKind::Partial,
        );
        // Opened in lower case after a comma that ends the reporter's own
        // words (an aside, an apposition): it goes on with that sentence.
        each_reads_as(
            &[
                "The letter notes that Councillor Jane Okafor, who is standing for the county seat, “is a housing lawyer who has fought for fair rents in her ward.”",
                "He presents himself as a fan of Dr. Amara Osei, “a real reformer who can fix the hospitals”; and as one who believes the rest.",
            ],
            QuoteKind::Partial,
        );
        // After a speech verb, or after an earlier quote of the sentence,
        // it is still someone's sentence.
        each_reads_as(
            &[
                "The mayor said, “the budget is dead and everyone in this building knows it.”",
                "The singer told the audience, “that’s the best crowd we’ve had all year.”",
                "On tax, “the rich will pay more than they have done for a decade,” he said.",
            ],
            QuoteKind::Full,
        );
        assert_eq!(
            kinds("“Every time you say that,” she said, referring to the excuse, “you give ammunition to the people who want to break up the banks.”"),
            vec![QuoteKind::Full, QuoteKind::Full]
        );
        // A speaker after it still makes it someone's words; so does a
        // clause of time after a sentence, where an attribution was cut.
        each_reads_as(
            &[
                "And then, “as far as anyone here can remember, nobody has ever done that,” he said.",
                "She screams. “Don't you do it,” until gunshots are heard.",
            ],
            QuoteKind::Full,
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
    fn markup_and_inch_marks_are_not_quotes() {
        // An embedded post pasted with its HTML: the attribute values' marks
        // are markup; the post's words in quotes are still a quote.
        let f = scan("<blockquote class=\"twitter-tweet\" data-lang=\"en\">“We are going home,” she wrote.</blockquote>");
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        assert_eq!(f.outer().count(), 1);
        // Heights in feet and inches.
        let f = scan("The centre, who is 6'3\" and 15 st, said he was “ready to start”.");
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        assert_eq!(f.outer().count(), 1);
        let f = scan("At 5' 10\" she was the tallest in the squad.");
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        // Screens and sizes in inches, straight or curled by a word processor.
        for text in [
            "The 65\" set is £549, the 70\"+ models start at £799 and “sell fast”, staff said.",
            "The board measures 22” long and 22” wide.",
        ] {
            let f = scan(text);
            assert!(f.issues.is_empty(), "{text}: {:?}", f.issues);
            assert_eq!(f.outer().count(), usize::from(text.contains('“')), "{text}");
        }
        // A quote that ends on a number still closes.
        let f = scan("He said \"we won by 3\" and left.");
        assert!(
            f.issues.is_empty() && f.outer().count() == 1,
            "{:?}",
            f.issues
        );
        // A comparison in prose is not a tag.
        let f = scan("If x < 3 and \"the rest\" > 2, the quote still counts.");
        assert_eq!(f.outer().count(), 1);
    }

    #[test]
    fn partial_title_and_full() {
        assert_eq!(
            kinds("It was a “developers’ charter”, critics said of “The Long Shore” and “Salt and Iron”."),
            vec![QuoteKind::Partial, QuoteKind::Title, QuoteKind::Title]
        );
        // A fragment woven into the reporter's sentence is partial.
        assert_eq!(
            kinds("“Noted.” That was it. He said the ban had “changed him completely for the better”."),
            vec![QuoteKind::Full, QuoteKind::Partial]
        );
        // US style: the sentence's comma or full stop inside the marks of a title.
        assert_eq!(
            kinds("The band closed with an encore of “Takin’ It to the Streets.”"),
            vec![QuoteKind::Title]
        );
        assert_eq!(
            kinds("“Not Guilty.” The verdict stunned him."),
            vec![QuoteKind::Full]
        );
        assert_eq!(
            kinds("His 1974 album, \"Midnight at the Crossroads,\" drew on gospel. “Absolutely,” she said."),
            vec![QuoteKind::Title, QuoteKind::Full]
        );
        // After `titled` or `headlined`, a title whatever its punctuation.
        assert_eq!(
            kinds("She found solace in an article titled \"Why voting machines fail in the swing states.\""),
            vec![QuoteKind::Title]
        );
        assert_eq!(
            kinds("His column, headlined “Who pays for the pier?”, ran on Sunday."),
            vec![QuoteKind::Title]
        );
    }

    #[test]
    fn a_quote_the_reporters_sentence_runs_on_after_is_woven_in() {
        each_reads_as(
            &[
                "“It’s an across-the-board failure” from diplomacy to the defence budget, in Bolton’s view.",
                "\"He has been very aggressive with the overtime rule\" which Mozloom thinks will cost jobs.",
            ],
            QuoteKind::Partial,
        );
        // A missing comma before the cue is still a cue's quote.
        each_reads_as(
            &[
                "“We will appeal this ruling” he said on Tuesday.",
                "“We will appeal this ruling” said Amara Osei, the club’s lawyer.",
                "“We will appeal this ruling.” The club’s lawyer left.",
            ],
            QuoteKind::Full,
        );
    }

    #[test]
    fn a_sentence_quoted_as_a_name_is_a_title() {
        each_reads_as(
            &[
                "Critics mocked the \"Meth. We're On It.\" campaign all week.",
                "South Dakota’s viral “Meth. We’re on it.” awareness drive cost $449,000.",
                "Their “Meth. We’re on it.” ad ran for a month.",
                "While we focus on the state’s “Don’t jerk and drive. Ever.” slogan, the ads ran on.",
            ],
            QuoteKind::Title,
        );
        // Someone's sentence after a determiner is still a sentence.
        each_reads_as(
            &[
                "He gave the same answer. “We will not back down.” he told reporters.",
                "She read the note aloud: “We are closing.” and then she cried.",
            ],
            QuoteKind::Full,
        );
    }

    #[test]
    fn a_title_introduced_as_one_is_a_title_whatever_its_case() {
        each_reads_as(
            &[
                "The review, entitled “Listening to Families: An Independent Review of Maternity Care”, examined 212 cases.",
                "The paper, titled \"Daily stair climbing and cardiovascular disease: a cohort study,\" was published.",
                "Her single “Hold the Line, Marie” was inescapable that summer.",
            // A comma between the word and the title.
                "Ana Ortiz’s column, “Let the harbour breathe,” drew 300 letters.",
            ],
            QuoteKind::Title,
        );
        // A sentence quoted after such a word is still a quote.
        assert_eq!(
            kinds("He played the song. “It was the best night of my life,” he said."),
            vec![QuoteKind::Full]
        );
        assert_eq!(
            kinds("She sang the anthem “and then we all went home.”"),
            vec![QuoteKind::Partial]
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
