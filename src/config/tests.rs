//! Configuration files and editor settings: parsing, errors with their
//! file, line and key, the pattern budget, limits and merging.

use super::*;

#[test]
fn toml_switches_rules_and_adds_patterns() {
    let c = Config::from_toml(
        "[rules.placeholder]\nenabled = false\n[rules.boilerplate]\nseverity = \"error\"\n[boilerplate]\npatterns = [\"^Sponsored by \"]\n",
        Path::new("copydesk.toml"),
    )
    .unwrap();
    assert!(!c.enabled_or("placeholder", true));
    assert!(c.enabled_or("boilerplate", true));
    assert_eq!(
        c.severity_or("boilerplate", Severity::Warning),
        Severity::Error
    );
    assert_eq!(
        c.severity_or("placeholder", Severity::Error),
        Severity::Error
    );
    assert_eq!(c.boilerplate.patterns, vec!["^Sponsored by "]);
}

#[test]
fn editor_settings_overlay_the_file() {
    let file = Config::from_toml(
        "[rules.boilerplate]\nseverity = \"error\"\n[names]\ncanonical = [\"Volodymyr Zelensky\"]",
        Path::new("copydesk.toml"),
    )
    .unwrap();
    let editor = Config::from_json(serde_json::json!({
        "rules": {"boilerplate": {"enabled": false}},
        "names": {"canonical": ["Pedro Sánchez"]},
        "boilerplate": {"patterns": []}
    }))
    .unwrap();
    let c = file.merged(&editor);
    assert!(!c.enabled_or("boilerplate", true));
    assert_eq!(
        c.severity_or("boilerplate", Severity::Warning),
        Severity::Error
    );
    assert_eq!(
        c.names.canonical,
        vec!["Volodymyr Zelensky", "Pedro Sánchez"]
    );
}

#[test]
fn malformed_config_is_a_clear_error() {
    let e = Config::from_toml(
        "[rules.boilerplate\nenabled = 1",
        Path::new("desk/copydesk.toml"),
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("desk/copydesk.toml:"), "{e}");
    let c =
        Config::from_toml("\n[rules.boilerplte]\nenabled = false", Path::new("c.toml")).unwrap();
    let e = c
        .check_rule_names(|r| r == "boilerplate", "boilerplate")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.toml:2: `rules.boilerplte`: unknown rule `boilerplte` (known rules: boilerplate)"
    );
    let e = Config::from_toml(
        "[boilerplate]\npatterns = [\"(unclosed\"]",
        Path::new("c.toml"),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("`(unclosed` is not a valid regular expression"),
        "{e}"
    );
    let e = Config::from_json(serde_json::json!({"rules": {"boilerplate": {"severity": "loud"}}}))
        .unwrap_err();
    assert!(e.to_string().contains("loud"), "{e}");
}

#[test]
fn errors_name_the_file_line_and_key() {
    let path = Path::new("desk/copydesk.toml");
    let text = "# house settings\n[rules.boilerplate]\nenabled = \"no\"\n";
    let e = Config::from_toml(text, path).unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(3), Some("rules.boilerplate.enabled"))
    );
    assert_eq!(
        e.to_string(),
        "desk/copydesk.toml:3: `rules.boilerplate.enabled`: invalid type: string \"no\", expected a boolean"
    );
    let e = Config::from_toml("[names]\ncanonical = [\"Pedro Sánchez\", 3]\n", path).unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(2), Some("names.canonical[1]"))
    );
    let e = Config::from_toml("\u{feff}[names]\ncanon = []\n", path).unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(2), Some("names.canon")),
        "{e}"
    );
    let e = Config::from_toml(
        "[rules]\nboilerplate.enabled = true\n\n[rules.boilerplte]\nenabled = false\n",
        path,
    )
    .and_then(|c| c.check_rule_names(|r| r == "boilerplate", "boilerplate"))
    .unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(4), Some("rules.boilerplte")),
        "{e}"
    );
    let e = Config::from_toml(
        "[placeholder]\npatterns = [\n  \"TK\",\n  \"(unclosed\",\n]\n",
        path,
    )
    .unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(4), Some("placeholder.patterns[1]")),
        "{e}"
    );
    assert!(
        e.to_string()
            .ends_with("is not a valid regular expression: unclosed group"),
        "{e}"
    );
    let e = Config::from_toml("[limits]\nmax_file_mb = 0\n", path).unwrap_err();
    assert_eq!(
        (e.line, e.key.as_deref()),
        (Some(2), Some("limits.max_file_mb")),
        "{e}"
    );
    // Editor settings have no file or line, but a key where validation knows it.
    let e = Config::from_json(serde_json::json!({"boilerplate": {"patterns": ["^"]}})).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("boilerplate.patterns[0]"));
    assert!(
        e.to_string()
            .starts_with("settings `copydesk`: `boilerplate.patterns[0]`: "),
        "{e}"
    );
}

#[test]
fn patterns_that_match_every_line_are_refused() {
    for bad in [
        "", "^", "$", ".*", "x?", "(?m)^", ".", "\\S", "(?s).+", "[^\\n]",
    ] {
        let e = compile_patterns("boilerplate", &[bad.to_string()]).unwrap_err();
        assert!(e.to_string().contains("every line"), "{bad:?}: {e}");
    }
    for good in [
        "^Sponsored by ",
        "(?i)^listen to this article$",
        "\\[REPORT\\]$",
        "^\\d+ comments?$",
        "\\bTK\\b",
        "£XXm",
    ] {
        compile_patterns("boilerplate", &[good.to_string()]).unwrap();
    }
}

#[test]
fn patterns_have_a_budget() {
    let big = vec!["\\w{100}".to_string()];
    let e = compile_patterns("placeholder", &big).unwrap_err();
    assert!(
        matches!(e.problem, ConfigProblem::PatternTooBig { .. }),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("too large once compiled (over 256 KiB)"),
        "{e}"
    );
    let many: Vec<String> = (0..=MAX_PATTERNS)
        .map(|i| format!("^Sponsor {i}$"))
        .collect();
    let e = compile_patterns("placeholder", &many).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("placeholder.patterns"));
    assert!(
        e.to_string().contains("101 patterns, more than the 100"),
        "{e}"
    );
    assert_eq!(
        compile_patterns("placeholder", &many[..MAX_PATTERNS])
            .unwrap()
            .len(),
        100
    );
    // A realistic desk pattern with Unicode classes fits.
    compile_patterns(
        "boilerplate",
        &["(?i)^\\w+ \\w+ contributed to this report\\.?$".to_string()],
    )
    .unwrap();
}

#[test]
fn limits_default_and_overlay() {
    assert_eq!(Config::default().max_file_bytes(), 64 * 1024 * 1024);
    let file = Config::from_toml("[limits]\nmax_file_mb = 8\n", Path::new("c.toml")).unwrap();
    assert_eq!(file.max_file_bytes(), 8 * 1024 * 1024);
    assert_eq!(
        file.merged(&Config::default()).max_file_bytes(),
        8 * 1024 * 1024
    );
    let editor = Config::from_json(serde_json::json!({"limits": {"max_file_mb": 2}})).unwrap();
    assert_eq!(file.merged(&editor).max_file_bytes(), 2 * 1024 * 1024);
}

/// A 100,000-name style book loads and merges correctly (and, measured,
/// in well under a second: it used to take seconds, the merge being
/// quadratic).
#[test]
fn a_hundred_thousand_name_style_book_loads_and_merges() {
    let names: Vec<String> = (0..100_000)
        .map(|i| format!("Reporter Number{i}"))
        .collect();
    let list = names
        .iter()
        .map(|n| format!("  \"{n}\",\n"))
        .collect::<String>();
    let text = format!("[names]\ncanonical = [\n{list}]\n");
    let file = Config::from_toml(&text, Path::new("copydesk.toml")).unwrap();
    assert_eq!(file.names.canonical, names);
    // The editor repeats half of them and adds 50,000 more (one twice).
    let mut extra: Vec<String> = names[50_000..].to_vec();
    extra.extend((100_000..150_000).map(|i| format!("Reporter Number{i}")));
    extra.push("Reporter Number120000".to_string());
    let editor = Config::from_json(serde_json::json!({"names": {"canonical": extra}})).unwrap();
    let merged = file.merged(&editor);
    assert_eq!(merged.names.canonical.len(), 150_000);
    assert!(merged
        .names
        .canonical
        .iter()
        .enumerate()
        .all(|(i, n)| *n == format!("Reporter Number{i}")));
}
