//! "Add ‘X’ to the style book": an edit to `copydesk.toml` at the workspace
//! root that adds a canonical spelling to `names.canonical`, touching
//! nothing else in the file (creating the file when there is none).
//!
//! The file is edited as TOML, not as text (`toml_edit`, which keeps
//! comments, order and layout), so every way of writing the list works:
//! `[names]` with `canonical = [...]` on one line or many, a dotted
//! `names.canonical = [...]`, an inline table `names = { canonical = [...] }`,
//! a file with a byte order mark or CRLF line ends. The edit handed to the
//! editor is the smallest replacement that turns the old text into the new.

use std::ops::Range;

use toml_edit::{Array, DocumentMut, Value};

const BOM: &str = "\u{feff}";

/// The edit adding `name` to `names.canonical` in a config file's text:
/// `(byte range to replace, replacement)`. `None` when the name is already
/// there, or the file is not valid TOML, or `names` is not a table or
/// `names.canonical` not a list (then nothing is touched).
pub fn insertion(existing: Option<&str>, name: &str) -> Option<(Range<usize>, String)> {
    let text = existing.unwrap_or("");
    let new = with_name(text, name)?;
    Some(smallest_edit(text, &new))
}

/// The edit turning rule `code` off in a config file's text
/// (`[rules.CODE] enabled = false`), the rest kept: "Ignore in this
/// workspace". `None` when it is off already or the file is not valid TOML
/// (or `rules` not a table).
pub fn rule_off(existing: Option<&str>, code: &str) -> Option<(Range<usize>, String)> {
    let text = existing.unwrap_or("");
    let new = with_rule_off(text, code)?;
    Some(smallest_edit(text, &new))
}

/// The whole text of the file with rule `code` turned off.
pub fn with_rule_off(text: &str, code: &str) -> Option<String> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    };
    let mut doc: DocumentMut = body.parse().ok()?;
    let rules = doc.entry("rules").or_insert({
        let mut t = toml_edit::Table::new();
        t.set_implicit(true);
        toml_edit::Item::Table(t)
    });
    let rules = rules.as_table_like_mut()?;
    let rule = rules
        .entry(code)
        .or_insert(toml_edit::table())
        .as_table_like_mut()?;
    if rule.get("enabled").and_then(|v| v.as_bool()) == Some(false) {
        return None;
    }
    rule.insert("enabled", toml_edit::value(false));
    let mut out = format!("{bom}{doc}");
    if text.contains("\r\n") && !has_lone_lf(text) {
        out = crlf(&out);
    }
    // Never hand out a file that does not read back with the rule off.
    let back: toml::Table = toml::from_str(out.trim_start_matches(BOM)).ok()?;
    let off = back
        .get("rules")
        .and_then(|r| r.get(code))
        .and_then(|r| r.get("enabled"))
        .and_then(|e| e.as_bool())
        == Some(false);
    off.then_some(out)
}

/// The whole text of the file with `name` added to its style book.
pub fn with_name(text: &str, name: &str) -> Option<String> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    };
    let mut doc: DocumentMut = body.parse().ok()?;
    let names = doc.entry("names").or_insert(toml_edit::table());
    let table = names.as_table_like_mut()?;
    match table.get_mut("canonical") {
        Some(item) => {
            let list = item.as_array_mut()?;
            if list.iter().any(|v| v.as_str() == Some(name)) {
                return None;
            }
            push_in_style(list, name);
        }
        None => {
            let mut list = Array::new();
            list.push(name);
            table.insert("canonical", toml_edit::value(list));
        }
    }
    let mut out = format!("{bom}{doc}");
    if text.contains("\r\n") && !has_lone_lf(text) {
        out = crlf(&out);
    }
    // Never hand out a file that does not read back with the name in it.
    let back: toml::Table = toml::from_str(out.trim_start_matches(BOM)).ok()?;
    let listed = back
        .get("names")
        .and_then(|n| n.get("canonical"))
        .and_then(|c| c.as_array())
        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(name)));
    listed.then_some(out)
}

/// Appends `name` to a list laid out as the list is: on its own line, with
/// the same indent, when the list is one item a line (a comment after the
/// last item stays on that item's line).
fn push_in_style(list: &mut Array, name: &str) {
    let Some(last) = list.len().checked_sub(1) else {
        list.push(name);
        return;
    };
    let decor_str =
        |raw: Option<&toml_edit::RawString>| raw.and_then(|r| r.as_str()).unwrap_or("").to_string();
    let Some(last_value) = list.get(last) else {
        list.push(name);
        return;
    };
    let prefix = decor_str(last_value.decor().prefix());
    let suffix = decor_str(last_value.decor().suffix());
    let Some(line_start) = prefix.rfind('\n') else {
        list.push(name);
        return;
    };
    let indent = prefix[line_start + 1..].to_string();
    let mut value = Value::from(name);
    if list.trailing_comma() {
        let trailing = list.trailing().as_str().unwrap_or("").to_string();
        let (head, tail) = split_at_last_newline(&trailing);
        value.decor_mut().set_prefix(format!("{head}\n{indent}"));
        value.decor_mut().set_suffix("");
        list.set_trailing(tail);
    } else {
        let (head, tail) = split_at_last_newline(&suffix);
        if let Some(v) = list.get_mut(last) {
            v.decor_mut().set_suffix("");
        }
        value.decor_mut().set_prefix(format!("{head}\n{indent}"));
        value.decor_mut().set_suffix(tail);
    }
    list.push_formatted(value);
}

/// `(before the last newline, from it on)`; all of it is `head` without one.
fn split_at_last_newline(s: &str) -> (&str, &str) {
    match s.rfind('\n') {
        Some(i) => {
            let i = if s[..i].ends_with('\r') { i - 1 } else { i };
            (&s[..i], &s[i..])
        }
        None => (s, ""),
    }
}

fn has_lone_lf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'))
}

/// Every lone `\n` as `\r\n`.
fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut prev = '\0';
    for c in text.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// The smallest `(range of old, replacement)` that turns `old` into `new`.
fn smallest_edit(old: &str, new: &str) -> (Range<usize>, String) {
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
        start -= 1;
    }
    let room = (old.len() - start).min(new.len() - start);
    let mut common = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(old.len() - common) && new.is_char_boundary(new.len() - common)) {
        common -= 1;
    }
    (
        start..old.len() - common,
        new[start..new.len() - common].to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn add(existing: Option<&str>, name: &str) -> String {
        let (r, t) = insertion(existing, name).expect("an insertion");
        let mut s = existing.unwrap_or("").to_string();
        s.replace_range(r, &t);
        s
    }

    /// The edited file is valid configuration with exactly these names.
    fn canonical(text: &str) -> Vec<String> {
        let config = Config::from_toml(
            text.trim_start_matches(BOM),
            std::path::Path::new("copydesk.toml"),
        )
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
        config.names.canonical
    }

    #[test]
    fn adds_to_the_list_and_keeps_everything_else() {
        let file = "# Desk settings\n[rules.placeholder]\nseverity = \"warning\"\n\n[names]\ncanonical = [\"Volodymyr Zelensky\"] # house style\n";
        let out = add(Some(file), "Pedro Sánchez");
        assert_eq!(
            out,
            "# Desk settings\n[rules.placeholder]\nseverity = \"warning\"\n\n[names]\ncanonical = [\"Volodymyr Zelensky\", \"Pedro Sánchez\"] # house style\n"
        );
        assert_eq!(canonical(&out), ["Volodymyr Zelensky", "Pedro Sánchez"]);
        // The edit is only the new name.
        let (range, text) = insertion(Some(file), "Pedro Sánchez").unwrap();
        assert_eq!(text, ", \"Pedro Sánchez\"");
        assert_eq!(range.len(), 0);
    }

    #[test]
    fn turns_a_rule_off_keeping_the_rest() {
        let off = |existing: Option<&str>| {
            let (r, t) = rule_off(existing, "unattributed-quote").expect("an edit");
            let mut s = existing.unwrap_or("").to_string();
            s.replace_range(r, &t);
            s
        };
        assert_eq!(off(None), "[rules.unattributed-quote]\nenabled = false\n");
        let file = "# Desk settings\r\n[rules.placeholder]\r\nseverity = \"warning\"\r\n\r\n[names]\r\ncanonical = [\"Volodymyr Zelensky\"]\r\n";
        let out = off(Some(file));
        // Beside the other rules' tables, in the file's line ends.
        assert_eq!(
            out,
            "# Desk settings\r\n[rules.placeholder]\r\nseverity = \"warning\"\r\n\r\n[rules.unattributed-quote]\r\nenabled = false\r\n\r\n[names]\r\ncanonical = [\"Volodymyr Zelensky\"]\r\n"
        );
        let config = Config::from_toml(&out, std::path::Path::new("copydesk.toml")).expect("valid");
        assert_eq!(config.names.canonical, ["Volodymyr Zelensky"]);
        let on = "[rules.unattributed-quote]\nseverity = \"information\" # desk\nenabled = true\n";
        assert_eq!(
            off(Some(on)),
            "[rules.unattributed-quote]\nseverity = \"information\" # desk\nenabled = false\n"
        );
        assert_eq!(
            rule_off(
                Some("[rules.unattributed-quote]\nenabled = false\n"),
                "unattributed-quote"
            ),
            None
        );
        assert_eq!(rule_off(Some("rules = 3"), "unattributed-quote"), None);
    }

    #[test]
    fn creates_the_section_or_the_file() {
        assert_eq!(
            add(None, "Dmytro Kuleba"),
            "[names]\ncanonical = [\"Dmytro Kuleba\"]\n"
        );
        let out = add(Some("[rules.boilerplate]\nenabled = true"), "Dmytro Kuleba");
        assert!(
            out.starts_with("[rules.boilerplate]\nenabled = true\n"),
            "{out}"
        );
        assert!(
            out.ends_with("[names]\ncanonical = [\"Dmytro Kuleba\"]\n"),
            "{out}"
        );
        assert_eq!(canonical(&out), ["Dmytro Kuleba"]);
        assert_eq!(
            add(Some("[names]\n"), "Sinéad O’Connor"),
            "[names]\ncanonical = [\"Sinéad O’Connor\"]\n"
        );
        let out = add(Some("[names]\ncanonical = []\n"), "A \"B\" C\\D");
        assert_eq!(canonical(&out), ["A \"B\" C\\D"]);
    }

    #[test]
    fn a_listed_name_or_a_broken_file_is_left_alone() {
        assert_eq!(
            insertion(
                Some("[names]\ncanonical = [\"Dmytro Kuleba\"]\n"),
                "Dmytro Kuleba"
            ),
            None
        );
        assert_eq!(
            insertion(Some("[names\ncanonical = "), "Dmytro Kuleba"),
            None
        );
        assert_eq!(insertion(Some("names = 3\n"), "Dmytro Kuleba"), None);
        assert_eq!(
            insertion(
                Some("[names]\ncanonical = \"Dmytro Kuleba\"\n"),
                "Pedro Sánchez"
            ),
            None
        );
    }

    /// Every shape the list can be written in gives valid TOML with the name
    /// added once, the comments and the order of everything else kept.
    #[test]
    fn every_shape_of_the_style_book() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "dotted key at the top",
                "# newsroom style\nnames.canonical = [\"Volodymyr Zelensky\"] # agreed 2022\n\n[rules.boilerplate]\nenabled = false\n",
                "# newsroom style\nnames.canonical = [\"Volodymyr Zelensky\", \"Pedro Sánchez\"] # agreed 2022\n\n[rules.boilerplate]\nenabled = false\n",
            ),
            (
                "inline table",
                "names = { canonical = [\"Volodymyr Zelensky\"] } # the style book\n[rules.placeholder]\nseverity = \"warning\"\n",
                "names = { canonical = [\"Volodymyr Zelensky\", \"Pedro Sánchez\"] } # the style book\n[rules.placeholder]\nseverity = \"warning\"\n",
            ),
            (
                "inline table without the list",
                "names = {}\n",
                "names = { canonical = [\"Pedro Sánchez\"] }\n",
            ),
            (
                "byte order mark",
                "\u{feff}[names]\ncanonical = [\"Volodymyr Zelensky\"]\n",
                "\u{feff}[names]\ncanonical = [\"Volodymyr Zelensky\", \"Pedro Sánchez\"]\n",
            ),
            (
                "one name a line, trailing comma, comments",
                "[names]\n# Foreign desk, agreed with the night editor\ncanonical = [\n    \"Volodymyr Zelensky\", # not Zelenskyy\n    \"Recep Tayyip Erdoğan\", # keep the ğ\n]\n# end of names\n\n[boilerplate]\npatterns = [\"^Sponsored by \"]\n",
                "[names]\n# Foreign desk, agreed with the night editor\ncanonical = [\n    \"Volodymyr Zelensky\", # not Zelenskyy\n    \"Recep Tayyip Erdoğan\", # keep the ğ\n    \"Pedro Sánchez\",\n]\n# end of names\n\n[boilerplate]\npatterns = [\"^Sponsored by \"]\n",
            ),
            (
                "one name a line, no trailing comma",
                "[names]\ncanonical = [\n  \"Volodymyr Zelensky\",\n  \"Recep Tayyip Erdoğan\" # keep the ğ\n]\n",
                "[names]\ncanonical = [\n  \"Volodymyr Zelensky\",\n  \"Recep Tayyip Erdoğan\", # keep the ğ\n  \"Pedro Sánchez\"\n]\n",
            ),
            (
                "CRLF",
                "[names]\r\ncanonical = [\r\n  \"Volodymyr Zelensky\",\r\n]\r\n",
                "[names]\r\ncanonical = [\r\n  \"Volodymyr Zelensky\",\r\n  \"Pedro Sánchez\",\r\n]\r\n",
            ),
            (
                "CRLF, new section",
                "# desk\r\n[rules.boilerplate]\r\nenabled = true\r\n",
                "# desk\r\n[rules.boilerplate]\r\nenabled = true\r\n\r\n[names]\r\ncanonical = [\"Pedro Sánchez\"]\r\n",
            ),
            (
                "names table after other sections, with a comment before it",
                "[rules.boilerplate]\nenabled = true\n\n# the style book\n[names]\n\n[placeholder]\npatterns = [\"\\\\bTK\\\\b\"]\n",
                "[rules.boilerplate]\nenabled = true\n\n# the style book\n[names]\ncanonical = [\"Pedro Sánchez\"]\n\n[placeholder]\npatterns = [\"\\\\bTK\\\\b\"]\n",
            ),
        ];
        for (shape, before, after) in cases {
            let out = add(Some(before), "Pedro Sánchez");
            assert_eq!(&out, after, "{shape}");
            let names = canonical(&out);
            assert_eq!(
                names.iter().filter(|n| *n == "Pedro Sánchez").count(),
                1,
                "{shape}"
            );
            // Adding it again changes nothing.
            assert_eq!(insertion(Some(&out), "Pedro Sánchez"), None, "{shape}");
        }
    }

    #[test]
    fn a_large_style_book_is_edited_in_place() {
        let list: String = (0..20_000)
            .map(|i| format!("  \"Reporter Number{i}\",\n"))
            .collect();
        let file = format!("[names]\ncanonical = [\n{list}]\n");
        let (range, text) = insertion(Some(&file), "Pedro Sánchez").unwrap();
        assert_eq!(text, "  \"Pedro Sánchez\",\n");
        assert_eq!(range, file.len() - 2..file.len() - 2);
    }
}
