//! Scanning a document on a blocking thread (a large one just opened, or
//! every document after new settings), the edits that came meanwhile
//! applied in order when it is installed.

use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use super::lock::lock;
use super::state::{Store, StoreError};
use crate::analysis::{ParagraphFacts, Scanner};
use crate::text::{Document, Paragraphing};

/// What a scan on a blocking thread starts from.
pub(super) enum Source {
    Text(String, i32, Paragraphing),
    /// Scanned again, its paragraphs made as the settings now say.
    Rescan(Document<ParagraphFacts>, Paragraphing),
}

impl Store {
    /// Scans a document on a blocking thread and installs it, with the
    /// edits that came meanwhile applied in order.
    pub(super) fn scan_aside(
        self: &Arc<Self>,
        uri: Uri,
        open: u64,
        source: Source,
        scanner: Arc<Scanner>,
    ) {
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
            crate::lsp::memory::release_soon();
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
}
