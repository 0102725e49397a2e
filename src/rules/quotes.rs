//! What the quote rules share: the article-wide facts they read
//! ([`Shared`]), the house style for naming people, the people named near a
//! quote, and the quotes that belong to a run of paragraphs.

use std::ops::Range;

use crate::analysis::{
    Article, Gender, Mention, MentionRef, ParagraphFacts, People, PersonId, Quote, QuoteKind,
};
use crate::text::{ParaSplice, Paragraphs};

/// How far (in paragraphs) from a quote the people offered to attribute it
/// to may be named: a quick fix proposes someone the reader has just met.
pub const NEAR: usize = 10;

/// What the quote rules read from the whole article: if an edit leaves
/// these alone, a quote's findings depend only on what lies within [`NEAR`]
/// paragraphs of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub(crate) style: StyleCounts,
    /// Curly and straight quote marks in the article.
    marks: (u32, u32),
    /// Curly marks outnumber straight ones.
    pub(crate) curly_copy: bool,
    /// Outermost quotes in single and in double marks.
    families: (u32, u32),
    /// The copy quotes in single marks (`‘…’`) more than in double ones.
    pub(crate) single_copy: bool,
    /// Per person: whether any quote is attributed to them.
    pub(crate) quoted: Vec<bool>,
}

impl Shared {
    pub fn of(article: &Article<'_>) -> Self {
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
        Self::with(style, marks, families(article.paragraphs), article)
    }

    /// The globals of `article`, made from `earlier`'s, which were worked
    /// out for the paragraphs `before` and their people `people`, of which
    /// only the paragraphs `edited.old` changed (into `edited.new` of the
    /// article), and no one's mentions outside them.
    pub fn update(
        earlier: &Self,
        people: &People,
        before: Paragraphs<'_, ParagraphFacts>,
        article: &Article<'_>,
        edited: &ParaSplice,
    ) -> Self {
        let mut style = earlier.style;
        let (mut curly, mut straight) = earlier.marks;
        let (mut single, mut double) = earlier.families;
        let sides = [
            (before, people, edited.old.clone(), -1),
            (article.paragraphs, &*article.people, edited.new.clone(), 1),
        ];
        for (paras, people, range, by) in sides {
            for p in range {
                let Some(para) = paras.get(p) else {
                    continue;
                };
                let q = &para.facts.quotes;
                if by > 0 {
                    curly += q.curly_marks;
                    straight += q.straight_marks;
                    single += q.single_quotes;
                    double += q.double_quotes;
                } else {
                    curly = curly.saturating_sub(q.curly_marks);
                    straight = straight.saturating_sub(q.straight_marks);
                    single = single.saturating_sub(q.single_quotes);
                    double = double.saturating_sub(q.double_quotes);
                }
                for (index, m) in para.facts.mentions.iter().enumerate() {
                    if people.id_of(MentionRef { para: p, index }).is_some() {
                        style.count(m, by);
                    }
                }
            }
        }
        Self::with(style, (curly, straight), (single, double), article)
    }

    /// Whether the quote checks read the two the same way, but for whether
    /// the people `local` holds for are quoted.
    pub fn reads_as(&self, other: &Self, local: impl Fn(PersonId) -> bool) -> bool {
        let quoted = |q: &[bool], id: usize| q.get(id).copied().unwrap_or(false);
        self.style.style() == other.style.style()
            && self.curly_copy == other.curly_copy
            && self.single_copy == other.single_copy
            && (0..self.quoted.len().max(other.quoted.len()))
                .all(|id| quoted(&self.quoted, id) == quoted(&other.quoted, id) || local(id))
    }

    fn with(
        style: StyleCounts,
        marks: (u32, u32),
        families: (u32, u32),
        article: &Article<'_>,
    ) -> Self {
        Self {
            style,
            marks,
            curly_copy: marks.0 > marks.1,
            families,
            single_copy: families.0 > families.1,
            quoted: article
                .attribution
                .quotes_by_person
                .iter()
                .map(|n| *n > 0)
                .collect(),
        }
    }
}

/// Outermost quotes in single and in double marks in `paragraphs`.
pub fn families(paragraphs: Paragraphs<'_, ParagraphFacts>) -> (u32, u32) {
    paragraphs.iter().fold((0, 0), |(s, d), p| {
        (
            s + p.facts.quotes.single_quotes,
            d + p.facts.quotes.double_quotes,
        )
    })
}

/// The quotes whose first paragraph is in `paras`.
pub(crate) fn quotes_in<'q>(article: &'q Article<'_>, paras: &Range<usize>) -> &'q [Quote] {
    let quotes = article.quotes();
    let from = quotes.partition_point(|q| q.paragraphs.start < paras.start);
    let to = quotes.partition_point(|q| q.paragraphs.start < paras.end);
    &quotes[from..to]
}

/// Whether a quote must be attributed: a full quote with no speaker that
/// nothing in the copy introduces, or whose attribution was visibly cut out
/// (stray punctuation where it stood, a comma ending the quote with no cue).
/// A quote the copy introduces (`as if to say, “…”`, `From the report: “…”`)
/// whose speaker copydesk cannot resolve is not the copy's fault.
/// A subhead in single marks (`‘A change warrior.’`) needs no speaker unless
/// the copy quotes speech in single marks (`single_copy`). Nor does a quote
/// credited on a line of its own ([`credited`]), nor one never closed:
/// where it ends, and so whether a cue follows it, is unknown (`“There was
/// no plan, said Kessel.`), and `unbalanced-quote` flags it already.
pub fn needs_speaker(article: &Article<'_>, q: &Quote, single_copy: bool) -> bool {
    q.kind == QuoteKind::Full
        && q.closed
        && q.speaker.is_none()
        && !q.headline
        && (single_copy || !q.subhead)
        && (!q.introduced || q.broken)
        && !credited(article, q)
}

/// What a quote sheet says in place of a speaker for a quote with none,
/// the same in the CLI and the editor: `UNATTRIBUTED` only where
/// `unattributed-quote` would flag it (`single_copy`: the copy quotes in
/// single marks, see [`needs_speaker`]).
pub fn no_speaker_label(article: &Article<'_>, q: &Quote, single_copy: bool) -> &'static str {
    if needs_speaker(article, q, single_copy) {
        "UNATTRIBUTED"
    } else if q.headline {
        "(headline)"
    } else if q.kind == QuoteKind::Title {
        "(title)"
    } else if q.kind != QuoteKind::Full {
        "(partial)"
    } else if credited(article, q) {
        "(credited)"
    } else if !q.closed {
        "(unclosed)"
    } else if q.introduced {
        "(introduced)"
    } else {
        "(unresolved)"
    }
}

/// Whether the quote closes its paragraph and the next paragraph is a
/// credit line naming who said it (`“…”` then `- Bernie Sanders.`, as fact
/// checks and epigraphs set a quote), or its own last line is
/// ([`QuoteFacts::credit_inside`](crate::analysis::quotes::QuoteFacts)).
fn credited(article: &Article<'_>, q: &Quote) -> bool {
    let last = q.paragraphs.end.saturating_sub(1);
    let Some(para) = article.paragraphs.get(last) else {
        return false;
    };
    let below = || {
        article
            .paragraphs
            .get(last + 1)
            .is_some_and(|next| next.facts.quotes.credit_line && article.is_copy(next.start))
    };
    // Nothing after the closing mark but a full stop.
    q.closed && q.range.end + 1 >= para.end() && (para.facts.quotes.credit_inside || below())
}

/// How the article refers to people on second reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameStyle {
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
pub(crate) struct StyleCounts {
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

    pub(crate) fn style(&self) -> NameStyle {
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
pub(crate) fn reference(article: &Article<'_>, id: PersonId, style: NameStyle) -> Option<String> {
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
pub(crate) fn nearest_people(
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

pub(crate) fn closing_for(open: char) -> &'static str {
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

pub(crate) fn straight_of(mark: &str) -> String {
    match mark {
        "“" | "”" => "\"".to_string(),
        "‘" | "’" => "'".to_string(),
        other => other.to_string(),
    }
}
