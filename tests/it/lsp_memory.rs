//! Memory soak through the real binary: big documents opened, edited,
//! queried and closed, round after round; once all are closed the server's
//! resident memory must come back near where it started, not stay at the
//! peak (glibc keeps freed pages in its arenas unless asked to trim them).

use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

/// The test articles, one after another, repeated to about `bytes`.
fn articles(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let all: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let all = all.join("\n\n");
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(&all);
        text.push_str("\n\n");
    }
    text
}

fn rss_mib(lsp: &Lsp) -> u64 {
    lsp.status_kib("VmRSS").expect("VmRSS") / 1024
}

#[test]
fn memory_returns_near_the_start_once_every_document_is_closed() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    // Warm up (word lists and the like load on first use) with a small document.
    let small = "file:///desk/brief.txt";
    open(&mut lsp, small, "plaintext", 1, &articles(1));
    lsp.diagnostics(small, 1);
    lsp.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": small}}),
    );
    // A round trip, so the close has been handled.
    lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": small}, "position": {"line": 0, "character": 0}}),
    );
    std::thread::sleep(Duration::from_millis(500));
    let start = rss_mib(&lsp);

    let text = articles(2 << 20);
    let mut peak = start;
    for round in 0..2 {
        let uris: Vec<String> = (0..3)
            .map(|i| format!("file:///desk/soak-{round}-{i}.txt"))
            .collect();
        for uri in &uris {
            open(&mut lsp, uri, "plaintext", 1, &text);
            for v in 2..5 {
                change(
                    &mut lsp,
                    uri,
                    v,
                    json!([{"range": {"start": {"line": 10 * v, "character": 0}, "end": {"line": 10 * v, "character": 0}}, "text": "Mr Xavier Ortega said: “No comment.”\n\n"}]),
                );
            }
            lsp.diagnostics(uri, 4);
            lsp.request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            );
            peak = peak.max(rss_mib(&lsp));
        }
        for uri in &uris {
            lsp.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
        }
        lsp.backlog.clear();
    }
    // Freed memory is given back shortly after the last close.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut now = rss_mib(&lsp);
    let bound = start + (peak - start) / 3;
    while now > bound && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        now = rss_mib(&lsp);
    }
    eprintln!("memory soak: start {start} MiB, peak {peak} MiB, after closing {now} MiB");
    assert!(
        now <= bound,
        "resident memory stayed at {now} MiB after every document closed (start {start} MiB, peak {peak} MiB)"
    );
    lsp.shutdown();
}
