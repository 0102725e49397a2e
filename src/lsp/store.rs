//! The document store: every open document, the settings in force, and the
//! latest analysis of each document. All state changes happen synchronously
//! under one mutex, so edits apply in the order they arrived.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use thiserror::Error;
use tokio::sync::watch;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::{Article, Language, ParagraphFacts, Scanner};
use crate::checks::{Edit, Finding, Kept, Pass};
use crate::config::Config;
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
    pub language: Language,
    pub config: Arc<Config>,
    pub findings: Vec<Finding>,
    /// Merged edits of every safe fix (the fix-all).
    pub fix_all: Vec<Edit>,
    /// The article pass of this version, kept so requests need not redo it,
    /// until the next version's analysis takes it over to update in place.
    parts: Mutex<Option<Kept>>,
}

impl Analysis {
    pub fn version(&self) -> i32 {
        self.document.version()
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
        language: Language,
        config: Arc<Config>,
        previous: Option<Arc<Analysis>>,
    ) -> Self {
        if document.rope().len_bytes() > MAX_ANALYSED_BYTES {
            tracing::warn!(
                bytes = document.rope().len_bytes(),
                "document too large to analyse"
            );
            return Self {
                document,
                language,
                config,
                findings: Vec::new(),
                fix_all: Vec::new(),
                parts: Mutex::new(None),
            };
        }
        let paragraphs = document.index().paragraphs();
        let earlier = previous
            .filter(|p| Arc::ptr_eq(&p.config, &config) && p.language == language)
            .and_then(|p| {
                let kept = lock(&p.parts).take()?;
                let pass = Pass::join(kept, p.findings.clone(), p.fix_all.clone());
                Some((p, pass))
            });
        let pass = match earlier {
            Some((prev, pass)) => {
                let diff = diff(&prev.document, &document);
                let (pass, reused) = pass.update(
                    prev.document.index().paragraphs(),
                    paragraphs,
                    &diff,
                    language,
                    &config,
                );
                tracing::debug!(
                    ?reused,
                    version = document.version(),
                    "article pass updated"
                );
                pass
            }
            None => Pass::new(paragraphs, language, &config),
        };
        let (kept, findings, fix_all) = pass.split();
        let parts = Mutex::new(Some(kept));
        Self {
            document,
            language,
            config,
            findings,
            fix_all,
            parts,
        }
    }
}

struct DocState {
    document: Document<ParagraphFacts>,
    language: Language,
    latest: Option<Arc<Analysis>>,
    /// Tells the document's publisher that a newer version exists.
    changed: watch::Sender<i32>,
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
    encoding: Mutex<PositionEncoding>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not wedge the store: the data is still consistent
    // because every change is built aside and swapped in whole.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

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
        }
    }

    pub fn encoding(&self) -> PositionEncoding {
        *lock(&self.encoding)
    }

    pub fn set_encoding(&self, enc: PositionEncoding) {
        *lock(&self.encoding) = enc;
    }

    /// Opens (or reopens) a document; returns the receiver its publisher waits on.
    pub fn open(
        &self,
        uri: Uri,
        text: &str,
        version: i32,
        language: Language,
    ) -> watch::Receiver<i32> {
        let mut inner = lock(&self.inner);
        let document = Document::new(text, version, inner.scanner.as_ref());
        let (changed, rx) = watch::channel(version);
        inner.docs.insert(
            uri,
            DocState {
                document,
                language,
                latest: None,
                changed,
            },
        );
        rx
    }

    /// Applies a didChange. All or nothing; on error nothing changes.
    pub fn change(&self, uri: &Uri, version: i32, changes: &[Change]) -> Result<(), StoreError> {
        let enc = self.encoding();
        let mut inner = lock(&self.inner);
        let inner = &mut *inner;
        let scanner = &inner.scanner;
        let state = inner
            .docs
            .get_mut(uri)
            .ok_or_else(|| StoreError::UnknownDocument(uri.as_str().to_string()))?;
        state
            .document
            .apply_changes(version, changes, enc, scanner.as_ref())
            .map_err(|source| StoreError::Text {
                uri: uri.as_str().to_string(),
                source,
            })?;
        state.changed.send_replace(version);
        Ok(())
    }

    pub fn close(&self, uri: &Uri) -> bool {
        lock(&self.inner).docs.remove(uri).is_some()
    }

    pub fn current_version(&self, uri: &Uri) -> Option<i32> {
        lock(&self.inner)
            .docs
            .get(uri)
            .map(|s| s.document.version())
    }

    /// Installs a new configuration: rescans every document and wakes every
    /// publisher. The same configuration again (a reload that changed
    /// nothing) keeps everything, analyses included.
    pub fn set_config(&self, config: Config) {
        let mut inner = lock(&self.inner);
        if *inner.config == config {
            tracing::debug!("configuration unchanged");
            return;
        }
        let scanner = Arc::new(Scanner::new(&config));
        inner.config = Arc::new(config);
        inner.scanner = Arc::clone(&scanner);
        for state in inner.docs.values_mut() {
            state.document.rescan(scanner.as_ref());
            state.latest = None;
            let v = state.document.version();
            state.changed.send_replace(v);
        }
    }

    /// The analysis of the document's current version, computed if needed.
    /// The analysis itself runs outside the lock, on a snapshot.
    pub fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let (snapshot, language, config, previous) = {
            let inner = lock(&self.inner);
            let state = inner.docs.get(uri)?;
            if let Some(latest) = &state.latest {
                if latest.version() == state.document.version() {
                    return Some(Arc::clone(latest));
                }
            }
            (
                state.document.clone(),
                state.language,
                Arc::clone(&inner.config),
                state.latest.clone(),
            )
        };
        let analysis = Arc::new(Analysis::compute(snapshot, language, config, previous));
        let replaced = {
            let mut inner = lock(&self.inner);
            let current_config = Arc::clone(&inner.config);
            inner.docs.get_mut(uri).and_then(|state| {
                (state.document.version() == analysis.version()
                    && Arc::ptr_eq(&current_config, &analysis.config))
                .then(|| state.latest.replace(Arc::clone(&analysis)))
                .flatten()
            })
        };
        // The older analysis (a whole document snapshot) is released here,
        // outside the lock, not while didChange may be waiting on it.
        drop(replaced);
        Some(analysis)
    }
}
