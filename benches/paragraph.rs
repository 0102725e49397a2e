//! One paragraph of many megabytes (issue 21): wire copy with its line
//! breaks taken out, so the whole document is a single paragraph, checked
//! from scratch at 2 MB and at 8 MB. A scanner that is linear in a
//! paragraph's length makes the 8 MB run cost about 4× the 2 MB one; the
//! target is at most 4.5×. Each size is checked three times and the best
//! run kept (a shared machine's noise only adds time). Printed, not asserted.
//!
//! ```text
//! cargo bench --bench paragraph
//! PARAGRAPH_MB=8 cargo bench --bench paragraph   # one size, for a profiler
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::analysis::Language;
use copydesk::checks;
use copydesk::config::Config;

#[path = "corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// `bytes` of generated wire copy as one paragraph: every run of line
/// breaks becomes a space.
fn one_paragraph(bytes: usize) -> String {
    let text = corpus::article(bytes, false);
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

fn best_of_three(text: &str, config: &Config) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut findings = String::new();
    for _ in 0..3 {
        let t = Instant::now();
        let checked = checks::check_text(black_box(text), Language::PlainText, config);
        best = best.min(t.elapsed());
        let mut by_code = std::collections::BTreeMap::<&str, usize>::new();
        for f in &checked.findings {
            *by_code.entry(f.code).or_default() += 1;
        }
        findings = by_code
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
    }
    (best, findings)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let config = Config::default();
    let mut times = Vec::new();
    println!(
        "| one paragraph | bytes | check from scratch (best of 3) | MB/s | findings by code |"
    );
    println!("|---|---|---|---|---|");
    let sizes: Vec<usize> = match std::env::var("PARAGRAPH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        Some(mb) => vec![mb],
        None => vec![2, 8],
    };
    for &mb in &sizes {
        let text = one_paragraph(mb * 1024 * 1024);
        assert!(!text.contains('\n'));
        let (t, n) = best_of_three(&text, &config);
        println!(
            "| {mb} MB | {} | {:.0} ms | {:.1} | {n} |",
            text.len(),
            t.as_secs_f64() * 1e3,
            text.len() as f64 / t.as_secs_f64() / (1024.0 * 1024.0)
        );
        times.push(t);
    }
    if times.len() < 2 {
        return;
    }
    println!(
        "8 MB / 2 MB: {:.2}× (target ≤ 4.5×; linear is 4×)",
        times[1].as_secs_f64() / times[0].as_secs_f64()
    );
}
