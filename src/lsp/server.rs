//! The `LanguageServer` implementation: capabilities, document sync,
//! diagnostics (push and pull), code actions, hover and settings.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::actions;
use super::convert;
use super::diagnostics;
use super::docs;
use super::hover;
use super::memory;
use super::output::Output;
use super::people;
use super::quotes;
use super::store::{lock, Analysis, Store, StoreError};
use super::stylebook;
use crate::analysis::Language;
use crate::config::{Config, CONFIG_FILE};
use crate::text::{Change, PositionEncoding};

/// `workspace/executeCommand` with arguments `[uri]`: the quote sheet of
/// that document, as Markdown.
pub const QUOTE_SHEET: &str = "copydesk.quoteSheet";

/// How long the first diagnostics wait for the client's settings (they are
/// published again at once if the settings come later).
pub const SETTINGS_WAIT: Duration = Duration::from_millis(1500);

/// How long a pull answer waits for the push of the same text to go first.
const PULL_AFTER_PUSH: Duration = Duration::from_secs(2);

/// How long a `workspace/configuration` request may go unanswered before
/// the server stops waiting for it (and keeps the last good settings).
const CONFIGURATION_TIMEOUT: Duration = Duration::from_secs(10);

/// What the client told us about itself at `initialize`.
#[derive(Debug, Default)]
struct ClientInfo {
    root: Option<PathBuf>,
    pull_configuration: bool,
    document_changes: bool,
    watch_files: bool,
    create_files: bool,
    /// The client pulls diagnostics and can be told to pull again.
    diagnostic_refresh: bool,
    /// The settings a client without `workspace/configuration` last pushed.
    pushed_settings: Option<Value>,
    /// The last `copydesk.toml` and editor settings that were valid: a
    /// broken file or setting keeps these in force, not the defaults.
    good_file: Option<Config>,
    good_editor: Option<Config>,
    /// Reloads started and the newest applied (an older reload that ends
    /// late does not undo a newer one).
    reloads_started: u64,
    reloads_applied: u64,
}

/// The client capabilities a response is built with.
#[derive(Clone, Debug)]
struct Caps {
    root: Option<PathBuf>,
    document_changes: bool,
    create_files: bool,
}

/// Set when a request's future is dropped (cancelled with
/// `$/cancelRequest`, or the server exiting), so the work on a blocking
/// thread it started can stop early.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

fn content_modified() -> Error {
    Error {
        code: ErrorCode::ContentModified,
        message: "copydesk: the document changed while this was being worked out".into(),
        data: None,
    }
}

pub struct Backend {
    client: Client,
    /// Where diagnostics are pushed (the framework's messages go there too).
    output: Output,
    store: Arc<Store>,
    info: Mutex<ClientInfo>,
    /// Held while a publisher checks that its analysis is current and sends
    /// it, and while a close sends its empty diagnostics: a check that
    /// passed is never followed by a close's notice and then the stale
    /// diagnostics.
    publishing: Arc<tokio::sync::Mutex<()>>,
}

impl Backend {
    pub fn new(client: Client, output: Output) -> Self {
        Self {
            client,
            output,
            store: Arc::new(Store::new()),
            info: Mutex::new(ClientInfo::default()),
            publishing: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    fn info<R>(&self, f: impl FnOnce(&ClientInfo) -> R) -> R {
        f(&self.info.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn caps(&self) -> Caps {
        self.info(|i| Caps {
            root: i.root.clone(),
            document_changes: i.document_changes,
            create_files: i.create_files,
        })
    }

    /// Publishes the diagnostics of the newest text whenever they change.
    /// Intermediate versions are skipped; a result is published only if it
    /// is still of the document's text as it is (same open, same revision),
    /// so diagnostics of a closed and reopened document's old text never
    /// appear. A version whose diagnostics are those the client already has
    /// (converted, positions and all) is not published again. The first
    /// publish waits (briefly) for the client's settings.
    fn spawn_publisher(&self, uri: Uri, mut changed: watch::Receiver<u64>, open: u64) {
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

    /// Reads `copydesk.toml` at the workspace root and the editor's settings,
    /// reports problems, and installs the result. A part that is broken
    /// keeps its last good value.
    async fn reload_config(&self, pushed: Option<Value>) {
        let (pushed, ticket) = {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            if pushed.is_some() {
                info.pushed_settings = pushed;
            }
            info.reloads_started += 1;
            (info.pushed_settings.clone(), info.reloads_started)
        };
        let root = self.info(|i| i.root.clone());
        let file = root
            .as_deref()
            .and_then(Config::find_file)
            .map(|path| crate::checks::load_config(&path).map_err(|e| e.to_string()));
        let editor_value = if self.info(|i| i.pull_configuration) {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".to_string()),
            };
            match tokio::time::timeout(CONFIGURATION_TIMEOUT, self.client.configuration(vec![item]))
                .await
            {
                Ok(Ok(mut values)) => values.pop(),
                Ok(Err(e)) => {
                    tracing::warn!("workspace/configuration failed: {e}");
                    pushed
                }
                Err(_) => {
                    tracing::warn!(
                        "workspace/configuration unanswered after {CONFIGURATION_TIMEOUT:?}; the last good settings stay in force"
                    );
                    self.store.settle();
                    return;
                }
            }
        } else {
            pushed
        };
        let editor = editor_value
            .filter(|v| !v.is_null())
            .map(|v| crate::checks::config_from_json(editor_section(v)).map_err(|e| e.to_string()));
        let mut problems = Vec::new();
        let merged = {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            if ticket < info.reloads_applied {
                tracing::debug!("an older settings reload ended late; ignored");
                return;
            }
            info.reloads_applied = ticket;
            let mut keep = |part: Option<std::result::Result<Config, String>>,
                            good: &mut Option<Config>| match part {
                Some(Ok(c)) => *good = Some(c),
                Some(Err(e)) => {
                    let kept = if good.is_some() {
                        "the last good settings stay in force"
                    } else {
                        "the default settings stay in force"
                    };
                    problems.push(format!("{e}; {kept}"));
                }
                None => *good = None,
            };
            keep(file, &mut info.good_file);
            keep(editor, &mut info.good_editor);
            let file = info.good_file.clone().unwrap_or_default();
            match &info.good_editor {
                Some(editor) => file.merged(editor),
                None => file,
            }
        };
        for p in &problems {
            tracing::error!("{p}");
            self.client
                .show_message(MessageType::ERROR, format!("copydesk: {p}"))
                .await;
        }
        self.store.set_config(merged);
        self.store.settle();
        // Pushed diagnostics follow by themselves; a client that pulls is told to pull again.
        if self.info(|i| i.diagnostic_refresh) {
            if let Err(e) = self.client.workspace_diagnostic_refresh().await {
                tracing::warn!("workspace/diagnostic/refresh failed: {e}");
            }
        }
    }

    /// Runs `work` on the document's current analysis on a blocking thread,
    /// so a big document never holds up the main loop (other documents'
    /// requests, edits, cancellations). `Ok(None)` when the document is not
    /// open. Work on an analysis a newer edit has taken over is not begun:
    /// the answer is ContentModified.
    async fn query<R: Send + 'static>(
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
    async fn query_edits<R: Send + 'static>(
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

    /// "Add ‘X’ to the style book" for the person under the cursor: an edit
    /// of `copydesk.toml` at the workspace root, created if absent.
    fn style_book_action(
        caps: &Caps,
        enc: PositionEncoding,
        a: &Analysis,
        params: &CodeActionParams,
    ) -> Option<CodeAction> {
        let wanted = params.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| CodeActionKind::REFACTOR.as_str().starts_with(k.as_str()))
        });
        if !wanted {
            return None;
        }
        let article = a.article();
        let at = convert::offset(a.document.rope(), params.range.start, enc);
        let (_, person) = people::person_at(&article, at)?;
        if a.config.names.canonical.contains(&person.canonical) {
            return None;
        }
        let workspace_edit = config_file_edit(caps, enc, |existing| {
            stylebook::insertion(existing, &person.canonical)
        })?;
        Some(CodeAction {
            title: format!(
                "Add ‘{}’ to the style book ({CONFIG_FILE})",
                person.canonical
            ),
            kind: Some(CodeActionKind::REFACTOR),
            edit: Some(workspace_edit),
            ..Default::default()
        })
    }
}

/// "Ignore ‘CODE’ in this workspace" for each rule with a finding under
/// the cursor: `[rules.CODE] enabled = false` in the workspace's
/// `copydesk.toml` (created if absent), the rest of the file kept.
fn ignore_in_workspace_actions(
    caps: &Caps,
    enc: PositionEncoding,
    a: &Analysis,
    params: &CodeActionParams,
) -> Vec<CodeAction> {
    let wanted = params.context.only.as_ref().is_none_or(|only| {
        only.iter()
            .any(|k| CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str()))
    });
    if !wanted {
        return Vec::new();
    }
    let rope = a.document.rope();
    let requested = convert::byte_range(rope, params.range, enc);
    let mut codes: Vec<&'static str> = a
        .findings
        .iter()
        .filter(|f| f.range.start <= requested.end && requested.start <= f.range.end)
        .map(|f| f.code)
        .collect();
    codes.dedup();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .filter_map(|code| {
            let edit = config_file_edit(caps, enc, |existing| stylebook::rule_off(existing, code))?;
            let diagnostics = a
                .findings
                .iter()
                .filter(|f| f.code == code)
                .map(|f| convert::diagnostic(rope, f, enc))
                .collect();
            Some(CodeAction {
                title: format!("Ignore ‘{code}’ in this workspace ({CONFIG_FILE})"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(diagnostics),
                edit: Some(edit),
                ..Default::default()
            })
        })
        .collect()
}

/// One edit of the workspace's `copydesk.toml` (created when absent and
/// the client can create files): `change` gives the replacement in its
/// text, or `None` for nothing to do.
fn config_file_edit(
    caps: &Caps,
    enc: PositionEncoding,
    change: impl FnOnce(Option<&str>) -> Option<(std::ops::Range<usize>, String)>,
) -> Option<WorkspaceEdit> {
    let (can_create, versioned) = (caps.create_files, caps.document_changes);
    let root = caps.root.clone()?;
    let path = Config::find_file(&root).unwrap_or_else(|| root.join(CONFIG_FILE));
    let existing = std::fs::read_to_string(&path).ok();
    let (range, text) = change(existing.as_deref())?;
    let uri = Uri::from_file_path(&path)?;
    let rope = ropey::Rope::from_str(existing.as_deref().unwrap_or(""));
    let edit = TextEdit {
        range: convert::range(&rope, &range, enc),
        new_text: text,
    };
    Some(match (existing.is_some(), versioned) {
        (true, false) => WorkspaceEdit {
            changes: Some([(uri, vec![edit])].into_iter().collect()),
            ..Default::default()
        },
        (true, true) => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(edit)],
            }])),
            ..Default::default()
        },
        (false, _) if can_create => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(edit)],
                }),
            ])),
            ..Default::default()
        },
        (false, _) => return None,
    })
}

/// Every mention (and resolved cue) of the person at `position`.
fn person_ranges(a: &Analysis, position: Position, enc: PositionEncoding) -> Option<Vec<Range>> {
    let article = a.article();
    let rope = a.document.rope();
    let person = people::referent_at(&article, convert::offset(rope, position, enc))?;
    Some(
        people::mentions(&article, person)
            .iter()
            .map(|r| convert::range(rope, r, enc))
            .collect(),
    )
}

fn workspace_edit(caps: &Caps, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if caps.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some([(uri.clone(), edits)].into_iter().collect()),
            ..Default::default()
        }
    }
}

/// The editor's `copydesk` section without the client-only keys.
fn editor_section(mut v: Value) -> Value {
    if let Some(obj) = v.as_object_mut() {
        // A client may send the whole settings object rather than the section.
        if let Some(inner) = obj.get("copydesk").cloned() {
            return editor_section(inner);
        }
        obj.remove("server");
        obj.remove("trace");
    }
    v
}

fn negotiate_encoding(params: &InitializeParams) -> PositionEncoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
        _ => PositionEncoding::Utf16,
    }
}

/// The workspace root as a local folder: the first `file:` workspace folder,
/// or the root URI if it is a `file:` URI. Other schemes (`untitled:`,
/// `vscode-vfs://`, …) name no folder here and are not read as paths.
fn root_path(params: &InitializeParams) -> Option<PathBuf> {
    fn local(uri: &Uri) -> Option<PathBuf> {
        let file = uri.scheme().as_str().eq_ignore_ascii_case("file");
        let host = uri
            .authority()
            .map(|a| a.host().to_string())
            .unwrap_or_default();
        if !file || !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
            tracing::info!(
                root = uri.as_str(),
                "workspace root is not a local folder; no copydesk.toml is read"
            );
            return None;
        }
        uri.to_file_path().map(|p| p.into_owned())
    }
    #[allow(deprecated)]
    let uris: Vec<&Uri> = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| &f.uri)
        .chain(params.root_uri.as_ref())
        .collect();
    uris.into_iter().find_map(local)
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate_encoding(&params);
        self.store.set_encoding(enc);
        tokio::task::spawn_blocking(docs::install).await.ok();
        {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            info.root = root_path(&params);
            let ws = params.capabilities.workspace.as_ref();
            info.pull_configuration = ws.and_then(|w| w.configuration).unwrap_or(false);
            info.document_changes = ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false);
            info.diagnostic_refresh = ws
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false);
            info.create_files = ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create));
            info.watch_files = ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
        }
        let encoding_kind = match enc {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![QUOTE_SHEET.to_string()],
                    work_done_progress_options: Default::default(),
                }),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            actions::fix_all_kind(),
                        ]),
                        ..Default::default()
                    },
                )),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("copydesk".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        tracing::info!("copydesk {} ready", env!("CARGO_PKG_VERSION"));
        if self.info(|i| i.watch_files) {
            let options = DidChangeWatchedFilesRegistrationOptions {
                // The configuration, and the files an article may quote
                // (its sources: `crate::sources`).
                watchers: [
                    format!("**/{CONFIG_FILE}"),
                    "**/*.{txt,md,markdown}".to_string(),
                ]
                .into_iter()
                .map(|glob| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(glob),
                    kind: None,
                })
                .collect(),
            };
            let registration = Registration {
                id: "copydesk-config-watcher".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                tracing::warn!("could not watch {CONFIG_FILE}: {e}");
            }
        }
        self.reload_config(None).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
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

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
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

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let is_config = params
            .text_document
            .uri
            .as_str()
            .ends_with(&format!("/{CONFIG_FILE}"));
        if is_config {
            self.reload_config(None).await;
        } else {
            // The saved file may be another article's source.
            self.store.sources_changed();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.store.close(&uri) {
            memory::release_soon();
            let _turn = self.publishing.lock().await;
            self.output.send(&diagnostics::cleared(&uri));
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_file = format!("/{CONFIG_FILE}");
        let (config, other): (Vec<_>, Vec<_>) = params
            .changes
            .iter()
            .partition(|c| c.uri.as_str().ends_with(&config_file));
        if !other.is_empty() {
            self.store.sources_changed();
        }
        if !config.is_empty() || other.is_empty() {
            self.reload_config(None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pushed = (!params.settings.is_null()).then_some(params.settings);
        self.reload_config(pushed).await;
    }

    async fn diagnostic(
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

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let enc = self.store.encoding();
        let caps = self.caps();
        self.query_edits(&uri, "codeAction", move |a| {
            let target = &params.text_document.uri;
            let mut list = actions::code_actions(a, &params, enc, |edits| {
                workspace_edit(&caps, target, a.version(), edits)
            });
            if let Some(action) = Backend::style_book_action(&caps, enc, a, &params) {
                list.push(CodeActionOrCommand::CodeAction(action));
            }
            for action in ignore_in_workspace_actions(&caps, enc, a, &params) {
                list.push(CodeActionOrCommand::CodeAction(action));
            }
            Ok(list)
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let enc = self.store.encoding();
        let position = pos.position;
        Ok(self
            .query(&pos.text_document.uri, "hover", move |a| {
                Ok(hover::hover(a, position, enc))
            })
            .await?
            .flatten())
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let uri = pos.text_document.uri;
        let enc = self.store.encoding();
        let target_uri = uri.clone();
        Ok(self
            .query(&uri, "definition", move |a| {
                let article = a.article();
                let at = convert::offset(a.document.rope(), pos.position, enc);
                let target =
                    people::referent_at(&article, at).and_then(|p| people::definition(&article, p));
                if target.is_none() {
                    // A quote: its passage in the article's sources.
                    if let Some(location) = quotes::source_location(a, &article, at, enc) {
                        return Ok(Some(GotoDefinitionResponse::Scalar(location)));
                    }
                }
                Ok(target.map(|r| {
                    GotoDefinitionResponse::Scalar(Location {
                        uri: target_uri,
                        range: convert::range(a.document.rope(), &r, enc),
                    })
                }))
            })
            .await?
            .flatten())
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri;
        let enc = self.store.encoding();
        let target = uri.clone();
        Ok(self
            .query(&uri, "references", move |a| {
                Ok(person_ranges(a, pos.position, enc).map(|rs| {
                    rs.into_iter()
                        .map(|range| Location {
                            uri: target.clone(),
                            range,
                        })
                        .collect()
                }))
            })
            .await?
            .flatten())
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let pos = params.text_document_position_params;
        let enc = self.store.encoding();
        Ok(self
            .query(&pos.text_document.uri, "documentHighlight", move |a| {
                Ok(person_ranges(a, pos.position, enc).map(|rs| {
                    rs.into_iter()
                        .map(|range| DocumentHighlight {
                            range,
                            kind: Some(DocumentHighlightKind::TEXT),
                        })
                        .collect()
                }))
            })
            .await?
            .flatten())
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let enc = self.store.encoding();
        let position = params.position;
        Ok(self
            .query(&params.text_document.uri, "prepareRename", move |a| {
                let article = a.article();
                let at = convert::offset(a.document.rope(), position, enc);
                match people::person_at(&article, at)
                    .and_then(|(m, p)| Some((people::rename_range(&article, m)?, p)))
                {
                    Some((range, person)) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                        range: convert::range(a.document.rope(), &range, enc),
                        placeholder: person.canonical.clone(),
                    })),
                    None => Err(Error::invalid_params(
                        "copydesk: only a person’s name can be renamed, and there is no person named here",
                    )),
                }
            })
            .await?
            .flatten())
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri;
        let enc = self.store.encoding();
        let caps = self.caps();
        let target = uri.clone();
        let new_name = params.new_name;
        self.query_edits(&uri, "rename", move |a| {
            let article = a.article();
            let at = convert::offset(a.document.rope(), pos.position, enc);
            let Some((_, person)) = people::person_at(&article, at) else {
                return Err(Error::invalid_params(
                    "copydesk: only a person’s name can be renamed",
                ));
            };
            if new_name.trim().is_empty() {
                return Err(Error::invalid_params("copydesk: the new name is empty"));
            }
            let rope = a.document.rope();
            let edits = people::rename_edits(&article, person, &new_name)
                .into_iter()
                .map(|(r, t)| TextEdit {
                    range: convert::range(rope, &r, enc),
                    new_text: t,
                })
                .collect();
            Ok(workspace_edit(&caps, &target, a.version(), edits))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let enc = self.store.encoding();
        self.query(&params.text_document.uri, "documentSymbol", move |a| {
            let article = a.article();
            Ok(DocumentSymbolResponse::Nested(people::symbols(
                a, &article, enc,
            )))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let enc = self.store.encoding();
        let range = params.range;
        self.query(&params.text_document.uri, "inlayHint", move |a| {
            let article = a.article();
            let range = convert::byte_range(a.document.rope(), range, enc);
            Ok(quotes::inlay_hints(a, &article, range, enc))
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command != QUOTE_SHEET {
            return Err(Error::invalid_params(format!(
                "copydesk: unknown command {}",
                params.command
            )));
        }
        let uri = params
            .arguments
            .first()
            .and_then(|v| v.as_str().or_else(|| v.get("uri").and_then(Value::as_str)))
            .and_then(|s| s.parse::<Uri>().ok())
            .ok_or_else(|| Error::invalid_params("copydesk.quoteSheet takes the document's URI"))?;
        let title = uri
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or("article")
            .to_string();
        let sheet = self
            .query(&uri, "quoteSheet", move |a| {
                let article = a.article();
                Ok(Value::String(quotes::sheet(a, &article, &title)))
            })
            .await?;
        match sheet {
            Some(sheet) => Ok(Some(sheet)),
            None => Err(Error::invalid_params(format!(
                "copydesk: {} is not open",
                uri.as_str()
            ))),
        }
    }
}
