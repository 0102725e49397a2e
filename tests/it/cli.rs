//! `copydesk check` and `copydesk fix` through the real binary.
//!
//! The mechanics are tested with a configuration holding custom patterns
//! (they produce findings whatever the built-in detectors do). The examples'
//! output under the default settings is snapshot in `tests/it/snapshots/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A desk's configuration: furniture and placeholders as custom patterns.
const DESK: &str = r#"
[boilerplate]
patterns = ["^READ MORE:", "^DON’T MISS:", "^Follow me on Twitter", "\\[REPORT\\]$", "^Advertisement$", "^Share via email$", "^Click here", "^Sponsored by "]
[placeholder]
patterns = ["\\bTK\\b", "£XXm", "\\bXX\\b", "\\[CHECK\\]"]
"#;

fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COPYDESK_LOG", "warn")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn copydesk");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait for copydesk")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// A temporary folder holding `copydesk.toml` with the desk patterns.
fn desk_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("copydesk.toml"), DESK).expect("write config");
    dir
}

fn example(name: &str) -> PathBuf {
    Path::new(ROOT).join("examples").join(name)
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

const EXAMPLES: [&str; 3] = [
    "uk-council-budget.txt",
    "us-city-hall.txt",
    "wire-markdown.md",
];

/// The examples under the default settings (an empty configuration file, so
/// no `copydesk.toml` above the repository can leak in).
fn check_example(name: &str, format: &str) -> String {
    check_example_with(name, format, "")
}

fn check_example_with(name: &str, format: &str, config_text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, config_text).expect("write config");
    let path = format!("examples/{name}");
    let o = run_in(
        Path::new(ROOT),
        &[
            "check",
            "--format",
            format,
            "--config",
            config.to_str().expect("utf-8 path"),
            &path,
        ],
        None,
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    format!("exit: {}\n{}", code(&o), stdout(&o))
}

#[test]
fn examples_text_report() {
    for name in EXAMPLES {
        insta::assert_snapshot!(format!("text__{name}"), check_example(name, "text"));
    }
}

#[test]
fn examples_json_report() {
    for name in EXAMPLES {
        insta::assert_snapshot!(format!("json__{name}"), check_example(name, "json"));
    }
}

/// The examples with the desk's patterns: the text report's layout on real
/// copy (emoji, CRLF, Markdown) whatever the built-in detectors find.
#[test]
fn examples_text_report_with_desk_patterns() {
    for name in EXAMPLES {
        insta::assert_snapshot!(
            format!("desk_text__{name}"),
            check_example_with(name, "text", DESK)
        );
    }
}

#[test]
fn text_report_reads_like_a_compiler() {
    let dir = desk_dir();
    let o = run_in(
        dir.path(),
        &["check", example("uk-council-budget.txt").to_str().unwrap()],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let shown = example("uk-council-budget.txt").display().to_string();
    let tk = format!("{shown}:7:");
    assert!(out.contains(&tk), "{out}");
    assert!(
        out.contains(&format!("{shown}:15:1: warning[boilerplate]: ")),
        "{out}"
    );
    assert!(
        out.contains("= help: Remove this boilerplate line"),
        "{out}"
    );
    assert!(
        out.ends_with("1 file checked: 6 warnings, 2 errors\n"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour when stdout is a pipe");
    // The caret sits under `TK`, whose column counts characters (1-based).
    let line7 = "Cabinet members voted 7–2 on Tuesday evening to recommend the increase, which would add TK a year";
    let col = line7[..line7.find("TK").unwrap()].chars().count() + 1;
    assert!(
        out.contains(&format!("{shown}:7:{col}: error[placeholder]")),
        "{out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("7 | "))
        .expect("source line");
    let caret = lines[i + 1];
    let source = lines[i];
    // Every character before `TK` is one column wide (`–` included).
    assert_eq!(
        caret.find('^'),
        Some(source[..source.find("TK").unwrap()].chars().count()),
        "{source}\n{caret}"
    );
    assert!(caret.ends_with("^^"), "{caret}");
}

#[test]
fn caret_is_aligned_by_display_width_after_an_emoji() {
    let dir = desk_dir();
    std::fs::write(
        dir.path().join("post.txt"),
        "Jo Carver wrote: “Seven hours in 😬 and TK pages to go”.\n",
    )
    .unwrap();
    let o = run_in(dir.path(), &["check", "post.txt"], None);
    let out = stdout(&o);
    assert!(
        out.starts_with("post.txt:1:40: error[placeholder]"),
        "{out}"
    );
    let caret = out.lines().nth(3).expect("caret line");
    // "1 | " gutter, then 39 characters of which the emoji is two columns wide.
    assert_eq!(caret, format!("  | {}^^", " ".repeat(40)), "{out}");
}

#[test]
fn json_positions_are_utf16_code_units() {
    let dir = desk_dir();
    let line = "He posted: “Seven hours in 😬 #HarrowfieldBudget” — TK";
    std::fs::write(
        dir.path().join("post.txt"),
        format!("Graham Ashworth spoke first.\r\n\r\n{line}\r\n"),
    )
    .unwrap();
    let o = run_in(dir.path(), &["check", "--format", "json", "post.txt"], None);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let d = &v["files"][0]["diagnostics"][0];
    let start = line[..line.find("TK").unwrap()].encode_utf16().count() as u64;
    assert_eq!(v["files"][0]["path"], "post.txt");
    assert_eq!(d["code"], "placeholder");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["range"]["start"]["line"], 2);
    assert_eq!(d["range"]["start"]["character"], start);
    assert_eq!(d["range"]["end"]["character"], start + 2);
    assert_eq!(d["fixes"], serde_json::json!([]));
}

#[test]
fn json_fix_edits_use_lsp_shape() {
    let dir = desk_dir();
    std::fs::write(
        dir.path().join("a.txt"),
        "Copy.\n\nAdvertisement\n\nMore copy.\n",
    )
    .unwrap();
    let o = run_in(dir.path(), &["check", "--format", "json", "a.txt"], None);
    let v = json(&o);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(
        d["range"],
        serde_json::json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 13}})
    );
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
    let fix = &d["fixes"][0];
    assert_eq!(fix["title"], "Remove this boilerplate line");
    // Removing the paragraph takes the blank line after it too.
    assert_eq!(
        fix["edits"],
        serde_json::json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 4, "character": 0}}, "newText": ""}])
    );
}

#[test]
fn exit_codes() {
    let dir = desk_dir();
    let p = dir.path();
    std::fs::write(
        p.join("clean.txt"),
        "“We will,” said Graham Hale, the council leader.\n",
    )
    .unwrap();
    std::fs::write(p.join("dirty.txt"), "Copy.\n\nShare via email\n").unwrap();
    let o = run_in(p, &["check", "clean.txt"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(stdout(&o), "1 file checked: no findings\n");
    let o = run_in(p, &["check", "clean.txt", "dirty.txt"], None);
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).ends_with("2 files checked: 1 warning\n"),
        "{}",
        stdout(&o)
    );
    // A missing file is exit 2, and the others are still checked.
    let o = run_in(p, &["check", "gone.txt", "dirty.txt"], None);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("gone.txt: no such file or folder"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("dirty.txt:3:1: warning[boilerplate]"));
    // Findings below warning do not fail the check.
    std::fs::write(
        p.join("info.toml"),
        format!("{DESK}\n[rules.boilerplate]\nseverity = \"information\"\n"),
    )
    .unwrap();
    let o = run_in(p, &["check", "--config", "info.toml", "dirty.txt"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("dirty.txt:3:1: info[boilerplate]"));
    assert!(stdout(&o).ends_with("1 file checked: 1 note\n"));
    // Usage errors are 2 (clap).
    let o = run_in(p, &["check", "--format", "xml", "dirty.txt"], None);
    assert_eq!(code(&o), 2);
}

#[test]
fn stdin_is_read_and_shown_as_stdin() {
    let dir = desk_dir();
    let o = run_in(
        dir.path(),
        &["check", "-"],
        Some("Copy.\r\n\r\nREAD MORE: Tories in turmoil\r\n".as_bytes()),
    );
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).starts_with("<stdin>:3:1: warning[boilerplate]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn folders_are_walked_in_order_for_articles_only() {
    let dir = desk_dir();
    let p = dir.path();
    let desk = p.join("desk");
    for (name, text) in [
        ("desk/b.txt", "TK\n"),
        ("desk/a.md", "# Head\n\nCopy.\n"),
        ("desk/sub/c.txt", "Copy.\n"),
        ("desk/sub/notes.docx", "TK\n"),
        ("desk/.drafts/d.txt", "TK\n"),
    ] {
        let f = p.join(name);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, text).unwrap();
    }
    assert!(desk.is_dir());
    let o = run_in(p, &["check", "--format", "json", "desk"], None);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["desk/a.md", "desk/b.txt", "desk/sub/c.txt"]);
    assert_eq!(v["files"][1]["diagnostics"][0]["code"], "placeholder");
}

/// Three stories of one day's desk: the one that spells the NATO chief
/// otherwise is told so where it names him; files named one by one are
/// not compared.
#[test]
fn a_folder_s_articles_spell_a_person_one_way() {
    let dir = desk_dir();
    let p = dir.path();
    let day = p.join("day");
    std::fs::create_dir_all(&day).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "Nato chief urges allies to hold firm\n\nBRUSSELS (Reuters) - Nato Secretary General Jens Stoltenberg said on Tuesday that allies must keep up their support.\n\n\"We cannot let this slip,\" Stoltenberg told reporters.\n",
        ),
        (
            "b.txt",
            "Ministers gather in Brussels\r\n\r\nNato\u{2019}s Secretary General Jens Stoltenburg said ministers would meet again in June.\r\n\r\nStoltenburg said the talks had been \u{201c}useful and frank\u{201d}.\r\n",
        ),
        (
            "c.md",
            "# Alliance to weigh new package\n\nJens Stoltenberg welcomed the ministers on Wednesday. Stoltenberg said he expected an agreement.\n",
        ),
    ] {
        std::fs::write(day.join(name), text).unwrap();
    }
    let o = run_in(p, &["check", "--format", "json", "day"], None);
    let v = json(&o);
    let found: Vec<(String, String, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"].as_array().unwrap().iter().map(move |d| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    d["code"].as_str().unwrap().to_string(),
                    d["range"]["start"]["line"].as_u64().unwrap(),
                )
            })
        })
        .collect();
    assert_eq!(
        found,
        [("day/b.txt".to_string(), "name-variant".to_string(), 2)],
        "{}",
        stdout(&o)
    );
    assert!(v["files"][1]["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("‘Jens Stoltenberg’"));
    let o = run_in(p, &["check", "day/a.txt", "day/b.txt", "day/c.md"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn config_is_found_upwards_and_a_malformed_one_stops_the_check() {
    let dir = desk_dir();
    let sub = dir.path().join("news/today");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        sub.join("a.txt"),
        "Copy.\n\nSponsored by Harrowfield Motors\n",
    )
    .unwrap();
    let o = run_in(&sub, &["check", "a.txt"], None);
    assert_eq!(code(&o), 1, "the desk patterns two folders up apply");

    std::fs::write(
        sub.join("copydesk.toml"),
        "[rules.boilerplate\nenabled = false\n",
    )
    .unwrap();
    let o = run_in(&sub, &["check", "a.txt"], None);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("copydesk: copydesk.toml:1: "), "{err}");
    assert!(err.ends_with("; nothing was checked\n"), "{err}");
    assert_eq!(code(&o), 2, "neither the defaults nor the parent's file");
    assert!(stdout(&o).is_empty());

    std::fs::write(
        sub.join("copydesk.toml"),
        "[rules.boilerplte]\nenabled = false\n",
    )
    .unwrap();
    let o = run_in(&sub, &["check", "a.txt"], None);
    let err = stderr(&o);
    assert!(
        err.starts_with("copydesk: copydesk.toml:1: `rules.boilerplte`: unknown rule `boilerplte`"),
        "{err}"
    );
    assert_eq!(code(&o), 2);

    let o = run_in(&sub, &["check", "--config", "nope.toml", "a.txt"], None);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot read configuration nope.toml"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn binary_files_are_refused_by_name_and_the_rest_checked() {
    let dir = desk_dir();
    let p = dir.path();
    std::fs::write(p.join("photo.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 owner said TK\n").unwrap();
    std::fs::write(p.join("ok.txt"), "TK\n").unwrap();
    let o = run_in(p, &["check", "photo.txt", "latin1.txt", "ok.txt"], None);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("photo.txt: not a text file (it contains NUL bytes"),
        "{err}"
    );
    // Not UTF-8 and no NUL: legacy text, read with a note (issue 14).
    assert!(
        err.contains("latin1.txt: not UTF-8; read as Windows-1252"),
        "{err}"
    );
    assert!(stdout(&o).contains("latin1.txt:1:17: error[placeholder]"));
    assert!(stdout(&o).contains("ok.txt:1:1: error[placeholder]"));
}

#[test]
fn bom_and_crlf_keep_columns_right() {
    let dir = desk_dir();
    let p = dir.path();
    let text = "\u{feff}TK: the mayor’s age\r\n\r\nAdvertisement\r\n\r\nCopy.\r\n";
    std::fs::write(p.join("bom.txt"), text).unwrap();
    let o = run_in(p, &["check", "--format", "json", "bom.txt"], None);
    let v = json(&o);
    let d = &v["files"][0]["diagnostics"];
    assert_eq!(
        d[0]["range"]["start"],
        serde_json::json!({"line": 0, "character": 0})
    );
    assert_eq!(
        d[1]["range"]["end"],
        serde_json::json!({"line": 2, "character": 13})
    );
    let o = run_in(p, &["fix", "bom.txt"], None);
    assert_eq!(code(&o), 0);
    assert_eq!(
        std::fs::read_to_string(p.join("bom.txt")).unwrap(),
        "\u{feff}TK: the mayor’s age\r\n\r\nCopy.\r\n"
    );
}

#[test]
fn a_twenty_megabyte_file_is_checked() {
    let dir = desk_dir();
    let p = dir.path();
    let par = "Council Leader Graham Ashworth said the borough’s reserves were “not a piggy bank” and that the budget — the toughest in a generation — had to pass.\n\n";
    let n = 20 * 1024 * 1024 / par.len() + 1;
    let mut text = par.repeat(n);
    text.push_str("Follow me on Twitter @JoCarverLDR\n");
    std::fs::write(p.join("big.txt"), &text).unwrap();
    let o = run_in(p, &["check", "--format", "json", "big.txt"], None);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v = json(&o);
    let d = &v["files"][0]["diagnostics"];
    let last = d.as_array().unwrap().last().unwrap();
    assert_eq!(last["code"], "boilerplate");
    assert_eq!(last["range"]["start"]["line"], (2 * n) as u64);
}

/// The UK example with every line a desk pattern matches removed, built
/// here paragraph by paragraph (one blank line between paragraphs).
/// The UK example without the furniture lines examples/README.md lists
/// (1-based: the READ MORE block 15–18, the [REPORT] line 22, the caption 36,
/// the follow line 50), paragraph gaps kept single.
fn without_furniture(text: &str) -> String {
    let furniture = [15, 16, 17, 18, 22, 36, 50];
    let numbered: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if furniture.contains(&(i + 1)) {
                "\u{0}".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let numbered = numbered.join("\n");
    let kept: Vec<String> = numbered
        .split("\n\n")
        .map(|par| {
            par.lines()
                .filter(|l| *l != "\u{0}")
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|par| !par.is_empty())
        .collect();
    format!("{}\n", kept.join("\n\n"))
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

#[test]
fn fix_removes_furniture_and_a_second_fix_changes_nothing() {
    let dir = desk_dir();
    let p = dir.path();
    let original = std::fs::read_to_string(example("uk-council-budget.txt")).unwrap();
    let article = p.join("budget.txt");
    std::fs::write(&article, &original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&article, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = run_in(p, &["fix", "budget.txt"], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "budget.txt: 4 fixes applied\n");
    assert!(stdout(&o).is_empty());
    let fixed = std::fs::read_to_string(&article).unwrap();
    assert_eq!(fixed, without_furniture(&original));
    assert!(
        !fixed.contains("Harrowfield bin collections"),
        "the link lines under READ MORE go with it"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&article).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let before = inode(&article);
        let o = run_in(p, &["fix", "budget.txt"], None);
        assert_eq!(code(&o), 0);
        assert_eq!(stderr(&o), "budget.txt: nothing to fix\n");
        assert_eq!(
            inode(&article),
            before,
            "an unchanged file is not rewritten"
        );
    }
    assert_eq!(std::fs::read_to_string(&article).unwrap(), fixed);
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".copydesk"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = desk_dir();
    let p = dir.path();
    let text = "Mr Hale said the plan was sound.\n\nREAD MORE: Hale quits\nHale’s second act\n\nCopy ends here.\n";
    std::fs::write(p.join("a.txt"), text).unwrap();
    let o = run_in(p, &["fix", "--dry-run", "a.txt"], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.starts_with("--- a/a.txt\n+++ b/a.txt\n@@ "), "{diff}");
    assert!(diff.contains("\n-READ MORE: Hale quits\n"), "{diff}");
    assert!(
        diff.contains("\n-Hale’s second act\n"),
        "the link line goes with its heading: {diff}"
    );
    assert!(
        !diff
            .lines()
            .any(|l| l.starts_with("+") && !l.starts_with("+++")),
        "{diff}"
    );
    assert!(
        stderr(&o).contains("a.txt: 1 fix would be applied"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(p.join("a.txt")).unwrap(), text);
}

#[test]
fn fix_from_stdin_writes_the_fixed_text_to_stdout() {
    let dir = desk_dir();
    let o = run_in(
        dir.path(),
        &["fix", "-"],
        Some("Copy.\r\n\r\nAdvertisement\r\n\r\nMore copy.\r\n".as_bytes()),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "Copy.\r\n\r\nMore copy.\r\n");
    assert_eq!(stderr(&o), "<stdin>: 1 fix applied\n");
}

#[test]
fn fix_reports_unreadable_files_and_goes_on() {
    let dir = desk_dir();
    let p = dir.path();
    std::fs::write(p.join("a.txt"), "Copy.\n\nAdvertisement\n").unwrap();
    let o = run_in(p, &["fix", "gone.txt", "a.txt"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("gone.txt: no such file or folder"));
    assert_eq!(std::fs::read_to_string(p.join("a.txt")).unwrap(), "Copy.\n");
}

#[test]
fn markdown_code_and_front_matter_are_not_copy() {
    let dir = desk_dir();
    let o = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            example("wire-markdown.md").to_str().unwrap(),
        ],
        None,
    );
    let v = json(&o);
    let lines: Vec<(u64, &str)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["code"].as_str().unwrap(),
            )
        })
        .collect();
    // Outside the fence: XX (30), DON’T MISS: (36), the [[note]] (40) and the
    // share prompt (50), as examples/README.md lists. Inside (19–26): nothing.
    assert_eq!(
        lines,
        [
            (30, "placeholder"),
            (36, "boilerplate"),
            (40, "placeholder"),
            (50, "boilerplate")
        ]
    );
}

#[test]
fn sarif_is_valid_for_code_scanning() {
    let dir = desk_dir();
    let p = dir.path();
    std::fs::create_dir_all(p.join("desk")).unwrap();
    std::fs::write(
        p.join("desk/city hall.txt"),
        "“It’s done 😀,” said Ms Ruiz. TK\n\nShare via email\n",
    )
    .unwrap();
    let o = run_in(p, &["check", "--format", "sarif", "desk"], None);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for code in copydesk::rules::codes() {
        assert!(ids.contains(&code), "rule {code} missing");
    }
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let tk = &results[0];
    assert_eq!(tk["ruleId"], "placeholder");
    assert_eq!(tk["level"], "error");
    assert!(tk["message"]["text"].as_str().unwrap().contains("TK"));
    let loc = &tk["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "desk/city%20hall.txt");
    let line = "“It’s done 😀,” said Ms Ruiz. ";
    let col = line.encode_utf16().count() as u64 + 1;
    assert_eq!(
        loc["region"],
        serde_json::json!({"startLine": 1, "startColumn": col, "endLine": 1, "endColumn": col + 2})
    );
    let share = &results[1];
    assert_eq!(share["level"], "warning");
    let replacement = &share["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        share["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"],
        "desk/city%20hall.txt"
    );
    // The last paragraph goes with the blank line before it.
    assert_eq!(
        replacement["deletedRegion"],
        serde_json::json!({"startLine": 1, "startColumn": col + 2, "endLine": 3, "endColumn": 16})
    );
    assert_eq!(replacement["insertedContent"]["text"], "");
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k} is 1-based");
        }
    }
}

/// `--explain-layout` says how each article's paragraphs were read, and why,
/// on stderr (stdout keeps the report).
#[test]
fn explain_layout_says_how_paragraphs_were_read() {
    let dir = desk_dir();
    let one_per_line = "Councillors voted 7-2 on Tuesday night to close three branch libraries in the borough, a decision campaigners called “the end of a promise”.\r\n“We had no choice, the money simply is not there,” said Cllr Amira Haddad, the council’s finance lead, after the meeting.\r\nThe libraries will close on 31 March, and their books will be moved to the central library in the town centre by the summer.\r\n";
    std::fs::write(dir.path().join("export.txt"), one_per_line).unwrap();
    let wrapped = "Councillors voted 7-2 on Tuesday night to close three branch\nlibraries in the borough, a decision campaigners called the end of\na promise.\n\nThe libraries will close on 31 March, and their books will be\nmoved to the central library by the summer.\n";
    std::fs::write(dir.path().join("wrapped.txt"), wrapped).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--explain-layout", "export.txt", "wrapped.txt"],
        None,
    );
    let err = stderr(&out);
    assert!(
        err.contains("export.txt: 3 paragraphs; every line is a paragraph (detected:"),
        "{err}"
    );
    assert!(
        err.contains("wrapped.txt: 2 paragraphs; paragraphs end at blank lines (detected:"),
        "{err}"
    );
    assert!(!stdout(&out).contains("paragraphs end at"));
}
