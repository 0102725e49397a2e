//! The `LanguageServer` implementation: capabilities, document sync,
//! diagnostics (push and pull), code actions, hover and settings.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, Weak};

use serde_json::Value;
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::actions;
use super::convert;
use super::hover;
use super::people;
use super::quotes;
use super::store::{Analysis, Store, StoreError};
use super::stylebook;
use crate::analysis::Language;
use crate::config::{Config, CONFIG_FILE};
use crate::text::{Change, PositionEncoding};

/// `workspace/executeCommand` with arguments `[uri]`: the quote sheet of
/// that document, as Markdown.
pub const QUOTE_SHEET: &str = "copydesk.quoteSheet";

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
}

pub struct Backend {
    client: Client,
    store: Arc<Store>,
    info: Mutex<ClientInfo>,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            store: Arc::new(Store::new()),
            info: Mutex::new(ClientInfo::default()),
        }
    }

    fn info<R>(&self, f: impl FnOnce(&ClientInfo) -> R) -> R {
        f(&self.info.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Publishes the diagnostics of the newest version whenever one arrives.
    /// Intermediate versions are skipped; a result is published only if its
    /// version is still the document's newest.
    fn spawn_publisher(&self, uri: Uri, mut changed: watch::Receiver<i32>) {
        let client = self.client.clone();
        let store = Arc::clone(&self.store);
        tokio::spawn(async move {
            // The analysis last published: a wake-up for a version already
            // analysed (the newest was taken before its notice came) must
            // not publish it again. A new analysis of the same version (new
            // settings) is published.
            let mut published: Weak<Analysis> = Weak::new();
            loop {
                changed.borrow_and_update();
                let task_store = Arc::clone(&store);
                let task_uri = uri.clone();
                let last = published.clone();
                let analysed = tokio::task::spawn_blocking(move || {
                    let a = task_store.analysis(&task_uri)?;
                    if Weak::ptr_eq(&last, &Arc::downgrade(&a)) {
                        return Some(None);
                    }
                    let enc = task_store.encoding();
                    let rope = a.document.rope();
                    let diags = a
                        .findings
                        .iter()
                        .map(|f| convert::diagnostic(rope, f, enc))
                        .collect::<Vec<_>>();
                    Some(Some((a, diags)))
                })
                .await;
                match analysed {
                    Ok(Some(None)) => {}
                    Ok(Some(Some((analysis, diags)))) => {
                        let version = analysis.version();
                        if store.current_version(&uri) == Some(version) {
                            published = Arc::downgrade(&analysis);
                            client
                                .publish_diagnostics(uri.clone(), diags, Some(version))
                                .await;
                        }
                    }
                    Ok(None) => break, // closed
                    Err(e) => tracing::error!(uri = uri.as_str(), "analysis failed: {e}"),
                }
                if changed.changed().await.is_err() {
                    break; // the document was closed
                }
            }
        });
    }

    /// Reads `copydesk.toml` at the workspace root and the editor's settings,
    /// reports problems, and installs the result.
    async fn reload_config(&self, pushed: Option<Value>) {
        let pushed = {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            if pushed.is_some() {
                info.pushed_settings = pushed;
            }
            info.pushed_settings.clone()
        };
        let root = self.info(|i| i.root.clone());
        let mut problems = Vec::new();
        let file_config = match root.as_deref().and_then(Config::find_file) {
            Some(path) => match Config::load(&path) {
                Ok(c) => c,
                Err(e) => {
                    problems.push(e.to_string());
                    Config::default()
                }
            },
            None => Config::default(),
        };
        let editor_value = if self.info(|i| i.pull_configuration) {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".to_string()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(mut values) => values.pop(),
                Err(e) => {
                    tracing::warn!("workspace/configuration failed: {e}");
                    pushed
                }
            }
        } else {
            pushed
        };
        let editor_config = match editor_value.map(editor_section) {
            Some(v) => match Config::from_json(v) {
                Ok(c) => c,
                Err(e) => {
                    problems.push(e.to_string());
                    Config::default()
                }
            },
            None => Config::default(),
        };
        for p in &problems {
            tracing::error!("{p}");
            self.client
                .show_message(
                    MessageType::ERROR,
                    format!("copydesk: {p}; the default settings stay in force"),
                )
                .await;
        }
        self.store.set_config(file_config.merged(&editor_config));
        // Pushed diagnostics follow by themselves; a client that pulls is told to pull again.
        if self.info(|i| i.diagnostic_refresh) {
            if let Err(e) = self.client.workspace_diagnostic_refresh().await {
                tracing::warn!("workspace/diagnostic/refresh failed: {e}");
            }
        }
    }

    fn workspace_edit(&self, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
        if self.info(|i| i.document_changes) {
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

    /// "Add ‘X’ to the style book" for the person under the cursor: an edit
    /// of `copydesk.toml` at the workspace root, created if absent.
    fn style_book_action(&self, a: &Analysis, params: &CodeActionParams) -> Option<CodeAction> {
        let wanted = params.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| CodeActionKind::REFACTOR.as_str().starts_with(k.as_str()))
        });
        if !wanted {
            return None;
        }
        let (root, can_create, versioned) =
            self.info(|i| (i.root.clone(), i.create_files, i.document_changes));
        let root = root?;
        let enc = self.store.encoding();
        let article = a.article();
        let at = convert::offset(a.document.rope(), params.range.start, enc);
        let (_, person) = people::person_at(&article, at)?;
        if a.config.names.canonical.contains(&person.canonical) {
            return None;
        }
        let path = Config::find_file(&root).unwrap_or_else(|| root.join(CONFIG_FILE));
        let existing = std::fs::read_to_string(&path).ok();
        let (range, text) = stylebook::insertion(existing.as_deref(), &person.canonical)?;
        let uri = Uri::from_file_path(&path)?;
        let rope = ropey::Rope::from_str(existing.as_deref().unwrap_or(""));
        let edit = TextEdit {
            range: convert::range(&rope, &range, enc),
            new_text: text,
        };
        let workspace_edit = match (existing.is_some(), versioned) {
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
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri,
                            version: None,
                        },
                        edits: vec![OneOf::Left(edit)],
                    }),
                ])),
                ..Default::default()
            },
            (false, _) => return None,
        };
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

    /// Every mention (and resolved cue) of the person at `position`.
    fn person_ranges(&self, uri: &Uri, position: Position, what: &str) -> Option<Vec<Range>> {
        let a = self.analysis_or_log(uri, what)?;
        let enc = self.store.encoding();
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

    fn analysis_or_log(&self, uri: &Uri, what: &str) -> Option<Arc<Analysis>> {
        let a = self.store.analysis(uri);
        if a.is_none() {
            tracing::warn!(
                uri = uri.as_str(),
                "{what} for a document that is not open; ignored"
            );
        }
        a
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

fn root_path(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| params.root_uri.clone())?;
    uri.to_file_path().map(|p| p.into_owned())
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate_encoding(&params);
        self.store.set_encoding(enc);
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
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                    kind: None,
                }],
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
        let rx = self
            .store
            .open(doc.uri.clone(), &doc.text, doc.version, language);
        self.spawn_publisher(doc.uri, rx);
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
            .change(&uri, params.text_document.version, &changes)
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
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.store.close(&uri) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.reload_config(None).await;
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
        let Some(a) = self.store.analysis(&uri) else {
            return Err(Error::invalid_params(format!(
                "copydesk: no open document {}",
                uri.as_str()
            )));
        };
        let result_id = a.version().to_string();
        if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                }),
            ));
        }
        let enc = self.store.encoding();
        let items = a
            .findings
            .iter()
            .map(|f| convert::diagnostic(a.document.rope(), f, enc))
            .collect();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(a) = self.analysis_or_log(&uri, "codeAction") else {
            return Ok(None);
        };
        let enc = self.store.encoding();
        let mut list = actions::code_actions(&a, &params, enc, |edits| {
            self.workspace_edit(&uri, a.version(), edits)
        });
        if let Some(action) = self.style_book_action(&a, &params) {
            list.push(CodeActionOrCommand::CodeAction(action));
        }
        Ok(Some(list))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let Some(a) = self.analysis_or_log(&pos.text_document.uri, "hover") else {
            return Ok(None);
        };
        Ok(hover::hover(&a, pos.position, self.store.encoding()))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let uri = pos.text_document.uri;
        let Some(a) = self.analysis_or_log(&uri, "definition") else {
            return Ok(None);
        };
        let enc = self.store.encoding();
        let article = a.article();
        let at = convert::offset(a.document.rope(), pos.position, enc);
        let target =
            people::referent_at(&article, at).and_then(|p| people::definition(&article, p));
        Ok(target.map(|r| {
            GotoDefinitionResponse::Scalar(Location {
                uri,
                range: convert::range(a.document.rope(), &r, enc),
            })
        }))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri;
        let ranges = self.person_ranges(&uri, pos.position, "references");
        Ok(ranges.map(|rs| {
            rs.into_iter()
                .map(|range| Location {
                    uri: uri.clone(),
                    range,
                })
                .collect()
        }))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let pos = params.text_document_position_params;
        let ranges = self.person_ranges(&pos.text_document.uri, pos.position, "documentHighlight");
        Ok(ranges.map(|rs| {
            rs.into_iter()
                .map(|range| DocumentHighlight {
                    range,
                    kind: Some(DocumentHighlightKind::TEXT),
                })
                .collect()
        }))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some(a) = self.analysis_or_log(&params.text_document.uri, "prepareRename") else {
            return Ok(None);
        };
        let enc = self.store.encoding();
        let article = a.article();
        let at = convert::offset(a.document.rope(), params.position, enc);
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
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri;
        let Some(a) = self.analysis_or_log(&uri, "rename") else {
            return Ok(None);
        };
        let enc = self.store.encoding();
        let article = a.article();
        let at = convert::offset(a.document.rope(), pos.position, enc);
        let Some((_, person)) = people::person_at(&article, at) else {
            return Err(Error::invalid_params(
                "copydesk: only a person’s name can be renamed",
            ));
        };
        if params.new_name.trim().is_empty() {
            return Err(Error::invalid_params("copydesk: the new name is empty"));
        }
        let rope = a.document.rope();
        let edits = people::rename_edits(&article, person, &params.new_name)
            .into_iter()
            .map(|(r, t)| TextEdit {
                range: convert::range(rope, &r, enc),
                new_text: t,
            })
            .collect();
        Ok(Some(self.workspace_edit(&uri, a.version(), edits)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(a) = self.analysis_or_log(&params.text_document.uri, "documentSymbol") else {
            return Ok(None);
        };
        let article = a.article();
        Ok(Some(DocumentSymbolResponse::Nested(people::symbols(
            &a,
            &article,
            self.store.encoding(),
        ))))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(a) = self.analysis_or_log(&params.text_document.uri, "inlayHint") else {
            return Ok(None);
        };
        let enc = self.store.encoding();
        let article = a.article();
        let range = convert::byte_range(a.document.rope(), params.range, enc);
        Ok(Some(quotes::inlay_hints(&a, &article, range, enc)))
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
        let Some(a) = self.analysis_or_log(&uri, "quoteSheet") else {
            return Err(Error::invalid_params(format!(
                "copydesk: {} is not open",
                uri.as_str()
            )));
        };
        let article = a.article();
        let title = uri
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or("article")
            .to_string();
        Ok(Some(Value::String(quotes::sheet(&a, &article, &title))))
    }
}
