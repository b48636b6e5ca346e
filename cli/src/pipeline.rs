//! An ordered pipeline over the current rayon pool: the calling thread
//! reads items and hands on results in input order, the pool transforms
//! the items in between, and only a fixed number of items is in flight.
//!
//! The calling thread keeps the reader and the writer, so neither has to
//! be `Send` (stdin and stdout locks are not), and reading, decompressing,
//! compressing and writing overlap with the work on the other threads. It
//! does not sit idle either: while it waits for the oldest result, it runs
//! the queued items of this pipeline itself.
//!
//! It runs only *its own* items, never work stolen from elsewhere in the
//! pool: a stolen job might be a whole other file, and until that file was
//! done this pipeline would write nothing while holding all of its items
//! in memory. Items are queued FIFO, so both the calling thread and the
//! thieves take the oldest first and results arrive roughly in order.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use rayon::Yield;

/// Runs `work` on every item `next` gives, on the current rayon pool, and
/// hands the results to `sink` in the order of the items. At most `depth`
/// items are read and not yet handed to `sink`. With `jobs` of 1 every
/// item is worked on the calling thread, one after another.
///
/// `next` and `sink` run on the calling thread. The first error of either
/// stops the pipeline and is returned once the items in flight are done;
/// a panic in `work` is resumed on the calling thread.
pub(crate) fn ordered<T, R, E>(
    jobs: usize,
    depth: usize,
    mut next: impl FnMut() -> Result<Option<T>, E>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if jobs <= 1 {
        while let Some(item) = next()? {
            sink(work(item))?;
        }
        return Ok(());
    }
    let depth = depth.max(1);
    let work = &work;
    // Items spawned and not yet started by any thread.
    let queued = &AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, thread::Result<R>)>();
    rayon::in_place_scope_fifo(|scope| {
        // Results from the oldest item not yet handed on; `None` while
        // the item is in flight.
        let mut window: VecDeque<Option<R>> = VecDeque::new();
        // Index of the oldest item not yet handed on.
        let mut done = 0usize;
        let mut more = true;
        loop {
            while more && window.len() < depth {
                match next()? {
                    Some(item) => {
                        let i = done + window.len();
                        let tx = tx.clone();
                        queued.fetch_add(1, Ordering::SeqCst);
                        scope.spawn_fifo(move |_| {
                            queued.fetch_sub(1, Ordering::SeqCst);
                            let r =
                                panic::catch_unwind(AssertUnwindSafe(|| {
                                    work(item)
                                }));
                            // Cannot fail: the receiver outlives the
                            // scope.
                            let _ = tx.send((i, r));
                        });
                        window.push_back(None);
                    }
                    None => more = false,
                }
            }
            if window.is_empty() {
                return Ok(());
            }
            while window[0].is_none() {
                let (i, r) = match rx.try_recv() {
                    Ok(x) => x,
                    Err(_) => {
                        // Our items are on top of this thread's queue, so
                        // while any is unstarted, a local yield runs one
                        // of them and nothing else. Once all have
                        // started, the threads running them will finish
                        // without us.
                        if queued.load(Ordering::SeqCst) > 0
                            && rayon::yield_local() == Some(Yield::Executed)
                        {
                            continue;
                        }
                        rx.recv().expect("the scope holds a sender")
                    }
                };
                match r {
                    Ok(r) => window[i - done] = Some(r),
                    Err(p) => panic::resume_unwind(p),
                }
            }
            while window.front().is_some_and(Option::is_some) {
                let r = window.pop_front().flatten().expect("a result");
                done += 1;
                sink(r)?;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::hint::black_box;

    use super::*;

    fn run(jobs: usize, depth: usize, n: usize) -> Vec<usize> {
        let pool =
            rayon::ThreadPoolBuilder::new().num_threads(jobs).build().unwrap();
        pool.install(|| {
            let mut i = 0;
            let mut got = Vec::new();
            ordered::<_, _, ()>(
                jobs,
                depth,
                || {
                    i += 1;
                    Ok((i <= n).then_some(i))
                },
                |x| {
                    // Uneven work, so that results finish out of order.
                    let spin = (x * 7919) % 13 * 2000;
                    let sum = (0..spin)
                        .fold(0usize, |a, b| a.wrapping_add(black_box(b)));
                    (x, sum)
                },
                |(x, _)| {
                    got.push(x);
                    Ok(())
                },
            )
            .unwrap();
            got
        })
    }

    #[test]
    fn results_come_in_input_order() {
        for (jobs, depth) in [(1, 1), (2, 1), (2, 5), (4, 3), (3, 64)] {
            let got = run(jobs, depth, 500);
            let want: Vec<usize> = (1..=500).collect();
            assert_eq!(got.len(), want.len(), "jobs {jobs} depth {depth}");
            assert!(got == want, "jobs {jobs} depth {depth}: out of order");
        }
    }

    #[test]
    fn an_error_stops_reading_and_writing() {
        let pool =
            rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let (mut read, mut written) = (0, 0);
        let r = pool.install(|| {
            ordered(
                2,
                4,
                || {
                    read += 1;
                    Ok(Some(read))
                },
                |x: usize| x,
                |x| {
                    if x == 10 {
                        return Err("stop");
                    }
                    written += 1;
                    Ok(())
                },
            )
        });
        assert_eq!(r, Err("stop"));
        assert_eq!(written, 9);
        // Item 10 was handed on with at most 3 more read after it.
        assert!(read <= 13, "read {read} items");
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let pool =
            rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let r = panic::catch_unwind(AssertUnwindSafe(|| {
            pool.install(|| {
                let mut i = 0;
                ordered::<_, _, ()>(
                    2,
                    3,
                    || {
                        i += 1;
                        Ok((i <= 20).then_some(i))
                    },
                    |x: usize| {
                        assert!(x != 7, "item seven");
                        x
                    },
                    |_| Ok(()),
                )
            })
        }));
        assert!(r.is_err());
    }
}
