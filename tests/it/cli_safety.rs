//! `check`, `fix` and `quotes` under faults and bad input, through the real
//! binary (issue 14): a file edited while `fix` runs, links out of a folder,
//! hard links, owners and extended attributes, read-only files, dangerous or
//! oversized configuration, special files, other encodings, Word files and a
//! closed stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// The desk's furniture as custom patterns, so that the tests do not depend
/// on what the built-in detectors find.
const DESK: &str = r#"[boilerplate]
patterns = ["^READ MORE:", "^Advertisement$", "^Share via email$", "^Sponsored by "]

[placeholder]
patterns = ["\\bTK\\b"]
"#;

/// A council story with one furniture line in the middle.
const STORY: &str = "Harrowfield council has approved a 4.99 per cent rise in council tax, the most it can raise without a referendum.\n\n\
Advertisement\n\n\
Graham Ashworth, the council leader, said the authority had “no good options left”.\n";

const STORY_FIXED: &str = "Harrowfield council has approved a 4.99 per cent rise in council tax, the most it can raise without a referendum.\n\n\
Graham Ashworth, the council leader, said the authority had “no good options left”.\n";

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("COPYDESK_LOG", "warn")
        .env_remove("COPYDESK_TEST_PAUSE_BEFORE_WRITE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs copydesk to the end, killing it (and failing) after `limit`: a
/// command that blocks or reads forever fails the test instead of hanging it.
fn run_for(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = command(dir, args).spawn().expect("spawn copydesk");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("poll copydesk").is_some() {
            return child.wait_with_output().expect("collect output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().expect("collect output");
            panic!(
                "copydesk {args:?} still running after {limit:?}; stderr: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_for(dir, args, Duration::from_secs(30))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code, not a signal")
}

fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("copydesk.toml"), DESK).expect("write config");
    dir
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read back")
}

/// Starts `copydesk fix` with the test-only pause between reading the file
/// and writing it, and returns once copydesk has said it is pausing (it has
/// read the file and worked out the fix).
fn fix_paused(dir: &Path, file: &str) -> (Child, std::thread::JoinHandle<String>) {
    let mut child = command(dir, &["fix", file])
        .env("COPYDESK_TEST_PAUSE_BEFORE_WRITE", "300")
        .spawn()
        .expect("spawn copydesk");
    let err = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        let mut lines = BufReader::new(err);
        let mut line = String::new();
        let mut told = false;
        while lines.read_line(&mut line).unwrap_or(0) > 0 {
            if !told && line.contains("COPYDESK_TEST_PAUSE_BEFORE_WRITE") {
                let _ = tx.send(());
                told = true;
            }
            all.push_str(&line);
            line.clear();
        }
        all
    });
    if rx.recv_timeout(Duration::from_secs(20)).is_err() {
        let _ = child.kill();
        let _ = child.wait();
        let err = reader.join().unwrap_or_default();
        panic!("copydesk fix never paused before writing; stderr: {err}");
    }
    (child, reader)
}

/// Item 1: an editor saving the file between fix's read and its write. The
/// editor's text survives whether it writes in place or saves by renaming a
/// new file over the old one; fix then applies to the new text.
#[test]
fn fix_keeps_an_edit_saved_while_it_runs() {
    let dir = desk();
    let p = dir.path();
    let article = p.join("budget.txt");
    let update = "UPDATE: The full council will vote on the budget on 4 March.\n\n";
    let web_copy = p.join("web-copy.txt");
    for (how, by_rename, hard_linked) in [
        ("in place", false, false),
        ("by rename", true, false),
        (
            "in place, a hard-linked file (fix writes it in place)",
            false,
            true,
        ),
    ] {
        let _ = std::fs::remove_file(&web_copy);
        std::fs::write(&article, STORY).unwrap();
        if hard_linked {
            std::fs::hard_link(&article, &web_copy).unwrap();
        }
        let (mut child, stderr) = fix_paused(p, "budget.txt");
        // The editor saves the reporter's new top line.
        let edited = format!("{update}{STORY}");
        if by_rename {
            let tmp = p.join(".budget.txt.swp");
            std::fs::write(&tmp, &edited).unwrap();
            std::fs::rename(&tmp, &article).unwrap();
        } else {
            std::fs::write(&article, &edited).unwrap();
        }
        let status = child.wait().expect("fix ends");
        let err = stderr.join().expect("stderr reader");
        assert_eq!(status.code(), Some(0), "{how}: {err}");
        let now = read(&article);
        assert_eq!(
            now,
            format!("{update}{STORY_FIXED}"),
            "{how}: the edit is kept and fixed: {err}"
        );
        assert!(err.contains("changed while"), "{how}: {err}");
        if hard_linked {
            assert_eq!(read(&web_copy), now, "{how}: still one file");
        }
    }
}

/// Item 2: a folder walk stays in the folder. Links out of it are skipped
/// and named; a link inside it is not followed (its target is fixed once, as
/// itself).
#[cfg(unix)]
#[test]
fn fix_on_a_folder_does_not_follow_links_out_of_it() {
    use std::os::unix::fs::symlink;
    let dir = desk();
    let p = dir.path();
    std::fs::create_dir_all(p.join("desk")).unwrap();
    std::fs::create_dir_all(p.join("archive/2019")).unwrap();
    std::fs::write(p.join("desk/story.txt"), STORY).unwrap();
    std::fs::write(p.join("archive/victim.txt"), STORY).unwrap();
    std::fs::write(p.join("archive/2019/old.txt"), STORY).unwrap();
    symlink("../archive/victim.txt", p.join("desk/victim.txt")).unwrap();
    symlink("../archive/2019", p.join("desk/old")).unwrap();
    symlink("story.txt", p.join("desk/alias.txt")).unwrap();

    let o = run(p, &["fix", "desk"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    assert_eq!(read(&p.join("desk/story.txt")), STORY_FIXED);
    assert_eq!(
        read(&p.join("archive/victim.txt")),
        STORY,
        "outside: untouched"
    );
    assert_eq!(
        read(&p.join("archive/2019/old.txt")),
        STORY,
        "outside: untouched"
    );
    assert!(
        std::fs::symlink_metadata(p.join("desk/victim.txt"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    for skipped in ["desk/victim.txt", "desk/old"] {
        assert!(
            err.lines()
                .any(|l| l.contains(skipped) && l.contains("outside")),
            "{skipped} is named as skipped: {err}"
        );
    }
    assert_eq!(
        err.matches("story.txt").count(),
        1,
        "story.txt is fixed once: {err}"
    );

    // `check` does not read outside the folder either.
    std::fs::write(p.join("desk/story.txt"), STORY).unwrap();
    let o = run(p, &["check", "--format", "json", "desk"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["desk/story.txt"]);
}

#[cfg(unix)]
fn meta(p: &Path) -> std::fs::Metadata {
    std::fs::metadata(p).expect("metadata")
}

/// Item 4: fix keeps the file's identity: hard links stay one file, owner,
/// group, mode and extended attributes stay.
#[cfg(unix)]
#[test]
fn fix_keeps_hard_links_owner_mode_and_extended_attributes() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = desk();
    let p = dir.path();
    let root = {
        use std::os::unix::fs::MetadataExt;
        std::fs::write(p.join("whoami"), "").unwrap();
        meta(&p.join("whoami")).uid() == 0
    };

    // A story filed in two places (a hard link).
    let a = p.join("story.txt");
    let b = p.join("web-copy.txt");
    std::fs::write(&a, STORY).unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let ino = meta(&a).ino();
    let o = run(p, &["fix", "story.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(read(&a), STORY_FIXED);
    assert_eq!(read(&b), STORY_FIXED, "the other name sees the fix");
    assert_eq!(meta(&a).ino(), ino, "still one file");
    assert_eq!(meta(&b).ino(), ino);

    // A story with an owner, a group, a mode and extended attributes.
    let c = p.join("desk-copy.txt");
    std::fs::write(&c, STORY).unwrap();
    std::fs::set_permissions(&c, std::fs::Permissions::from_mode(0o640)).unwrap();
    if root {
        std::os::unix::fs::chown(&c, Some(4242), Some(4343)).unwrap();
    }
    let xattr = rustix::fs::setxattr(
        &c,
        "user.copydesk.desk",
        b"features",
        rustix::fs::XattrFlags::empty(),
    )
    .is_ok();
    let o = run(p, &["fix", "desk-copy.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(read(&c), STORY_FIXED);
    let m = meta(&c);
    assert_eq!(m.permissions().mode() & 0o7777, 0o640);
    if root {
        assert_eq!((m.uid(), m.gid()), (4242, 4343), "owner and group kept");
    }
    if xattr {
        let mut buf = [0u8; 64];
        let n = rustix::fs::getxattr(&c, "user.copydesk.desk", &mut buf[..])
            .expect("the extended attribute is kept");
        assert_eq!(&buf[..n], b"features");
    }
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".copydesk"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

/// Item 4: a read-only file is refused, even for root.
#[cfg(unix)]
#[test]
fn fix_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = desk();
    let p = dir.path();
    let f = p.join("embargoed.txt");
    std::fs::write(&f, STORY).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = run(p, &["fix", "embargoed.txt"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("embargoed.txt") && stderr(&o).contains("read-only"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&f), STORY);
    assert_eq!(meta(&f).permissions().mode() & 0o777, 0o444);
}

/// Item 5: an empty or match-everything pattern would make every line
/// furniture; it is refused with the key, the line and the file, and the
/// article is left alone.
#[test]
fn empty_or_match_everything_patterns_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for bad in ["", "^", ".*", "(?m)^$|.", "\\S", "x?"] {
        let escaped = bad.replace('\\', "\\\\");
        std::fs::write(
            p.join("copydesk.toml"),
            format!("# the desk's furniture\n[boilerplate]\npatterns = [\"^Sponsored by \", \"{escaped}\"]\n"),
        )
        .unwrap();
        std::fs::write(p.join("story.txt"), STORY).unwrap();
        let o = run(p, &["fix", "story.txt"]);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{bad:?}: {err}");
        assert!(err.contains("copydesk.toml:3"), "{bad:?}: {err}");
        assert!(err.contains("boilerplate.patterns[1]"), "{bad:?}: {err}");
        assert!(err.contains("every line"), "{bad:?}: {err}");
        assert_eq!(read(&p.join("story.txt")), STORY, "{bad:?}: untouched");
        let o = run(p, &["check", "story.txt"]);
        assert_eq!(code(&o), 2, "{bad:?}: {}", stderr(&o));
    }
}

/// Item 7: a configuration error stops `fix` and `check` (exit 2) and names
/// the key, the line and the file; the defaults are never used instead.
#[test]
fn a_config_error_stops_fix_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("copydesk.toml"),
        "# Furniture is left for the web desk.\n[rules.boilerplate]\nenabled = false\n\n[placeholder]\npatterns = \"TK\"\n",
    )
    .unwrap();
    let text = "Copy.\n\nREAD MORE: Council tax to rise\n\nAdvertisement\n\nMore copy.\n";
    std::fs::write(p.join("story.txt"), text).unwrap();
    for cmd in ["fix", "check"] {
        let o = run(p, &[cmd, "story.txt"]);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{cmd}: {err}");
        assert!(err.contains("copydesk.toml:6"), "{cmd}: {err}");
        assert!(err.contains("placeholder.patterns"), "{cmd}: {err}");
        assert!(err.contains("expected a sequence"), "{cmd}: {err}");
        assert!(!err.contains("default"), "no fallback to defaults: {err}");
        assert!(stdout(&o).is_empty(), "{cmd}: nothing checked");
    }
    assert_eq!(read(&p.join("story.txt")), text);
    // A wrong type in a rule's settings is reported the same way.
    std::fs::write(
        p.join("copydesk.toml"),
        "[rules.boilerplate]\nenabled = \"no\"\n",
    )
    .unwrap();
    let o = run(p, &["fix", "story.txt"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("copydesk.toml:2: `rules.boilerplate.enabled`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&p.join("story.txt")), text);
}

/// Item 16: special files are refused at once (never read forever or
/// blocked on), and so are files over the configured size limit.
#[cfg(unix)]
#[test]
fn special_and_oversized_files_are_refused() {
    let dir = desk();
    let p = dir.path();
    let quick = Duration::from_secs(10);
    let o = run_for(p, &["check", "/dev/zero"], quick);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("/dev/zero: not a regular file"),
        "{}",
        stderr(&o)
    );
    let fifo = p.join("wire.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        for cmd in ["check", "fix", "quotes"] {
            let o = run_for(p, &[cmd, "wire.txt"], quick);
            assert_eq!(code(&o), 2, "{cmd}");
            assert!(
                stderr(&o).contains("wire.txt: not a regular file (a FIFO)"),
                "{cmd}: {}",
                stderr(&o)
            );
        }
        std::fs::remove_file(&fifo).unwrap();
    }

    // A 1 MiB limit and a 1.5 MB file.
    std::fs::write(
        p.join("copydesk.toml"),
        format!("{DESK}\n[limits]\nmax_file_mb = 1\n"),
    )
    .unwrap();
    let par = "The council said the reserves were “not a piggy bank”.\n\n";
    let big = par.repeat(1_500_000 / par.len());
    std::fs::write(p.join("big.txt"), &big).unwrap();
    std::fs::write(p.join("small.txt"), STORY).unwrap();
    let o = run(p, &["check", "big.txt", "small.txt"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("big.txt: larger than the 1 MiB limit") && err.contains("limits.max_file_mb"),
        "{err}"
    );
    assert!(stdout(&o).contains("small.txt:3:1"), "the rest is checked");
    let o = run(p, &["fix", "big.txt"]);
    assert_eq!(code(&o), 2);
    assert_eq!(read(&p.join("big.txt")), big);
}

/// Item 17: configured patterns have a budget: too large once compiled, or
/// too many, is a clear error (80 such patterns used to take 952 MB).
#[test]
fn pattern_budget_is_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("story.txt"), STORY).unwrap();
    let big: Vec<String> = (0..80).map(|i| format!("\"\\\\w{{100}}{i}\"")).collect();
    std::fs::write(
        p.join("copydesk.toml"),
        format!("[boilerplate]\npatterns = [{}]\n", big.join(", ")),
    )
    .unwrap();
    let o = run_for(p, &["check", "story.txt"], Duration::from_secs(20));
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("boilerplate.patterns[0]") && err.contains("too large"),
        "{err}"
    );
    let many: Vec<String> = (0..101).map(|i| format!("\"^Sponsor {i}$\"")).collect();
    std::fs::write(
        p.join("copydesk.toml"),
        format!("[placeholder]\npatterns = [\n{}\n]\n", many.join(",\n")),
    )
    .unwrap();
    let o = run(p, &["check", "story.txt"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("copydesk.toml:2: `placeholder.patterns`") && err.contains("101 patterns"),
        "{err}"
    );
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// Item 20: UTF-16 with a byte order mark is read; a legacy single-byte file
/// is read as Windows-1252 with a note; `fix` writes each back in the
/// encoding it came in.
#[test]
fn utf16_and_windows_1252_files_are_read_and_fixed_in_their_encoding() {
    let dir = desk();
    let p = dir.path();
    let text = "Sinéad Fennelly said the café would close.\r\n\r\nAdvertisement\r\n\r\nTK\r\n";
    let fixed = "Sinéad Fennelly said the café would close.\r\n\r\nTK\r\n";
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        std::fs::write(p.join(name), utf16(text, big_endian)).unwrap();
        let o = run(p, &["check", "--format", "json", name]);
        assert_eq!(code(&o), 1, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("UTF-16"), "{name}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let d = &v["files"][0]["diagnostics"];
        assert_eq!(d[0]["code"], "boilerplate");
        assert_eq!(d[0]["range"]["start"]["line"], 2);
        assert_eq!(d[1]["code"], "placeholder");
        let o = run(p, &["fix", name]);
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
        assert_eq!(
            std::fs::read(p.join(name)).unwrap(),
            utf16(fixed, big_endian),
            "{name}: written back as UTF-16 with its byte order mark"
        );
    }
    let legacy =
        b"Sin\xe9ad Fennelly said the caf\xe9 would close \x96 for good.\n\nAdvertisement\n";
    std::fs::write(p.join("cp1252.txt"), legacy).unwrap();
    let o = run(p, &["check", "cp1252.txt"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("cp1252.txt: not UTF-8; read as Windows-1252"),
        "{err}"
    );
    assert!(stdout(&o).contains("cp1252.txt:3:1"), "{}", stdout(&o));
    let o = run(p, &["quotes", "--format", "json", "cp1252.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(p, &["fix", "cp1252.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("Windows-1252"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(p.join("cp1252.txt")).unwrap(),
        b"Sin\xe9ad Fennelly said the caf\xe9 would close \x96 for good.\n".to_vec()
    );
}

/// Item 21: a folder of Word, RTF, PDF and OpenDocument files is not a
/// clean check: each is named with how to export it, and the exit is 2.
#[test]
fn a_folder_of_word_files_is_an_error_with_a_hint() {
    let dir = desk();
    let p = dir.path();
    std::fs::create_dir_all(p.join("inbox")).unwrap();
    std::fs::write(p.join("inbox/budget.docx"), b"PK\x03\x04\x14\0\x06\0").unwrap();
    std::fs::write(
        p.join("inbox/court.rtf"),
        "{\\rtf1\\ansi The jury was sent home.}",
    )
    .unwrap();
    std::fs::write(p.join("inbox/report.pdf"), b"%PDF-1.7\n%\xe2\xe3").unwrap();
    std::fs::write(p.join("inbox/feature.odt"), b"PK\x03\x04\0\0").unwrap();
    let o = run(p, &["check", "inbox"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    for name in ["budget.docx", "court.rtf", "report.pdf", "feature.odt"] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("plain text")),
            "{name}: {err}"
        );
    }
    assert!(err.contains("no articles checked"), "{err}");
    let o = run(p, &["check", "inbox/budget.docx"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("Word document"), "{}", stderr(&o));
    let o = run(p, &["fix", "inbox"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}

/// Item 21: `copydesk check FILE | head -1`: a closed stdout is a normal
/// end: the exit status is the check's, with no message and no panic.
#[test]
fn a_closed_stdout_is_a_normal_end() {
    let dir = desk();
    let p = dir.path();
    // Enough findings to overflow a pipe's buffer.
    let text = "“We will not back down,” said Graham Ashworth, who is TK.\n\n".repeat(3000);
    std::fs::write(p.join("story.txt"), &text).unwrap();
    for args in [
        &["check", "story.txt"][..],
        &["check", "--format", "json", "story.txt"][..],
        &["quotes", "story.txt"][..],
        &["fix", "-"][..],
    ] {
        let mut cmd = command(p, args);
        let stdin_text = args.contains(&"-");
        if stdin_text {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd.spawn().expect("spawn");
        if stdin_text {
            let mut input = child.stdin.take().unwrap();
            input.write_all(text.as_bytes()).unwrap();
        }
        // `| head -1`: read one line, then close the pipe.
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        let _ = out.read_line(&mut first);
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        let expected = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(status.code(), Some(expected), "{args:?}: {err}");
        let err: Vec<&str> = err
            .lines()
            .filter(|l| !l.starts_with("<stdin>: "))
            .collect();
        assert!(err.is_empty(), "{args:?}: {err:?}");
    }
}

/// Item 8: furniture-looking lines inside an HTML comment or an indented
/// Markdown code block are not copy: never flagged, never removed.
#[test]
fn fix_leaves_comments_and_indented_code_alone() {
    let dir = desk();
    let p = dir.path();
    let md = concat!(
        "# Harbour wall to be rebuilt\n\n",
        "The council approved £4.2m for the harbour wall on Tuesday.\n\n",
        "<!-- desk note: check the figure with the council\n\n",
        "READ MORE: Storm damage bill tops £10m\n\n",
        "Follow me on Twitter @harbourdesk -->\n\n",
        "The embed code the web team asked for:\n\n",
        "    <div class=\"related\">\n",
        "    READ MORE: Storm damage bill tops £10m\n",
        "    </div>\n\n",
        "Work starts in March.\n\n",
        "READ MORE: Storm damage bill tops £10m\n",
    );
    std::fs::write(p.join("story.md"), md).unwrap();
    let txt = "The council approved £4.2m for the harbour wall on Tuesday.\r\n\r\n<!-- READ MORE: Storm damage bill tops £10m -->\r\n\r\nWork starts in March.\r\n\r\nREAD MORE: Storm damage bill tops £10m\r\n";
    std::fs::write(p.join("story.txt"), txt).unwrap();

    let out = run(p, &["check", "--format", "json", "story.md", "story.txt"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    for f in json["files"].as_array().unwrap() {
        let lines: Vec<u64> = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "boilerplate")
            .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
            .collect();
        // Only the last line, the real furniture, in each file.
        let last = if f["path"].as_str().unwrap().ends_with(".md") {
            18
        } else {
            6
        };
        assert_eq!(lines, vec![last], "{f}");
    }

    let out = run(p, &["fix", "story.md", "story.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let fixed_md = read(&p.join("story.md"));
    assert_eq!(
        fixed_md,
        md.strip_suffix("\n\nREAD MORE: Storm damage bill tops £10m\n")
            .unwrap()
            .to_string()
            + "\n"
    );
    let fixed_txt = read(&p.join("story.txt"));
    assert_eq!(
        fixed_txt,
        txt.strip_suffix("\r\n\r\nREAD MORE: Storm damage bill tops £10m\r\n")
            .unwrap()
            .to_string()
            + "\r\n"
    );
}
