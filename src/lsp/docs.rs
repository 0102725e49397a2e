//! The rule pages a diagnostic links to (`codeDescription`): every rule's
//! page (the one `copydesk explain CODE` prints) is written once per
//! version of copydesk under the user's cache folder, and each diagnostic
//! carries a `file:` link to its rule's page. The pages match the running
//! binary and need no network. When the folder cannot be written,
//! diagnostics go without the link and a warning is logged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tower_lsp_server::ls_types::Uri;

use crate::rules::{self, docs};

/// Each code's `,"codeDescription":{"href":…}` JSON, ready to write.
static LINKS: OnceLock<HashMap<&'static str, Link>> = OnceLock::new();

struct Link {
    uri: Uri,
    json: Vec<u8>,
}

/// Where the pages go: `$COPYDESK_DOCS_DIR`, else the user's cache folder
/// (`$XDG_CACHE_HOME`, `~/.cache`, `%LOCALAPPDATA%`), else the system's
/// temporary folder; under it `copydesk/<version>/rules/`.
fn folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("COPYDESK_DOCS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    };
    let cache = env("XDG_CACHE_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".cache")))
        .or_else(|| env("LOCALAPPDATA"))
        .unwrap_or_else(std::env::temp_dir);
    cache
        .join("copydesk")
        .join(env!("CARGO_PKG_VERSION"))
        .join("rules")
}

/// Writes `text` to `path` unless it already holds it.
fn write_page(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text)
}

/// Writes the rule pages (once per process) and keeps their links.
pub fn install() {
    LINKS.get_or_init(|| {
        let dir = folder();
        let written = std::fs::create_dir_all(&dir).and_then(|()| {
            rules::REGISTRY.iter().try_for_each(|r| {
                let info = r.info();
                write_page(&dir.join(format!("{}.md", info.code)), &docs::page(info))
            })
        });
        if let Err(e) = written {
            tracing::warn!(
                "rule pages not written to {}: {e}; diagnostics go without a link to them",
                dir.display()
            );
            return HashMap::new();
        }
        rules::REGISTRY
            .iter()
            .filter_map(|r| {
                let code = r.info().code;
                let uri = Uri::from_file_path(dir.join(format!("{code}.md")))?;
                let mut json = b",\"codeDescription\":{\"href\":".to_vec();
                serde_json::to_writer(&mut json, uri.as_str()).ok()?;
                json.push(b'}');
                Some((code, Link { uri, json }))
            })
            .collect()
    });
}

/// The `,"codeDescription":{…}` JSON of `code`'s diagnostics (empty before
/// [`install`] or when the pages could not be written).
pub fn json(code: &str) -> &'static [u8] {
    LINKS
        .get()
        .and_then(|l| l.get(code))
        .map_or(&[][..], |l| l.json.as_slice())
}

/// `code`'s link, as the LSP types have it.
pub fn description(code: &str) -> Option<tower_lsp_server::ls_types::CodeDescription> {
    let link = LINKS.get()?.get(code)?;
    Some(tower_lsp_server::ls_types::CodeDescription {
        href: link.uri.clone(),
    })
}
