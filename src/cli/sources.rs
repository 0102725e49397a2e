//! The sources of an article on the command line: named as
//! [`crate::sources`] says, read once per run (a folder of stories on one
//! hearing reads the transcript once), and their errors reported on stderr
//! — an article whose sources cannot all be read is checked without them,
//! and the run exits 2.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock};

use super::input::Source;
use crate::config::Config;
use crate::sources::{named_for, SourceCache, SourceSet};

static CACHE: LazyLock<SourceCache> = LazyLock::new(SourceCache::default);
static FAILED: AtomicBool = AtomicBool::new(false);

/// The sources of the article `source` whose text is `text`.
pub fn for_article(source: &Source, text: &str, config: &Config) -> Arc<SourceSet> {
    let cwd = std::env::current_dir().ok();
    let named = named_for(source.path(), text, config, cwd.as_deref());
    if named.is_empty() {
        return Arc::new(SourceSet::default());
    }
    match CACHE.resolve(&named) {
        Ok(set) => Arc::new(set),
        Err(errors) => {
            for e in errors {
                eprintln!(
                    "copydesk: {}: {e}; its quotes are not checked against its sources",
                    source.display()
                );
            }
            FAILED.store(true, Ordering::Relaxed);
            Arc::new(SourceSet::default())
        }
    }
}

/// Whether a source could not be read during this run.
pub fn failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}
