import CMKCore
import Foundation
import Testing
@testable import CMKCommandLine

/// The progress line of a long clock move.
@Suite("Clock move progress line")
struct ClockMovePacerTests {
    private static let start = Timestamp.parse("2026-11-29T00:00:00Z")!
    private static let target = Timestamp.parse("2036-11-29T00:00:00Z")!

    @Test("the line names the simulated date reached, how far along the move is, and the events so far", arguments: [
        ("2026-11-29T00:00:00Z", 0, "Advancing the clock: 2026-11-29T00:00:00Z (0%), 0 events so far"),
        ("2027-02-27T17:37:42Z", 1, "Advancing the clock: 2027-02-27T17:37:42Z (2%), 1 event so far"),
        ("2031-11-29T12:00:00Z", 42, "Advancing the clock: 2031-11-29T12:00:00Z (50%), 42 events so far"),
        ("2036-11-29T00:00:00Z", 80, "Advancing the clock: 2036-11-29T00:00:00Z (100%), 80 events so far"),
    ])
    func describe(reached: String, events: Int, expected: String) throws {
        let progress = ClockMove.Progress(
            start: Self.start, target: Self.target, reached: try #require(Timestamp.parse(reached)),
            eventCount: events, committedSegments: 0)

        #expect(ClockMovePacer.describe(progress) == expected)
    }

    @Test("a line stays well within an 80-column terminal, so redrawing in place never wraps")
    func fitsATerminal() {
        let progress = ClockMove.Progress(
            start: Self.start, target: Self.target, reached: Self.target, eventCount: 99_999, committedSegments: 9)

        #expect(ClockMovePacer.describe(progress).count < 80)
    }
}
