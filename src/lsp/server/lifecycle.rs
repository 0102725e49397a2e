//! Starting up: what the client can do and what the server offers
//! (`initialize`), then watching the files it reads and loading the
//! settings (`initialized`); and workspace folders added or removed.

use std::path::PathBuf;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::{Backend, QUOTE_SHEET};
use crate::config::CONFIG_FILE;
use crate::lsp::{actions, docs};
use crate::text::PositionEncoding;

impl Backend {
    pub(super) async fn on_initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate_encoding(&params);
        self.store.set_encoding(enc);
        tokio::task::spawn_blocking(docs::install).await.ok();
        // Aside, not awaited: the first document opened need not wait for it.
        tokio::task::spawn_blocking(warm_up);
        {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            info.roots = root_paths(&params);
            info.root = config_root(&info.roots);
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
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
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

    pub(super) async fn on_initialized(&self, _: InitializedParams) {
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

    /// Folders added to or removed from the workspace: the settings are
    /// read again (the folder with `copydesk.toml` may have changed) and,
    /// with them, the workspace's articles.
    pub(super) async fn on_did_change_workspace_folders(
        &self,
        params: DidChangeWorkspaceFoldersParams,
    ) {
        {
            let mut info = self.info.lock().unwrap_or_else(|e| e.into_inner());
            let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(local).collect();
            info.roots.retain(|r| !removed.contains(r));
            for added in params.event.added.iter().filter_map(local) {
                if !info.roots.contains(&added) {
                    info.roots.push(added);
                }
            }
            info.root = config_root(&info.roots);
            tracing::info!(folders = info.roots.len(), "workspace folders changed");
        }
        self.reload_config(None).await;
    }
}

/// Reads a short made-up article once, so that the word lists and the
/// furniture patterns (about 60 ms of CPU, most of the cost of a small
/// article) are ready before the first document is opened rather than
/// read while it waits for its diagnostics.
fn warm_up() {
    const SAMPLE: &str = "Council backs £2m harbour plan\n\nBy Jane Doe, Local Democracy Reporter\n\nCouncillor Siobhán Fairweather said on Tuesday: “We cannot wait another winter.”\n\n“It is the right thing,” Ms Fairweather told the committee. She added that the work would start in March.\n\nREAD MORE: Flood defences fail again\n\nPicture: PA\n\nFollow me on Twitter @janedoe\n\nPublished Sunday, March 3, 2024, 7:00 pm\n";
    let started = std::time::Instant::now();
    let config = crate::config::Config::default();
    let checked = crate::checks::check_text(SAMPLE, crate::analysis::Language::PlainText, &config);
    tracing::debug!(
        findings = checked.findings.len(),
        "word lists and patterns read in {:?}",
        started.elapsed()
    );
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

/// The workspace folders on this machine: every `file:` workspace folder,
/// else the root URI if it is a `file:` URI. Other schemes (`untitled:`,
/// `vscode-vfs://`, …) name no folder here and are not read as paths.
fn root_paths(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    for folder in params.workspace_folders.iter().flatten() {
        if let Some(p) = local(folder).filter(|p| !roots.contains(p)) {
            roots.push(p);
        }
    }
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(local_uri));
    }
    roots
}

/// The folder whose `copydesk.toml` is read: the first of `roots` that
/// has one (in it or a folder above it), else the first.
fn config_root(roots: &[PathBuf]) -> Option<PathBuf> {
    roots
        .iter()
        .find(|r| crate::config::Config::find_file(r).is_some())
        .or(roots.first())
        .cloned()
}

fn local(folder: &WorkspaceFolder) -> Option<PathBuf> {
    local_uri(&folder.uri)
}

fn local_uri(uri: &Uri) -> Option<PathBuf> {
    let file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    let host = uri
        .authority()
        .map(|a| a.host().to_string())
        .unwrap_or_default();
    if !file || !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        tracing::info!(
            root = uri.as_str(),
            "workspace folder is not a local folder; it is not read"
        );
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}
