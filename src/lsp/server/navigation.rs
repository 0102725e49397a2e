//! Requests about what is under the cursor: hover, go to definition (a
//! person's first mention, a quote's source), references and highlights
//! of a person, rename, document symbols and inlay hints.

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::edits::workspace_edit;
use super::Backend;
use crate::lsp::store::Analysis;
use crate::lsp::{convert, hover, people, quotes};
use crate::text::PositionEncoding;

impl Backend {
    pub(super) async fn on_hover(&self, params: HoverParams) -> Result<Option<Hover>> {
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

    pub(super) async fn on_goto_definition(
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

    pub(super) async fn on_references(
        &self,
        params: ReferenceParams,
    ) -> Result<Option<Vec<Location>>> {
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

    pub(super) async fn on_document_highlight(
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

    pub(super) async fn on_prepare_rename(
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

    pub(super) async fn on_rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
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

    pub(super) async fn on_document_symbol(
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

    pub(super) async fn on_inlay_hint(
        &self,
        params: InlayHintParams,
    ) -> Result<Option<Vec<InlayHint>>> {
        let enc = self.store.encoding();
        let range = params.range;
        self.query(&params.text_document.uri, "inlayHint", move |a| {
            let article = a.article();
            let range = convert::byte_range(a.document.rope(), range, enc);
            Ok(quotes::inlay_hints(a, &article, range, enc))
        })
        .await
    }
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
