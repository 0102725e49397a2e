//! The `LanguageServer` implementation: capabilities, document sync,
//! diagnostics (push and pull), code actions, hover and settings.
//!
//! The trait's methods hand each message to the module of its concern:
//! `lifecycle` (initialize, initialized), `sync` (open, change, save,
//! close), `publish` (diagnostics pushed and pulled), `settings`
//! (`copydesk.toml`, the editor's settings, watched files), `navigation`
//! (hover, definition, references, rename, symbols, inlay hints) and
//! `code_actions` (code actions, the quote sheet command); `query` runs a
//! request's work on a blocking thread, `edits` shapes the workspace edits
//! the client is sent.

mod code_actions;
mod edits;
mod lifecycle;
mod navigation;
mod publish;
mod query;
mod settings;
mod sync;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::output::Output;
use super::store::Store;
use crate::config::Config;

/// `workspace/executeCommand` with arguments `[uri]`: the quote sheet of
/// that document, as Markdown.
pub const QUOTE_SHEET: &str = "copydesk.quoteSheet";

/// How long the first diagnostics wait for the client's settings (they are
/// published again at once if the settings come later).
pub const SETTINGS_WAIT: Duration = Duration::from_millis(1500);

/// What the client told us about itself at `initialize`.
#[derive(Debug, Default)]
struct ClientInfo {
    /// The workspace folders on this machine (`file:` URIs), in the
    /// client's order: every one is read for the articles across the
    /// workspace.
    roots: Vec<PathBuf>,
    /// The folder whose `copydesk.toml` is read: the first of `roots` with
    /// one (in it or a folder above), else the first.
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

    /// Reads the workspace's articles at `paths` again, aside (saved in
    /// the editor, or changed on disk).
    fn refresh_workspace(&self, paths: Vec<PathBuf>) {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || store.refresh_workspace(&paths));
    }

    fn caps(&self) -> Caps {
        self.info(|i| Caps {
            root: i.root.clone(),
            document_changes: i.document_changes,
            create_files: i.create_files,
        })
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        self.on_initialize(params).await
    }

    async fn initialized(&self, params: InitializedParams) {
        self.on_initialized(params).await
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.on_did_open(params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.on_did_change(params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.on_did_save(params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.on_did_close(params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.on_did_change_watched_files(params).await
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.on_did_change_workspace_folders(params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.on_did_change_configuration(params).await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        self.on_diagnostic(params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.on_code_action(params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.on_hover(params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.on_goto_definition(params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.on_references(params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.on_document_highlight(params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.on_prepare_rename(params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.on_rename(params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.on_document_symbol(params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.on_inlay_hint(params).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        self.on_execute_command(params).await
    }
}
