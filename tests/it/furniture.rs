//! Web furniture and desk placeholders on pasted pages (`tests/furniture/`).
//!
//! Each `fNN.txt` is copy pasted from a site with its furniture (tabloid,
//! broadsheet, US local news, wire, live blog, business), written for this
//! project; `fNN.expect` lists every line a copy desk would flag as
//! `line<TAB>code<TAB>note`. Lines of copy that only look like furniture
//! (`Read more about the plan in the council's report, officials said.`)
//! are not listed, so a flag on them counts against precision. The set was
//! first scored held out, before any rule was written for it.

use std::collections::BTreeSet;
use std::path::Path;

use copydesk::analysis::Language;
use copydesk::checks::check_text;
use copydesk::config::Config;
use copydesk::text::{offset_to_position, PositionEncoding};

#[test]
fn pasted_pages_flag_their_furniture_and_leave_the_copy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/furniture");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("furniture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{} pages", files.len());
    let config = Config::default();
    let (mut want_n, mut got_n, mut hit) = (0, 0, 0);
    let mut report = String::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("page");
        let want: BTreeSet<(u32, String)> = std::fs::read_to_string(file.with_extension("expect"))
            .expect("sidecar")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                let mut parts = l.split('\t');
                Some((parts.next()?.parse().ok()?, parts.next()?.to_string()))
            })
            .collect();
        let checked = check_text(&text, Language::PlainText, &config);
        let rope = checked.document.rope();
        let lines: Vec<&str> = text.lines().collect();
        let line = |n: u32| lines.get(n as usize - 1).copied().unwrap_or("");
        let mut got = BTreeSet::new();
        for f in checked
            .findings
            .iter()
            .filter(|f| matches!(f.code, "boilerplate" | "placeholder"))
        {
            let from = offset_to_position(rope, f.range.start, PositionEncoding::Utf16).line;
            let to = offset_to_position(rope, f.range.end, PositionEncoding::Utf16).line;
            // A block of furniture paragraphs covers the blank lines between
            // them, which are no line of copy.
            for n in (from + 1..=to + 1).filter(|&n| !line(n).trim().is_empty()) {
                got.insert((n, f.code.to_string()));
            }
        }
        let name = file.file_name().map(|n| n.to_string_lossy().to_string());
        let name = name.unwrap_or_default();
        for w in want.difference(&got) {
            report.push_str(&format!("{name}:{} missed {}: {}\n", w.0, w.1, line(w.0)));
        }
        for g in got.difference(&want) {
            report.push_str(&format!("{name}:{} extra {}: {}\n", g.0, g.1, line(g.0)));
        }
        want_n += want.len();
        got_n += got.len();
        hit += want.intersection(&got).count();
    }
    let precision = hit as f64 / got_n.max(1) as f64;
    let recall = hit as f64 / want_n.max(1) as f64;
    println!("{report}");
    println!(
        "furniture: {} pages, {want_n} lines to flag; precision {:.1}%, recall {:.1}%",
        files.len(),
        precision * 100.0,
        recall * 100.0
    );
    assert!(precision >= 0.98, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{report}");
}
