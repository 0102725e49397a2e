//! Hover: the person card and the speaker card under the cursor, and what copydesk found
//! there and how to fix it.

use tower_lsp_server::ls_types::*;

use super::convert;
use super::people;
use super::quotes;
use super::store::Analysis;
use crate::text::PositionEncoding;

pub fn hover(a: &Analysis, position: Position, enc: PositionEncoding) -> Option<Hover> {
    let rope = a.document.rope();
    let at = convert::offset(rope, position, enc);
    let article = a.article();
    let mut sections = Vec::new();
    let mut range = None;
    for h in [
        people::hover(a, &article, at, enc),
        quotes::hover(a, &article, at, enc),
    ]
    .into_iter()
    .flatten()
    {
        if let HoverContents::Markup(m) = h.contents {
            sections.push(m.value);
        }
        range = range.or(h.range);
    }
    for f in a
        .findings
        .iter()
        .filter(|f| f.range.start <= at && at < f.range.end.max(f.range.start + 1))
    {
        let mut s = format!(
            "**copydesk** · {} ({})\n\n{}",
            f.code,
            f.severity.as_str(),
            f.message
        );
        for fix in &f.fixes {
            s.push_str(&format!("\n\n*Quick fix:* {}", fix.title));
        }
        sections.push(s);
        range = range.or_else(|| Some(convert::range(rope, &f.range, enc)));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}
