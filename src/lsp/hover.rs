//! Hover: what copydesk found under the cursor, and how to fix it.

use tower_lsp_server::ls_types::*;

use super::convert;
use super::store::Analysis;
use crate::text::PositionEncoding;

pub fn hover(a: &Analysis, position: Position, enc: PositionEncoding) -> Option<Hover> {
    let rope = a.document.rope();
    let at = convert::offset(rope, position, enc);
    let hits: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.range.start <= at && at < f.range.end.max(f.range.start + 1))
        .collect();
    let first = hits.first()?;
    let sections: Vec<String> = hits
        .iter()
        .map(|f| {
            let mut s = format!(
                "**copydesk** · {} ({})\n\n{}",
                f.code,
                f.severity.as_str(),
                f.message
            );
            for fix in &f.fixes {
                s.push_str(&format!("\n\n*Quick fix:* {}", fix.title));
            }
            s
        })
        .collect();
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(convert::range(rope, &first.range, enc)),
    })
}
