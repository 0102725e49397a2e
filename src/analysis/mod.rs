//! The engine: pure, deterministic and free of LSP.
//!
//! 1. [`Scanner::scan`] turns one paragraph's text into [`ParagraphFacts`]
//!    (paragraph-relative byte offsets). It is a pure function of the text and
//!    the configuration, so unchanged paragraphs keep their facts.
//! 2. [`Article::new`] is the article pass: it works over the facts of all
//!    paragraphs, never over text (Markdown code and front matter, and later
//!    quotes across paragraphs, speakers and people).

pub mod attribution;
pub mod cues;
pub mod furniture;
pub mod ignore;
mod markdown;
pub mod marks;
pub mod names;
pub mod placeholder;
pub mod pull_quote;
pub mod quotes;
pub mod shift;
pub mod sources;

use std::ops::Range;
use std::sync::Arc;

use crate::config::{compile_patterns, Config};
pub use crate::lexicon::english::Tongue;
use crate::text::{Diff, LineShape, Paragraph, Paragraphs, Scan, Splice};

pub use attribution::{
    Attribution, Quote, Resolution, ResolvedCue, Speaker, SpeakerKind, SpeakerMention,
};
pub use furniture::{BoilerplateHit, BoilerplateKind, BoilerplateMatcher};
pub use markdown::FenceLine;
pub use names::{Gender, Mention, MentionRef, People, Person, PersonId, Regrouped};
pub use placeholder::{PlaceholderHit, PlaceholderKind, PlaceholderMatcher};
pub use quotes::{QuoteFacts, QuoteKind};

/// The kind of document, which decides what is copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    PlainText,
    /// Fenced code blocks and front matter are not copy; `#` lines are headings.
    Markdown,
}

impl Language {
    /// From an LSP language id (`plaintext`, `text`, `markdown`); `None` for
    /// documents copydesk does not check.
    pub fn from_language_id(id: &str) -> Option<Self> {
        match id {
            "plaintext" | "text" => Some(Self::PlainText),
            "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// From a file name: `.md`/`.markdown` is Markdown, anything else text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Self::Markdown,
            _ => Self::PlainText,
        }
    }
}

/// One line of a paragraph: byte range of its content, without terminator.
pub type LineSpan = Range<usize>;

/// Everything the engine needs to know about one paragraph's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphFacts {
    /// Each line's content range, relative to the paragraph.
    pub lines: Vec<LineSpan>,
    /// How each line starts and ends (for wrapped sentences).
    pub shapes: Vec<LineShape>,
    /// Lines that read as web furniture, or as links, on their own.
    pub boilerplate: Vec<BoilerplateHit>,
    /// Desk placeholders.
    pub placeholders: Vec<PlaceholderHit>,
    /// Lines that open or close a Markdown code fence, or delimit front matter.
    pub fences: Vec<FenceLine>,
    /// HTML comment delimiters (`<!--` opens, `-->` closes): paragraph-relative
    /// byte offset of each, and whether it opens.
    pub comments: Vec<(usize, bool)>,
    /// Ignore comments (`<!-- copydesk-ignore … -->`) and whether the
    /// paragraph is nothing but comments.
    pub ignore: ignore::IgnoreFacts,
    /// References to people by name.
    pub mentions: Vec<Mention>,
    /// Quote marks, quotes, attribution cues and role phrases.
    pub quotes: QuoteFacts,
    /// Whether the paragraph reads in English ([`Tongue`]): copy in another
    /// language gets no name or quote findings ([`Article::is_foreign`]).
    pub tongue: Tongue,
    /// Fingerprints of its sentences and quotes, for pull quotes.
    pub pull: pull_quote::PullFacts,
    /// The words of its quotes, to look for in the article's sources.
    pub said: Vec<sources::said::Said>,
}

/// Splits a paragraph into line content ranges (`\n`, `\r\n`, `\r`).
pub fn line_spans(text: &str) -> Vec<LineSpan> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                spans.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                spans.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    spans.push(start..bytes.len());
    spans
}

/// Scans paragraphs. Built once per configuration.
#[derive(Debug)]
pub struct Scanner {
    boilerplate: BoilerplateMatcher,
    placeholder: PlaceholderMatcher,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new(&Config::default())
    }
}

impl Scanner {
    /// A scanner with the built-in patterns plus the configuration's (invalid
    /// extra patterns are skipped; [`Config::validate`] reports them).
    pub fn new(config: &Config) -> Self {
        let extra_bp =
            compile_patterns("boilerplate", &config.boilerplate.patterns).unwrap_or_default();
        let extra_ph =
            compile_patterns("placeholder", &config.placeholder.patterns).unwrap_or_default();
        Self {
            boilerplate: BoilerplateMatcher::new(extra_bp),
            placeholder: PlaceholderMatcher::new(extra_ph),
        }
    }

    /// The facts of one paragraph. Pure: same text, same facts.
    pub fn scan(&self, text: &str) -> ParagraphFacts {
        let lines = line_spans(text);
        let line_texts: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        let quotes = quotes::scan(text);
        let comments = markdown::comment_marks(text);
        ParagraphFacts {
            said: sources::said::scan(text, &quotes),
            ignore: ignore::scan(text, &comments),
            shapes: line_texts.iter().map(|l| LineShape::of(l)).collect(),
            boilerplate: self.boilerplate.scan(&line_texts),
            placeholders: self.placeholder.scan(text),
            fences: markdown::fence_lines(&line_texts),
            comments,
            mentions: names::scan_mentions(text),
            quotes,
            tongue: Tongue::of(text),
            pull: pull_quote::scan(text),
            lines,
        }
    }
}

impl Scan<ParagraphFacts> for Scanner {
    fn scan(&self, text: &str) -> ParagraphFacts {
        Scanner::scan(self, text)
    }
}

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
    not_prose: Vec<Range<usize>>,
    /// The attribution walk's states and rows, to resume it after an edit.
    walk: Arc<attribution::WalkLog>,
    /// Which words the paragraphs look people up by ([`ArticleParts`]).
    reads: Option<Arc<attribution::Reads>>,
}

/// The results of an article pass, without the paragraphs they were computed over.
#[derive(Clone, Debug)]
pub struct ArticleParts {
    excluded: Vec<Range<usize>>,
    ignores: Arc<[ignore::Planned]>,
    not_prose: Vec<Range<usize>>,
    people: Arc<People>,
    attribution: Arc<Attribution>,
    walk: Arc<attribution::WalkLog>,
    /// Which words the paragraphs look people up by, once someone has come
    /// or gone (kept up from then on).
    reads: Option<Arc<attribution::Reads>>,
    /// Edits since the attribution was made that it still has to be moved
    /// by, in order (done when the model is next asked for, so a keystroke
    /// does not walk every quote).
    pending: Vec<Pending>,
}

/// An edit the attribution still has to be moved by: the quotes from index
/// `quotes` on, the resolved cues from `cues` on (those before are placed).
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    splice: Splice,
    quotes: usize,
    cues: usize,
}

/// How many far-apart edits may wait before the attribution is moved anyway.
const MAX_PENDING: usize = 16;

/// What an update let go of (the old walk, attribution and people of a pass
/// redone), for the caller to drop where it costs nothing: dropping the walk
/// of a long article is a good part of redoing it, and a server can do it
/// after it has published, on another thread.
#[derive(Default)]
pub struct Leftovers(Vec<Box<dyn Send>>);

impl Leftovers {
    pub fn keep<T: Send + 'static>(&mut self, x: T) {
        self.0.push(Box::new(x));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl ArticleParts {
    /// The people of the pass, to be updated by the next one ([`People::update`]).
    pub fn people(&self) -> &Arc<People> {
        &self.people
    }

    /// The ignore comments and their reach, in paragraph terms.
    pub fn ignores(&self) -> &Arc<[ignore::Planned]> {
        &self.ignores
    }

    /// The article pass for `paragraphs`, reusing this pass of the same
    /// document (same language and style book) made over `earlier`, whose
    /// text the edits `diff` describes turned into theirs. When the edit changed no fact, the
    /// result is this one moved by the splice (the quotes lazily, see
    /// [`ArticleParts::settle`]) and nothing is resolved again; when it
    /// changed no name, the people are kept and the attribution walk resumes
    /// around the edit (`attribution::resume`) where it can. Equal to
    /// [`Article::with_style_book`] every way.
    pub fn update(
        self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
        style_book: &[String],
    ) -> (Self, Reused) {
        let (parts, reused, _, _) = self.update_in(
            earlier,
            paragraphs,
            diff,
            language,
            style_book,
            &mut Leftovers::default(),
        );
        (parts, reused)
    }

    /// [`ArticleParts::update`], and when the walk resumed, the paragraphs
    /// whose quotes may have changed (all others are the old ones, moved).
    /// What it no longer needs of this pass goes to `leftovers`.
    pub(crate) fn update_in(
        mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
        style_book: &[String],
        leftovers: &mut Leftovers,
    ) -> (Self, Reused, Option<Range<usize>>, Regrouped) {
        if shift::facts_unchanged(earlier, paragraphs, diff)
            && self.excluded.iter_mut().all(|r| diff.splice.move_range(r))
            && self.not_prose.iter_mut().all(|r| diff.splice.move_range(r))
        {
            self.defer(diff.splice);
            return (self, Reused::Everything, None, Regrouped::Same);
        }
        let (people, regrouped) =
            People::update(earlier, &self.people, paragraphs, diff, style_book);
        let n = paragraphs.len();
        let edited = diff.shared_before()..n.saturating_sub(diff.shared_after());
        let mut reads = self.reads.take();
        if let Some(r) = &mut reads {
            let old = diff.shared_before()..earlier.len().saturating_sub(diff.shared_after());
            Arc::make_mut(r).update(earlier, old, paragraphs, edited.clone());
        }
        // Attribution reads of the people only what `same_view` compares:
        // when that is as it was, the walk can resume around the edit.
        let (walkable, reshaped, renamed) = match &regrouped {
            Regrouped::Same => (true, false, &[][..]),
            Regrouped::Around {
                same_view,
                reshaped,
                renamed,
                ..
            } => (*same_view, *reshaped, renamed.as_slice()),
            Regrouped::Afresh => (false, false, &[][..]),
        };
        if !walkable {
            let article = Article::with_people(paragraphs, language, people);
            let parts = ArticleParts {
                reads,
                ..article.parts()
            };
            leftovers.keep(self);
            return (parts, Reused::Nothing, None, regrouped);
        }
        // Who came or went, by id.
        let came_or_went: Vec<PersonId> = match &regrouped {
            Regrouped::Around { persons, .. } if reshaped => persons
                .iter()
                .copied()
                .filter(|&id| self.people.person(id).is_none() || people.person(id).is_none())
                .collect(),
            _ => Vec::new(),
        };
        let before = std::mem::replace(&mut self.people, people);
        let (excluded, ignores) = excluded_ranges(paragraphs, language);
        let not_prose = self
            .moved_not_prose(earlier, paragraphs, diff, language)
            .unwrap_or_else(|| not_prose(paragraphs, &excluded));
        let mut ctx = Arc::clone(self.walk.ctx());
        let mut resumable = true;
        if reshaped || !renamed.is_empty() {
            // Someone came or went, or is called otherwise: the walk looks
            // names up anew, which only the paragraphs that read those
            // names can tell.
            let persons = match &regrouped {
                Regrouped::Around { persons, .. } => persons.as_slice(),
                _ => &[],
            };
            let (patched, names) = self.walk.ctx().patched(&before, &self.people, persons);
            debug_assert_eq!(patched, attribution::Ctx::new(&self.people));
            ctx = Arc::new(patched);
            let reads =
                reads.get_or_insert_with(|| Arc::new(attribution::Reads::build(paragraphs)));
            resumable = names
                .iter()
                .all(|k| reads.only_in(k, paragraphs, edited.clone()));
            if resumable {
                let walk = Arc::make_mut(&mut self.walk);
                walk.set_ctx(Arc::clone(&ctx));
                let attribution = Arc::make_mut(&mut self.attribution);
                if let Regrouped::Around { persons, .. } = &regrouped {
                    walk.make_room(attribution, &self.people, persons);
                }
                walk.rename(attribution, &self.people, renamed);
            }
        }
        if resumable {
            let reads_now = reads.as_deref();
            if let Some(resumed) = self.resume(
                earlier,
                paragraphs,
                diff,
                &not_prose,
                reads_now,
                &came_or_went,
            ) {
                self.excluded = excluded;
                self.ignores = ignores;
                self.not_prose = not_prose;
                self.reads = reads;
                self.defer_from(diff.splice, resumed.quotes_after, resumed.cues_after);
                // The quotes of someone called otherwise changed too.
                let mut changed = resumed.paragraphs;
                for span in self.attribution.spans_of(&self.people, renamed) {
                    changed = changed.start.min(span.start)..changed.end.max(span.end);
                }
                return (self, Reused::Walk, Some(changed), regrouped);
            }
        }
        let people = Arc::clone(&self.people);
        let article = Article::with_walk(
            paragraphs,
            language,
            people,
            ctx,
            (excluded, ignores),
            not_prose,
        );
        let parts = ArticleParts {
            reads,
            ..article.parts()
        };
        leftovers.keep((self, before));
        (parts, Reused::People, None, regrouped)
    }

    /// What attribution skips after the edit, when in plain text no
    /// paragraph it changed, nor one next to those, is (or was) read by the
    /// furniture judge (whose verdicts read a line's neighbours): the old
    /// ranges, moved.
    fn moved_not_prose(
        &self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
    ) -> Option<Vec<Range<usize>>> {
        let n = paragraphs.len();
        let (a, b) = (diff.shared_before(), n.checked_sub(diff.shared_after())?);
        if language != Language::PlainText || earlier.len() != n || a > b {
            return None;
        }
        let near = a.saturating_sub(1)..(b + 1).min(n);
        if earlier
            .slice(near.clone())
            .iter()
            .chain(paragraphs.slice(near))
            .any(|p| has_furniture(p) || !p.facts.comments.is_empty())
        {
            return None;
        }
        self.not_prose
            .iter()
            .map(|r| {
                let mut r = r.clone();
                diff.splice.move_range(&mut r).then_some(r)
            })
            .collect()
    }

    /// Resumes the attribution walk around the edit (see
    /// [`attribution::resume`]): the paragraphs whose quotes changed, or
    /// `None` when only a whole pass will do.
    fn resume(
        &mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        not_prose: &[Range<usize>],
        reads: Option<&attribution::Reads>,
        came_or_went: &[PersonId],
    ) -> Option<attribution::resume::Resumed> {
        // What is not copy must be where it was, moved.
        let moved = self.not_prose.iter().map(|r| {
            let mut r = r.clone();
            diff.splice.move_range(&mut r).then_some(r)
        });
        if !moved.eq(not_prose.iter().cloned().map(Some)) {
            return None;
        }
        attribution::resume::update(
            Arc::make_mut(&mut self.walk),
            Arc::make_mut(&mut self.attribution),
            earlier,
            paragraphs,
            diff,
            &self.people,
            not_prose,
            reads,
            came_or_went,
            &mut self.pending,
        )
    }

    /// Records an edit that changed no fact.
    fn defer(&mut self, splice: Splice) {
        self.defer_from(splice, 0, 0);
    }

    /// Records an edit the quotes from index `quotes` on and the resolved
    /// cues from `cues` on still have to be moved by.
    fn defer_from(&mut self, splice: Splice, quotes: usize, cues: usize) {
        if let Some(last) = self.pending.last_mut() {
            if (last.quotes, last.cues) == (quotes, cues) {
                if let Some(both) = last.splice.then(&splice) {
                    last.splice = both;
                    return;
                }
            }
        }
        self.pending.push(Pending {
            splice,
            quotes,
            cues,
        });
        if self.pending.len() > MAX_PENDING {
            self.settle();
        }
    }

    /// Moves the quotes of paragraphs before `para` by the pending edits,
    /// so that they (and only they) can be read.
    pub(crate) fn settle_quotes_before(&mut self, para: usize) {
        let to = self
            .attribution
            .quotes
            .partition_point(|q| q.paragraphs.start < para);
        if self.pending.iter().all(|p| p.quotes >= to) {
            return;
        }
        let quotes = &mut Arc::make_mut(&mut self.attribution).quotes;
        let to = to.min(quotes.len());
        for p in &mut self.pending {
            if p.quotes < to {
                let moved = shift::move_quotes(&mut quotes[p.quotes..to], &p.splice);
                debug_assert!(moved, "a quote position fell inside a deferred edit");
                p.quotes = to;
            }
        }
    }

    /// Moves the attribution by the edits made since it was computed (in
    /// place when nothing else holds it).
    pub fn settle(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let attribution = Arc::make_mut(&mut self.attribution);
        let pending = std::mem::take(&mut self.pending);
        // Every edit applies from its own index on: the stretch before the
        // last of those, edit by edit; the rest, which all of them apply to,
        // in one pass (as one splice when they touch, as typing does).
        let quotes = pending.iter().map(|p| p.quotes).max().unwrap_or(0);
        let quotes = quotes.min(attribution.quotes.len());
        let cues = pending.iter().map(|p| p.cues).max().unwrap_or(0);
        let cues = cues.min(attribution.resolved.len());
        let mut moved = true;
        for p in &pending {
            if p.quotes < quotes {
                moved &= shift::move_quotes(&mut attribution.quotes[p.quotes..quotes], &p.splice);
            }
            for c in attribution
                .resolved
                .get_mut(p.cues..cues)
                .unwrap_or_default()
            {
                moved &= p.splice.move_range(&mut c.range);
            }
        }
        let one = pending
            .iter()
            .map(|p| Some(p.splice))
            .reduce(|a, b| a?.then(&b?));
        match one {
            Some(Some(splice)) => {
                moved &= shift::move_attribution_from(attribution, &splice, quotes, cues);
            }
            _ => {
                for p in &pending {
                    moved &= shift::move_attribution_from(attribution, &p.splice, quotes, cues);
                }
            }
        }
        // Every position was checked clear of the splice when it was deferred.
        debug_assert!(moved, "a quote position fell inside a deferred edit");
    }
}

/// How much of an earlier pass [`ArticleParts::update`] kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reused {
    /// No fact changed: the whole result, moved by the edit.
    Everything,
    /// The people, or those the edited names did not touch (and the others
    /// read to attribution as they did), and the attribution walk resumed
    /// only around the edit.
    Walk,
    /// The people, as for [`Reused::Walk`]; quotes were attributed again.
    People,
    /// A fresh pass.
    Nothing,
}

/// What is not copy: HTML comments in any text; in Markdown also code
/// (fenced and indented) and front matter. With it, the ignore comments
/// (those outside code) and their reach.
fn excluded_ranges(
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
fn has_furniture(p: Paragraph<'_, ParagraphFacts>) -> bool {
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
fn not_prose(
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

    fn with_walk(
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

    /// The article model from parts computed earlier for these same
    /// paragraphs (see [`Article::parts`]): no pass is run again.
    pub fn from_parts(
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
        mut parts: ArticleParts,
    ) -> Self {
        parts.settle();
        Self {
            language,
            paragraphs,
            excluded: parts.excluded,
            ignores: parts.ignores,
            people: parts.people,
            attribution: parts.attribution,
            not_prose: parts.not_prose,
            walk: parts.walk,
            reads: parts.reads,
        }
    }

    /// The model of `parts` as they stand: quotes still to be moved by
    /// pending edits are read at their old offsets. For reading only what
    /// [`ArticleParts::settle_quotes_before`] moved.
    pub(crate) fn view(
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
        parts: &ArticleParts,
    ) -> Self {
        Self {
            language,
            paragraphs,
            excluded: parts.excluded.clone(),
            ignores: Arc::clone(&parts.ignores),
            people: Arc::clone(&parts.people),
            attribution: Arc::clone(&parts.attribution),
            not_prose: parts.not_prose.clone(),
            walk: Arc::clone(&parts.walk),
            reads: parts.reads.clone(),
        }
    }

    /// What the article pass computed, to rebuild the model cheaply later.
    pub fn parts(&self) -> ArticleParts {
        ArticleParts {
            excluded: self.excluded.clone(),
            ignores: Arc::clone(&self.ignores),
            not_prose: self.not_prose.clone(),
            people: Arc::clone(&self.people),
            attribution: Arc::clone(&self.attribution),
            walk: Arc::clone(&self.walk),
            reads: self.reads.clone(),
            pending: Vec::new(),
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
