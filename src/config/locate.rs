//! Where keys and values sit in a TOML text (from `toml_edit`'s spans):
//! the key path at a byte offset, and the line of a key path.

use super::error::Step;
use toml_edit::{Item, TableLike, Value};

/// 1-based line of a byte offset.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn contains(span: Option<std::ops::Range<usize>>, at: usize) -> bool {
    span.is_some_and(|s| s.start <= at && at < s.end.max(s.start + 1))
}

/// The deepest key path whose key or value covers byte `at`.
pub fn path_at(text: &str, at: usize) -> Option<Vec<Step>> {
    let doc = toml_edit::ImDocument::parse(text).ok()?;
    let mut path = Vec::new();
    in_table(doc.as_table(), at, &mut path).then_some(path)
}

fn in_table(table: &dyn TableLike, at: usize, path: &mut Vec<Step>) -> bool {
    for (k, item) in table.iter() {
        path.push(Step::Key(k.to_string()));
        if in_item(item, at, path) {
            return true;
        }
        let key_span = table.key(k).and_then(|k| k.span());
        if contains(key_span, at) || contains(item.span(), at) {
            return true;
        }
        path.pop();
    }
    false
}

fn in_item(item: &Item, at: usize, path: &mut Vec<Step>) -> bool {
    match item {
        Item::None => false,
        Item::Value(v) => in_value(v, at, path),
        Item::Table(t) => in_table(t, at, path),
        Item::ArrayOfTables(a) => {
            for (i, t) in a.iter().enumerate() {
                path.push(Step::Index(i));
                if in_table(t, at, path) || contains(t.span(), at) {
                    return true;
                }
                path.pop();
            }
            false
        }
    }
}

fn in_value(value: &Value, at: usize, path: &mut Vec<Step>) -> bool {
    match value {
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                path.push(Step::Index(i));
                if in_value(v, at, path) || contains(v.span(), at) {
                    return true;
                }
                path.pop();
            }
            false
        }
        Value::InlineTable(t) => in_table(t, at, path),
        _ => false,
    }
}

/// The byte offset where a key path is written: the element for an
/// index, else the key.
pub fn offset_of(text: &str, path: &[Step]) -> Option<usize> {
    let doc = toml_edit::ImDocument::parse(text).ok()?;
    let mut item: &Item = doc.as_item();
    let mut at = None;
    for step in path {
        match step {
            Step::Key(k) => {
                let table = item.as_table_like()?;
                let (key, child) = table.get_key_value(k)?;
                at = key.span().or_else(|| child.span()).map(|s| s.start).or(at);
                item = child;
            }
            Step::Index(i) => {
                let value = item.as_array()?.get(*i)?;
                return value.span().map(|s| s.start).or(at);
            }
        }
    }
    at
}
