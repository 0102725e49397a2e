//! The document store: every open document, the settings in force, and the
//! latest analysis of each document. All state changes happen synchronously
//! under one mutex, so edits apply in the order they arrived.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::future::{BoxFuture, FutureExt, Shared};

use thiserror::Error;
use tokio::sync::watch;
use tower_lsp_server::ls_types::Uri;

use super::diagnostics::Diagnostics;
use crate::analysis::{Article, Language, Leftovers, ParagraphFacts, Scanner};
use crate::checks::{Edit, Finding, Kept, Pass};
use crate::config::Config;
use crate::sources::{SourceCache, SourceSet};
use crate::text::Paragraphing;
use crate::text::{diff, Change, Document, PositionEncoding, TextError};

/// Documents larger than this are tracked but not analysed.
pub const MAX_ANALYSED_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no open document {0}")]
    UnknownDocument(String),
    #[error("{uri}: {source}")]
    Text { uri: String, source: TextError },
}

/// The analysis of one version of a document.
pub struct Analysis {
    pub document: Document<ParagraphFacts>,
    /// The open of the document and its revision this was computed for.
    open: u64,
    revision: u64,
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
    leftovers: Mutex<Leftovers>,
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
    fn compute(
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
        let regions = crate::checks::ignores::regions(paragraphs, &kept.parts);
        let (findings, fix_all, unignored) = if regions.is_empty() {
            (findings, fix_all, None)
        } else {
            let (shown, shown_fix_all) =
                crate::checks::ignores::apply(&regions, findings.clone(), fix_all.clone(), &config);
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
}

impl Sourcing<'_> {
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

/// Documents at most this large are scanned at once when opened; larger
/// ones are scanned on a blocking thread (edits that come meanwhile wait in
/// order and are applied when the scan is done).
pub const SCAN_INLINE_BYTES: usize = 256 * 1024;

/// An analysis being computed, shared by everyone who asks for it.
type Running = Shared<BoxFuture<'static, Option<Arc<Analysis>>>>;

struct DocState {
    /// Which open of the document this is: a document closed and opened
    /// again (even with the same version) is another document.
    open: u64,
    /// The text and its paragraphs; `None` while a scan (of a large
    /// document just opened, or of every document after new settings) runs
    /// on a blocking thread.
    document: Option<Document<ParagraphFacts>>,
    /// Edits that came while the document was being scanned, in order.
    queued: Vec<(i32, Vec<Change>, PositionEncoding)>,
    /// The newest version accepted (applied or queued).
    version: i32,
    language: Language,
    /// Changes with every edit, scan and settings change: what a result is
    /// tied to, with `open`.
    revision: u64,
    latest: Option<Arc<Analysis>>,
    running: Option<(u64, Running)>,
    /// The revision, for the document's publisher.
    changed: watch::Sender<u64>,
    /// The diagnostics the client was given, for this open.
    published: Arc<Published>,
}

/// A document's diagnostics as the client has them (pushed or pulled), and
/// the newest revision its publisher has dealt with.
#[derive(Default)]
pub struct Published {
    pub diagnostics: Mutex<Diagnostics>,
    handled: watch::Sender<u64>,
}

impl Published {
    /// The publisher has pushed (or had no need to push) the diagnostics
    /// of `revision`.
    pub fn handled(&self, revision: u64) {
        self.handled.send_if_modified(|h| {
            let newer = *h < revision;
            *h = (*h).max(revision);
            newer
        });
    }

    /// Waits (at most `bound`) until the publisher has dealt with `revision`
    /// or a later one.
    pub async fn wait_handled(&self, revision: u64, bound: Duration) {
        let mut rx = self.handled.subscribe();
        let _ = tokio::time::timeout(bound, rx.wait_for(|h| *h >= revision)).await;
    }
}

/// Documents and the settings their facts were scanned with, under one lock
/// so the two can never disagree.
struct Inner {
    docs: HashMap<Uri, DocState>,
    config: Arc<Config>,
    scanner: Arc<Scanner>,
}

pub struct Store {
    inner: Mutex<Inner>,
    /// Sources read, by path and file stamp.
    sources: SourceCache,
    /// Bumped when a source may have changed on disk.
    sources_generation: AtomicU64,
    encoding: Mutex<PositionEncoding>,
    /// The source of `open` and `revision` numbers.
    counter: AtomicU64,
    /// Whether the client's settings have been read (or given up on) once.
    settled: watch::Sender<bool>,
}

pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not wedge the store: the data is still consistent
    // because every change is built aside and swapped in whole.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

/// Where the analysis a caller wants stands.
enum Found {
    Ready(Arc<Analysis>),
    Running(Running),
    /// The document is being scanned; the receiver wakes when it is done.
    Scanning(watch::Receiver<u64>),
}

/// What a scan on a blocking thread starts from.
enum Source {
    Text(String, i32, Paragraphing),
    /// Scanned again, its paragraphs made as the settings now say.
    Rescan(Document<ParagraphFacts>, Paragraphing),
}

impl Store {
    pub fn new() -> Self {
        let config = Config::default();
        let scanner = Scanner::new(&config);
        Self {
            inner: Mutex::new(Inner {
                docs: HashMap::new(),
                config: Arc::new(config),
                scanner: Arc::new(scanner),
            }),
            encoding: Mutex::new(PositionEncoding::Utf16),
            counter: AtomicU64::new(1),
            settled: watch::channel(false).0,
            sources: SourceCache::default(),
            sources_generation: AtomicU64::new(0),
        }
    }

    /// A file that may be a source changed on disk (saved in the editor, or
    /// seen by the client's file watcher): every document's sources are
    /// looked up again (a file is read again only if its stamp changed, and
    /// a document whose sources are the same keeps its pass), and its
    /// diagnostics published again if they changed.
    pub fn sources_changed(&self) {
        self.sources_generation.fetch_add(1, Ordering::Relaxed);
        let mut inner = lock(&self.inner);
        for state in inner.docs.values_mut() {
            state.revision = self.next();
            state.changed.send_replace(state.revision);
        }
    }

    fn next(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }

    pub fn encoding(&self) -> PositionEncoding {
        *lock(&self.encoding)
    }

    pub fn set_encoding(&self, enc: PositionEncoding) {
        *lock(&self.encoding) = enc;
    }

    /// The client's settings have been read (or given up on).
    pub fn settle(&self) {
        self.settled.send_replace(true);
    }

    /// Waits (at most `bound`) until the client's settings have been read.
    pub async fn settled(&self, bound: Duration) {
        let mut rx = self.settled.subscribe();
        let _ = tokio::time::timeout(bound, rx.wait_for(|s| *s)).await;
    }

    /// Opens (or reopens) a document; returns the receiver its publisher
    /// waits on and the open's number. A large document is scanned on a
    /// blocking thread.
    pub fn open(
        self: &Arc<Self>,
        uri: Uri,
        text: String,
        version: i32,
        language: Language,
    ) -> (watch::Receiver<u64>, u64) {
        let open = self.next();
        let revision = self.next();
        let mut inner = lock(&self.inner);
        let scanner = Arc::clone(&inner.scanner);
        let paragraphing = inner.config.paragraphing(language);
        let (document, source) = if text.len() <= SCAN_INLINE_BYTES {
            let doc = Document::with_paragraphing(&text, version, paragraphing, scanner.as_ref());
            (Some(doc), None)
        } else {
            (None, Some(Source::Text(text, version, paragraphing)))
        };
        let (changed, rx) = watch::channel(revision);
        let replaced = inner.docs.insert(
            uri.clone(),
            DocState {
                open,
                document,
                queued: Vec::new(),
                version,
                language,
                revision,
                latest: None,
                running: None,
                changed,
                published: Arc::default(),
            },
        );
        drop(inner);
        drop(replaced);
        if let Some(source) = source {
            self.scan_aside(uri, open, source, scanner);
        }
        (rx, open)
    }

    /// Scans a document on a blocking thread and installs it, with the
    /// edits that came meanwhile applied in order.
    fn scan_aside(self: &Arc<Self>, uri: Uri, open: u64, source: Source, scanner: Arc<Scanner>) {
        let store = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let document = match source {
                Source::Text(text, version, paragraphing) => {
                    Document::with_paragraphing(&text, version, paragraphing, scanner.as_ref())
                }
                Source::Rescan(mut document, paragraphing) => {
                    document.reparagraph(paragraphing, scanner.as_ref());
                    document
                }
            };
            store.install_scan(&uri, open, document, &scanner);
        });
    }

    fn install_scan(
        self: &Arc<Self>,
        uri: &Uri,
        open: u64,
        mut document: Document<ParagraphFacts>,
        scanner: &Arc<Scanner>,
    ) {
        let revision = self.next();
        let mut inner = lock(&self.inner);
        let current = Arc::clone(&inner.scanner);
        let config = Arc::clone(&inner.config);
        let Some(state) = inner.docs.get_mut(uri).filter(|s| s.open == open) else {
            // Closed, or opened again, meanwhile: the scan is dropped.
            drop(inner);
            drop(document);
            super::memory::release_soon();
            return;
        };
        if !Arc::ptr_eq(scanner, &current) {
            // The settings changed while this scan ran: scan again.
            let paragraphing = config.paragraphing(state.language);
            drop(inner);
            let source = Source::Rescan(document, paragraphing);
            self.scan_aside(uri.clone(), open, source, current);
            return;
        }
        for (version, changes, enc) in std::mem::take(&mut state.queued) {
            if let Err(source) = document.apply_changes(version, &changes, enc, scanner.as_ref()) {
                tracing::error!(
                    uri = uri.as_str(),
                    "didChange ignored: {}",
                    StoreError::Text {
                        uri: uri.as_str().to_string(),
                        source
                    }
                );
            }
        }
        state.version = document.version();
        state.document = Some(document);
        state.revision = revision;
        state.changed.send_replace(revision);
    }

    /// Applies a didChange. All or nothing; on error nothing changes. While
    /// the document is being scanned the edit waits, in order, and is
    /// applied when the scan is done.
    pub fn change(&self, uri: &Uri, version: i32, changes: Vec<Change>) -> Result<(), StoreError> {
        let enc = self.encoding();
        let revision = self.next();
        let mut inner = lock(&self.inner);
        let inner = &mut *inner;
        let scanner = &inner.scanner;
        let state = inner
            .docs
            .get_mut(uri)
            .ok_or_else(|| StoreError::UnknownDocument(uri.as_str().to_string()))?;
        match &mut state.document {
            Some(document) => document
                .apply_changes(version, &changes, enc, scanner.as_ref())
                .map_err(|source| StoreError::Text {
                    uri: uri.as_str().to_string(),
                    source,
                })?,
            None if version <= state.version => {
                return Err(StoreError::Text {
                    uri: uri.as_str().to_string(),
                    source: TextError::StaleVersion {
                        current: state.version,
                        got: version,
                    },
                })
            }
            None => state.queued.push((version, changes, enc)),
        }
        state.version = version;
        state.revision = revision;
        state.changed.send_replace(revision);
        Ok(())
    }

    /// The diagnostics given to the client for this open of the document.
    pub fn published(&self, uri: &Uri, open: u64) -> Option<Arc<Published>> {
        lock(&self.inner)
            .docs
            .get(uri)
            .filter(|s| s.open == open)
            .map(|s| Arc::clone(&s.published))
    }

    pub fn close(&self, uri: &Uri) -> bool {
        let closed = lock(&self.inner).docs.remove(uri);
        // The document (and its analyses) is dropped here, outside the lock.
        closed.is_some()
    }

    /// Whether `a` is the analysis of the document's text as it is now (the
    /// same open, no edit or settings change since).
    pub fn is_current(&self, uri: &Uri, a: &Analysis) -> bool {
        lock(&self.inner)
            .docs
            .get(uri)
            .is_some_and(|s| s.open == a.open && s.revision == a.revision)
    }

    /// Installs a new configuration: every document is rescanned (on a
    /// blocking thread) and every publisher woken. The same configuration
    /// again (a reload that changed nothing) keeps everything, analyses
    /// included.
    pub fn set_config(self: &Arc<Self>, config: Config) {
        let mut inner = lock(&self.inner);
        if *inner.config == config {
            tracing::debug!("configuration unchanged");
            return;
        }
        let scanner = Arc::new(Scanner::new(&config));
        let config_now = Arc::new(config);
        inner.config = Arc::clone(&config_now);
        inner.scanner = Arc::clone(&scanner);
        let mut scans = Vec::new();
        for (uri, state) in inner.docs.iter_mut() {
            // A scan already running notices the new scanner and scans again.
            if let Some(document) = state.document.take() {
                let paragraphing = config_now.paragraphing(state.language);
                scans.push((uri.clone(), state.open, document, paragraphing));
            }
            state.latest = None;
            state.running = None;
            state.revision = self.next();
            state.changed.send_replace(state.revision);
        }
        drop(inner);
        for (uri, open, document, paragraphing) in scans {
            let source = Source::Rescan(document, paragraphing);
            self.scan_aside(uri, open, source, Arc::clone(&scanner));
        }
    }

    /// The analysis of the document as it is now, computed on a blocking
    /// thread if needed; callers asking for the same text share one
    /// computation. `open` restricts it to one open of the document.
    /// `None` when the document is not open (or was closed meanwhile).
    pub async fn analysis(self: &Arc<Self>, uri: &Uri, open: Option<u64>) -> Option<Arc<Analysis>> {
        loop {
            match self.find_or_start(uri, open)? {
                Found::Ready(a) => return Some(a),
                Found::Running(running) => return running.await,
                Found::Scanning(mut rx) => {
                    rx.changed().await.ok()?;
                }
            }
        }
    }

    fn find_or_start(self: &Arc<Self>, uri: &Uri, open: Option<u64>) -> Option<Found> {
        let mut inner = lock(&self.inner);
        let config = Arc::clone(&inner.config);
        let state = inner
            .docs
            .get_mut(uri)
            .filter(|s| open.is_none_or(|o| o == s.open))?;
        let Some(document) = &state.document else {
            return Some(Found::Scanning(state.changed.subscribe()));
        };
        if let Some(latest) = state
            .latest
            .as_ref()
            .filter(|l| l.revision == state.revision)
        {
            return Some(Found::Ready(Arc::clone(latest)));
        }
        Some(Found::Running(match &state.running {
            Some((revision, running)) if *revision == state.revision => running.clone(),
            _ => {
                let running = self.start(uri, state, document.clone(), config);
                state.running = Some((state.revision, running.clone()));
                running
            }
        }))
    }

    /// Starts the analysis of `document` (the state's text now). An older
    /// analysis still running is waited for, to be updated from.
    fn start(
        self: &Arc<Self>,
        uri: &Uri,
        state: &DocState,
        document: Document<ParagraphFacts>,
        config: Arc<Config>,
    ) -> Running {
        let store = Arc::clone(self);
        let uri = uri.clone();
        let (open, revision, language) = (state.open, state.revision, state.language);
        let latest = state.latest.clone();
        let older = state.running.as_ref().map(|(_, r)| r.clone());
        let path = uri
            .to_file_path()
            .map(|p| p.into_owned())
            .filter(|p| p.is_absolute());
        let task = tokio::spawn(async move {
            let previous = match older {
                Some(older) => older.await.or(latest),
                None => latest,
            };
            tokio::task::spawn_blocking(move || {
                let sourcing = Sourcing {
                    cache: &store.sources,
                    generation: store.sources_generation.load(Ordering::Relaxed),
                    path,
                };
                let analysis = Arc::new(Analysis::compute(
                    document, open, revision, language, config, previous, &sourcing,
                ));
                store.install(&uri, &analysis);
                analysis
            })
            .await
            .ok()
        });
        task.map(|r| r.ok().flatten()).boxed().shared()
    }

    /// Keeps a finished analysis as the document's latest (what the next one
    /// is updated from) if it is newer and made with the settings in force.
    fn install(&self, uri: &Uri, analysis: &Arc<Analysis>) {
        let replaced = {
            let mut inner = lock(&self.inner);
            let config = Arc::clone(&inner.config);
            let Some(state) = inner.docs.get_mut(uri).filter(|s| s.open == analysis.open) else {
                // Made for a document closed meanwhile: once it is let go of,
                // its memory can be given back.
                drop(inner);
                super::memory::release_soon();
                return;
            };
            if state
                .running
                .as_ref()
                .is_some_and(|(r, _)| *r == analysis.revision)
            {
                state.running = None;
            }
            let newer = state
                .latest
                .as_ref()
                .is_none_or(|l| l.revision < analysis.revision);
            if !newer || !Arc::ptr_eq(&config, &analysis.config) {
                return;
            }
            state.latest.replace(Arc::clone(analysis))
        };
        // The older analysis (a whole document snapshot) is released outside
        // the lock, not while didChange may be waiting on it, and once this
        // one is published, not before.
        if let Some(replaced) = replaced {
            lock(&analysis.leftovers).keep(replaced);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LineCol;

    fn uri() -> Uri {
        "file:///desk/story.txt".parse().expect("uri")
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime")
    }

    #[test]
    fn an_analysis_belongs_to_the_open_and_text_it_was_made_for() {
        runtime().block_on(async {
            let store = Arc::new(Store::new());
            let (_, first) =
                store.open(uri(), "Share on Facebook\n".into(), 1, Language::PlainText);
            let a = store.analysis(&uri(), None).await.expect("open");
            assert!(store.is_current(&uri(), &a));
            assert_eq!(a.findings.len(), 1);
            store.close(&uri());
            let (_, second) = store.open(uri(), "Copy.\n".into(), 1, Language::PlainText);
            assert_ne!(first, second);
            assert!(!store.is_current(&uri(), &a), "same version, another open");
            assert!(store.analysis(&uri(), Some(first)).await.is_none());
            let b = store.analysis(&uri(), None).await.expect("open");
            assert!(b.findings.is_empty());
        });
    }

    #[test]
    fn edits_to_a_document_being_scanned_wait_in_order() {
        runtime().block_on(async {
            let store = Arc::new(Store::new());
            let text = "The council met on Tuesday.\n\n".repeat(SCAN_INLINE_BYTES / 20);
            let lines = text.matches('\n').count() as u32;
            store.open(uri(), text, 1, Language::PlainText);
            let at = |line| Some((LineCol::new(line, 0), LineCol::new(line, 0)));
            for (version, line, words) in [(2, lines, "Advertisement\n"), (3, 0, "TK\n\n")] {
                let change = Change {
                    range: at(line),
                    text: words.into(),
                };
                store.change(&uri(), version, vec![change]).expect("queued");
            }
            assert!(
                store.change(&uri(), 3, Vec::new()).is_err(),
                "stale version refused"
            );
            let a = store.analysis(&uri(), None).await.expect("open");
            assert_eq!(a.version(), 3);
            let text = a.document.text();
            assert!(text.starts_with("TK\n\nThe council"));
            assert!(text.ends_with("Tuesday.\n\nAdvertisement\n"));
            assert!(store.is_current(&uri(), &a));
        });
    }
}
