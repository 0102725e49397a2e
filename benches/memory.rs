//! Peak memory for large documents: a counting allocator records the most
//! bytes live at once while a document is opened (text, paragraphs and
//! facts) and analysed (people, attribution, findings), for a generated
//! article of 1 MB and of 20 MB. Printed, not timed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use copydesk::analysis::{Language, Scanner};
use copydesk::checks::Pass;
use copydesk::config::Config;
use copydesk::text::Document;

#[path = "corpus.rs"]
#[allow(dead_code)] // the keystroke sites are for the engine bench
mod corpus;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let config = Config::default();
    let scanner = Scanner::new(&config);
    for (label, size) in [("1MB", 1024 * 1024), ("20MB", 20 * 1024 * 1024)] {
        let text = corpus::article(size, false);
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let doc = Document::new(&text, 1, &scanner);
        let opened = LIVE.load(Ordering::Relaxed) - before;
        let pass = Pass::new(doc.index().paragraphs(), Language::PlainText, &config);
        let kept = LIVE.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "memory/{label}: document (rope, paragraphs, facts) {:.1} MiB; with the article pass kept {:.1} MiB; peak while analysing {:.1} MiB ({:.0}× the text); {} findings",
            mib(opened),
            mib(kept),
            mib(peak),
            peak as f64 / text.len() as f64,
            pass.findings.len()
        );
        drop(pass);
        drop(doc);
    }
}
