//! Code actions (the rules' fixes, adding a person to the style book,
//! ignoring a rule in the workspace) and the quote sheet command.

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::edits::{config_file_edit, workspace_edit};
use super::{Backend, Caps, QUOTE_SHEET};
use crate::config::CONFIG_FILE;
use crate::lsp::store::Analysis;
use crate::lsp::{actions, convert, people, quotes, stylebook};
use crate::text::PositionEncoding;

impl Backend {
    pub(super) async fn on_code_action(
        &self,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>> {
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

    pub(super) async fn on_execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<Value>> {
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
