//! Work spread over every core, results in the order given.

use std::collections::VecDeque;
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// `f` over `items` on every core, in contiguous chunks, results in the
/// order of `items`: output never depends on the number of threads. A
/// panic in a worker is raised again here.
pub(crate) fn map_in_order<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    map_in_order_with(items, || (), |(), t| f(t))
}

/// [`map_in_order`], each thread with its own `state` (made by `init`)
/// handed to every call of `f` on it: what a run carries from item to
/// item, passed instead of shared.
pub(crate) fn map_in_order_with<T: Send, U: Send, S: Send>(
    items: Vec<T>,
    init: impl Fn() -> S,
    f: impl Fn(&mut S, T) -> U + Sync,
) -> Vec<U> {
    map_in_order_keeping(items, &mut Vec::new(), init, f)
}

/// [`map_in_order_with`] for a caller that maps many batches: `states`
/// keeps each thread's state from one batch to the next (made by `init`
/// when there are fewer states than threads), so a state that learns as
/// it goes (a table of word stems) is not thrown away with each batch.
pub(crate) fn map_in_order_keeping<T: Send, U: Send, S: Send>(
    items: Vec<T>,
    states: &mut Vec<S>,
    init: impl Fn() -> S,
    f: impl Fn(&mut S, T) -> U + Sync,
) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len())
        .max(1);
    while states.len() < threads {
        states.push(init());
    }
    if threads == 1 {
        let state = &mut states[0];
        return items.into_iter().map(|t| f(state, t)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut it = items.into_iter();
    loop {
        let part: Vec<T> = it.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        parts.push(part);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .zip(states.iter_mut())
            .map(|(part, state)| {
                scope.spawn(move || part.into_iter().map(|t| f(state, t)).collect::<Vec<U>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `f` over `items` on every core, each result handed to `consume` on the
/// calling thread in the order of `items`, as soon as it and every one
/// before it are done: a stream, not a batch. Each thread makes its own
/// state with `init` once and keeps it for every item it takes, and takes
/// the next item as soon as it is free, so a slow item holds up the other
/// threads only once they have done the `window` items after it. The
/// calling thread is one of them: between its own items it hands on the
/// results the others have sent, so none of them wakes it for each. At
/// most `window` items (or one per thread, if there are more threads) are
/// taken and not yet consumed at any time, so memory stays flat however
/// many items there are, whatever their order of completion.
///
/// A panic in `f` or in `consume` stops the other threads and is raised
/// again here; no thread is left waiting.
pub(crate) fn stream_in_order<T: Sync, U: Send, S>(
    items: &[T],
    window: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> U + Sync,
    consume: impl FnMut(U),
) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    stream_on(threads, items, window, init, f, consume);
}

/// [`stream_in_order`] on `threads` threads, the calling one included.
fn stream_on<T: Sync, U: Send, S>(
    threads: usize,
    items: &[T],
    window: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> U + Sync,
    mut consume: impl FnMut(U),
) {
    let threads = threads.min(items.len());
    if threads <= 1 {
        let mut state = init();
        for t in items {
            consume(f(&mut state, t));
        }
        return;
    }
    let gate = Gate {
        state: Mutex::new(Taken {
            next: 0,
            consumed: 0,
            stop: false,
        }),
        moved: Condvar::new(),
        window: window.max(threads),
        len: items.len(),
    };
    let (done, results) = mpsc::channel::<(usize, U)>();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads)
            .map(|_| {
                let (gate, init, f, done) = (&gate, &init, &f, done.clone());
                scope.spawn(move || {
                    let _stop = StopOnPanic(gate);
                    let mut state = init();
                    while let Some(i) = gate.take(true) {
                        if done.send((i, f(&mut state, &items[i]))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        // When every other thread has dropped its sender, a wait for a
        // result ends.
        drop(done);
        let _stop = StopOnPanic(&gate);
        let mut state = init();
        // Results from the next one to consume on, by their distance
        // from it: at most `gate.window` of them.
        let mut ready: VecDeque<Option<U>> = VecDeque::new();
        let mut consumed = 0;
        let place = |ready: &mut VecDeque<Option<U>>, k: usize, u: U| {
            if ready.len() <= k {
                ready.resize_with(k + 1, || None);
            }
            ready[k] = Some(u);
        };
        while consumed < items.len() {
            while let Ok((i, u)) = results.try_recv() {
                place(&mut ready, i - consumed, u);
            }
            let before = consumed;
            while let Some(u) = ready.front_mut().and_then(Option::take) {
                ready.pop_front();
                consume(u);
                consumed += 1;
            }
            if consumed > before {
                gate.consumed(consumed);
            }
            if let Some(i) = gate.take(false) {
                let u = f(&mut state, &items[i]);
                place(&mut ready, i - consumed, u);
            } else if consumed < items.len() {
                // Every item within the window is taken, the next to
                // consume by another thread: wait for it.
                match results.recv() {
                    Ok((i, u)) => place(&mut ready, i - consumed, u),
                    // Every other thread stopped: one of them panicked.
                    Err(_) => break,
                }
            }
        }
        // A worker's panic, raised again with its own message.
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

/// What [`stream_in_order`]'s workers share: which item is next, and how
/// far the consumer has got.
struct Gate {
    state: Mutex<Taken>,
    /// Signalled when the consumer moves on or the run stops.
    moved: Condvar,
    window: usize,
    len: usize,
}

/// How far a stream has got.
struct Taken {
    /// The next item to take.
    next: usize,
    /// How many results have been consumed.
    consumed: usize,
    /// Set on a panic: no more items are taken.
    stop: bool,
}

impl Gate {
    fn lock(&self) -> std::sync::MutexGuard<'_, Taken> {
        // A panic never happens with the lock held; a poisoned lock still
        // holds consistent counts.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next item to work on, once it is within the window of the
    /// consumer (waiting for that when `wait`, else `None` at once);
    /// `None` when all are taken or the run stopped.
    fn take(&self, wait: bool) -> Option<usize> {
        let mut t = self.lock();
        loop {
            if t.stop || t.next >= self.len {
                return None;
            }
            if t.next < t.consumed + self.window {
                t.next += 1;
                return Some(t.next - 1);
            }
            if !wait {
                return None;
            }
            t = self.moved.wait(t).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// The consumer has consumed this many results.
    fn consumed(&self, consumed: usize) {
        self.lock().consumed = consumed;
        self.moved.notify_all();
    }
}

/// Stops a stream's workers when the thread holding it unwinds.
struct StopOnPanic<'a>(&'a Gate);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().stop = true;
            self.0.moved.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_the_order_given() {
        let items: Vec<usize> = (0..1000).collect();
        let out = super::map_in_order(items, |i| i * 2);
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::map_in_order(Vec::<u8>::new(), |i| i).is_empty());
    }

    #[test]
    fn kept_states_carry_over_from_batch_to_batch() {
        // Each state counts the items it has seen: over two batches the
        // counts add up, and results keep their order.
        let mut states: Vec<usize> = Vec::new();
        let mut seen = Vec::new();
        for batch in [(0..100).collect::<Vec<usize>>(), (100..150).collect()] {
            seen.extend(super::map_in_order_keeping(
                batch,
                &mut states,
                || 0,
                |n, i| {
                    *n += 1;
                    i
                },
            ));
        }
        assert_eq!(seen, (0..150).collect::<Vec<_>>());
        assert!(!states.is_empty());
        assert_eq!(states.iter().sum::<usize>(), 150);
    }

    #[test]
    fn a_stream_comes_out_in_order_within_its_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..500).collect();
        for threads in [1, 2, 3, 8] {
            for window in [1, 4, 8] {
                // Some items are slow, so later ones finish first and wait.
                let taken = AtomicUsize::new(0);
                let mut out = Vec::new();
                let mut most_ahead = 0;
                super::stream_on(
                    threads,
                    &items,
                    window,
                    || 0usize,
                    |n, &i| {
                        *n += 1;
                        taken.fetch_add(1, Ordering::SeqCst);
                        if i % 50 == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(2));
                        }
                        i * 2
                    },
                    |u| {
                        // Taken and not yet consumed, this one excluded.
                        most_ahead = most_ahead.max(taken.load(Ordering::SeqCst) - out.len() - 1);
                        out.push(u);
                    },
                );
                assert_eq!(out, (0..500).map(|i| i * 2).collect::<Vec<_>>());
                let bound = window.max(threads);
                assert!(
                    most_ahead < bound,
                    "{threads} threads, window {window}: {most_ahead} ahead"
                );
            }
        }
        for n in 0..4 {
            let few: Vec<usize> = (0..n).collect();
            let mut out = Vec::new();
            super::stream_on(4, &few, 2, || (), |(), &i| i, |i| out.push(i));
            assert_eq!(out, few);
        }
    }

    #[test]
    fn a_panic_in_a_stream_is_raised_with_its_message_and_leaves_no_thread_waiting() {
        let items: Vec<usize> = (0..200).collect();
        let message = |e: Box<dyn std::any::Any + Send>| {
            e.downcast_ref::<String>().cloned().unwrap_or_default()
        };
        for threads in [2, 4] {
            let worker = std::panic::catch_unwind(|| {
                super::stream_on(
                    threads,
                    &items,
                    4,
                    || (),
                    |(), &i| {
                        if i == 37 {
                            panic!("item {i}");
                        }
                    },
                    |()| {},
                );
            });
            assert_eq!(message(worker.unwrap_err()), "item 37");
            let consumer = std::panic::catch_unwind(|| {
                let mut n = 0;
                super::stream_on(
                    threads,
                    &items,
                    4,
                    || (),
                    |(), &i| i,
                    |_| {
                        n += 1;
                        if n == 20 {
                            panic!("consumed {n}");
                        }
                    },
                );
            });
            assert_eq!(message(consumer.unwrap_err()), "consumed 20");
        }
    }
}
