import CMKCore
import Foundation

/// How `clock advance` and `clock set` pace a long move (``ClockMove``): where segments end, when to stop, and
/// the progress shown meanwhile.
///
/// Ctrl-C does not wait for a segment to fill: the next question after the signal answers `.stop`, and the move
/// stops at the next quiet instant, normally within one scheduled event. The size of a segment therefore only
/// weighs the cost of a commit (the world is saved, and the next segment reads it back, half a second once
/// rotations have piled up 400 key versions) against how long other commands wait for the write lock (up to 30
/// seconds before they give up) and how much a hard kill loses. A segment commits at its first quiet instant
/// after five seconds of real work, or four times what the last commit cost if that is longer (but not beyond
/// twenty seconds): the bookkeeping stays a small share of the time, and other commands wait seconds, not the
/// whole move. Real time, not simulated
/// time, sets the size: a year of a weekly rotation policy is fifty RSA keys, a year without policies is nothing.
final class ClockMovePacer {
    /// The real time a segment works before it commits at its next quiet instant, at the least.
    static let shortestSegment: Duration = .seconds(5)
    /// How many times the cost of the last commit a segment works, at the least.
    static let workPerCommitCost = 4
    /// The real time after which a segment commits at its next quiet instant in any case, well within the 30 seconds
    /// other commands wait for the write lock.
    static let longestSegment: Duration = .seconds(20)
    /// How long a move runs before the progress line appears: a quick one shows nothing.
    static let progressDelay: Duration = .milliseconds(500)

    private let interrupts: InterruptDeferral
    private let statusLine: StatusLine?
    private let clock = ContinuousClock()
    private let moveStarted: ContinuousClock.Instant
    private var segmentStarted: ContinuousClock.Instant
    private var segmentDuration = shortestSegment
    private var commitRequested: ContinuousClock.Instant?
    private var segmentsSeen = 0

    init(context: CommandContext, interrupts: InterruptDeferral) {
        self.interrupts = interrupts
        self.statusLine = StatusLine(context: context)
        self.moveStarted = clock.now
        self.segmentStarted = moveStarted
    }

    /// The answer to ``ClockMove/run(to:on:pace:)``: stop once a signal is pending, commit after enough work.
    ///
    /// Called inside the segment's transaction, at each quiet instant; it also redraws the progress line.
    func pace(_ progress: ClockMove.Progress) -> ClockMove.Pace {
        let now = clock.now
        if progress.committedSegments != segmentsSeen {
            // The first question of a new segment: the commit and the reload are behind us.
            segmentsSeen = progress.committedSegments
            segmentStarted = now
            if let commitRequested {
                let commitCost = now - commitRequested
                let earned = max(Self.shortestSegment, commitCost * Self.workPerCommitCost)
                segmentDuration = min(Self.longestSegment, earned)
            }
        }
        if now - moveStarted >= Self.progressDelay { statusLine?.show(Self.describe(progress)) }
        if interrupts.pendingSignal != nil { return .stop }
        guard now - segmentStarted >= segmentDuration else { return .proceed }
        commitRequested = now
        return .commitSegment
    }

    /// Removes the progress line before the result is printed.
    func finish() {
        statusLine?.clear()
    }

    /// `Advancing the clock: 2031-05-02T10:00:00Z (5%), 42 events so far`.
    static func describe(_ progress: ClockMove.Progress) -> String {
        let span = progress.target.timeIntervalSince(progress.start)
        let fraction = span > 0 ? progress.reached.timeIntervalSince(progress.start) / span : 1
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        return "Advancing the clock: \(Timestamp.zulu(progress.reached)) (\(percent)%), "
            + "\(progress.eventCount) event\(progress.eventCount == 1 ? "" : "s") so far"
    }
}
