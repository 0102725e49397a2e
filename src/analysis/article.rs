//! Step 2 of the engine: the article model, a pass over the facts of all
//! paragraphs (what is not copy, the ignore comments' reach, the people,
//! every quote with its speaker).

use std::ops::Range;
use std::sync::Arc;

use super::{
    attribution, furniture, ignore, markdown, Attribution, Language, ParagraphFacts, People,
    PersonId, Quote,
};
use crate::text::{Paragraph, Paragraphs};

/// The article model: the paragraphs' facts plus what only the whole article
/// shows. Built over facts, linear in their number.
#[derive(Debug)]
pub struct Article<'a> {
    pub language: Language,
    pub paragraphs: Paragraphs<'a, ParagraphFacts>,
    /// Byte ranges that are not copy (Markdown code blocks, front matter).
    pub excluded: Vec<Range<usize>>,
    /// The ignore comments and how far each reaches ([`ignore::plan`]).
    pub ignores: Arc<[ignore::Planned]>,
    /// The people the article names, grouped from the mentions (shared, so
    /// a keystroke keeps them, or regroups only around the edit: [`People::update`]).
    pub people: Arc<People>,
    /// Every quote with its speaker, the pronouns and role nouns resolved to people.
    pub attribution: Arc<Attribution>,
    /// What quote attribution skips ([`not_prose`]).
    pub(super) not_prose: Vec<Range<usize>>,
    /// The attribution walk's states and rows, to resume it after an edit.
    pub(super) walk: Arc<attribution::WalkLog>,
    /// Which words the paragraphs look people up by ([`ArticleParts`](super::ArticleParts)).
    pub(super) reads: Option<Arc<attribution::Reads>>,
}

/// What is not copy: HTML comments in any text; in Markdown also code
/// (fenced and indented) and front matter. With it, the ignore comments
/// (those outside code) and their reach.
pub(super) fn excluded_ranges(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    language: Language,
) -> (Vec<Range<usize>>, Arc<[ignore::Planned]>) {
    let code = match language {
        Language::Markdown => markdown::excluded_ranges(paragraphs),
        Language::PlainText => Vec::new(),
    };
    let ignores = if paragraphs
        .iter()
        .any(|p| !p.facts.ignore.directives.is_empty())
    {
        ignore::plan(paragraphs, |at| code.iter().any(|r| r.contains(&at))).into()
    } else {
        Arc::from(Vec::new())
    };
    (markdown::with_comments(paragraphs, code), ignores)
}

/// Whether a paragraph has a line the furniture judge reads (furniture, a
/// link or a cue): an edit to it, or next to it, may change the furniture
/// blocks around it.
pub(super) fn has_furniture(p: Paragraph<'_, ParagraphFacts>) -> bool {
    furniture::reads(&p.facts.boilerplate)
}

/// The indices of the paragraphs that are web furniture through and through.
fn furniture_paragraphs(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Vec<usize> {
    let facts = paragraphs
        .iter()
        .map(|p| (p.facts.lines.len(), p.facts.boilerplate.as_slice()));
    let mut out = Vec::new();
    for b in furniture::blocks(facts) {
        for para in b.first.para..=b.last.para {
            let from = if para == b.first.para {
                b.first.line
            } else {
                0
            };
            let lines = paragraphs.at(para).facts.lines.len();
            let to = if para == b.last.para {
                b.last.line + 1
            } else {
                lines
            };
            if from == 0 && to >= lines && out.last() != Some(&para) {
                out.push(para);
            }
        }
    }
    out
}

/// What quote attribution skips: what is not copy, plus paragraphs that are
/// web furniture through and through (a scare quote in a `READ MORE` link
/// headline is nobody's quote). Sorted and disjoint.
pub(super) fn not_prose(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    excluded: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = excluded.to_vec();
    out.extend(
        furniture_paragraphs(paragraphs)
            .into_iter()
            .map(|i| paragraphs.at(i).range()),
    );
    out.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

impl<'a> Article<'a> {
    pub fn new(paragraphs: Paragraphs<'a, ParagraphFacts>, language: Language) -> Self {
        Self::with_style_book(paragraphs, language, &[])
    }

    /// The article model with the style book's canonical name spellings
    /// (`config.names.canonical`).
    pub fn with_style_book(
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
        style_book: &[String],
    ) -> Self {
        Self::with_people(
            paragraphs,
            language,
            Arc::new(People::build(paragraphs, style_book)),
        )
    }

    /// The article model with people already built (or reused) for these
    /// paragraphs.
    pub fn with_people(
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
        people: Arc<People>,
    ) -> Self {
        let (excluded, ignores) = excluded_ranges(paragraphs, language);
        let not_prose = not_prose(paragraphs, &excluded);
        let ctx = Arc::new(attribution::Ctx::new(&people));
        Self::with_walk(
            paragraphs,
            language,
            people,
            ctx,
            (excluded, ignores),
            not_prose,
        )
    }

    pub(super) fn with_walk(
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
        people: Arc<People>,
        ctx: Arc<attribution::Ctx>,
        (excluded, ignores): (Vec<Range<usize>>, Arc<[ignore::Planned]>),
        not_prose: Vec<Range<usize>>,
    ) -> Self {
        let (attribution, walk) =
            attribution::attribute_logged(paragraphs, &people, ctx, &not_prose);
        Self {
            language,
            paragraphs,
            excluded,
            ignores,
            people,
            attribution: Arc::new(attribution),
            not_prose,
            walk: Arc::new(walk),
            reads: None,
        }
    }

    /// The people and attribution with people numbered in order of first
    /// mention, as a fresh pass numbers them (ids kept across edits are
    /// only labels: see [`PersonId`]). For comparing passes.
    pub fn renumbered(&self) -> (People, Attribution) {
        let (people, map) = self.people.renumbered();
        (people, self.attribution.renumbered(&map))
    }

    /// The quotes of the article, in order.
    pub fn quotes(&self) -> &[Quote] {
        &self.attribution.quotes
    }

    /// The quote whose range holds the byte `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.attribution.quote_at(offset)
    }

    /// A person's name without honorifics or leading role words
    /// (`Foreign Minister Dmytro Kuleba` → `Dmytro Kuleba`).
    pub fn display_name(&self, id: PersonId) -> Option<&str> {
        self.walk.ctx().display(id)
    }

    /// Whether the article is not in English (a German or Russian page
    /// pasted by mistake): more of its paragraphs read in another language
    /// than in English, and at least two. Name and quote rules say nothing
    /// on such copy. O(1): the count is kept with the people.
    pub fn is_foreign(&self) -> bool {
        self.people.is_foreign()
    }

    /// Whether the byte at `offset` is copy (not code or front matter).
    pub fn is_copy(&self, offset: usize) -> bool {
        let i = self.excluded.partition_point(|r| r.end <= offset);
        self.excluded.get(i).is_none_or(|r| offset < r.start)
    }

    /// Absolute byte range of line `line` of paragraph `para`.
    pub fn line_range(&self, para: usize, line: usize) -> Range<usize> {
        let p = self.paragraphs.at(para);
        let l = &p.facts.lines[line];
        p.start + l.start..p.start + l.end
    }
}
