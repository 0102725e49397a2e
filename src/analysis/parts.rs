//! What an article pass leaves behind ([`ArticleParts`]), to rebuild the
//! model without running it again and to update it across an edit:
//! moved when no fact changed, the attribution walk resumed when no name
//! did, the pending moves of the quotes settled when they are read.

use std::ops::Range;
use std::sync::Arc;

use super::article::{excluded_ranges, has_furniture, not_prose};
use super::shift::Pending;
use super::{
    attribution, ignore, shift, Article, Attribution, Language, ParagraphFacts, People, PersonId,
    Regrouped,
};
use crate::text::{Diff, Paragraphs, Splice};

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
        // Moved on copies: a range that cannot be moved leaves the pass's
        // own untouched for the update below (which moves them itself).
        let moved = |ranges: &[Range<usize>]| moved_ranges(&diff.splice, ranges);
        if let Some((excluded, not_prose)) = shift::facts_unchanged(earlier, paragraphs, diff)
            .then(|| moved(&self.excluded).zip(moved(&self.not_prose)))
            .flatten()
        {
            self.excluded = excluded;
            self.not_prose = not_prose;
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
        let (excluded, ignores) = self
            .moved_excluded(earlier, paragraphs, diff, language)
            .unwrap_or_else(|| excluded_ranges(paragraphs, language));
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

    /// What is not copy after the edit, and the ignore comments, when in
    /// plain text (where only HTML comments are not copy) the article has
    /// no ignore comment and no paragraph the edit changed holds a comment
    /// mark or an ignore comment: the old ranges, moved.
    #[allow(clippy::type_complexity)]
    fn moved_excluded(
        &self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
    ) -> Option<(Vec<Range<usize>>, Arc<[ignore::Planned]>)> {
        let paras = diff.paras(earlier.len(), paragraphs.len());
        let quiet = |p: crate::text::Paragraph<'_, ParagraphFacts>| {
            p.facts.comments.is_empty() && p.facts.ignore.directives.is_empty()
        };
        if language != Language::PlainText
            || !self.ignores.is_empty()
            || !earlier
                .slice(paras.old)
                .iter()
                .chain(paragraphs.slice(paras.new))
                .all(quiet)
        {
            return None;
        }
        // A comment left open runs to the end of the last paragraph, which
        // an edit there moves otherwise.
        let last_end = earlier.last().map_or(0, |p| p.end());
        if self.excluded.last().is_some_and(|r| r.end >= last_end) {
            return None;
        }
        let excluded = moved_ranges(&diff.splice, &self.excluded)?;
        Some((excluded, Arc::clone(&self.ignores)))
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
        let paras = diff.paras(earlier.len(), paragraphs.len());
        if language != Language::PlainText {
            return None;
        }
        let near = |r: &Range<usize>, n: usize| r.start.saturating_sub(1)..(r.end + 1).min(n);
        if earlier
            .slice(near(&paras.old, earlier.len()))
            .iter()
            .chain(paragraphs.slice(near(&paras.new, paragraphs.len())))
            .any(|p| has_furniture(p) || !p.facts.comments.is_empty())
        {
            return None;
        }
        moved_ranges(&diff.splice, &self.not_prose)
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
        if moved_ranges(&diff.splice, &self.not_prose).as_deref() != Some(not_prose) {
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

impl<'a> Article<'a> {
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
}

/// Ranges of what is not copy moved across `splice`; `None` when the edit
/// cuts into one or starts right at one's end: text typed there belongs to
/// a comment left open and not to one closed, which only a fresh scan
/// tells.
fn moved_ranges(splice: &Splice, ranges: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    let mut ranges = ranges.to_vec();
    let all = ranges
        .iter_mut()
        .all(|r| r.end < splice.start || r.end != splice.start && splice.move_range(r));
    all.then_some(ranges)
}
