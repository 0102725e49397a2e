//! Configuration: `copydesk.toml` at the workspace root and the editor's
//! settings read, merged and installed (a broken part keeps its last good
//! value), again when either changes or a watched file does.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::ls_types::*;

use super::Backend;
use crate::config::{Config, CONFIG_FILE};

/// How long a `workspace/configuration` request may go unanswered before
/// the server stops waiting for it (and keeps the last good settings).
const CONFIGURATION_TIMEOUT: Duration = Duration::from_secs(10);

impl Backend {
    /// Reads `copydesk.toml` at the workspace root and the editor's settings,
    /// reports problems, and installs the result. A part that is broken
    /// keeps its last good value.
    pub(super) async fn reload_config(&self, pushed: Option<Value>) {
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
        // The workspace's articles, read with the settings now in force
        // (the `[files]` globs choose them), aside.
        // (With no folders left, the last ones' articles are let go.)
        let roots = self.info(|i| i.roots.clone());
        if !roots.is_empty() || self.store.workspace().has_folders() {
            let store = Arc::clone(&self.store);
            tokio::task::spawn_blocking(move || store.read_workspace(&roots));
        }
        // Pushed diagnostics follow by themselves; a client that pulls is told to pull again.
        if self.info(|i| i.diagnostic_refresh) {
            if let Err(e) = self.client.workspace_diagnostic_refresh().await {
                tracing::warn!("workspace/diagnostic/refresh failed: {e}");
            }
        }
    }

    pub(super) async fn on_did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_file = format!("/{CONFIG_FILE}");
        let (config, other): (Vec<_>, Vec<_>) = params
            .changes
            .iter()
            .partition(|c| c.uri.as_str().ends_with(&config_file));
        if !other.is_empty() {
            self.store.sources_changed();
            let paths = other
                .iter()
                .filter_map(|c| c.uri.to_file_path().map(|p| p.into_owned()))
                .collect();
            self.refresh_workspace(paths);
        }
        if !config.is_empty() || other.is_empty() {
            self.reload_config(None).await;
        }
    }

    pub(super) async fn on_did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pushed = (!params.settings.is_null()).then_some(params.settings);
        self.reload_config(pushed).await;
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
