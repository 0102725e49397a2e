//! Diagnostics: pushed by one publisher task per document whenever they
//! change, and pulled (`textDocument/diagnostic`) with result ids.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::query::content_modified;
use super::{Backend, SETTINGS_WAIT};
use crate::lsp::store::lock;

/// How long a pull answer waits for the push of the same text to go first.
const PULL_AFTER_PUSH: Duration = Duration::from_secs(2);

impl Backend {
    /// Publishes the diagnostics of the newest text whenever they change.
    /// Intermediate versions are skipped; a result is published only if it
    /// is still of the document's text as it is (same open, same revision),
    /// so diagnostics of a closed and reopened document's old text never
    /// appear. A version whose diagnostics are those the client already has
    /// (converted, positions and all) is not published again. The first
    /// publish waits (briefly) for the client's settings.
    pub(super) fn spawn_publisher(&self, uri: Uri, mut changed: watch::Receiver<u64>, open: u64) {
        let output = self.output.clone();
        let store = Arc::clone(&self.store);
        let publishing = Arc::clone(&self.publishing);
        tokio::spawn(async move {
            store.settled(SETTINGS_WAIT).await;
            let mut published = None;
            loop {
                changed.borrow_and_update();
                let Some(analysis) = store.analysis(&uri, Some(open)).await else {
                    break; // closed
                };
                let Some(diags) = store.published(&uri, open) else {
                    break; // closed
                };
                if published != Some(analysis.revision()) && store.is_current(&uri, &analysis) {
                    let enc = store.encoding();
                    let (a, d, target) = (Arc::clone(&analysis), Arc::clone(&diags), uri.clone());
                    // Converted (only what the edit moved) and serialised
                    // aside; marked pushed only once sent.
                    let body = tokio::task::spawn_blocking(move || {
                        let mut d = lock(&d.diagnostics);
                        d.update(&a, enc);
                        d.body(&target, a.version())
                    })
                    .await;
                    match body {
                        Ok(body) => {
                            let _turn = publishing.lock().await;
                            if store.is_current(&uri, &analysis) {
                                published = Some(analysis.revision());
                                if let Some((generation, body)) = body {
                                    lock(&diags.diagnostics).pushed(generation);
                                    output.send(&body);
                                }
                                diags.handled(analysis.revision());
                            }
                        }
                        Err(e) => tracing::error!(uri = uri.as_str(), "analysis failed: {e}"),
                    }
                }
                // Now that its diagnostics are out: drop what making the
                // analysis let go of, and copy its findings for the next
                // analysis to update.
                let a = Arc::clone(&analysis);
                tokio::task::spawn_blocking(move || {
                    drop(a.take_leftovers());
                    a.make_spare();
                });
                drop(analysis);
                if changed.changed().await.is_err() {
                    break; // the document was closed
                }
            }
        });
    }

    pub(super) async fn on_diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        self.store.settled(SETTINGS_WAIT).await;
        let enc = self.store.encoding();
        let previous = params.previous_result_id;
        let store = Arc::clone(&self.store);
        let target = uri.clone();
        let report = self
            .query(&uri, "diagnostic", move |a| {
                let Some(published) = store.published(&target, a.open()) else {
                    return Err(content_modified());
                };
                let report = {
                    let mut d = lock(&published.diagnostics);
                    d.update(a, enc);
                    // The version the diagnostics were first made for, the
                    // open and the generation of the list: an edit that
                    // moved no diagnostic keeps the id.
                    let result_id = d.result_id(a.open());
                    if previous.as_deref() == Some(result_id.as_str()) {
                        DocumentDiagnosticReport::Unchanged(
                            RelatedUnchangedDocumentDiagnosticReport {
                                related_documents: None,
                                unchanged_document_diagnostic_report:
                                    UnchangedDocumentDiagnosticReport { result_id },
                            },
                        )
                    } else {
                        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                            related_documents: None,
                            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                                result_id: Some(result_id),
                                items: d.to_lsp(),
                            },
                        })
                    }
                };
                Ok((report, published, a.revision()))
            })
            .await?;
        let Some((report, published, revision)) = report else {
            return Err(Error::invalid_params(format!(
                "copydesk: no open document {}",
                uri.as_str()
            )));
        };
        // The push of the same text (if it had to be pushed) goes first.
        published.wait_handled(revision, PULL_AFTER_PUSH).await;
        Ok(DocumentDiagnosticReportResult::Report(report))
    }
}
