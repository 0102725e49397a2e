//! The document store: every open document, the settings in force, and the
//! latest analysis of each document. All state changes happen synchronously
//! under one mutex, so edits apply in the order they arrived.
//!
//! `state` is what the store holds, `analysis` the analysis of one version
//! of a document, `compute` makes it on a blocking thread (once per
//! revision, shared by all who ask), and `scan` scans a document aside when
//! it is large or the settings change.

mod analysis;
mod compute;
mod lock;
mod scan;
mod state;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::{Language, Scanner};
use crate::config::Config;
use crate::lsp::workspace::Workspace;
use crate::sources::SourceCache;
use crate::text::{Change, Document, PositionEncoding, TextError};

pub use analysis::Analysis;
pub use lock::lock;
use scan::Source;
use state::{DocState, Inner};
pub use state::{Published, Store, StoreError};

/// Documents at most this large are scanned at once when opened; larger
/// ones are scanned on a blocking thread (edits that come meanwhile wait in
/// order and are applied when the scan is done).
pub const SCAN_INLINE_BYTES: usize = 256 * 1024;

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
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
            workspace: Mutex::new(Arc::new(Workspace::default())),
            workspace_turn: Mutex::new(()),
        }
    }

    /// The workspace's other articles as last read.
    pub fn workspace(&self) -> Arc<Workspace> {
        Arc::clone(&lock(&self.workspace))
    }

    /// Reads the articles of the workspace folders `roots` (blocking) and
    /// installs them.
    pub fn read_workspace(&self, roots: &[std::path::PathBuf]) {
        let _turn = lock(&self.workspace_turn);
        let config = Arc::clone(&lock(&self.inner).config);
        self.set_workspace(Workspace::scan(roots, &config));
        // The texts read are gone; give their memory back.
        crate::lsp::memory::release_soon();
    }

    /// Reads the workspace's articles at `paths` again (blocking); installs
    /// the workspace when someone's spelling changed.
    pub fn refresh_workspace(&self, paths: &[std::path::PathBuf]) {
        let _turn = lock(&self.workspace_turn);
        let config = Arc::clone(&lock(&self.inner).config);
        if let Some(next) = self.workspace().refreshed(paths, &config) {
            self.set_workspace(next);
        }
    }

    /// Installs the workspace's articles as read again: every document is
    /// analysed again (its pass updated, not redone) and its diagnostics
    /// published again if they changed.
    fn set_workspace(&self, workspace: Workspace) {
        *lock(&self.workspace) = Arc::new(workspace);
        let mut inner = lock(&self.inner);
        for state in inner.docs.values_mut() {
            state.revision = self.next();
            state.changed.send_replace(state.revision);
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
}
