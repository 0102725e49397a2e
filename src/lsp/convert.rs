//! Conversions between the engine's byte ranges and LSP positions, in the
//! encoding negotiated with the client. The only place positions are made.

use std::ops::Range;

use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

use crate::checks::{Edit, Finding};
use crate::config::Severity;
use crate::text::{offset_to_position, position_to_offset, LineCol, PositionEncoding};

pub fn position(rope: &Rope, offset: usize, enc: PositionEncoding) -> lsp::Position {
    let lc = offset_to_position(rope, offset, enc);
    lsp::Position::new(lc.line, lc.character)
}

pub fn range(rope: &Rope, r: &Range<usize>, enc: PositionEncoding) -> lsp::Range {
    lsp::Range::new(position(rope, r.start, enc), position(rope, r.end, enc))
}

pub fn line_col(p: lsp::Position) -> LineCol {
    LineCol::new(p.line, p.character)
}

/// Byte offset of an LSP position (clamped).
pub fn offset(rope: &Rope, p: lsp::Position, enc: PositionEncoding) -> usize {
    position_to_offset(rope, line_col(p), enc).0
}

/// Byte range of an LSP range (clamped; a reversed range is put in order).
pub fn byte_range(rope: &Rope, r: lsp::Range, enc: PositionEncoding) -> Range<usize> {
    let a = offset(rope, r.start, enc);
    let b = offset(rope, r.end, enc);
    a.min(b)..a.max(b)
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(rope: &Rope, f: &Finding, enc: PositionEncoding) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: range(rope, &f.range, enc),
        severity: Some(severity(f.severity)),
        code: Some(lsp::NumberOrString::String(f.code.to_string())),
        code_description: super::docs::description(f.code),
        source: Some("copydesk".to_string()),
        message: f.message.clone(),
        ..Default::default()
    }
}

pub fn text_edit(rope: &Rope, e: &Edit, enc: PositionEncoding) -> lsp::TextEdit {
    lsp::TextEdit {
        range: range(rope, &e.range, enc),
        new_text: e.new_text.clone(),
    }
}
