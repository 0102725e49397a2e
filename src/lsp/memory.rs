//! Giving freed memory back to the system. glibc's allocator keeps the
//! pages of freed blocks in its arenas (up to eight per core, one for each
//! thread that allocated, and the analyses run on many blocking threads), so
//! after a big document is closed the process stayed near its peak (about
//! 600 MB after three 4 MB documents were opened, edited and closed).
//!
//! - `malloc_trim` returns those pages; it is asked for shortly after a
//!   document closes, once, however many close together.
//! - The server uses two arenas ([`limit_arenas`]), not sixteen: each arena
//!   holds on to its own high-water mark, so typing in a 24 MB document
//!   grew to 1.8 GB with sixteen and stays near 1.2 GB with two, no slower
//!   (the threads spend their time computing, not allocating).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// When, after a close, the memory is trimmed: soon, and again a little
/// later for what work still running on the closed document let go of.
/// (Work that ends later still, on a document closed meanwhile, asks again.)
const DELAYS: [Duration; 2] = [Duration::from_millis(300), Duration::from_millis(2700)];

static SCHEDULED: AtomicBool = AtomicBool::new(false);

/// Trims the allocator's free memory soon (on a blocking thread).
pub fn release_soon() {
    if SCHEDULED.swap(true, Ordering::AcqRel) {
        return;
    }
    tokio::spawn(async {
        for (i, delay) in DELAYS.into_iter().enumerate() {
            tokio::time::sleep(delay).await;
            if i == 0 {
                SCHEDULED.store(false, Ordering::Release);
            }
            let _ = tokio::task::spawn_blocking(trim).await;
        }
    });
}

/// Arenas the server's allocator may use (see the module documentation).
const ARENAS: i32 = 2;

/// Limits glibc's malloc arenas, unless `MALLOC_ARENA_MAX` is set. Called
/// before the server starts its threads.
pub fn limit_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        set_arena_max(ARENAS);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn set_arena_max(arenas: i32) {
    const M_ARENA_MAX: std::ffi::c_int = -8;
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    // SAFETY: mallopt takes two integers and changes a glibc setting under
    // its own lock; M_ARENA_MAX only bounds arenas created from now on.
    unsafe {
        mallopt(M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn set_arena_max(_: i32) {}

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
