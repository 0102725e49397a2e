//! Computing a document's analysis on a blocking thread: once per
//! revision, shared by everyone who asks for it, updated from the one
//! before, and kept as the document's latest when it still is.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use futures::future::FutureExt;
use tokio::sync::watch;
use tower_lsp_server::ls_types::Uri;

use super::analysis::{Analysis, Sourcing};
use super::lock::lock;
use super::state::{DocState, Running, Store};
use crate::analysis::ParagraphFacts;
use crate::config::Config;
use crate::text::Document;

/// Where the analysis a caller wants stands.
enum Found {
    Ready(Arc<Analysis>),
    Running(Running),
    /// The document is being scanned; the receiver wakes when it is done.
    Scanning(watch::Receiver<u64>),
}

impl Store {
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
                    workspace: store.workspace(),
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
                crate::lsp::memory::release_soon();
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
