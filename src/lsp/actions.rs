//! Code actions: each finding's fixes as quick fixes (carrying the diagnostic
//! they fix), "Ignore this finding here" (an ignore comment above its
//! paragraph), "Remove all boilerplate", and the `source.fixAll.copydesk`
//! action.

use tower_lsp_server::ls_types::*;

use super::convert;
use super::store::Analysis;
use crate::checks::{Edit, Finding};
use crate::text::{Layout, PositionEncoding};

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
            if f.code != crate::rules::unused_ignore::CODE {
                let edit = ignore_here(a, f);
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Ignore this finding here ({})", edit.new_text.trim_end()),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(to_edit(std::slice::from_ref(&edit))),
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

/// The edit putting `<!-- copydesk-ignore CODE -->` on a line of its own
/// above the paragraph where the finding starts (with a blank line after it
/// in copy whose paragraphs end at blank lines), in the document's line ends.
pub fn ignore_here(a: &Analysis, f: &Finding) -> Edit {
    let index = a.document.index();
    let paragraphs = index.paragraphs();
    let i = paragraphs
        .partition_point(|p| p.start <= f.range.start)
        .saturating_sub(1);
    let at = paragraphs.get(i).map_or(0, |p| p.start);
    let rope = a.document.rope();
    let eol = match rope.lines().next() {
        Some(l) if l.len_bytes() >= 2 && l.byte(l.len_bytes() - 2) == b'\r' => "\r\n",
        Some(l) if l.len_bytes() >= 1 && l.byte(l.len_bytes() - 1) == b'\r' => "\r",
        _ => "\n",
    };
    let gap = match index.layout() {
        Layout::BlankLine => eol,
        Layout::Line => "",
    };
    Edit {
        range: at..at,
        new_text: format!("<!-- copydesk-ignore {} -->{eol}{gap}", f.code),
    }
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
