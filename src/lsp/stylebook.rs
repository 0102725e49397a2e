//! "Add ‘X’ to the style book": an edit to `copydesk.toml` at the workspace
//! root that adds a canonical spelling, touching nothing else in the file
//! (creating the file when there is none).

use std::ops::Range;

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The insertion adding `name` to `[names] canonical` in a config file's
/// text: `(byte offset, text to insert)`. `None` when the name is already
/// there or the file is not valid TOML (then nothing is touched).
pub fn insertion(existing: Option<&str>, name: &str) -> Option<(Range<usize>, String)> {
    let quoted = toml_string(name);
    let Some(text) = existing else {
        return Some((0..0, format!("[names]\ncanonical = [{quoted}]\n")));
    };
    let parsed: toml::Table = toml::from_str(text).ok()?;
    let names = parsed.get("names").and_then(|n| n.as_table());
    let listed = names
        .and_then(|n| n.get("canonical"))
        .and_then(|c| c.as_array())
        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(name)));
    if listed {
        return None;
    }
    // Find the [names] header and, within its section, `canonical = [`.
    let mut offset = 0;
    let mut in_names = false;
    let mut names_header_end = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            in_names = t.trim_start_matches('[').trim_end_matches(']').trim() == "names";
            if in_names {
                names_header_end = Some(offset + line.len());
            }
        } else if in_names {
            if let Some(rest) = t.strip_prefix("canonical") {
                if let Some(after_eq) = rest.trim_start().strip_prefix('=') {
                    if after_eq.trim_start().starts_with('[') {
                        let bracket = offset + line.find('[')?;
                        let empty = after_eq.trim_start()[1..].trim_start().starts_with(']');
                        let insert = if empty { quoted } else { format!("{quoted}, ") };
                        return Some((bracket + 1..bracket + 1, insert));
                    }
                }
            }
        }
        offset += line.len();
    }
    match names_header_end {
        Some(at) => {
            let newline = if text[..at].ends_with('\n') { "" } else { "\n" };
            Some((at..at, format!("{newline}canonical = [{quoted}]\n")))
        }
        None => {
            let sep = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Some((
                text.len()..text.len(),
                format!("{sep}[names]\ncanonical = [{quoted}]\n"),
            ))
        }
    }
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

    #[test]
    fn adds_to_the_list_and_keeps_everything_else() {
        let file = "# Desk settings\n[rules.placeholder]\nseverity = \"warning\"\n\n[names]\ncanonical = [\"Volodymyr Zelensky\"] # house style\n";
        let out = add(Some(file), "Pedro Sánchez");
        assert_eq!(
            out,
            "# Desk settings\n[rules.placeholder]\nseverity = \"warning\"\n\n[names]\ncanonical = [\"Pedro Sánchez\", \"Volodymyr Zelensky\"] # house style\n"
        );
        let config =
            Config::from_toml(&out, std::path::Path::new("copydesk.toml")).expect("still valid");
        assert_eq!(config.names.canonical.len(), 2);
    }

    #[test]
    fn creates_the_section_or_the_file() {
        assert_eq!(
            add(None, "Dmytro Kuleba"),
            "[names]\ncanonical = [\"Dmytro Kuleba\"]\n"
        );
        assert_eq!(
            add(Some("[rules.boilerplate]\nenabled = true"), "Dmytro Kuleba"),
            "[rules.boilerplate]\nenabled = true\n\n[names]\ncanonical = [\"Dmytro Kuleba\"]\n"
        );
        assert_eq!(
            add(Some("[names]\n"), "Sinéad O’Connor"),
            "[names]\ncanonical = [\"Sinéad O’Connor\"]\n"
        );
        assert_eq!(
            add(Some("[names]\ncanonical = []\n"), "A \"B\" C"),
            "[names]\ncanonical = [\"A \\\"B\\\" C\"]\n"
        );
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
    }
}
