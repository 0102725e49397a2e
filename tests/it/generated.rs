//! The files generated from the rule registry are current: each rule's page
//! (`docs/rules/<code>.md`), the JSON Schema of `copydesk.toml`
//! (`docs/copydesk.schema.json`), the README's rule table and the VS Code
//! extension's settings (`editors/vscode/package.json`). A test fails when
//! one is stale; `COPYDESK_BLESS=1 cargo test --test it generated::` writes them.

use std::path::Path;

use copydesk::rules::{docs, REGISTRY};
use serde_json::Value;

fn bless() -> bool {
    std::env::var_os("COPYDESK_BLESS").is_some()
}

/// Compares `path` with what it should hold, or writes it when blessing.
fn current(path: &str, want: &str) -> Result<(), String> {
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have == want {
        return Ok(());
    }
    if bless() {
        if let Some(dir) = Path::new(path).parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, want).map_err(|e| e.to_string())?;
        return Ok(());
    }
    Err(format!(
        "{path} is stale: run `COPYDESK_BLESS=1 cargo test --test it generated::`"
    ))
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("json");
    s.push('\n');
    s
}

#[test]
fn rule_pages_are_current() {
    let mut stale = Vec::new();
    for rule in REGISTRY {
        let info = rule.info();
        if let Err(e) = current(&format!("docs/rules/{}.md", info.code), &docs::page(info)) {
            stale.push(e);
        }
    }
    // No page for a rule that is gone.
    for entry in std::fs::read_dir("docs/rules").expect("docs/rules") {
        let path = entry.expect("entry").path();
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if copydesk::rules::find(code).is_none() {
            stale.push(format!("{} has no rule", path.display()));
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

#[test]
fn config_schema_is_current() {
    let schema = docs::config_schema();
    current("docs/copydesk.schema.json", &pretty(&schema)).unwrap();
    // Every rule and every rule setting is in it.
    for rule in REGISTRY {
        let info = rule.info();
        assert!(schema["properties"]["rules"]["properties"][info.code].is_object());
        for s in info.settings {
            let (section, key) = s.key.split_once('.').expect("dotted key");
            assert!(schema["properties"][section]["properties"][key].is_object());
        }
    }
}

#[test]
fn readme_rule_table_is_current() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let a = readme.find(start).expect("rules:start marker") + start.len();
    let b = readme.find(end).expect("rules:end marker");
    let want = format!("{}{}{}", &readme[..a], docs::markdown_table(), &readme[b..]);
    current("README.md", &want).unwrap();
}

#[test]
fn vscode_settings_are_current() {
    let path = "editors/vscode/package.json";
    let text = std::fs::read_to_string(path).expect("package.json");
    let mut package: Value = serde_json::from_str(&text).expect("package.json is JSON");
    let props = package["contributes"]["configuration"]["properties"]
        .as_object_mut()
        .expect("contributes.configuration.properties");
    let generated = docs::vscode_settings();
    for (key, value) in generated.as_object().expect("object") {
        props.insert(key.clone(), value.clone());
    }
    current(path, &pretty(&package)).unwrap();
}

#[test]
fn rules_json_lists_every_code_with_its_docs() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["rules", "--format", "json"])
        .output()
        .expect("run copydesk rules");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), REGISTRY.len());
    for (r, rule) in rules.iter().zip(REGISTRY) {
        let info = rule.info();
        assert_eq!(r["code"], info.code);
        assert_eq!(r["severity"], info.severity.as_str());
        for key in ["summary", "explanation", "bad", "good"] {
            assert!(r[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
        }
    }
    let explain = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["explain", "unattributed-quote"])
        .output()
        .expect("run copydesk explain");
    let page = String::from_utf8_lossy(&explain.stdout);
    assert!(page.starts_with("# `unattributed-quote`"), "{page}");
    assert!(page.contains("## Flagged") && page.contains("## As the desk would fix it"));
    let unknown = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["explain", "no-such-rule"])
        .output()
        .expect("run copydesk explain");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("known rules: unattributed-quote"));
}
