//! Giving freed memory back to the system. glibc's allocator keeps the
//! pages of freed blocks in its arenas (one per thread that allocated, and
//! the analyses run on many blocking threads), so after a big document is
//! closed the process stayed near its peak (about 600 MB after three 4 MB
//! documents were opened, edited and closed). `malloc_trim` returns those
//! pages; it is asked for shortly after a document closes, once, however
//! many close together.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long after a close the memory is trimmed: long enough for work still
/// running on the closed document to let go of it.
const DELAY: Duration = Duration::from_millis(300);

static SCHEDULED: AtomicBool = AtomicBool::new(false);

/// Trims the allocator's free memory soon (on a blocking thread).
pub fn release_soon() {
    if SCHEDULED.swap(true, Ordering::AcqRel) {
        return;
    }
    tokio::spawn(async {
        tokio::time::sleep(DELAY).await;
        SCHEDULED.store(false, Ordering::Release);
        let _ = tokio::task::spawn_blocking(trim).await;
    });
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: malloc_trim takes no pointers and only walks glibc's own
    // arenas under their locks; it is safe to call from any thread.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}
