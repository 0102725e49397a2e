//! The store's state: the documents, the settings they were scanned with,
//! and what each has published.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::{BoxFuture, Shared};
use thiserror::Error;
use tokio::sync::watch;
use tower_lsp_server::ls_types::Uri;

use super::analysis::Analysis;
use crate::analysis::{Language, ParagraphFacts, Scanner};
use crate::config::Config;
use crate::lsp::diagnostics::Diagnostics;
use crate::lsp::workspace::Workspace;
use crate::sources::SourceCache;
use crate::text::{Change, Document, PositionEncoding, TextError};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no open document {0}")]
    UnknownDocument(String),
    #[error("{uri}: {source}")]
    Text { uri: String, source: TextError },
}

/// An analysis being computed, shared by everyone who asks for it.
pub(super) type Running = Shared<BoxFuture<'static, Option<Arc<Analysis>>>>;

pub(super) struct DocState {
    /// Which open of the document this is: a document closed and opened
    /// again (even with the same version) is another document.
    pub(super) open: u64,
    /// The text and its paragraphs; `None` while a scan (of a large
    /// document just opened, or of every document after new settings) runs
    /// on a blocking thread.
    pub(super) document: Option<Document<ParagraphFacts>>,
    /// Edits that came while the document was being scanned, in order.
    pub(super) queued: Vec<(i32, Vec<Change>, PositionEncoding)>,
    /// The newest version accepted (applied or queued).
    pub(super) version: i32,
    pub(super) language: Language,
    /// Changes with every edit, scan and settings change: what a result is
    /// tied to, with `open`.
    pub(super) revision: u64,
    pub(super) latest: Option<Arc<Analysis>>,
    pub(super) running: Option<(u64, Running)>,
    /// The revision, for the document's publisher.
    pub(super) changed: watch::Sender<u64>,
    /// The diagnostics the client was given, for this open.
    pub(super) published: Arc<Published>,
}

/// A document's diagnostics as the client has them (pushed or pulled), and
/// the newest revision its publisher has dealt with.
#[derive(Default)]
pub struct Published {
    pub diagnostics: Mutex<Diagnostics>,
    pub(super) handled: watch::Sender<u64>,
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
pub(super) struct Inner {
    pub(super) docs: HashMap<Uri, DocState>,
    pub(super) config: Arc<Config>,
    pub(super) scanner: Arc<Scanner>,
}

pub struct Store {
    pub(super) inner: Mutex<Inner>,
    /// Sources read, by path and file stamp.
    pub(super) sources: SourceCache,
    /// Bumped when a source may have changed on disk.
    pub(super) sources_generation: AtomicU64,
    pub(super) encoding: Mutex<PositionEncoding>,
    /// The source of `open` and `revision` numbers.
    pub(super) counter: AtomicU64,
    /// Whether the client's settings have been read (or given up on) once.
    pub(super) settled: watch::Sender<bool>,
    /// The workspace's other articles, for spellings across articles.
    pub(super) workspace: Mutex<Arc<Workspace>>,
    /// Held while the workspace is read: one reading at a time, none lost.
    pub(super) workspace_turn: Mutex<()>,
}
