//! A parallel map with scoped threads, for `redact_many`, `find_many` and
//! the Arrow functions.
//!
//! The work is cut into blocks ([`BLOCK`] items for [`map`]); each worker
//! takes the next unclaimed block from a shared counter, so a few long
//! messages do not leave the other threads idle. Results are put back in
//! the order of their blocks, so the output keeps the input's order.

use std::ops::Range;
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
    let blocks = map_blocks(items.len(), BLOCK, threads, |range| {
        items[range].iter().map(&f).collect::<Vec<R>>()
    });
    if blocks.len() == 1 {
        return blocks.into_iter().next().unwrap_or_default();
    }
    let mut all = Vec::with_capacity(items.len());
    for out in blocks {
        all.extend(out);
    }
    all
}

/// `f` applied to the consecutive ranges of `0..len` of `block` items each
/// (the last one shorter), spread over at most `threads` threads (the
/// calling thread included). The results come in the order of the ranges.
/// With one thread, or one range, no thread is started.
pub(crate) fn map_blocks<R, F>(
    len: usize,
    block: usize,
    threads: usize,
    f: F,
) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
{
    let block = block.max(1);
    let blocks = len.div_ceil(block);
    let range = |b: usize| b * block..((b + 1) * block).min(len);
    let threads = threads.clamp(1, blocks.max(1));
    if threads == 1 {
        return (0..blocks).map(|b| f(range(b))).collect();
    }
    let next = AtomicUsize::new(0);
    // Each worker returns (block index, result); putting them back in
    // order afterwards costs one move per block.
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(blocks));
    let work = || loop {
        let b = next.fetch_add(1, Ordering::Relaxed);
        if b >= blocks {
            break;
        }
        let out = f(range(b));
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
    done.into_iter().map(|(_, out)| out).collect()
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
    fn blocks_cover_the_range_in_order() {
        for (len, block) in [(0, 4), (1, 4), (10, 3), (1000, 7), (12, 12)] {
            for threads in [1, 2, 5] {
                let got = map_blocks(len, block, threads, |r| r);
                let flat: Vec<usize> =
                    got.iter().flat_map(|r| r.clone()).collect();
                assert_eq!(
                    flat,
                    (0..len).collect::<Vec<_>>(),
                    "{len} {block}"
                );
                assert!(got.iter().all(|r| r.len() <= block && !r.is_empty()));
            }
        }
    }

    #[test]
    fn empty_input() {
        let items: Vec<u8> = Vec::new();
        assert!(map(&items, 4, |&x| x).is_empty());
    }
}
