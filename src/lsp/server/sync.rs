//! Document sync: a document opened (and its publisher started), changed,
//! saved (the configuration read again, or sources looked up again) and
//! closed.

use tower_lsp_server::ls_types::*;

use super::Backend;
use crate::analysis::Language;
use crate::config::CONFIG_FILE;
use crate::lsp::store::StoreError;
use crate::lsp::{convert, diagnostics, memory};
use crate::text::Change;

impl Backend {
    pub(super) async fn on_did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let Some(language) = Language::from_language_id(&doc.language_id) else {
            tracing::debug!(
                uri = doc.uri.as_str(),
                language = doc.language_id,
                "not copy; not checked"
            );
            return;
        };
        let (rx, open) = self
            .store
            .open(doc.uri.clone(), doc.text, doc.version, language);
        self.spawn_publisher(doc.uri, rx, open);
    }

    pub(super) async fn on_did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied synchronously, before any await: edits must land in order.
        let changes: Vec<Change> = params
            .content_changes
            .into_iter()
            .map(|c| Change {
                range: c
                    .range
                    .map(|r| (convert::line_col(r.start), convert::line_col(r.end))),
                text: c.text,
            })
            .collect();
        let uri = params.text_document.uri;
        match self
            .store
            .change(&uri, params.text_document.version, changes)
        {
            Ok(()) => {}
            Err(StoreError::UnknownDocument(u)) => {
                tracing::warn!("didChange for {u}, which is not open; ignored")
            }
            Err(e) => tracing::error!("didChange ignored: {e}"),
        }
    }

    pub(super) async fn on_did_save(&self, params: DidSaveTextDocumentParams) {
        let is_config = params
            .text_document
            .uri
            .as_str()
            .ends_with(&format!("/{CONFIG_FILE}"));
        if is_config {
            self.reload_config(None).await;
        } else {
            // The saved file may be another article's source, and is one
            // of the workspace's articles.
            self.store.sources_changed();
            if let Some(path) = params.text_document.uri.to_file_path() {
                self.refresh_workspace(vec![path.into_owned()]);
            }
        }
    }

    pub(super) async fn on_did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.store.close(&uri) {
            memory::release_soon();
            let _turn = self.publishing.lock().await;
            self.output.send(&diagnostics::cleared(&uri));
        }
    }
}
