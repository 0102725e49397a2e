//! The command line as a user meets it, one case file a behaviour under
//! `tests/cmd/`: the command, its stdin (`NAME.stdin`), and the expected
//! stdout, stderr and exit code (`NAME.stdout`, `NAME.stderr`, `status`).
//! `TRYCMD=overwrite cargo test --test it cmd::` rewrites the expectations, to
//! review in the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// Colour is for a terminal only, and never with `NO_COLOR` set: the
/// binary run in a pseudo-terminal (util-linux `script`, which trycmd's
/// pipes cannot stand in for).
#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("bridge.txt");
    std::fs::write(
        &article,
        "The leader, Cllr Anwen Price, will set out the timetable at TK.\n",
    )
    .expect("write");
    let in_terminal = |no_color: bool| {
        let line = format!(
            "{} check {}",
            env!("CARGO_BIN_EXE_copydesk"),
            article.display()
        );
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &line, "/dev/null"])
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.output().expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = in_terminal(false);
    assert!(coloured.contains("TK"), "{coloured}");
    assert!(
        coloured.contains("\x1b["),
        "colour on a terminal: {coloured:?}"
    );
    let plain = in_terminal(true);
    assert!(plain.contains("TK"), "{plain}");
    assert!(
        !plain.contains("\x1b["),
        "no colour with NO_COLOR: {plain:?}"
    );
}
