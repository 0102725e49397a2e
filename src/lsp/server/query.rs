//! Running a request's work on the analysis of a document, on a blocking
//! thread: cancelled when the request is, refused (`ContentModified`) when
//! the text changed under it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::Uri;

use super::Backend;
use crate::lsp::store::Analysis;

/// Set when a request's future is dropped (cancelled with
/// `$/cancelRequest`, or the server exiting), so the work on a blocking
/// thread it started can stop early.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

pub(super) fn content_modified() -> Error {
    Error {
        code: ErrorCode::ContentModified,
        message: "copydesk: the document changed while this was being worked out".into(),
        data: None,
    }
}

impl Backend {
    /// Runs `work` on the document's current analysis on a blocking thread,
    /// so a big document never holds up the main loop (other documents'
    /// requests, edits, cancellations). `Ok(None)` when the document is not
    /// open. Work on an analysis a newer edit has taken over is not begun:
    /// the answer is ContentModified.
    pub(super) async fn query<R: Send + 'static>(
        &self,
        uri: &Uri,
        what: &'static str,
        work: impl FnOnce(&Analysis) -> Result<R> + Send + 'static,
    ) -> Result<Option<R>> {
        let Some(a) = self.store.analysis(uri, None).await else {
            tracing::warn!(
                uri = uri.as_str(),
                "{what} for a document that is not open; ignored"
            );
            return Ok(None);
        };
        let cancelled = CancelOnDrop(Arc::new(AtomicBool::new(false)));
        let flag = Arc::clone(&cancelled.0);
        let store = Arc::clone(&self.store);
        let uri = uri.clone();
        let done = tokio::task::spawn_blocking(move || {
            if flag.load(Ordering::Relaxed) {
                return Err(Error::request_cancelled());
            }
            if !a.is_kept() && !store.is_current(&uri, &a) {
                return Err(content_modified());
            }
            work(&a)
        })
        .await;
        drop(cancelled);
        match done {
            Ok(r) => r.map(Some),
            Err(e) => Err(Error {
                code: ErrorCode::InternalError,
                message: format!("copydesk: internal error in {what}: {e}").into(),
                data: None,
            }),
        }
    }

    /// Like [`Backend::query`], for answers that carry edits: an answer
    /// worked out on text that has changed since is never returned.
    pub(super) async fn query_edits<R: Send + 'static>(
        &self,
        uri: &Uri,
        what: &'static str,
        work: impl FnOnce(&Analysis) -> Result<R> + Send + 'static,
    ) -> Result<Option<R>> {
        let store = Arc::clone(&self.store);
        let target = uri.clone();
        self.query(uri, what, move |a| {
            let r = work(a)?;
            if store.is_current(&target, a) {
                Ok(r)
            } else {
                Err(content_modified())
            }
        })
        .await
    }
}
