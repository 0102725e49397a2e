//! The store's one way to take a lock.

use std::sync::{Mutex, MutexGuard};

pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not wedge the store: the data is still consistent
    // because every change is built aside and swapped in whole.
    m.lock().unwrap_or_else(|e| e.into_inner())
}
