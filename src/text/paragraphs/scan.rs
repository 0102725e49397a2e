//! Scanning a region of the document: its paragraphs split and given
//! their facts, on every core when the region is large.

use std::ops::Range;
use std::sync::Arc;

use ropey::Rope;

use super::chunks::Scanned;
use super::paragraph::Scan;
use super::splitter::split;
use crate::text::layout::Layout;

/// How many cores the scan may use: asked once (the answer reads cgroup
/// files, far dearer than a keystroke's rescan).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Regions at least this large are scanned on every available core.
pub(super) const PARALLEL_BYTES: usize = 256 * 1024;

pub(super) fn scan_region<F: Send + Sync>(
    rope: &Rope,
    region: Range<usize>,
    layout: Layout,
    markdown: bool,
    scan: &impl Scan<F>,
) -> Vec<Scanned<F>> {
    let text: std::borrow::Cow<'_, str> = rope.byte_slice(region.clone()).into();
    let ranges = split(&text, layout, markdown);
    let one = |r: &Range<usize>| Scanned {
        start: region.start + r.start,
        len: r.len(),
        facts: Arc::new(scan.scan(&text[r.clone()])),
    };
    if text.len() < PARALLEL_BYTES {
        return ranges.iter().map(one).collect();
    }
    let threads = cores();
    if threads < 2 || ranges.len() < 2 * threads {
        return ranges.iter().map(one).collect();
    }
    // The same paragraphs in the same order, scanned in contiguous slices.
    let per = ranges.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = ranges
            .chunks(per)
            .map(|slice| s.spawn(move || slice.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(ranges.len());
        for w in workers {
            match w.join() {
                Ok(part) => out.extend(part),
                // A scanner panicked: let it surface as it would have unthreaded.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        out
    })
}
