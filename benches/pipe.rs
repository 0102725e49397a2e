//! The language server as an editor feels it: the release binary started as
//! `copydesk lsp` and driven over stdio by a JSON-RPC client, as an editor
//! drives it. For each article size it reports
//!
//! - open: `didOpen` written → `publishDiagnostics` for version 1 read
//!   (median and worst of a few opens of the same text);
//! - enter: a line break typed inside a quote in the middle of the article,
//!   then deleted, by turns; `didChange` written → the diagnostics of that
//!   version read (every diagnostic after the edit moves down a line, so
//!   each of these versions has new diagnostics to push): p50 and p95;
//! - letter: a letter typed inside the same quote and deleted, by turns,
//!   each followed by a pull `textDocument/diagnostic` with the last result
//!   id; `didChange` written → its answer read: p50 and p95 (a push may or
//!   may not follow a letter: what has to be pushed is what changed);
//! - the server's CPU time per open and per keystroke (all its threads,
//!   from `/proc/<pid>/stat`, in 10 ms ticks spread over every keystroke:
//!   steadier than the wall clock on a shared machine);
//! - the server's peak resident memory (`VmHWM`) after the first open,
//!   after five, and at the end, its resident memory with the article
//!   open, and after it was closed.
//!
//! A message's time runs from its first byte written to the last byte of
//! the answer read (before the client parses it). Keystrokes are sent one at a time, each
//! after the last one's diagnostics came, as when typing at human speed.
//! One server per size, so the peak is that size's.
//!
//! Corpora: `desk` is the project's test articles (`tests/corpus`, real
//! wire and newspaper style, UK and US, with quotes, names and web
//! furniture) one after another, repeated to the size; `wire` is the
//! generated wire copy of the engine benchmark (`benches/corpus.rs`).
//!
//! ```text
//! cargo bench --bench pipe                       # both corpora, 10 KB, 100 KB, 1 MB
//! cargo bench --bench pipe -- --corpus desk --size 1MB --keys 200
//! COPYDESK_BENCH_BIN=/path/to/copydesk cargo bench --bench pipe   # another build
//! cargo bench --bench pipe -- --workspace        # the article among the test articles
//! ```
//!
//! Printed, not asserted.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{json, Value};

#[path = "corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// The article's URI: in `/desk/`, or with `--workspace` in a folder that
/// holds the project's test articles as the workspace's other stories.
static URI: std::sync::OnceLock<String> = std::sync::OnceLock::new();
/// The workspace root, with `--workspace`.
static ROOT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

fn uri() -> &'static str {
    URI.get_or_init(|| "file:///desk/article.txt".to_string())
}
const WAIT: Duration = Duration::from_secs(120);

/// A message from the server, as far as the benchmark reads it.
#[derive(Deserialize)]
struct Incoming {
    id: Option<Value>,
    method: Option<String>,
    params: Option<Params>,
    result: Option<PullResult>,
}

#[derive(Deserialize)]
struct Params {
    uri: Option<String>,
    version: Option<i64>,
    diagnostics: Option<Vec<IgnoredAny>>,
}

#[derive(Deserialize)]
struct PullResult {
    kind: Option<String>,
    #[serde(rename = "resultId")]
    result_id: Option<String>,
    items: Option<Vec<IgnoredAny>>,
}

struct Message {
    /// When its last byte was read.
    at: Instant,
    bytes: usize,
    incoming: Option<Incoming>,
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Message>,
    next_id: i64,
}

fn read_frame(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(body)
}

impl Server {
    fn start(bin: &str) -> Self {
        let mut child = Command::new(bin)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {bin} lsp: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::with_capacity(1 << 20, stdout);
            while let Some(body) = read_frame(&mut reader) {
                let at = Instant::now();
                let incoming = serde_json::from_slice(&body).ok();
                let msg = Message {
                    at,
                    bytes: body.len(),
                    incoming,
                };
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin,
            rx,
            next_id: 1,
        }
    }

    /// Writes a message; returns when its first byte was written (an
    /// editor's write of a big document is part of what it waits for).
    fn send(&mut self, msg: &Value) -> Instant {
        let body = serde_json::to_vec(msg).expect("json");
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(&body);
        let at = Instant::now();
        self.stdin.write_all(&frame).expect("write");
        self.stdin.flush().expect("flush");
        at
    }

    fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn request(&mut self, method: &str, params: Value) -> (i64, Instant) {
        let id = self.next_id;
        self.next_id += 1;
        let at =
            self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        (id, at)
    }

    /// Waits for a message `pred` accepts, answering the server's requests.
    fn wait(&mut self, pred: impl Fn(&Incoming) -> bool) -> Message {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self.rx.recv_timeout(left).expect("the server answered");
            let Some(incoming) = &msg.incoming else {
                continue;
            };
            if let (Some(id), Some(_)) = (&incoming.id, &incoming.method) {
                let id = id.clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                continue;
            }
            if pred(incoming) {
                return msg;
            }
        }
    }

    fn response(&mut self, id: i64) -> Message {
        self.wait(|m| m.method.is_none() && m.id == Some(json!(id)))
    }

    /// Waits for the diagnostics of `version` (`None`: those a close sends).
    fn diagnostics(&mut self, version: Option<i64>) -> Message {
        self.wait(|m| {
            m.method.as_deref() == Some("textDocument/publishDiagnostics")
                && m.params
                    .as_ref()
                    .is_some_and(|p| p.uri.as_deref() == Some(uri()) && p.version == version)
        })
    }

    /// A field of the server's `/proc/<pid>/status`, in MiB.
    fn status_mib(&self, field: &str) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(f64::NAN, |kib| kib / 1024.0)
    }

    /// CPU time the server has had so far, all its threads (those that
    /// ended too), from `/proc/<pid>/stat` (in clock ticks, 10 ms): what a
    /// step cost, whatever else the machine is doing.
    fn cpu(&self) -> Duration {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command name (which may hold spaces).
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace()
            .collect();
        // utime and stime are fields 14 and 15 (the 12th and 13th here).
        let ticks: u64 = fields
            .get(11..13)
            .into_iter()
            .flatten()
            .filter_map(|f| f.parse::<u64>().ok())
            .sum();
        Duration::from_millis(ticks * 10)
    }

    fn stop(mut self) {
        let (id, _) = self.request("shutdown", Value::Null);
        self.response(id);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

/// The project's test articles one after another, repeated to `bytes`.
fn desk(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let all = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::with_capacity(bytes + all.len());
    while text.len() < bytes {
        let room = bytes - text.len();
        if room >= all.len() {
            text.push_str(&all);
        } else {
            // Whole paragraphs only.
            let cut = all[..room].rfind("\n\n").unwrap_or(room);
            let cut = (0..=cut)
                .rev()
                .find(|&i| all.is_char_boundary(i))
                .unwrap_or(0);
            text.push_str(&all[..cut]);
            text.push('\n');
            break;
        }
        text.push_str("\n\n");
    }
    text
}

/// Where the keystrokes land: inside the first quote past the middle of
/// the article, after its second word, as (line, UTF-16 column).
fn site(text: &str) -> (u64, u64) {
    let mid = text.len() / 2;
    let mut from = (mid..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    loop {
        let open = from + text[from..].find('“').expect("a quote past the middle");
        let inner = open + '“'.len_utf8();
        let rest = &text[inner..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let close = rest[..line_end].find('”').unwrap_or(line_end);
        let words: Vec<usize> = rest[..close].match_indices(' ').map(|(i, _)| i).collect();
        if words.len() >= 3 {
            let at = inner + words[1];
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..line_start].matches('\n').count() as u64;
            let col = text[line_start..at].encode_utf16().count() as u64;
            return (line, col);
        }
        from = inner;
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort_unstable();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    ms(times[i])
}

fn change(server: &mut Server, version: i64, range: Value, text: &str) -> Instant {
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(), "version": version}, "contentChanges": [{"range": range, "text": text}]}),
    )
}

fn range(l0: u64, c0: u64, l1: u64, c1: u64) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

struct Row {
    corpus: &'static str,
    size: &'static str,
    diagnostics: usize,
    json_kib: f64,
    open: (f64, f64),
    enter: (f64, f64),
    letter: (f64, f64),
    pushes_per_letter: f64,
    /// The server's CPU time per open, per enter, per letter (and pull).
    cpu: (f64, f64, f64),
    /// Pull answers that were full reports (not "unchanged"), per letter.
    full_per_letter: f64,
    pulled: usize,
    peak: f64,
    /// The peak once the article was first opened, and once opened and
    /// closed a few times.
    open_peak: f64,
    opens_peak: f64,
    open_rss: f64,
    closed_rss: f64,
    start_rss: f64,
}

fn measure(bin: &str, corpus: &'static str, size: &'static str, text: &str, keys: usize) -> Row {
    let mut server = Server::start(bin);
    let (id, _) = server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": ROOT.get().cloned().flatten(),
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {"publishDiagnostics": {"versionSupport": true}, "diagnostic": {}}
            }
        }),
    );
    server.response(id);
    server.notify("initialized", json!({}));
    let open = |server: &mut Server| {
        server.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(), "languageId": "plaintext", "version": 1, "text": text}}),
        )
    };
    let close = |server: &mut Server| {
        server.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri()}}),
        );
        server.diagnostics(None);
    };
    // Warm up: word lists load on first use.
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(), "languageId": "plaintext", "version": 1, "text": "“Warm,” he said.\n"}}),
    );
    server.diagnostics(Some(1));
    close(&mut server);
    std::thread::sleep(Duration::from_millis(200));
    let start_rss = server.status_mib("VmRSS");

    let opens = 5;
    let mut open_times = Vec::new();
    let mut first = None;
    let mut open_peak = f64::NAN;
    let mut open_cpu = Duration::ZERO;
    for i in 0..opens {
        let cpu = server.cpu();
        let sent = open(&mut server);
        let msg = server.diagnostics(Some(1));
        open_times.push(msg.at - sent);
        open_cpu += server.cpu() - cpu;
        if i == 0 {
            open_peak = server.status_mib("VmHWM");
        }
        if i + 1 < opens {
            close(&mut server);
        } else {
            first = Some(msg);
        }
    }
    let first = first.expect("opened");
    let opens_peak = server.status_mib("VmHWM");
    let diagnostics = first
        .incoming
        .as_ref()
        .and_then(|m| m.params.as_ref()?.diagnostics.as_ref().map(Vec::len))
        .unwrap_or(0);
    let json_kib = first.bytes as f64 / 1024.0;

    let (line, col) = site(text);
    let mut version = 1;
    // Enter and backspace, by turns; the pushed diagnostics of each version.
    let mut enter = Vec::new();
    let cpu = server.cpu();
    for k in 0..keys {
        version += 1;
        let sent = if k % 2 == 0 {
            change(&mut server, version, range(line, col, line, col), "\n")
        } else {
            change(&mut server, version, range(line, col, line + 1, 0), "")
        };
        enter.push(server.diagnostics(Some(version)).at - sent);
    }
    let enter_cpu = (server.cpu() - cpu) / keys as u32;
    // A letter and backspace, by turns, each followed by a pull.
    let mut letter = Vec::new();
    let mut result_id: Option<String> = None;
    let mut pushes = 0usize;
    let (mut full, mut items) = (0usize, 0usize);
    let cpu = server.cpu();
    for k in 0..keys {
        version += 1;
        let sent = if k % 2 == 0 {
            change(&mut server, version, range(line, col, line, col), "x")
        } else {
            change(&mut server, version, range(line, col, line, col + 1), "")
        };
        let (id, _) = server.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri()}, "previousResultId": result_id}),
        );
        let deadline = Instant::now() + WAIT;
        let answer = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = server.rx.recv_timeout(left).expect("the server answered");
            let Some(m) = &msg.incoming else { continue };
            if m.method.as_deref() == Some("textDocument/publishDiagnostics") {
                pushes += 1;
                continue;
            }
            if m.method.is_none() && m.id == Some(json!(id)) {
                break msg;
            }
        };
        letter.push(answer.at - sent);
        if let Some(r) = answer.incoming.and_then(|m| m.result) {
            if r.kind.as_deref() == Some("full") {
                full += 1;
                items = r.items.map_or(0, |i| i.len());
            }
            result_id = r.result_id.or(result_id);
        }
    }
    let letter_cpu = (server.cpu() - cpu) / keys as u32;
    // Pushes still on their way for the last letters.
    std::thread::sleep(Duration::from_millis(100));
    while let Ok(msg) = server.rx.try_recv() {
        if msg
            .incoming
            .is_some_and(|m| m.method.as_deref() == Some("textDocument/publishDiagnostics"))
        {
            pushes += 1;
        }
    }
    let peak = server.status_mib("VmHWM");
    let open_rss = server.status_mib("VmRSS");
    close(&mut server);
    // The server gives memory back 0.3 s and 3 s after a close.
    std::thread::sleep(Duration::from_millis(3500));
    let closed_rss = server.status_mib("VmRSS");
    server.stop();
    Row {
        corpus,
        size,
        diagnostics,
        json_kib,
        open: (
            percentile(&mut open_times, 0.5),
            percentile(&mut open_times, 1.0),
        ),
        enter: (percentile(&mut enter, 0.5), percentile(&mut enter, 0.95)),
        letter: (percentile(&mut letter, 0.5), percentile(&mut letter, 0.95)),
        pushes_per_letter: pushes as f64 / keys as f64,
        cpu: (ms(open_cpu / opens as u32), ms(enter_cpu), ms(letter_cpu)),
        full_per_letter: full as f64 / keys as f64,
        pulled: items,
        peak,
        open_peak,
        opens_peak,
        open_rss,
        closed_rss,
        start_rss,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let bin = std::env::var("COPYDESK_BENCH_BIN")
        .ok()
        .or_else(|| arg("--bin"))
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_copydesk").to_string());
    let keys: usize = arg("--keys").and_then(|k| k.parse().ok()).unwrap_or(200);
    // The article as a story among others: the workspace's articles are
    // read and its people compared with theirs on every keystroke.
    if args.iter().any(|a| a == "--workspace") {
        let dir = std::env::temp_dir().join(format!("copydesk-pipe-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("workspace folder");
        for e in std::fs::read_dir("tests/corpus")
            .expect("tests/corpus")
            .flatten()
        {
            if e.path().extension().is_some_and(|x| x == "txt") {
                std::fs::copy(e.path(), dir.join(e.file_name())).expect("copy an article");
            }
        }
        let root = format!("file://{}", dir.display());
        URI.set(format!("{root}/article.txt")).ok();
        ROOT.set(Some(root)).ok();
        println!(
            "workspace: {} (the test articles as the other stories)",
            dir.display()
        );
    }
    let only = arg("--corpus");
    let only_size = arg("--size");
    let sizes: [(&'static str, usize); 3] = [
        ("10 KB", 10 * 1024),
        ("100 KB", 100 * 1024),
        ("1 MB", 1024 * 1024),
    ];
    println!("pipe: {bin}, {keys} keystrokes of each kind per size");
    println!(
        "| corpus | size | diagnostics (JSON) | open p50 / max | enter p50 / p95 | letter + pull p50 / p95 (pushes, full reports per letter) | server CPU per open / enter / letter | peak RSS after open / after 5 opens / overall | RSS open / closed (at start) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for corpus in ["desk", "wire"] {
        if only.as_deref().is_some_and(|o| o != corpus) {
            continue;
        }
        for (size, bytes) in sizes {
            if only_size
                .as_deref()
                .is_some_and(|o| o != size.replace(' ', ""))
            {
                continue;
            }
            let text = match corpus {
                "desk" => desk(bytes),
                _ => corpus::article(bytes, false),
            };
            let r = measure(&bin, corpus, size, &text, keys);
            debug_assert!(r.pulled <= r.diagnostics + 1);
            println!(
                "| {} | {} | {} ({:.0} KiB) | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.2} / {:.2} ms ({:.2}, {:.2}) | {:.1} / {:.2} / {:.2} ms | {:.1} / {:.1} / {:.1} MiB | {:.1} / {:.1} MiB ({:.1}) |",
                r.corpus,
                r.size,
                r.diagnostics,
                r.json_kib,
                r.open.0,
                r.open.1,
                r.enter.0,
                r.enter.1,
                r.letter.0,
                r.letter.1,
                r.pushes_per_letter,
                r.full_per_letter,
                r.cpu.0,
                r.cpu.1,
                r.cpu.2,
                r.open_peak,
                r.opens_peak,
                r.peak,
                r.open_rss,
                r.closed_rss,
                r.start_rss,
            );
        }
    }
}
