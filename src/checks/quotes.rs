//! The quote checks:
//! - `unattributed-quote`: a full direct quote nobody is named as saying;
//!   the fixes attribute it to one of the nearest named speakers.
//! - `unbalanced-quote`: an opening mark that never closes, or a closing mark
//!   with no opening one.
//! - `quote-marks`: a mark standing where another belongs (`’’` for `”`, a
//!   straight mark in copy that is otherwise curly).

use std::ops::Range;

use super::{Edit, Finding, Fix};
use crate::analysis::quotes::{Family, MarkIssueKind};
use crate::analysis::{
    Article, Gender, Mention, MentionRef, ParagraphFacts, People, PersonId, Quote, QuoteKind,
};
use crate::config::{Config, Severity};
use crate::text::Paragraphs;

pub const UNATTRIBUTED: &str = "unattributed-quote";
pub const UNBALANCED: &str = "unbalanced-quote";
pub const MARKS: &str = "quote-marks";

/// Runs the enabled quote checks.
pub fn check(article: &Article<'_>, config: &Config, out: &mut Vec<Finding>) {
    let all = 0..article.paragraphs.len();
    check_in(article, config, all, &Globals::of(article), out);
}

/// How far (in paragraphs) from a quote the people offered to attribute it
/// to may be named: a quick fix proposes someone the reader has just met.
pub(crate) const NEAR: usize = 10;

/// What the quote checks read from the whole article: if an edit leaves
/// these alone, a quote's findings depend only on what lies within [`NEAR`]
/// paragraphs of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Globals {
    style: StyleCounts,
    /// Curly and straight quote marks in the article.
    marks: (u32, u32),
    /// Curly marks outnumber straight ones.
    curly_copy: bool,
    /// Per person: whether any quote is attributed to them.
    quoted: Vec<bool>,
}

impl Globals {
    pub(crate) fn of(article: &Article<'_>) -> Self {
        let mut style = StyleCounts::default();
        for person in article.people.iter() {
            for r in &person.mentions {
                if let Some(m) = article
                    .paragraphs
                    .get(r.para)
                    .and_then(|p| p.facts.mentions.get(r.index))
                {
                    style.count(m, 1);
                }
            }
        }
        let marks = article.paragraphs.iter().fold((0u32, 0u32), |(c, s), p| {
            (
                c + p.facts.quotes.curly_marks,
                s + p.facts.quotes.straight_marks,
            )
        });
        Self::with(style, marks, article)
    }

    /// The globals of `article`, made from `earlier`'s, which were worked
    /// out for the paragraphs `before` and their people `people`, of which
    /// only the paragraphs `edited` changed, and no one's mentions outside
    /// them.
    pub(crate) fn update(
        earlier: &Self,
        people: &People,
        before: Paragraphs<'_, ParagraphFacts>,
        article: &Article<'_>,
        edited: Range<usize>,
    ) -> Self {
        let mut style = earlier.style;
        let (mut curly, mut straight) = earlier.marks;
        for p in edited {
            for (paras, add) in [(before, false), (article.paragraphs, true)] {
                if let Some(q) = paras.get(p).map(|para| &para.facts.quotes) {
                    if add {
                        curly += q.curly_marks;
                        straight += q.straight_marks;
                    } else {
                        curly = curly.saturating_sub(q.curly_marks);
                        straight = straight.saturating_sub(q.straight_marks);
                    }
                }
            }
            let count = |paras: Paragraphs<'_, ParagraphFacts>,
                         people: &People,
                         by: i32,
                         style: &mut StyleCounts| {
                let Some(para) = paras.get(p) else {
                    return;
                };
                for (index, m) in para.facts.mentions.iter().enumerate() {
                    if people.id_of(MentionRef { para: p, index }).is_some() {
                        style.count(m, by);
                    }
                }
            };
            count(before, people, -1, &mut style);
            count(article.paragraphs, &article.people, 1, &mut style);
        }
        Self::with(style, (curly, straight), article)
    }

    /// Whether the quote checks read the two the same way, but for whether
    /// the people `local` holds for are quoted.
    pub(crate) fn reads_as(&self, other: &Self, local: impl Fn(PersonId) -> bool) -> bool {
        let quoted = |q: &[bool], id: usize| q.get(id).copied().unwrap_or(false);
        self.style.style() == other.style.style()
            && self.curly_copy == other.curly_copy
            && (0..self.quoted.len().max(other.quoted.len()))
                .all(|id| quoted(&self.quoted, id) == quoted(&other.quoted, id) || local(id))
    }

    fn with(style: StyleCounts, marks: (u32, u32), article: &Article<'_>) -> Self {
        Self {
            style,
            marks,
            curly_copy: marks.0 > marks.1,
            quoted: article
                .attribution
                .quotes_by_person
                .iter()
                .map(|n| *n > 0)
                .collect(),
        }
    }
}

/// The quote checks' findings that belong to paragraphs `paras` (a quote
/// belongs to its first paragraph).
pub(crate) fn check_in(
    article: &Article<'_>,
    config: &Config,
    paras: Range<usize>,
    globals: &Globals,
    out: &mut Vec<Finding>,
) {
    if config.enabled(UNATTRIBUTED) {
        unattributed(article, config.severity(UNATTRIBUTED), &paras, globals, out);
    }
    if config.enabled(UNBALANCED) {
        unbalanced(article, config.severity(UNBALANCED), &paras, out);
    }
    if config.enabled(MARKS) {
        marks(
            article,
            config.severity(MARKS),
            &paras,
            globals.curly_copy,
            out,
        );
    }
}

/// The quotes whose first paragraph is in `paras`.
fn quotes_in<'q>(article: &'q Article<'_>, paras: &Range<usize>) -> &'q [Quote] {
    let quotes = article.quotes();
    let from = quotes.partition_point(|q| q.paragraphs.start < paras.start);
    let to = quotes.partition_point(|q| q.paragraphs.start < paras.end);
    &quotes[from..to]
}

/// Whether a quote must be attributed.
pub fn needs_speaker(q: &Quote) -> bool {
    q.kind == QuoteKind::Full && q.speaker.is_none() && !q.headline
}

/// How the article refers to people on second reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameStyle {
    /// `Mr Kuleba` (UK).
    Honorific,
    /// `Mr. Kuleba` (US papers that use honorifics).
    HonorificDot,
    /// `Kuleba` (most US copy).
    Bare,
}

/// How often people are named by each style on second reference: only
/// mentions of people count (a lone capitalised word that is no one's
/// surname says nothing about the house style).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct StyleCounts {
    plain: i32,
    dotted: i32,
    bare: i32,
}

impl StyleCounts {
    /// Counts a person's mention `by` times (-1 takes it back).
    fn count(&mut self, m: &Mention, by: i32) {
        match m.honorific.as_deref() {
            Some("Mr" | "Mrs" | "Ms" | "Miss") => {
                // The gap between the honorific and the name shows a full stop.
                let gap = m
                    .honorific_range
                    .as_ref()
                    .map_or(0, |h| m.name.start.saturating_sub(h.end));
                if gap > 1 {
                    self.dotted += by;
                } else {
                    self.plain += by;
                }
            }
            None if !m.is_full() => self.bare += by,
            _ => {}
        }
    }

    fn style(&self) -> NameStyle {
        let (plain, dotted, bare) = (self.plain, self.dotted, self.bare);
        if plain + dotted == 0 || bare > plain + dotted {
            NameStyle::Bare
        } else if dotted > plain {
            NameStyle::HonorificDot
        } else {
            NameStyle::Honorific
        }
    }
}

/// `Mr Surname` (or `Mr. Surname`, or `Surname`) for a person, in the article's style.
fn reference(article: &Article<'_>, id: PersonId, style: NameStyle) -> Option<String> {
    let person = article.people.person(id)?;
    let surname = person.surname.trim_end_matches("’s").trim_end_matches("'s");
    if style == NameStyle::Bare {
        return Some(surname.to_string());
    }
    let own = person.mentions.iter().find_map(|r| {
        article
            .paragraphs
            .get(r.para)?
            .facts
            .mentions
            .get(r.index)
            .filter(|m| m.has_courtesy_honorific())?
            .honorific
            .clone()
    });
    let honorific = own.or_else(|| match person.gender {
        Some(Gender::Male) => Some("Mr".to_string()),
        Some(Gender::Female) => Some("Ms".to_string()),
        None => None,
    });
    Some(match (honorific, style) {
        (Some(h), NameStyle::HonorificDot) if matches!(h.as_str(), "Mr" | "Mrs" | "Ms" | "Dr") => {
            format!("{h}. {surname}")
        }
        (Some(h), _) => format!("{h} {surname}"),
        (None, _) => surname.to_string(),
    })
}

/// People named nearest to a quote in paragraph `para` at `at`, nearest
/// first, at most `n`, none more than [`NEAR`] paragraphs away. `named`
/// holds (position, paragraph, person), sorted.
/// Nearness counts paragraphs, then names between, earlier ones first: the
/// same paragraph, then the one before, then the one after. It never counts
/// bytes, so typing elsewhere cannot reorder the choices.
fn nearest_people(
    named: &[(usize, usize, PersonId)],
    at: usize,
    para: usize,
    n: usize,
) -> Vec<PersonId> {
    let mut out: Vec<PersonId> = Vec::new();
    let i = named.partition_point(|(pos, _, _)| *pos < at);
    let (mut left, mut right) = (i, i);
    let mut steps = 0;
    while out.len() < n && (left > 0 || right < named.len()) && steps < 200 {
        steps += 1;
        let dl = (left > 0)
            .then(|| para - named[left - 1].1)
            .filter(|d| *d <= NEAR);
        let dr = (right < named.len())
            .then(|| named[right].1 - para)
            .filter(|d| *d <= NEAR);
        if dl.is_none() && dr.is_none() {
            break;
        }
        let take = match (dl, dr) {
            (Some(l), Some(r)) if l <= r => {
                left -= 1;
                named[left].2
            }
            (Some(_), None) => {
                left -= 1;
                named[left].2
            }
            _ => {
                right += 1;
                named[right - 1].2
            }
        };
        if !out.contains(&take) {
            out.push(take);
        }
    }
    out
}

fn unattributed(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    globals: &Globals,
    out: &mut Vec<Finding>,
) {
    let quotes: Vec<&Quote> = quotes_in(article, paras)
        .iter()
        .filter(|q| needs_speaker(q))
        .collect();
    if quotes.is_empty() {
        return;
    }
    // Who speaks or is named where, within reach of these quotes: attributed
    // quotes and mentions outside quotes.
    let reach = paras.start.saturating_sub(NEAR)..paras.end.saturating_add(NEAR);
    let mut named: Vec<(usize, usize, PersonId)> = Vec::new();
    for q in quotes_in(article, &reach) {
        if let Some(id) = q.speaker.as_ref().and_then(|s| s.person) {
            named.push((q.range.start, q.paragraphs.start, id));
        }
    }
    let end = reach.end.min(article.paragraphs.len());
    // Every quote that reaches into those paragraphs.
    let near = {
        let quotes = article.quotes();
        let from = quotes.partition_point(|q| q.paragraphs.end <= reach.start);
        let to = quotes.partition_point(|q| q.paragraphs.start < reach.end);
        &quotes[from..to.max(from)]
    };
    for (pi, p) in article
        .paragraphs
        .iter()
        .enumerate()
        .take(end)
        .skip(reach.start)
    {
        for (index, m) in p.facts.mentions.iter().enumerate() {
            let at = p.start + m.range.start;
            if crate::analysis::attribution::quote_at(near, at).is_some() {
                continue;
            }
            if let Some(person) = article
                .people
                .person_of(crate::analysis::MentionRef { para: pi, index })
            {
                if globals.quoted.get(person.id).copied().unwrap_or(false)
                    || article
                        .display_name(person.id)
                        .is_some_and(|n| n.contains(' '))
                {
                    named.push((at, pi, person.id));
                }
            }
        }
    }
    named.sort_unstable();
    let style = globals.style.style();
    for q in quotes {
        if !article.is_copy(q.range.start) {
            continue;
        }
        let fixes = nearest_people(&named, q.range.start, q.paragraphs.start, 3)
            .into_iter()
            .filter_map(|id| {
                let who = reference(article, id, style)?;
                let full = article.display_name(id)?;
                Some(Fix {
                    title: format!("Attribute to {full}"),
                    edits: attribution_edits(q, &who)?,
                    safe: false,
                })
            })
            .collect();
        out.push(Finding {
            code: UNATTRIBUTED,
            severity,
            range: q.range.clone(),
            message: "Direct quote with no speaker: say who said it, or cut it".to_string(),
            fixes,
        });
    }
}

/// `“… end.”` → `“… end,” Mr Surname said.`
fn attribution_edits(q: &Quote, who: &str) -> Option<Vec<Edit>> {
    let close = q.close.clone()?;
    let mut edits = Vec::new();
    let tail = match (q.last_char, q.last_char_at) {
        (Some('.'), Some(at)) => {
            edits.push(Edit {
                range: at..at + 1,
                new_text: ",".to_string(),
            });
            format!(" {who} said.")
        }
        _ => format!(" {who} said."),
    };
    edits.push(Edit {
        range: close.end..close.end,
        new_text: tail,
    });
    Some(edits)
}

fn closing_for(open: char) -> &'static str {
    match open {
        '‘' | '’' => "’",
        '\'' => "'",
        '"' => "\"",
        '«' => "»",
        '„' => "“",
        '‚' => "‘",
        _ => "”",
    }
}

fn unbalanced(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    out: &mut Vec<Finding>,
) {
    for q in quotes_in(article, paras) {
        if q.closed || !article.is_copy(q.range.start) {
            continue;
        }
        let Some(para) = article.paragraphs.get(q.paragraphs.end.saturating_sub(1)) else {
            continue;
        };
        let mark = closing_for(q.open_mark);
        out.push(Finding {
            code: UNBALANCED,
            severity,
            range: q.open.clone(),
            message: format!("Quote opened here is never closed: add {mark} where it ends"),
            fixes: vec![Fix {
                title: format!("Close the quote at the end of the paragraph with {mark}"),
                edits: vec![Edit {
                    range: para.end()..para.end(),
                    new_text: mark.to_string(),
                }],
                safe: false,
            }],
        });
    }
    for p in article
        .paragraphs
        .get_slice(paras.clone())
        .unwrap_or_default()
    {
        for issue in &p.facts.quotes.issues {
            let range = p.start + issue.range.start..p.start + issue.range.end;
            if !article.is_copy(range.start) {
                continue;
            }
            let message = match issue.kind {
                MarkIssueKind::Unopened => {
                    "Closing quote mark with no opening mark: remove it, or open the quote"
                }
                MarkIssueKind::Unclosed => {
                    "Inner quote opened here is never closed: close it, or remove the mark"
                }
                MarkIssueKind::Mismatched { .. } => continue,
            };
            out.push(Finding {
                code: UNBALANCED,
                severity,
                range: range.clone(),
                message: message.to_string(),
                fixes: vec![Fix {
                    title: "Remove the stray quote mark".to_string(),
                    edits: vec![Edit {
                        range,
                        new_text: String::new(),
                    }],
                    safe: false,
                }],
            });
        }
    }
}

fn marks(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    curly_copy: bool,
    out: &mut Vec<Finding>,
) {
    for p in article
        .paragraphs
        .get_slice(paras.clone())
        .unwrap_or_default()
    {
        for issue in &p.facts.quotes.issues {
            let MarkIssueKind::Mismatched { replacement } = &issue.kind else {
                continue;
            };
            let range = p.start + issue.range.start..p.start + issue.range.end;
            if !article.is_copy(range.start) {
                continue;
            }
            let replacement = if curly_copy {
                replacement.clone()
            } else {
                straight_of(replacement)
            };
            out.push(Finding {
                code: MARKS,
                severity,
                range: range.clone(),
                message: format!("Wrong quote mark here: use {replacement}"),
                fixes: vec![Fix {
                    title: format!("Replace with {replacement}"),
                    edits: vec![Edit {
                        range,
                        new_text: replacement,
                    }],
                    safe: true,
                }],
            });
        }
        if !curly_copy {
            continue;
        }
        for s in &p.facts.quotes.spans {
            if !s.straight || !article.is_copy(p.start + s.open.start) {
                continue;
            }
            let (open, close) = match s.family {
                Family::Double => ("“", "”"),
                Family::Single => ("‘", "’"),
            };
            let mut edits = vec![Edit {
                range: p.start + s.open.start..p.start + s.open.end,
                new_text: open.to_string(),
            }];
            if let Some(c) = &s.close {
                edits.push(Edit {
                    range: p.start + c.start..p.start + c.end,
                    new_text: close.to_string(),
                });
            }
            out.push(Finding {
                code: MARKS,
                severity,
                range: p.start + s.open.start..p.start + s.open.end,
                message: format!("Straight quote marks in curly copy: use {open} {close}"),
                fixes: vec![Fix {
                    title: format!("Use {open} {close}"),
                    edits,
                    safe: true,
                }],
            });
        }
    }
}

fn straight_of(mark: &str) -> String {
    match mark {
        "“" | "”" => "\"".to_string(),
        "‘" | "’" => "'".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Language;
    use crate::checks::{apply_edits, check_text, Finding};
    use crate::config::Config;

    fn findings(text: &str, code: &str) -> Vec<Finding> {
        check_text(text, Language::PlainText, &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code == code)
            .collect()
    }

    #[test]
    fn a_quote_paragraph_after_narrative_is_unattributed_and_fix_uses_house_style() {
        let text = "Council approves budget\n\nThe finance chief, Priya Nandra, said the rise was needed.\n\nMr Graham Whitlock said the council had wasted millions. “They cried poverty,” Mr Whitlock said.\n\nThe rise takes effect in April.\n\n“Nobody wants to put up taxes this year.”\n";
        let f = findings(text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            &text[f[0].range.clone()],
            "“Nobody wants to put up taxes this year.”"
        );
        let titles: Vec<&str> = f[0].fixes.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Attribute to Graham Whitlock", "Attribute to Priya Nandra"]
        );
        assert!(f[0].fixes.iter().all(|x| !x.safe));
        let fixed = apply_edits(text, &f[0].fixes[0].edits);
        assert!(
            fixed.contains("“Nobody wants to put up taxes this year,” Mr Whitlock said.\n"),
            "{fixed}"
        );
    }

    #[test]
    fn only_people_named_near_a_quote_are_offered() {
        let filler = "The hearing resumed after lunch.\n\n".repeat(12);
        let text = format!("Judge Alan Pemberton opened the inquiry on Monday.\n\n{filler}Counsel Rhona Baird rose to speak.\n\n“There is no record of the meeting at all.”\n");
        let f = findings(&text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        let titles: Vec<&str> = f[0].fixes.iter().map(|x| x.title.as_str()).collect();
        // Pemberton was named 14 paragraphs before: too far to guess.
        assert_eq!(titles, vec!["Attribute to Rhona Baird"]);
    }

    #[test]
    fn us_copy_attributes_with_the_bare_surname() {
        let text = "Sen. Ray Calloway voted against the bill. \"We keep kicking the can,\" Calloway said.\n\n\"The debt will not wait for us.\"\n";
        let f = findings(text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        let fixed = apply_edits(text, &f[0].fixes[0].edits);
        assert!(
            fixed.contains("\"The debt will not wait for us,\" Calloway said.\n"),
            "{fixed}"
        );
    }

    #[test]
    fn scare_quotes_titles_and_headlines_are_not_flagged() {
        let text = "Minister: ‘We will not back down on this’\n\nCritics called it a “developers’ charter” after “The Long Shore” aired on the BBC.\n\n# ‘Nothing to hide here at all’\n";
        assert!(findings(text, "unattributed-quote").is_empty());
    }

    #[test]
    fn quotes_in_code_and_mid_article_fragments() {
        let text = "# Budget day\n\n```text\n“An unattributed sample quote in a code block.”\n```\n\nThe vote is on Monday.\n\n“We will never give up on this town”\n";
        let checked = check_text(text, Language::Markdown, &Config::default());
        let f: Vec<&Finding> = checked
            .findings
            .iter()
            .filter(|f| f.code == "unattributed-quote")
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            &text[f[0].range.clone()],
            "“We will never give up on this town”"
        );
    }

    #[test]
    fn unclosed_quote_and_stray_mark() {
        let text = "“We will fight on, he said.\n\nThe vote is next week.\n";
        let f = findings(text, "unbalanced-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            apply_edits(text, &f[0].fixes[0].edits),
            "“We will fight on, he said.”\n\nThe vote is next week.\n"
        );
        // A quote that runs on into the next paragraph is balanced.
        let text = "She said: “We came to win.\n\n“And we did,” she said.\n";
        assert!(findings(text, "unbalanced-quote").is_empty());
        let text = "The plan was dead, he said.” Talks resume on Monday.\n";
        let f = findings(text, "unbalanced-quote");
        assert_eq!(f.len(), 1);
        assert_eq!(
            apply_edits(text, &f[0].fixes[0].edits),
            "The plan was dead, he said. Talks resume on Monday.\n"
        );
    }

    #[test]
    fn mismatched_and_straight_marks_in_curly_copy() {
        let text = "“We are ready,’’ the coach said. “So are the fans,” he added, and \"nobody\" disagreed.\r\n";
        let f = findings(text, "quote-marks");
        assert_eq!(f.len(), 2, "{f:?}");
        let mut fixed = text.to_string();
        for finding in f.iter().rev() {
            fixed = apply_edits(&fixed, &finding.fixes[0].edits);
        }
        assert_eq!(
            fixed,
            "“We are ready,” the coach said. “So are the fans,” he added, and “nobody” disagreed.\r\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_edits_stay_on_char_boundaries(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", " said", " he", " Mr Kuleba",
                "Ms Lee", " the minister", ",", ".", ":", "?", " ", "\u{a0}", "\n", "\r\n", "\n\n",
                "🎉", "won’t", "’90s", "according to", " a senior official", "We", " will", "#",
            ]), 0..60)
        ) {
            let text: String = parts.concat();
            let checked = check_text(&text, Language::Markdown, &Config::default());
            for f in &checked.findings {
                proptest::prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
                for fix in &f.fixes {
                    let mut edits = fix.edits.clone();
                    edits.sort_by_key(|e| e.range.start);
                    for e in &edits {
                        proptest::prop_assert!(e.range.end <= text.len());
                        proptest::prop_assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
                    }
                    let _ = apply_edits(&text, &edits);
                }
            }
        }
    }
}
