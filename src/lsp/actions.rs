//! Code actions: each finding's fixes as quick fixes (carrying the diagnostic
//! they fix), "Remove all boilerplate", and the `source.fixAll.copydesk` action.

use tower_lsp_server::ls_types::*;

use super::convert;
use super::store::Analysis;
use crate::checks::Edit;
use crate::text::PositionEncoding;

pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.copydesk")
}

/// Whether the client's `only` filter admits `kind` (a filter entry admits
/// its own kind and every kind below it, `source` admits `source.fixAll.x`).
fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|list| {
        list.iter().any(|k| {
            let k = k.as_str();
            k.is_empty()
                || kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

pub fn code_actions(
    a: &Analysis,
    params: &CodeActionParams,
    enc: PositionEncoding,
    workspace_edit: impl Fn(Vec<TextEdit>) -> WorkspaceEdit,
) -> CodeActionResponse {
    let rope = a.document.rope();
    let only = params.context.only.as_ref();
    let requested = convert::byte_range(rope, params.range, enc);
    let to_edit = |edits: &[Edit]| {
        workspace_edit(
            edits
                .iter()
                .map(|e| convert::text_edit(rope, e, enc))
                .collect(),
        )
    };
    let mut out = Vec::new();

    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        let touching = a
            .findings
            .iter()
            .filter(|f| f.range.start <= requested.end && requested.start <= f.range.end)
            .collect::<Vec<_>>();
        for f in &touching {
            let diagnostic = convert::diagnostic(rope, f, enc);
            for (i, fix) in f.fixes.iter().enumerate() {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(to_edit(&fix.edits)),
                    is_preferred: Some(i == 0 && fix.safe),
                    ..Default::default()
                }));
            }
        }
        if touching
            .iter()
            .any(|f| f.code == crate::rules::boilerplate::CODE)
        {
            let article = a.article();
            let edits = crate::rules::boilerplate::remove_all(&article);
            let all = a
                .findings
                .iter()
                .filter(|f| f.code == crate::rules::boilerplate::CODE)
                .map(|f| convert::diagnostic(rope, f, enc))
                .collect::<Vec<_>>();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Remove all boilerplate ({} in this article)", all.len()),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(all),
                edit: Some(to_edit(&edits)),
                ..Default::default()
            }));
        }
    }

    if !a.fix_all.is_empty() && wanted(only, fix_all_kind().as_str()) {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "copydesk: apply all safe fixes (remove boilerplate)".to_string(),
            kind: Some(fix_all_kind()),
            edit: Some(to_edit(&a.fix_all)),
            ..Default::default()
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_filter_admits_kinds_below_it() {
        let only = |k: &[&str]| {
            k.iter()
                .map(|s| CodeActionKind::from(s.to_string()))
                .collect::<Vec<_>>()
        };
        assert!(wanted(None, "quickfix"));
        assert!(wanted(
            Some(&only(&["source.fixAll"])),
            "source.fixAll.copydesk"
        ));
        assert!(wanted(Some(&only(&["source"])), "source.fixAll.copydesk"));
        assert!(!wanted(
            Some(&only(&["source.fix"])),
            "source.fixAll.copydesk"
        ));
        assert!(!wanted(
            Some(&only(&["quickfix"])),
            "source.fixAll.copydesk"
        ));
        assert!(!wanted(Some(&only(&["refactor"])), "quickfix"));
    }
}
