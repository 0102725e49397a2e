//! The engine that runs the rules (`crate::rules`) over the article model
//! and keeps their findings across edits.
//!
//! A finding is a code, a severity, a byte range into the document, a
//! one-line message naming the fix, and the fixes themselves as byte-range
//! edits. Nothing here knows what a diagnostic or a line number is, and
//! nothing here names a rule: what an edit makes the engine redo follows
//! from each rule's declared [`Scope`].

pub mod ignores;

use std::ops::Range;
use std::sync::Arc;

use crate::analysis::sources::SourceSet;
use crate::analysis::{
    Article, ArticleParts, Language, Leftovers, MentionRef, ParagraphFacts, People, PersonId,
    Regrouped, Reused, Scanner,
};
use crate::config::Config;
use crate::rules::{self, Cx, Part, Rule, Scope, Shared, NEAR};
use crate::text::{Diff, Document, Paragraphs, Splice};

pub use crate::rules::{apply_edits, Edit, Finding, Fix};
use ignores::order;

/// Checks that every rule the configuration names is a rule copydesk knows.
pub fn validate(config: &Config) -> Result<(), crate::config::ConfigError> {
    let known = rules::codes().collect::<Vec<_>>().join(", ");
    config.check_rule_names(|code| rules::find(code).is_some(), &known)
}

/// Reads, parses and validates `copydesk.toml` (rule names included).
pub fn load_config(path: &std::path::Path) -> Result<Config, crate::config::ConfigError> {
    let config = Config::load(path)?;
    validate(&config)?;
    Ok(config)
}

/// Parses and validates the editor's `copydesk` settings (rule names included).
pub fn config_from_json(value: serde_json::Value) -> Result<Config, crate::config::ConfigError> {
    let config = Config::from_json(value)?;
    validate(&config)?;
    Ok(config)
}

/// The rules this configuration switches on.
fn enabled(config: &Config) -> impl Iterator<Item = &'static dyn Rule> + '_ {
    rules::REGISTRY
        .iter()
        .copied()
        .filter(|r| rules::enabled(config, r.info()))
}

fn cx<'c, 'a>(
    article: &'c Article<'a>,
    config: &'c Config,
    shared: &'c Shared,
    sources: &'c SourceSet,
    rule: &dyn Rule,
) -> Cx<'c, 'a> {
    Cx {
        article,
        config,
        severity: rules::severity(config, rule.info()),
        shared,
        sources,
    }
}

/// An article without sources.
fn no_sources() -> &'static SourceSet {
    static NONE: std::sync::LazyLock<SourceSet> = std::sync::LazyLock::new(SourceSet::default);
    &NONE
}

/// Runs every enabled rule. Findings come ordered by position, then code.
pub fn run(article: &Article<'_>, config: &Config) -> Vec<Finding> {
    run_with(article, config, &Shared::of(article), no_sources())
}

/// [`run`] for an article with sources.
pub fn run_with_sources(
    article: &Article<'_>,
    config: &Config,
    sources: &SourceSet,
) -> Vec<Finding> {
    run_with(article, config, &Shared::of(article), sources)
}

fn run_with(
    article: &Article<'_>,
    config: &Config,
    shared: &Shared,
    sources: &SourceSet,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in enabled(config) {
        rule.check(
            &cx(article, config, shared, sources, rule),
            Part::All,
            &mut out,
        );
    }
    out.sort_by_key(order);
    out
}

/// The scope of the rule that made a finding.
fn scope_of(code: &str) -> Scope {
    rules::find(code).map_or(Scope::Article, |r| r.info().scope)
}

/// The edits of every safe fix, merged so they can be applied together:
/// sorted, non-overlapping.
pub fn safe_edits(article: &Article<'_>, config: &Config) -> Vec<Edit> {
    safe_edits_with(article, config, &Shared::of(article))
}

/// [`safe_edits`] with what the quote rules read from the whole article.
fn safe_edits_with(article: &Article<'_>, config: &Config, shared: &Shared) -> Vec<Edit> {
    let mut edits: Vec<Edit> = enabled(config)
        .flat_map(|rule| rule.fix_all(&cx(article, config, shared, no_sources(), rule)))
        .collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match merged.last_mut() {
            Some(last) if e.range.start < last.range.end => {}
            Some(last)
                if e.range.start == last.range.end
                    && e.new_text.is_empty()
                    && last.new_text.is_empty() =>
            {
                last.range.end = e.range.end
            }
            _ => merged.push(e),
        }
    }
    merged
}

/// A whole text checked from scratch: the document, its findings and the
/// merged safe edits. What the command line uses.
pub struct Checked {
    pub document: Document<ParagraphFacts>,
    pub findings: Vec<Finding>,
    pub safe_edits: Vec<Edit>,
    /// The people the article names in full, to compare spellings across
    /// the articles of a folder ([`crate::analysis::names::cross_variants`]).
    pub named: Vec<crate::analysis::names::Named>,
}

/// Checks a text from scratch, obeying its ignore comments.
pub fn check_text(text: &str, language: Language, config: &Config) -> Checked {
    check_text_with(
        text,
        language,
        config,
        Arc::new(SourceSet::default()),
        ignores::Ignoring::Obey,
    )
}

/// Checks a text from scratch against its sources, obeying its ignore
/// comments or not.
pub fn check_text_with(
    text: &str,
    language: Language,
    config: &Config,
    sources: Arc<SourceSet>,
    ignoring: ignores::Ignoring,
) -> Checked {
    let scanner = Scanner::new(config);
    let document = Document::with_paragraphing(text, 0, config.paragraphing(language), &scanner);
    let article = Article::with_style_book(
        document.index().paragraphs(),
        language,
        &config.names.canonical,
    );
    let findings = run_with_sources(&article, config, &sources);
    let safe_edits = safe_edits(&article, config);
    let (findings, safe_edits) = match ignoring {
        ignores::Ignoring::Obey => {
            let regions = crate::analysis::ignore::regions(article.paragraphs, &article.ignores);
            ignores::apply(&regions, findings, safe_edits, config)
        }
        ignores::Ignoring::ShowAll => (findings, safe_edits),
    };
    let named = crate::analysis::names::named_people(&article);
    Checked {
        document,
        findings,
        safe_edits,
        named,
    }
}

/// The analysis of one version of a document: the article pass, its findings
/// and the fix-all edits. Built from scratch, or from the pass of an earlier
/// version ([`Pass::update`]) with the same result.
#[derive(Clone, Debug)]
pub struct Pass {
    pub parts: ArticleParts,
    pub findings: Vec<Finding>,
    pub safe_edits: Vec<Edit>,
    /// What the quote rules read from the whole article.
    globals: Shared,
    /// The article's sources: a pass is updated only with the same ones.
    sources: Arc<SourceSet>,
}

impl Pass {
    /// Analyses `paragraphs` from scratch.
    pub fn new(
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        language: Language,
        config: &Config,
    ) -> Self {
        Self::with_sources(paragraphs, language, config, Arc::new(SourceSet::default()))
    }

    /// Analyses `paragraphs` from scratch, checking quotes against `sources`.
    pub fn with_sources(
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        language: Language,
        config: &Config,
        sources: Arc<SourceSet>,
    ) -> Self {
        let article = Article::with_style_book(paragraphs, language, &config.names.canonical);
        Self::of(&article, config, sources)
    }

    /// The sources this pass checks quotes against.
    pub fn sources(&self) -> &Arc<SourceSet> {
        &self.sources
    }

    fn of(article: &Article<'_>, config: &Config, sources: Arc<SourceSet>) -> Self {
        let globals = Shared::of(article);
        Self {
            findings: run_with(article, config, &globals, &sources),
            safe_edits: safe_edits(article, config),
            parts: article.parts(),
            globals,
            sources,
        }
    }

    /// Analyses `paragraphs`, reusing this pass, made with the same language
    /// and configuration over `earlier`, whose text the edits `diff`
    /// describes turned into theirs. When no fact changed, findings are the earlier ones moved by
    /// the splice, and the cost does not grow with the document.
    pub fn update(
        self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
        config: &Config,
    ) -> (Self, Reused) {
        let mut leftovers = Leftovers::default();
        self.update_leaving(earlier, paragraphs, diff, language, config, &mut leftovers)
    }

    /// [`Pass::update`], handing what it no longer needs of this pass to
    /// `leftovers` (for the caller to drop when it suits it).
    pub fn update_leaving(
        self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        language: Language,
        config: &Config,
        leftovers: &mut Leftovers,
    ) -> (Self, Reused) {
        let splice = &diff.splice;
        let Pass {
            parts,
            mut findings,
            mut safe_edits,
            globals,
            sources,
        } = self;
        let old_people = std::sync::Arc::clone(parts.people());
        let (mut parts, reused, quotes, regrouped) = parts.update_in(
            earlier,
            paragraphs,
            diff,
            language,
            &config.names.canonical,
            leftovers,
        );
        if reused == Reused::Everything {
            // The rules that read words redo their findings around the edit
            // (those that read their own paragraph's only, in it).
            let windows: Vec<(Scope, Range<usize>, Range<usize>)> = [Scope::Words, Scope::OwnWords]
                .into_iter()
                .filter_map(|s| words_window(earlier, diff, config, s).map(|(w, b)| (s, w, b)))
                .collect();
            if !windows.is_empty() {
                findings.retain(|f| {
                    let scope = scope_of(f.code);
                    !windows
                        .iter()
                        .any(|(s, _, bytes)| *s == scope && bytes.contains(&f.range.start))
                });
            }
            if move_findings(&mut findings, splice) && move_edits(&mut safe_edits, splice) {
                if !windows.is_empty() {
                    let article = Article::view(paragraphs, language, &parts);
                    let mut fresh = Vec::new();
                    for (scope, window, _) in &windows {
                        for rule in enabled(config).filter(|r| r.info().scope == *scope) {
                            let cx = cx(&article, config, &globals, &sources, rule);
                            rule.check(&cx, Part::Paragraphs(window), &mut fresh);
                        }
                    }
                    findings = merge(findings, fresh);
                }
                let pass = Self {
                    parts,
                    findings,
                    safe_edits,
                    globals,
                    sources,
                };
                return (pass, reused);
            }
        }
        if let Some(quotes) = quotes {
            // The checks redone read the quotes up to NEAR paragraphs past
            // their window: only those need moving now.
            let reach = quotes.end + 2 * NEAR;
            parts.settle_quotes_before(reach);
            // An article-wide rule run again reads the whole article.
            if !article_wide_near(earlier, paragraphs, diff, config).is_empty() {
                parts.settle();
            }
            let old = Old {
                paragraphs: earlier,
                people: &old_people,
                findings,
                safe_edits,
                globals,
            };
            let article = Article::view(paragraphs, language, &parts);
            let updated = old.update_around(&article, diff, quotes, &regrouped, config, &sources);
            // The earlier people, once regrouped, are let go of off the path
            // to the diagnostics (dropping them takes a while).
            leftovers.keep(old_people);
            if let Some((findings, safe_edits, globals)) = updated {
                let pass = Self {
                    parts,
                    findings,
                    safe_edits,
                    globals,
                    sources,
                };
                return (pass, reused);
            }
        }
        tracing::debug!(?reused, "every rule checks the whole article again");
        let article = Article::from_parts(paragraphs, language, parts);
        (Self::of(&article, config, sources), reused)
    }

    /// The pass without its findings and fix-all edits (which a server
    /// hands out on their own), to be joined again for the next update.
    pub fn split(self) -> (Kept, Vec<Finding>, Vec<Edit>) {
        let kept = Kept {
            parts: self.parts,
            globals: self.globals,
            sources: self.sources,
        };
        (kept, self.findings, self.safe_edits)
    }

    /// The pass [`Pass::split`] took apart.
    pub fn join(kept: Kept, findings: Vec<Finding>, safe_edits: Vec<Edit>) -> Self {
        Self {
            parts: kept.parts,
            findings,
            safe_edits,
            globals: kept.globals,
            sources: kept.sources,
        }
    }

    /// The article model of this pass over the paragraphs it was made for.
    pub fn article<'a>(
        &self,
        paragraphs: Paragraphs<'a, ParagraphFacts>,
        language: Language,
    ) -> Article<'a> {
        Article::from_parts(paragraphs, language, self.parts.clone())
    }
}

/// A pass without its findings ([`Pass::split`]).
#[derive(Clone, Debug)]
pub struct Kept {
    pub parts: ArticleParts,
    globals: Shared,
    sources: Arc<SourceSet>,
}

impl Kept {
    /// The sources the pass checked quotes against.
    pub fn sources(&self) -> &Arc<SourceSet> {
        &self.sources
    }
}

/// The findings of an earlier pass and what they were made over.
struct Old<'e> {
    paragraphs: Paragraphs<'e, ParagraphFacts>,
    people: &'e People,
    findings: Vec<Finding>,
    safe_edits: Vec<Edit>,
    globals: Shared,
}

impl Old<'_> {
    /// The findings of `article` (whose quotes are read only up to [`NEAR`]
    /// paragraphs past the window), made from these by rule scope: the
    /// findings of [`Scope::Paragraph`] rules are redone in a window around
    /// the paragraphs whose quotes changed (wide enough for the people a
    /// quick fix may name), those of [`Scope::Person`] rules for the people
    /// named in the edited paragraphs or regrouped, and the rest are moved;
    /// `None` when the edit reached something read article-wide (a
    /// paragraph a [`Scope::Article`] rule reads, the house style).
    fn update_around(
        self,
        article: &Article<'_>,
        diff: &Diff,
        quotes: Range<usize>,
        regrouped: &Regrouped,
        config: &Config,
        sources: &SourceSet,
    ) -> Option<(Vec<Finding>, Vec<Edit>, Shared)> {
        let (earlier, paragraphs) = (self.paragraphs, article.paragraphs);
        let n = paragraphs.len();
        let paras = diff.paras(earlier.len(), n);
        let (a, b) = (paras.new.start, paras.new.end);
        if (a >= b && paras.same_count()) || quotes.start > a || quotes.end < b {
            tracing::debug!(
                before = earlier.len(),
                after = n,
                ?quotes,
                edited = ?(a..b),
                "the rules' findings are not updated around the edit"
            );
            return None;
        }
        // Copy not in English (before or after) is checked whole: whether
        // it is foreign is read by every rule that says nothing on it.
        if self.people.is_foreign() || article.is_foreign() {
            return None;
        }
        let splice = &diff.splice;
        // An article-wide rule's findings run over paragraphs: none it
        // reads may be near the edit.
        // An article-wide rule that reads a paragraph near the edit is run
        // again over the whole article (and the fix-all made again); the
        // others' findings are moved.
        let rerun = article_wide_near(earlier, paragraphs, diff, config);
        // The people whose names checks are redone: those named in the
        // edited paragraphs, before and after, and those regrouped (the
        // same ids before and after: see [`Regrouped`]).
        let people = &article.people;
        let mut redo: Vec<PersonId> = match regrouped {
            Regrouped::Same => Vec::new(),
            Regrouped::Around { persons, .. } => persons.clone(),
            Regrouped::Afresh => return None,
        };
        for p in paras.old.clone() {
            let old =
                (0..earlier.at(p).facts.mentions.len()).map(|index| MentionRef { para: p, index });
            redo.extend(old.filter_map(|r| self.people.id_of(r)));
        }
        for p in paras.new.clone() {
            let new = (0..paragraphs.at(p).facts.mentions.len())
                .map(|index| MentionRef { para: p, index });
            redo.extend(new.filter_map(|r| people.id_of(r)));
        }
        redo.sort_unstable();
        redo.dedup();
        // Where their old names findings are (a person new to the article had none).
        let mut old_at: Vec<usize> = Vec::new();
        for &id in &redo {
            let Some(person) = self.people.person(id) else {
                continue;
            };
            for r in &person.mentions {
                let p = earlier.get(r.para)?;
                let m = p.facts.mentions.get(r.index)?;
                old_at.extend([p.start + m.name.start, p.start + m.range.start]);
            }
        }
        old_at.sort_unstable();
        let is_redone = |f: &Finding| match scope_of(f.code) {
            Scope::Person => old_at.binary_search(&f.range.start).is_ok(),
            Scope::Paragraph | Scope::Words | Scope::OwnWords => false,
            Scope::Article => rerun.iter().any(|r| r.info().code == f.code),
        };
        let globals = Shared::update(&self.globals, self.people, earlier, article, &paras);
        // Whether someone is quoted is read only near their mentions: it
        // may change for those named only in the edited paragraphs.
        let only_here = |id: PersonId| {
            [(self.people, &paras.old), (&**people, &paras.new)]
                .iter()
                .all(|(p, range)| {
                    p.person(id)
                        .is_none_or(|p| p.mentions.iter().all(|r| range.contains(&r.para)))
                })
        };
        if !globals.reads_as(&self.globals, only_here) {
            return None;
        }
        let window = quotes.start.saturating_sub(NEAR)..(quotes.end + NEAR).min(n);
        // The window's bytes before the edit (it holds the edited paragraphs).
        let old_last = match window.end.checked_sub(1)? {
            last if last >= b => last + paras.old.end - b,
            _ => paras.old.end.checked_sub(1)?,
        };
        let bytes = earlier.get(window.start)?.start..earlier.get(old_last)?.end();
        let in_window =
            |f: &Finding| scope_of(f.code).by_paragraph() && bytes.contains(&f.range.start);
        let mut kept = Vec::with_capacity(self.findings.len());
        for mut f in self.findings {
            if in_window(&f) || is_redone(&f) {
                continue;
            }
            if !(splice.move_range(&mut f.range)
                && f.fixes.iter_mut().all(|x| move_edits(&mut x.edits, splice)))
            {
                return None;
            }
            kept.push(f);
        }
        let mut safe_edits = self.safe_edits;
        if !rerun.is_empty() {
            safe_edits = safe_edits_with(article, config, &globals);
        } else if !move_edits(&mut safe_edits, splice) {
            return None;
        }
        let mut fresh = Vec::new();
        for rule in enabled(config) {
            let part = match rule.info().scope {
                Scope::Paragraph | Scope::Words | Scope::OwnWords => Part::Paragraphs(&window),
                Scope::Person => Part::People(&redo),
                Scope::Article if rerun.iter().any(|r| r.info().code == rule.info().code) => {
                    Part::All
                }
                Scope::Article => continue,
            };
            rule.check(
                &cx(article, config, &globals, sources, rule),
                part,
                &mut fresh,
            );
        }
        Some((merge(kept, fresh), safe_edits, globals))
    }
}

/// The enabled article-wide rules that read a paragraph the edit `diff`
/// (from `earlier` to `paragraphs`) changed, or one next to those.
fn article_wide_near(
    earlier: Paragraphs<'_, ParagraphFacts>,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    diff: &Diff,
    config: &Config,
) -> Vec<&'static dyn Rule> {
    let paras = diff.paras(earlier.len(), paragraphs.len());
    let near = |r: &Range<usize>, n: usize| r.start.saturating_sub(1)..(r.end + 1).min(n);
    let (old, new) = (
        earlier.slice(near(&paras.old, earlier.len())),
        paragraphs.slice(near(&paras.new, paragraphs.len())),
    );
    enabled(config)
        .filter(|r| r.info().scope == Scope::Article)
        .filter(|r| old.iter().chain(new).any(|p| r.reads(p.facts)))
        .collect()
}

/// The paragraphs whose findings of `scope` ([`Scope::Words`] or
/// [`Scope::OwnWords`]) an edit that changed no fact must redo (those
/// edited, and for [`Scope::Words`] [`NEAR`] each side), with the bytes
/// they held before it; `None` when no such rule is on or no paragraph was
/// edited.
fn words_window(
    earlier: Paragraphs<'_, ParagraphFacts>,
    diff: &Diff,
    config: &Config,
    scope: Scope,
) -> Option<(Range<usize>, Range<usize>)> {
    enabled(config).find(|r| r.info().scope == scope)?;
    let n = earlier.len();
    let (a, b) = (diff.shared_before(), n.checked_sub(diff.shared_after())?);
    if a >= b {
        return None;
    }
    let near = if scope == Scope::Words { NEAR } else { 0 };
    let window = a.saturating_sub(near)..(b + near).min(n);
    let bytes = earlier.at(window.start).start..earlier.at(window.end - 1).end();
    Some((window, bytes))
}

/// Two lists of findings, each in order, as one in order.
fn merge(kept: Vec<Finding>, mut fresh: Vec<Finding>) -> Vec<Finding> {
    fresh.sort_by_key(order);
    let mut out = Vec::with_capacity(kept.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for f in kept {
        while let Some(x) = fresh.next_if(|x| order(x) < order(&f)) {
            out.push(x);
        }
        out.push(f);
    }
    out.extend(fresh);
    out
}

/// Moves findings (and their fixes) by `splice`; `false` if a range falls inside it.
fn move_findings(findings: &mut [Finding], splice: &Splice) -> bool {
    findings.iter_mut().all(|f| {
        splice.move_range(&mut f.range)
            && f.fixes.iter_mut().all(|x| move_edits(&mut x.edits, splice))
    })
}

fn move_edits(edits: &mut [Edit], splice: &Splice) -> bool {
    edits.iter_mut().all(|e| splice.move_range(&mut e.range))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Every rule's findings and fixes stay on char boundaries, whatever
        /// marks, names and breaks the copy holds.
        #[test]
        fn never_panics_and_edits_stay_on_char_boundaries(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", " said", " he", " Mr Kuleba",
                "Ms Lee", " the minister", ",", ".", ":", "?", " ", "\u{a0}", "\n", "\r\n", "\n\n",
                "🎉", "won’t", "’90s", "according to", " a senior official", "We", " will", "#",
                "READ MORE:", "Advertisement", "TK", " [REPORT]",
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
            let _ = apply_edits(&text, &checked.safe_edits);
        }
    }
}
