//! Workspace edits as the client can take them: versioned or not, and
//! the edit of `copydesk.toml` (created when absent).

use tower_lsp_server::ls_types::*;

use super::Caps;
use crate::config::{Config, CONFIG_FILE};
use crate::lsp::convert;
use crate::text::PositionEncoding;

/// One edit of the workspace's `copydesk.toml` (created when absent and
/// the client can create files): `change` gives the replacement in its
/// text, or `None` for nothing to do.
pub(super) fn config_file_edit(
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

pub(super) fn workspace_edit(
    caps: &Caps,
    uri: &Uri,
    version: i32,
    edits: Vec<TextEdit>,
) -> WorkspaceEdit {
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
