//! A parallel map over a slice with scoped threads, for `redact_many` and
//! `find_many`.
//!
//! The items are cut into blocks of [`BLOCK`] items; each worker takes the
//! next unclaimed block from a shared counter, so a few long messages do
//! not leave the other threads idle. Results land in the slot of their
//! item, so the output keeps the input's order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

/// Items per unit of work. Large enough that claiming a block costs nothing
/// next to scanning it, small enough to balance uneven message lengths.
const BLOCK: usize = 256;

/// The number of threads used when the caller does not say:
/// the machine's available parallelism.
pub(crate) fn default_threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// `items.iter().map(f).collect()`, spread over at most `threads` threads
/// (the calling thread included). With one thread, or one block of work,
/// no thread is started.
pub(crate) fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let blocks = items.len().div_ceil(BLOCK);
    let threads = threads.clamp(1, blocks.max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    // Each worker returns (block index, results of that block); putting
    // them back in order afterwards costs one move per item.
    let done: Mutex<Vec<(usize, Vec<R>)>> =
        Mutex::new(Vec::with_capacity(blocks));
    let work = || loop {
        let b = next.fetch_add(1, Ordering::Relaxed);
        if b >= blocks {
            break;
        }
        let lo = b * BLOCK;
        let hi = (lo + BLOCK).min(items.len());
        let out: Vec<R> = items[lo..hi].iter().map(&f).collect();
        // A worker cannot panic while holding the lock (the push does not
        // panic short of allocation failure), so poisoning means a bug.
        done.lock().unwrap_or_else(|e| e.into_inner()).push((b, out));
    };
    thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_unstable_by_key(|&(b, _)| b);
    let mut all = Vec::with_capacity(items.len());
    for (_, out) in done {
        all.extend(out);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_with_many_threads() {
        let items: Vec<usize> = (0..10_000).collect();
        for threads in [1, 2, 3, 8] {
            let got = map(&items, threads, |&x| x * 2);
            let want: Vec<usize> = items.iter().map(|&x| x * 2).collect();
            assert_eq!(got, want, "threads = {threads}");
        }
    }

    #[test]
    fn empty_input() {
        let items: Vec<u8> = Vec::new();
        assert!(map(&items, 4, |&x| x).is_empty());
    }
}
