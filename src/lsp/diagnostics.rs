//! The diagnostics of one open document as the client was last given them:
//! converted to positions once, moved by each edit, and serialised straight
//! to JSON.
//!
//! A new analysis is converted against the last one. A finding the edit did
//! not touch (same rule, severity, message and range, moved by the splice
//! between the two texts) keeps its converted diagnostic: its positions are
//! the old ones when it lies before the edit, and the old ones moved down by
//! the lines the edit added when it lies on a line after it. Only findings
//! on the edited lines, or new ones, are converted afresh (and their message
//! escaped). The result is exactly what converting every finding would give
//! (a property test below holds it to that).
//!
//! The list has a generation that changes only when the list does: the
//! publisher pushes only a changed list, and a pull's result id names the
//! generation, so an edit that moved no diagnostic gets an "unchanged" report.

use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use tower_lsp_server::ls_types as lsp;

use super::convert;
use super::store::Analysis;
use crate::analysis::ParagraphFacts;
use crate::checks::Finding;
use crate::config::Severity;
use crate::text::{diff, offset_to_position, Document, LineCol, PositionEncoding, Splice};

/// One converted diagnostic.
#[derive(Clone, Debug)]
struct Item {
    range: Range<usize>,
    start: LineCol,
    end: LineCol,
    code: &'static str,
    severity: Severity,
    text: Arc<Text>,
}

/// What a diagnostic says, and its JSON after the range.
#[derive(Debug)]
struct Text {
    message: String,
    /// `,"severity":…,"code":…,"codeDescription":…,"source":"copydesk","message":…}`
    json: Vec<u8>,
}

impl Item {
    fn same(&self, other: &Item) -> bool {
        self.start == other.start
            && self.end == other.end
            && (Arc::ptr_eq(&self.text, &other.text) || self.text.json == other.text.json)
    }
}

fn severity_number(s: Severity) -> u8 {
    match s {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Information => 3,
        Severity::Hint => 4,
    }
}

fn text_of(f: &Finding) -> Arc<Text> {
    let mut json = Vec::with_capacity(f.message.len() + 64);
    // Writing into a Vec cannot fail, and strings always serialise.
    let _ = write!(
        json,
        ",\"severity\":{},\"code\":",
        severity_number(f.severity)
    );
    let _ = serde_json::to_writer(&mut json, f.code);
    json.extend_from_slice(super::docs::json(f.code));
    json.extend_from_slice(b",\"source\":\"copydesk\",\"message\":");
    let _ = serde_json::to_writer(&mut json, &f.message);
    json.push(b'}');
    Arc::new(Text {
        message: f.message.clone(),
        json,
    })
}

fn fresh(rope: &ropey::Rope, f: &Finding, enc: PositionEncoding) -> Item {
    Item {
        range: f.range.clone(),
        start: offset_to_position(rope, f.range.start, enc),
        end: offset_to_position(rope, f.range.end, enc),
        code: f.code,
        severity: f.severity,
        text: text_of(f),
    }
}

/// Where an edit was, in lines: what moving a kept diagnostic needs.
struct Moved<'a> {
    splice: Splice,
    rope: &'a ropey::Rope,
    enc: PositionEncoding,
    /// Positions on lines after `old_end_line` (old text) move by `lines`,
    /// unless `shaky` (a `\r\n` split or made at the end of the splice).
    old_end_line: usize,
    lines: i64,
    shaky: bool,
}

impl Moved<'_> {
    /// Where a byte offset of the older text is, as the new text's offset.
    fn old_offset(&self, new: usize) -> Option<usize> {
        let s = &self.splice;
        if new < s.start {
            Some(new)
        } else if new >= s.new_end {
            Some(new - s.new_end + s.old_end)
        } else {
            None
        }
    }

    /// The position of `new` (an offset of the new text) that was `old`.
    fn position(&self, new: usize, old: LineCol) -> LineCol {
        let s = &self.splice;
        if new < s.start {
            return old;
        }
        if new >= s.new_end && !self.shaky && old.line as usize > self.old_end_line {
            if let Ok(line) = u32::try_from(i64::from(old.line) + self.lines) {
                return LineCol::new(line, old.character);
            }
        }
        offset_to_position(self.rope, new, self.enc)
    }
}

fn byte(rope: &ropey::Rope, at: usize) -> Option<u8> {
    (at < rope.len_bytes()).then(|| rope.byte(at))
}

/// The diagnostics of `findings` over `new`, reusing `old` (converted over
/// `before`) for every finding the edit left as it was.
fn convert_moved(
    old: &[Item],
    before: &Document<ParagraphFacts>,
    new: &Document<ParagraphFacts>,
    findings: &[Finding],
    enc: PositionEncoding,
) -> Vec<Item> {
    let splice = diff(before, new).splice;
    let (old_rope, rope) = (before.rope(), new.rope());
    let cr = |r: &ropey::Rope, end: usize| end > 0 && byte(r, end - 1) == Some(b'\r');
    let shaky = byte(old_rope, splice.old_end) == Some(b'\n')
        && (cr(old_rope, splice.old_end) || cr(rope, splice.new_end));
    let old_end_line = old_rope.byte_to_line(splice.old_end.min(old_rope.len_bytes()));
    let new_end_line = rope.byte_to_line(splice.new_end.min(rope.len_bytes()));
    let moved = Moved {
        splice,
        rope,
        enc,
        old_end_line,
        lines: new_end_line as i64 - old_end_line as i64,
        shaky,
    };
    let key = |i: &Item| (i.range.start, i.range.end, i.code);
    let mut next = 0;
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        let was = moved
            .old_offset(f.range.start)
            .zip(moved.old_offset(f.range.end))
            .map(|(s, e)| (s, e, f.code));
        let kept = was.and_then(|k| {
            while next < old.len() && key(&old[next]) < k {
                next += 1;
            }
            let o = old.get(next).filter(|o| {
                key(o) == k && o.severity == f.severity && o.text.message == f.message
            })?;
            next += 1;
            Some(o)
        });
        out.push(match kept {
            Some(o) => Item {
                range: f.range.clone(),
                start: moved.position(f.range.start, o.start),
                end: moved.position(f.range.end, o.end),
                code: o.code,
                severity: o.severity,
                text: Arc::clone(&o.text),
            },
            None => fresh(rope, f, enc),
        });
    }
    out
}

/// A document's diagnostics as last converted, pushed and pulled.
#[derive(Default)]
pub struct Diagnostics {
    /// The text `items` were converted over.
    document: Option<Document<ParagraphFacts>>,
    encoding: Option<PositionEncoding>,
    /// The revision of the analysis converted last.
    revision: u64,
    items: Vec<Item>,
    /// Changes whenever `items` do.
    generation: u64,
    /// The version `items` were first made for (what a result id starts with).
    since: i32,
    /// The generation last pushed.
    pushed: Option<u64>,
}

impl Diagnostics {
    /// Brings the list up to `a` (nothing when it is there, or past it).
    pub fn update(&mut self, a: &Analysis, enc: PositionEncoding) {
        if self.document.is_some() && self.encoding == Some(enc) && a.revision() <= self.revision {
            return;
        }
        let items = match (&self.document, self.encoding) {
            (Some(before), Some(e)) if e == enc => {
                convert_moved(&self.items, before, &a.document, &a.findings, enc)
            }
            _ => {
                let rope = a.document.rope();
                a.findings.iter().map(|f| fresh(rope, f, enc)).collect()
            }
        };
        let same = self.document.is_some()
            && items.len() == self.items.len()
            && items.iter().zip(&self.items).all(|(a, b)| a.same(b));
        if !same {
            self.generation += 1;
            self.since = a.version();
        }
        self.items = items;
        self.document = Some(a.document.clone());
        self.encoding = Some(enc);
        self.revision = a.revision();
    }

    /// The `publishDiagnostics` body for `uri` at `version`, with the
    /// list's generation, when the list is not the one last pushed.
    pub fn body(&self, uri: &lsp::Uri, version: i32) -> Option<(u64, Vec<u8>)> {
        (self.pushed != Some(self.generation)).then(|| {
            (
                self.generation,
                publish_body(uri, Some(version), self.items.iter()),
            )
        })
    }

    /// The list of `generation` was pushed.
    pub fn pushed(&mut self, generation: u64) {
        self.pushed = Some(generation);
    }

    /// The pull report's result id: the version these diagnostics were
    /// first made for, the open, and the generation.
    pub fn result_id(&self, open: u64) -> String {
        format!("{}:{}.{}", self.since, open, self.generation)
    }

    /// The diagnostics as LSP values (for a pull report).
    pub fn to_lsp(&self) -> Vec<lsp::Diagnostic> {
        self.items
            .iter()
            .map(|i| lsp::Diagnostic {
                range: lsp::Range::new(
                    lsp::Position::new(i.start.line, i.start.character),
                    lsp::Position::new(i.end.line, i.end.character),
                ),
                severity: Some(convert::severity(i.severity)),
                code: Some(lsp::NumberOrString::String(i.code.to_string())),
                code_description: super::docs::description(i.code),
                source: Some("copydesk".to_string()),
                message: i.text.message.clone(),
                ..Default::default()
            })
            .collect()
    }
}

/// A `textDocument/publishDiagnostics` notification's body.
fn publish_body<'a>(
    uri: &lsp::Uri,
    version: Option<i32>,
    items: impl ExactSizeIterator<Item = &'a Item>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + items.len() * 160);
    out.extend_from_slice(
        b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":",
    );
    let _ = serde_json::to_writer(&mut out, uri.as_str());
    out.extend_from_slice(b",\"diagnostics\":[");
    let mut buf = itoa::Buffer::new();
    for (n, i) in items.enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"range\":{\"start\":{\"line\":");
        out.extend_from_slice(buf.format(i.start.line).as_bytes());
        out.extend_from_slice(b",\"character\":");
        out.extend_from_slice(buf.format(i.start.character).as_bytes());
        out.extend_from_slice(b"},\"end\":{\"line\":");
        out.extend_from_slice(buf.format(i.end.line).as_bytes());
        out.extend_from_slice(b",\"character\":");
        out.extend_from_slice(buf.format(i.end.character).as_bytes());
        out.extend_from_slice(b"}}");
        out.extend_from_slice(&i.text.json);
    }
    out.push(b']');
    if let Some(v) = version {
        out.extend_from_slice(b",\"version\":");
        out.extend_from_slice(buf.format(v).as_bytes());
    }
    out.extend_from_slice(b"}}");
    out
}

/// The body that clears a document's diagnostics (when it is closed).
pub fn cleared(uri: &lsp::Uri) -> Vec<u8> {
    publish_body(uri, None, std::iter::empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Scanner;
    use crate::config::Config;
    use crate::text::Change;
    use proptest::prelude::*;

    fn finding(range: Range<usize>, code: &'static str, message: &str) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            range,
            message: message.to_string(),
            fixes: Vec::new(),
        }
    }

    /// Findings at every `step`-th char boundary of the text, some spanning
    /// line breaks, ordered as the engine orders them.
    fn findings_of(text: &str, step: usize, salt: usize) -> Vec<Finding> {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut out = Vec::new();
        for (k, w) in bounds.iter().enumerate().step_by(step.max(1)) {
            let end = bounds[(k + 1 + (k + salt) % 7).min(bounds.len() - 1)];
            let code = if (k + salt) % 3 == 0 {
                "a-rule"
            } else {
                "b-rule"
            };
            out.push(finding(
                *w..end,
                code,
                if k % 5 == 0 {
                    "Fix “this”.\n"
                } else {
                    "Check it."
                },
            ));
        }
        out.sort_by_key(|f| (f.range.start, f.range.end, f.code));
        out
    }

    fn positions(items: &[Item]) -> Vec<(LineCol, LineCol, String)> {
        items
            .iter()
            .map(|i| {
                (
                    i.start,
                    i.end,
                    String::from_utf8_lossy(&i.text.json).into_owned(),
                )
            })
            .collect()
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "word ", "\n", "\r\n", "\r", "\n\n", "🎉", "é", "\u{2028}", "\u{a0}", "“", "”", "",
        ])
    }

    proptest! {
        /// Moving the last conversion by an edit gives what converting every
        /// finding afresh gives, in UTF-16 and UTF-8.
        #[test]
        fn moved_diagnostics_are_fresh_diagnostics(
            start in prop::collection::vec(piece(), 0..40),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, prop::collection::vec(piece(), 0..3)), 1..4),
            step in 1usize..4,
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
            let scanner = Scanner::new(&Config::default());
            let text: String = start.concat();
            let before = Document::new(&text, 1, &scanner);
            let findings = findings_of(&text, step, 0);
            let old: Vec<Item> = findings.iter().map(|f| fresh(before.rope(), f, enc)).collect();
            let mut after = before.clone();
            let mut now = text.clone();
            for (v, (at, len, insert)) in edits.into_iter().enumerate() {
                let bounds: Vec<usize> = now.char_indices().map(|(i, _)| i).chain([now.len()]).collect();
                let s = bounds[at.index(bounds.len())];
                let e = bounds[(at.index(bounds.len()) + len).min(bounds.len() - 1)];
                let change = Change {
                    range: Some((
                        offset_to_position(after.rope(), s, PositionEncoding::Utf8),
                        offset_to_position(after.rope(), e, PositionEncoding::Utf8),
                    )),
                    text: insert.concat(),
                };
                // Only edits that land on char boundaries as positions.
                let mut trial = after.clone();
                if trial.apply_changes(v as i32 + 2, &[change], PositionEncoding::Utf8, &scanner).is_ok() {
                    after = trial;
                    now = after.text();
                }
            }
            for salt in [0, 1] {
                let findings = findings_of(&now, step, salt);
                let moved = convert_moved(&old, &before, &after, &findings, enc);
                let fresh: Vec<Item> = findings.iter().map(|f| fresh(after.rope(), f, enc)).collect();
                prop_assert_eq!(positions(&moved), positions(&fresh));
            }
        }
    }

    #[test]
    fn the_body_is_what_serde_makes() {
        let scanner = Scanner::new(&Config::default());
        let doc = Document::new("Line one.\n“Quote,” 🎉 said.\n", 1, &scanner);
        let findings = [finding(10..29, "unattributed-quote", "No one \"said\" it.")];
        let items: Vec<Item> = findings
            .iter()
            .map(|f| fresh(doc.rope(), f, PositionEncoding::Utf16))
            .collect();
        let uri: lsp::Uri = "file:///desk/a.txt".parse().expect("uri");
        let ours: serde_json::Value =
            serde_json::from_slice(&publish_body(&uri, Some(3), items.iter())).expect("json");
        let diagnostics: Vec<lsp::Diagnostic> = findings
            .iter()
            .map(|f| convert::diagnostic(doc.rope(), f, PositionEncoding::Utf16))
            .collect();
        let theirs = serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": lsp::PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(3)),
        });
        assert_eq!(ours, theirs);
        let cleared: serde_json::Value = serde_json::from_slice(&cleared(&uri)).expect("json");
        assert_eq!(cleared["params"]["diagnostics"], serde_json::json!([]));
        assert!(cleared["params"].get("version").is_none());
    }
}
