//! Work spread over every core, results in the order given.

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
}
