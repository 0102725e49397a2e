//! The analysis of one version of a document: its findings (ignore
//! comments applied), fix-all edits, sources and the article pass kept for
//! requests, made fresh or updated from the analysis before.

use std::sync::{Arc, Mutex};

use super::lock::lock;
use crate::analysis::{Article, Language, Leftovers, ParagraphFacts};
use crate::checks::{Edit, Finding, Kept, Pass};
use crate::config::Config;
use crate::lsp::workspace::Workspace;
use crate::sources::{SourceCache, SourceSet};
use crate::text::{diff, Document, Paragraphs};

/// Documents larger than this are tracked but not analysed.
pub const MAX_ANALYSED_BYTES: usize = 64 * 1024 * 1024;

/// The analysis of one version of a document.
pub struct Analysis {
    pub document: Document<ParagraphFacts>,
    /// The open of the document and its revision this was computed for.
    pub(super) open: u64,
    pub(super) revision: u64,
    pub language: Language,
    pub config: Arc<Config>,
    pub findings: Vec<Finding>,
    /// Merged edits of every safe fix (the fix-all).
    pub fix_all: Vec<Edit>,
    /// The article's sources, and what they were found from (the sources
    /// generation and the front matter's list): a keystroke that changes
    /// neither keeps them without looking at a file.
    pub sources: Arc<SourceSet>,
    sources_key: (u64, Vec<String>),
    /// The article pass of this version, kept so requests need not redo it,
    /// until the next version's analysis takes it over to update in place.
    parts: Mutex<Option<Kept>>,
    /// What making this analysis let go of (the analysis it replaced, the
    /// parts of the pass it redid): dropped once its diagnostics are out
    /// ([`Analysis::take_leftovers`]), not before.
    pub(super) leftovers: Mutex<Leftovers>,
    /// A copy of `findings` and `fix_all` for the next analysis to update
    /// in place ([`Analysis::make_spare`]).
    spare: Mutex<Option<(Vec<Finding>, Vec<Edit>)>>,
    /// When ignore comments silenced something (or were unused): the
    /// pass's own findings and fix-all, which the next analysis updates;
    /// `findings` and `fix_all` are then what the reader is shown.
    unignored: Option<(Vec<Finding>, Vec<Edit>)>,
}

impl Analysis {
    pub fn version(&self) -> i32 {
        self.document.version()
    }

    /// The open of the document this was computed for.
    pub fn open(&self) -> u64 {
        self.open
    }

    /// Identifies the text and settings this was computed on (for the
    /// pull diagnostics' result id): unique across opens and settings.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What making this analysis let go of, to be dropped off the path
    /// from an edit to its diagnostics (freeing the walk of a long article
    /// takes milliseconds).
    pub fn take_leftovers(&self) -> Leftovers {
        std::mem::take(&mut *lock(&self.leftovers))
    }

    /// Copies the findings and fix-all edits for the next analysis to
    /// update in place, unless one has taken the pass already: done once
    /// this one's diagnostics are out, so that the copy (a third of a
    /// millisecond for two thousand findings) is not on the next
    /// keystroke's path.
    pub fn make_spare(&self) {
        // Copied under the lock: a next analysis that comes meanwhile waits
        // for the copy rather than making its own.
        let mut spare = lock(&self.spare);
        if spare.is_none() && self.is_kept() {
            *spare = Some(self.pass_findings());
        }
    }

    /// The findings and fix-all of the pass, before ignore comments.
    fn pass_findings(&self) -> (Vec<Finding>, Vec<Edit>) {
        match &self.unignored {
            Some((f, e)) => (f.clone(), e.clone()),
            None => (self.findings.clone(), self.fix_all.clone()),
        }
    }

    /// Whether the article pass is still kept (a newer analysis takes it
    /// over; then [`Analysis::article`] would redo it from scratch).
    pub fn is_kept(&self) -> bool {
        lock(&self.parts).is_some()
    }

    /// The article model of this version (kept from the analysis; rebuilt
    /// only for documents too large to analyse).
    pub fn article(&self) -> Article<'_> {
        let paragraphs = self.document.index().paragraphs();
        // Moved by the edits that changed no fact once, here, for every request.
        let parts = lock(&self.parts).as_mut().map(|kept| {
            kept.parts.settle();
            kept.parts.clone()
        });
        match parts {
            Some(parts) => Article::from_parts(paragraphs, self.language, parts),
            None => {
                Article::with_style_book(paragraphs, self.language, &self.config.names.canonical)
            }
        }
    }

    /// Analyses a snapshot. `previous` (an older analysis of the same
    /// document) is updated instead when it was made with the same settings:
    /// in place when the edits changed no fact, keeping the people when they
    /// changed no name ([`Pass::update`]).
    pub(super) fn compute(
        document: Document<ParagraphFacts>,
        open: u64,
        revision: u64,
        language: Language,
        config: Arc<Config>,
        previous: Option<Arc<Analysis>>,
        sourcing: &Sourcing<'_>,
    ) -> Self {
        let (sources, sources_key) = sourcing.sources_of(&document, &config, previous.as_deref());
        if document.rope().len_bytes() > MAX_ANALYSED_BYTES {
            tracing::warn!(
                bytes = document.rope().len_bytes(),
                "document too large to analyse"
            );
            return Self {
                document,
                open,
                revision,
                language,
                config,
                findings: Vec::new(),
                fix_all: Vec::new(),
                sources,
                sources_key,
                parts: Mutex::new(None),
                leftovers: Mutex::default(),
                spare: Mutex::default(),
                unignored: None,
            };
        }
        let paragraphs = document.index().paragraphs();
        let earlier = previous
            .filter(|p| {
                Arc::ptr_eq(&p.config, &config)
                    && Arc::ptr_eq(&p.sources, &sources)
                    && p.language == language
                    && p.open == open
            })
            .and_then(|p| {
                let kept = lock(&p.parts).take()?;
                let (findings, fix_all) =
                    lock(&p.spare).take().unwrap_or_else(|| p.pass_findings());
                let pass = Pass::join(kept, findings, fix_all);
                Some((p, pass))
            });
        let mut leftovers = Leftovers::default();
        let pass = match earlier {
            Some((prev, pass)) => {
                let diff = diff(&prev.document, &document);
                let (pass, reused) = pass.update_leaving(
                    prev.document.index().paragraphs(),
                    paragraphs,
                    &diff,
                    language,
                    &config,
                    &mut leftovers,
                );
                leftovers.keep(prev);
                tracing::debug!(
                    ?reused,
                    version = document.version(),
                    "article pass updated"
                );
                pass
            }
            None => Pass::with_sources(paragraphs, language, &config, Arc::clone(&sources)),
        };
        let (kept, findings, fix_all) = pass.split();
        let across = sourcing.across(paragraphs, language, &kept, &config);
        let regions = crate::checks::ignores::regions(paragraphs, &kept.parts);
        let (findings, fix_all, unignored) = if regions.is_empty() && across.is_empty() {
            (findings, fix_all, None)
        } else {
            // The pass's own findings are kept aside for the next analysis
            // to update; the reader is shown them with the workspace's.
            let mut shown = findings.clone();
            for f in across {
                let at = shown.partition_point(|g| g.range.start <= f.range.start);
                shown.insert(at, f);
            }
            let (shown, shown_fix_all) =
                crate::checks::ignores::apply(&regions, shown, fix_all.clone(), &config);
            (shown, shown_fix_all, Some((findings, fix_all)))
        };
        let parts = Mutex::new(Some(kept));
        Self {
            document,
            open,
            revision,
            language,
            config,
            findings,
            fix_all,
            sources,
            sources_key,
            parts,
            leftovers: Mutex::new(leftovers),
            spare: Mutex::default(),
            unignored,
        }
    }
}

/// What an analysis finds an article's sources with.
pub struct Sourcing<'s> {
    pub cache: &'s SourceCache,
    /// Bumped whenever a file may have changed (a save, a watched file).
    pub generation: u64,
    /// The article's file (`None` for an unsaved document).
    pub path: Option<std::path::PathBuf>,
    /// The workspace's other articles, to spell people as they do.
    pub workspace: Arc<Workspace>,
}

impl Sourcing<'_> {
    /// The article's spellings that differ from the workspace's other
    /// articles ([`Workspace::findings`]); none outside a workspace.
    fn across(
        &self,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        language: Language,
        kept: &Kept,
        config: &Config,
    ) -> Vec<Finding> {
        let Some(path) = self
            .path
            .as_deref()
            .filter(|p| self.workspace.covers(Some(p)))
        else {
            return Vec::new();
        };
        // A view, not a copy of the pass (people are read, not quotes: the
        // quotes' pending moves need not be settled for them).
        let article = Article::view(paragraphs, language, &kept.parts);
        self.workspace.findings(path, &article, config)
    }

    /// The sources of `document`: the previous analysis's when nothing
    /// they were found from changed, else looked up (files read only when
    /// they changed on disk; the same files give the same set back).
    fn sources_of(
        &self,
        document: &Document<ParagraphFacts>,
        config: &Arc<Config>,
        previous: Option<&Analysis>,
    ) -> (Arc<SourceSet>, (u64, Vec<String>)) {
        // Front matter is at the very top: a few lines are enough.
        let mut head = String::new();
        for chunk in document.rope().chunks() {
            head.push_str(chunk);
            if head.len() >= 8192 {
                break;
            }
        }
        let front = crate::sources::front_matter_sources(&head);
        let key = (self.generation, front);
        let previous = previous.filter(|p| Arc::ptr_eq(&p.config, config));
        if let Some(p) = previous.filter(|p| p.sources_key == key) {
            return (Arc::clone(&p.sources), key);
        }
        let named = crate::sources::named_for(self.path.as_deref(), &head, config, None);
        let set = match self.cache.resolve(&named) {
            Ok(set) => set,
            Err(errors) => {
                for e in errors {
                    tracing::warn!("{e}; quotes are not checked against the sources");
                }
                SourceSet::default()
            }
        };
        match previous {
            Some(p) if p.sources.same_files(&set) => (Arc::clone(&p.sources), key),
            _ => (Arc::new(set), key),
        }
    }
}
