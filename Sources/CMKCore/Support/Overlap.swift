import Dispatch

/// Runs two pieces of work at once (hashing beside sealing), on both cores, and returns when both are done.
///
/// The two closures must touch disjoint state; each stream's loop hands them different buffers.
enum Overlap {
    static func run(_ first: () -> Void, _ second: () -> Void) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = WorkPair(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { lane in
                    lane == 0 ? pair.first() : pair.second()
                }
            }
        }
    }
}

/// The two closures, carried into the worker threads; `Overlap.run` waits for both before returning.
private struct WorkPair: @unchecked Sendable {
    let first: () -> Void
    let second: () -> Void
}
