//! What is generated from the registry: the rules as JSON (`copydesk rules
//! --format json`), as a table (the README's and `copydesk rules`), one
//! rule's page (`copydesk explain CODE`, `docs/rules/<code>.md`), the JSON
//! Schema of `copydesk.toml` and the VS Code extension's settings. Tests
//! (`tests/it/generated.rs`) fail when a generated file in the repository is
//! stale; `COPYDESK_BLESS=1 cargo test --test it generated::` writes them again.

use serde_json::{json, Map, Value};

use super::rule::{RuleInfo, Scope, SettingKind};
use super::REGISTRY;
use crate::config::Severity;

const SEVERITIES: [&str; 4] = ["error", "warning", "information", "hint"];

fn infos() -> impl Iterator<Item = &'static RuleInfo> {
    REGISTRY.iter().map(|r| r.info())
}

fn scope(s: Scope) -> &'static str {
    match s {
        Scope::Paragraph => "paragraph",
        Scope::Words => "words",
        Scope::OwnWords => "own-words",
        Scope::Person => "person",
        Scope::Article => "article",
    }
}

/// The explanation as one paragraph of text (its source lines joined).
fn prose(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every rule as JSON: code, severity, whether on by default, scope,
/// summary, explanation, examples and settings.
pub fn rules_json() -> Value {
    let rules: Vec<Value> = infos()
        .map(|i| {
            json!({
                "code": i.code,
                "severity": i.severity.as_str(),
                "enabled": i.enabled,
                "scope": scope(i.scope),
                "summary": i.summary,
                "explanation": prose(i.explanation),
                "bad": i.bad,
                "good": i.good,
                "settings": i.settings.iter().map(|s| json!({
                    "key": s.key,
                    "description": s.description,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "rules": rules })
}

/// The rules as a Markdown table (the README's).
pub fn markdown_table() -> String {
    let mut out =
        String::from("| code | severity | on by default | what it finds |\n|---|---|---|---|\n");
    for i in infos() {
        out.push_str(&format!(
            "| [`{}`](docs/rules/{}.md) | {} | {} | {} |\n",
            i.code,
            i.code,
            i.severity.as_str(),
            if i.enabled { "yes" } else { "no" },
            i.summary
        ));
    }
    out
}

/// The rules as a plain-text table (`copydesk rules`).
pub fn text_table() -> String {
    let width = infos().map(|i| i.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for i in infos() {
        let on = if i.enabled { "" } else { " (off by default)" };
        out.push_str(&format!(
            "{:width$}  {:11}  {}{on}\n",
            i.code,
            i.severity.as_str(),
            i.summary
        ));
    }
    out
}

/// One rule's page, in Markdown: `copydesk explain CODE` and `docs/rules/<code>.md`.
pub fn page(info: &RuleInfo) -> String {
    let mut out = format!(
        "# `{}`\n\n{}.\n\nSeverity: {} · {} · scope: {}\n\n{}\n\n",
        info.code,
        info.summary,
        info.severity.as_str(),
        if info.enabled {
            "on by default"
        } else {
            "off by default"
        },
        scope(info.scope),
        prose(info.explanation)
    );
    out.push_str("## Flagged\n\n```text\n");
    out.push_str(info.bad);
    out.push_str("\n```\n\n## As the desk would fix it\n\n```text\n");
    out.push_str(info.good);
    out.push_str("\n```\n\n## Settings\n\nIn `copydesk.toml` (or the editor's `copydesk` settings):\n\n```toml\n");
    out.push_str(&format!(
        "[rules.{}]\nenabled = {}\nseverity = \"{}\"   # error | warning | information | hint\n",
        info.code,
        info.enabled,
        info.severity.as_str()
    ));
    out.push_str("```\n");
    for s in info.settings {
        out.push_str(&format!("\n- `{}`: {}\n", s.key, s.description));
    }
    out
}

fn severity_schema(default: Severity) -> Value {
    json!({
        "type": "string",
        "enum": SEVERITIES,
        "default": default.as_str(),
        "description": "The severity of this rule's findings.",
    })
}

fn setting_schema(kind: SettingKind, description: &str) -> Value {
    let items = match kind {
        SettingKind::Patterns => json!({ "type": "string", "format": "regex" }),
        SettingKind::Names | SettingKind::Paths => json!({ "type": "string" }),
    };
    json!({ "type": "array", "items": items, "default": [], "markdownDescription": description })
}

/// The `[rules]` table's schema: one object per rule.
fn rules_schema() -> Value {
    let mut props = Map::new();
    for i in infos() {
        props.insert(
            i.code.to_string(),
            json!({
                "type": "object",
                "additionalProperties": false,
                "markdownDescription": format!("{}.", i.summary),
                "properties": {
                    "enabled": {
                        "type": "boolean",
                        "default": i.enabled,
                        "description": "Report this rule.",
                    },
                    "severity": severity_schema(i.severity),
                },
            }),
        );
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "markdownDescription": "Switch rules on or off and set their severity.",
        "properties": props,
    })
}

/// The settings of every rule, by their dotted key (`boilerplate.patterns`).
fn rule_settings() -> Vec<(&'static str, Value)> {
    infos()
        .flat_map(|i| i.settings.iter())
        .map(|s| (s.key, setting_schema(s.kind, s.description)))
        .collect()
}

/// The JSON Schema of `copydesk.toml` (Taplo and Even Better TOML read it).
pub fn config_schema() -> Value {
    let mut props = Map::new();
    props.insert("rules".to_string(), rules_schema());
    for (key, schema) in rule_settings() {
        let (section, name) = key.split_once('.').unwrap_or((key, key));
        let entry = props.entry(section.to_string()).or_insert_with(
            || json!({ "type": "object", "additionalProperties": false, "properties": {} }),
        );
        if let Some(p) = entry.get_mut("properties").and_then(Value::as_object_mut) {
            p.insert(name.to_string(), schema);
        }
    }
    props.insert(
        "paragraphs".to_string(),
        json!({
            "type": "string",
            "enum": ["auto", "blank-line", "line"],
            "default": "auto",
            "markdownDescription": "How paragraphs are found: `auto` decides from the copy's own line shapes (Markdown follows CommonMark), `blank-line` takes a run of non-blank lines, `line` takes every line.",
        }),
    );
    props.insert(
        "limits".to_string(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "max_file_mb": {
                    "type": "integer", "minimum": 1, "maximum": 4096, "default": 64,
                    "description": "The largest article file the command line reads, in MiB.",
                },
            },
        }),
    );
    let globs = |what: &str| {
        json!({
            "type": "array",
            "items": { "type": "string" },
            "default": [],
            "markdownDescription": what,
        })
    };
    props.insert(
        "files".to_string(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "markdownDescription": "Which files `copydesk check FOLDER` and `fix FOLDER` read: globs matched against a file's path inside the folder walked (`drafts/**`, `**/*.notes.md`). The walk also honours `.gitignore` and `.ignore` files, skips hidden files, `node_modules/` and `target/`, and README, CHANGELOG and LICENSE files; a file named on the command line is always read.",
            "properties": {
                "include": globs("When not empty, only the articles (`.txt`, `.md`, `.markdown`) matching one of these globs are read."),
                "exclude": globs("Files matching one of these globs are skipped."),
            },
        }),
    );
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "copydesk.toml",
        "description": "Settings for copydesk, the copy desk in your editor.",
        "type": "object",
        "additionalProperties": false,
        "properties": props,
    })
}

/// The VS Code extension's settings that come from the registry
/// (`contributes.configuration.properties` keys `copydesk.rules`,
/// `copydesk.<setting>` and `copydesk.paragraphs`).
pub fn vscode_settings() -> Value {
    let mut props = Map::new();
    let mut rules = rules_schema();
    if let Some(o) = rules.as_object_mut() {
        o.insert("default".to_string(), json!({}));
        o.insert(
            "markdownDescription".to_string(),
            json!("Switch rules on or off and set their severity, e.g. `{ \"quote-marks\": { \"enabled\": false }, \"boilerplate\": { \"severity\": \"error\" } }`. See `copydesk rules`."),
        );
    }
    props.insert("copydesk.rules".to_string(), rules);
    for (key, schema) in rule_settings() {
        props.insert(format!("copydesk.{key}"), schema);
    }
    props.insert(
        "copydesk.paragraphs".to_string(),
        config_schema()["properties"]["paragraphs"].clone(),
    );
    Value::Object(props)
}
