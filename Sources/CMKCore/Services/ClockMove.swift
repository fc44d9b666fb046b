import Foundation

/// `acrcmk clock advance` and `clock set`: moving the simulated clock, a long move in committed segments.
///
/// Moving forward runs every rotation, pick-up, Notify and purge that falls due, and each automatic rotation makes
/// a real RSA key (about a seventh of a second for 2048 bits), so a century of a 90-day rotation policy is a minute
/// of work. A move therefore runs as a series of transactions, its *segments*; the caller's `pace` decides where
/// one ends, at an instant when nothing falls due for a while (see `Session.quietInterval`). Each segment commits
/// on its own: an interrupted move keeps what ran, the clock standing where the last segment ended, and no segment
/// holds the write lock for long. Where the segments end changes nothing else: the same actions run at the same
/// simulated times as in one run.
///
/// The core reads neither signals nor the real clock; the command line answers `pace` from both.
public enum ClockMove {
    /// The longest span one move may go forward: 100 years.
    ///
    /// Everything the scheduler runs repeats within a few years (rotation at least every 7 days, expiry of a few
    /// years, soft-delete retention at most 90 days), so a rehearsal sees all of it well within a century; and a
    /// century of the setup's 90-day rotation is already 400 RSA keys. Longer moves are refused before any work.
    public static let maximumSpan = try! ISODuration("P100Y")

    /// Where a move goes.
    public enum Destination: Sendable, Equatable {
        /// This far after the simulated now (`clock advance`).
        case after(ISODuration)
        /// To this time, forward (`clock set`); a time before the simulated now is refused.
        case at(Date)
        /// To this time, which may be before the simulated now (`clock set --backwards`); back runs nothing.
        case allowingBackwards(Date)
    }

    /// How far a move has got, for the caller's `pace`.
    public struct Progress: Sendable, Equatable {
        /// Where the clock stood when the move began.
        public var start: Date
        /// Where the move ends.
        public var target: Date
        /// Where the scheduler has got, committed or not.
        public var reached: Date
        /// Scheduled events so far, committed or not.
        public var eventCount: Int
        /// Segments committed so far.
        public var committedSegments: Int

        public init(start: Date, target: Date, reached: Date, eventCount: Int, committedSegments: Int) {
            self.start = start
            self.target = target
            self.reached = reached
            self.eventCount = eventCount
            self.committedSegments = committedSegments
        }
    }

    /// The caller's answer at an instant where a segment may end.
    public enum Pace: Sendable, Equatable {
        /// Keep going in the segment under way.
        case proceed
        /// Commit the segment here and go on in a new one.
        case commitSegment
        /// Commit the segment here and stop: the clock stays where it ends.
        case stop
    }

    /// What a move did.
    public struct Outcome: Sendable, Equatable {
        /// What the scheduler did, in time order, across every committed segment.
        public var events: [ScheduledEvent]
        /// Where the clock stood when the last segment committed.
        public var now: Date
        public var start: Date
        public var target: Date
        /// The number of transactions the move took.
        public var segments: Int
        /// Whether the move got to `target` (false when `pace` stopped it).
        public var reachedTarget: Bool
    }

    /// Refuses an advance longer than ``maximumSpan``; it needs no state, so the caller checks before any work.
    ///
    /// The length counts a year as 365.2425 days and a month as a twelfth of that (``ISODuration/averageSeconds``),
    /// so the answer does not depend on where the clock stands: `P100Y`, `P1200M` and `P36524D` are within it.
    /// - Throws: `CMKError` (usage) naming the limit and saying to advance in steps.
    public static func checkSpan(of duration: ISODuration) throws {
        guard duration.averageSeconds > maximumSpan.averageSeconds else { return }
        throw CMKError.usage(
            "'\(duration)' is longer than one clock move may go: at most \(maximumSpan) (100 years).",
            hint: "Advance in steps of at most 100 years: repeat 'acrcmk clock advance \(maximumSpan)' as needed.")
    }

    /// Moves the clock of `store` to `destination`, in segments that `pace` delimits.
    ///
    /// The first segment reads where the clock stands and fixes the target; `clock set` more than ``maximumSpan``
    /// ahead is refused there, before the scheduler runs, and the refusal rolls the transaction back. A segment
    /// that fails rolls back alone: the segments before it stay committed.
    ///
    /// - Parameters:
    ///   - destination: How far, or to when.
    ///   - store: The state home; each segment is one `perform`.
    ///   - pace: Asked at each instant where the segment under way may end, inside its transaction.
    /// - Returns: What ran and where the clock stands.
    /// - Throws: `CMKError` (usage) beyond ``maximumSpan``; otherwise what `store.perform` throws.
    public static func run(
        to destination: Destination, on store: any StateStore, pace: (Progress) -> Pace
    ) throws -> Outcome {
        if case .after(let duration) = destination { try checkSpan(of: duration) }
        var plan: (start: Date, target: Date)?
        var events: [ScheduledEvent] = []
        var segments = 0
        while true {
            let segment = try store.perform { session -> Segment in
                let isFirst = plan == nil
                let (start, target) = try plan ?? fix(destination, from: session.now)
                plan = (start, target)
                // Real time between segments moves the clock too; a move held up long enough may already be there.
                if !isFirst, session.now >= target { return Segment(events: [], stopped: false, end: session.now) }
                var stopRequested = false
                let run = session.moveClock(to: target) {
                    let progress = Progress(
                        start: start, target: target, reached: session.now,
                        eventCount: events.count + session.scheduledEvents.count, committedSegments: segments)
                    switch pace(progress) {
                    case .proceed:
                        return false
                    case .commitSegment:
                        // Only once the segment has done something: a move must get on.
                        return !session.scheduledEvents.isEmpty
                    case .stop:
                        stopRequested = true
                        return true
                    }
                }
                return Segment(events: run.events, stopped: run.paused && stopRequested, end: session.now)
            }
            segments += 1
            events += segment.events
            let (start, target) = plan!
            if segment.stopped || segment.end >= target {
                return Outcome(
                    events: events, now: segment.end, start: start, target: target, segments: segments,
                    reachedTarget: !segment.stopped)
            }
        }
    }

    /// What one segment did.
    private struct Segment {
        var events: [ScheduledEvent]
        /// Whether `pace` stopped the move in this segment.
        var stopped: Bool
        /// Where the clock stood when the segment committed.
        var end: Date
    }

    /// The start and target of a move, refusing `clock set` beyond ``maximumSpan``.
    private static func fix(_ destination: Destination, from start: Date) throws -> (start: Date, target: Date) {
        switch destination {
        case .after(let duration):
            return (start, duration.added(to: start))
        case .at(let target), .allowingBackwards(let target):
            let span = target.timeIntervalSince(start)
            if span < 0, case .at = destination {
                throw CMKError.usage(
                    "\(Timestamp.azString(target)) is before the simulated time now (\(Timestamp.azString(start))): "
                        + "the clock moves forward, running what falls due; moving it back runs nothing and leaves "
                        + "every key, rotation and deletion dated in the future.",
                    hint: "To move it back anyway: acrcmk clock set \(Timestamp.azString(target)) --backwards")
            }
            guard span > maximumSpan.averageSeconds else { return (start, target) }
            let firstStep = Timestamp.azString(maximumSpan.added(to: start))
            throw CMKError.usage(
                "\(Timestamp.azString(target)) is \(Int(span / ISODuration.averageYear)) years ahead of the simulated "
                    + "clock (\(Timestamp.azString(start))); one clock move may go at most \(maximumSpan) (100 years).",
                hint: "Set the clock in steps of at most 100 years: 'acrcmk clock set \(firstStep)', then further.")
        }
    }
}
