//! No word list of more than five words inline in engine code: a list of
//! words (speech verbs, honorifics, determiners…) lives in `data/` and is
//! read through `src/lexicon/`, where a linguist can change it without
//! reading Rust. The check reads every `src/**/*.rs` with comments and test
//! code (`tests.rs` files, what follows `#[cfg(test)]`) left out, and fails
//! on a run of six or more lower-case word literals joined by `|` (a match
//! arm) or `,` (an array), naming the file and line.

use std::fs;
use std::path::Path;

use regex::Regex;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The engine code of a file: up to its first `#[cfg(test)]`, with line
/// comments blanked (kept as empty lines so line numbers hold).
fn code(src: &str) -> String {
    let end = src.find("#[cfg(test)]").unwrap_or(src.len());
    src[..end]
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn word_lists(src: &str) -> Vec<(usize, String)> {
    let list = Regex::new(r#"(?:"[a-z][a-z.'’-]{0,20}"\s*[|,]\s*){5,}"[a-z][a-z.'’-]{0,20}""#)
        .expect("a valid pattern");
    let code = code(src);
    list.find_iter(&code)
        .map(|m| {
            let line = code[..m.start()].matches('\n').count() + 1;
            (
                line,
                m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

#[test]
fn no_word_list_of_more_than_five_words_is_inline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    assert!(files.len() > 50, "the engine's files were found");
    let mut found = Vec::new();
    for file in &files {
        let src = fs::read_to_string(file).expect("a readable source file");
        for (line, list) in word_lists(&src) {
            found.push(format!("{}:{line}: {list}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "word lists inline in code (move them to data/ and read them through src/lexicon/):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_match_arms_and_arrays_but_not_comments_or_tests() {
    let arm = "fn f(w: &str) -> bool {\n    matches!(w, \"told\" | \"tell\" | \"tells\"\n        | \"telling\" | \"asked\" | \"asking\")\n}\n";
    assert_eq!(word_lists(arm).len(), 1);
    assert_eq!(word_lists(arm)[0].0, 2);
    let array = "const A: &[&str] = &[\"mr\", \"mrs\", \"ms\", \"dr\", \"sir\", \"dame\"];";
    assert_eq!(word_lists(array).len(), 1);
    let five = "const A: &[&str] = &[\"mr\", \"mrs\", \"ms\", \"dr\", \"sir\"];";
    assert!(word_lists(five).is_empty());
    let comment = "// \"mr\", \"mrs\", \"ms\", \"dr\", \"sir\", \"dame\"\nfn f() {}";
    assert!(word_lists(comment).is_empty());
    let test = "fn f() {}\n#[cfg(test)]\nconst A: &[&str] = &[\"mr\", \"mrs\", \"ms\", \"dr\", \"sir\", \"dame\"];";
    assert!(word_lists(test).is_empty());
}
