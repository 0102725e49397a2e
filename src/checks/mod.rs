//! Checks: one module per rule, turning the article model into findings.
//!
//! A finding is a code, a severity, a byte range into the document, a
//! one-line message naming the fix, and the fixes themselves as byte-range
//! edits. Nothing here knows what a diagnostic or a line number is.

pub mod boilerplate;
pub mod names;
pub mod placeholder;
pub mod quotes;

use std::ops::Range;

use crate::analysis::{
    Article, ArticleParts, Language, MentionRef, ParagraphFacts, People, PersonId, Regrouped,
    Reused, Scanner,
};
use crate::config::{Config, Severity};
use crate::text::{Diff, Document, Paragraphs, Splice};

/// Replace `range` (bytes of the current text) with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// One way to fix a finding. `safe` fixes are applied by `copydesk fix` and
/// the fix-all action without asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

/// What a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// Runs every enabled check. Findings come ordered by position, then code.
pub fn run(article: &Article<'_>, config: &Config) -> Vec<Finding> {
    run_with(article, config, &quotes::Globals::of(article))
}

fn run_with(article: &Article<'_>, config: &Config, globals: &quotes::Globals) -> Vec<Finding> {
    let mut out = Vec::new();
    if config.enabled(boilerplate::CODE) {
        boilerplate::check(article, config.severity(boilerplate::CODE), &mut out);
    }
    if config.enabled(placeholder::CODE) {
        placeholder::check(article, config.severity(placeholder::CODE), &mut out);
    }
    let everyone = || article.people.iter();
    names::check_people(article, config, everyone, &mut out);
    let all = 0..article.paragraphs.len();
    quotes::check_in(article, config, all, globals, &mut out);
    out.sort_by_key(order);
    out
}

/// How findings are ordered: by position, then code.
fn order(f: &Finding) -> (usize, usize, &'static str) {
    (f.range.start, f.range.end, f.code)
}

/// The checks that belong to paragraphs ([`quotes::check_in`]) and are
/// redone in a window around an edit; the others are moved.
fn local(code: &str) -> bool {
    matches!(
        code,
        placeholder::CODE | quotes::UNATTRIBUTED | quotes::UNBALANCED | quotes::MARKS
    )
}

/// The edits of every safe fix, merged so they can be applied together:
/// sorted, non-overlapping.
pub fn safe_edits(article: &Article<'_>, config: &Config) -> Vec<Edit> {
    if config.enabled(boilerplate::CODE) {
        boilerplate::remove_all(article)
    } else {
        Vec::new()
    }
}

/// Applies sorted, non-overlapping edits to a text.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        debug_assert!(e.range.start >= at, "edits must be sorted and disjoint");
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.new_text);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A whole text checked from scratch: the document, its findings and the
/// merged safe edits. What the command line uses.
pub struct Checked {
    pub document: Document<ParagraphFacts>,
    pub findings: Vec<Finding>,
    pub safe_edits: Vec<Edit>,
}

/// Checks a text from scratch.
pub fn check_text(text: &str, language: Language, config: &Config) -> Checked {
    let scanner = Scanner::new(config);
    let document = Document::with_paragraphing(text, 0, config.paragraphing(language), &scanner);
    let article = Article::with_style_book(
        document.index().paragraphs(),
        language,
        &config.names.canonical,
    );
    let findings = run(&article, config);
    let safe_edits = safe_edits(&article, config);
    Checked {
        document,
        findings,
        safe_edits,
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
    /// What the quote checks read from the whole article.
    globals: quotes::Globals,
}

impl Pass {
    /// Analyses `paragraphs` from scratch.
    pub fn new(
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        language: Language,
        config: &Config,
    ) -> Self {
        let article = Article::with_style_book(paragraphs, language, &config.names.canonical);
        Self::of(&article, config)
    }

    fn of(article: &Article<'_>, config: &Config) -> Self {
        let globals = quotes::Globals::of(article);
        Self {
            findings: run_with(article, config, &globals),
            safe_edits: safe_edits(article, config),
            parts: article.parts(),
            globals,
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
        let splice = &diff.splice;
        let Pass {
            parts,
            mut findings,
            mut safe_edits,
            globals,
        } = self;
        let old_people = std::sync::Arc::clone(parts.people());
        let (mut parts, reused, quotes, regrouped) =
            parts.update_in(earlier, paragraphs, diff, language, &config.names.canonical);
        if reused == Reused::Everything
            && move_findings(&mut findings, splice)
            && move_edits(&mut safe_edits, splice)
        {
            let pass = Self {
                parts,
                findings,
                safe_edits,
                globals,
            };
            return (pass, reused);
        }
        if let Some(quotes) = quotes {
            // The checks redone read the quotes up to NEAR paragraphs past
            // their window: only those need moving now.
            let reach = quotes.end + 2 * quotes::NEAR;
            parts.settle_quotes_before(reach);
            let old = Old {
                paragraphs: earlier,
                people: &old_people,
                findings,
                safe_edits,
                globals,
            };
            let article = Article::view(paragraphs, language, &parts);
            if let Some((findings, safe_edits, globals)) =
                old.update_around(&article, diff, quotes, &regrouped, config)
            {
                let pass = Self {
                    parts,
                    findings,
                    safe_edits,
                    globals,
                };
                return (pass, reused);
            }
        }
        let article = Article::from_parts(paragraphs, language, parts);
        (Self::of(&article, config), reused)
    }

    /// The pass without its findings and fix-all edits (which a server
    /// hands out on their own), to be joined again for the next update.
    pub fn split(self) -> (Kept, Vec<Finding>, Vec<Edit>) {
        let kept = Kept {
            parts: self.parts,
            globals: self.globals,
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
    globals: quotes::Globals,
}

/// The findings of an earlier pass and what they were made over.
struct Old<'e> {
    paragraphs: Paragraphs<'e, ParagraphFacts>,
    people: &'e People,
    findings: Vec<Finding>,
    safe_edits: Vec<Edit>,
    globals: quotes::Globals,
}

impl Old<'_> {
    /// The findings of `article` (whose quotes are read only up to
    /// [`quotes::NEAR`] paragraphs past the window), made from these by
    /// redoing the paragraph checks in a window around the paragraphs whose
    /// quotes changed (wide enough for the people a quick fix may name), the
    /// names checks of the people named in the edited paragraphs or
    /// regrouped, and moving the rest; `None` when the edit reached
    /// something they read article-wide (web furniture blocks, the house
    /// style).
    fn update_around(
        self,
        article: &Article<'_>,
        diff: &Diff,
        quotes: Range<usize>,
        regrouped: &Regrouped,
        config: &Config,
    ) -> Option<(Vec<Finding>, Vec<Edit>, quotes::Globals)> {
        let (earlier, paragraphs) = (self.paragraphs, article.paragraphs);
        let n = paragraphs.len();
        let (a, b) = (diff.shared_before(), n.checked_sub(diff.shared_after())?);
        if earlier.len() != n || a >= b || quotes.start > a || quotes.end < b {
            return None;
        }
        let splice = &diff.splice;
        // Furniture blocks run over paragraphs: none may be near the edit.
        let near = a.saturating_sub(1)..(b + 1).min(n);
        if earlier
            .slice(near.clone())
            .iter()
            .chain(paragraphs.slice(near))
            .any(|p| !p.facts.boilerplate.is_empty())
        {
            return None;
        }
        // The people whose names checks are redone: those named in the
        // edited paragraphs, before and after, and those regrouped (the
        // same ids before and after: see [`Regrouped`]).
        let people = &article.people;
        let mut redo: Vec<PersonId> = match regrouped {
            Regrouped::Same => Vec::new(),
            Regrouped::Around { persons, .. } => persons.clone(),
            Regrouped::Afresh => return None,
        };
        for p in a..b {
            let old =
                (0..earlier.at(p).facts.mentions.len()).map(|index| MentionRef { para: p, index });
            redo.extend(old.filter_map(|r| self.people.id_of(r)));
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
        let is_redone = |f: &Finding| {
            matches!(f.code, names::VARIANT | names::FIRST_REFERENCE)
                && old_at.binary_search(&f.range.start).is_ok()
        };
        let globals = quotes::Globals::update(&self.globals, self.people, earlier, article, a..b);
        // Whether someone is quoted is read only near their mentions: it
        // may change for those named only in the edited paragraphs.
        let only_here = |id: PersonId| {
            [self.people, &**people].iter().all(|p| {
                p.person(id)
                    .is_none_or(|p| p.mentions.iter().all(|r| (a..b).contains(&r.para)))
            })
        };
        if !globals.reads_as(&self.globals, only_here) {
            return None;
        }
        let window = quotes.start.saturating_sub(quotes::NEAR)..(quotes.end + quotes::NEAR).min(n);
        let bytes = earlier.at(window.start).start..earlier.at(window.end - 1).end();
        let mut kept = Vec::with_capacity(self.findings.len());
        for mut f in self.findings {
            if (local(f.code) && bytes.contains(&f.range.start)) || is_redone(&f) {
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
        if !move_edits(&mut safe_edits, splice) {
            return None;
        }
        let mut fresh = Vec::new();
        if config.enabled(placeholder::CODE) {
            let severity = config.severity(placeholder::CODE);
            placeholder::check_in(article, severity, window.clone(), &mut fresh);
        }
        quotes::check_in(article, config, window, &globals, &mut fresh);
        let persons = || redo.iter().filter_map(|&id| people.person(id));
        names::check_people(article, config, persons, &mut fresh);
        fresh.sort_by_key(order);
        let mut findings = Vec::with_capacity(kept.len() + fresh.len());
        let mut fresh = fresh.into_iter().peekable();
        for f in kept {
            while let Some(x) = fresh.next_if(|x| order(x) < order(&f)) {
                findings.push(x);
            }
            findings.push(f);
        }
        findings.extend(fresh);
        Some((findings, safe_edits, globals))
    }
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
