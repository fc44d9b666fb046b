import Foundation
import Testing

@testable import CMKCore

/// Times as az prints them (Python's `isoformat()`) and as users type them.
@Suite("Timestamp")
struct TimestampTests {
    @Test("microseconds are printed with six digits and a +00:00 offset")
    func fraction() {
        let date = CoreFixture.start.addingTimeInterval(0.123456)

        #expect(Timestamp.azString(date) == "2026-11-23T10:00:00.123456+00:00")
    }

    @Test("whole seconds carry no fraction")
    func wholeSeconds() {
        #expect(Timestamp.azString(CoreFixture.start) == "2026-11-23T10:00:00+00:00")
        #expect(Timestamp.azString(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00+00:00")
    }

    @Test("a fraction that rounds to a full second carries into the seconds")
    func roundingCarries() {
        let date = CoreFixture.start.addingTimeInterval(59.9999996)

        #expect(Timestamp.azString(date) == "2026-11-23T10:01:00+00:00")
    }

    @Test("zulu form drops the fraction")
    func zulu() {
        #expect(Timestamp.zulu(CoreFixture.start.addingTimeInterval(0.9)) == "2026-11-23T10:00:00Z")
    }

    @Test(
        "the forms users paste are parsed",
        arguments: [
            ("2026-11-23T10:00:00Z", 0.0), ("2026-11-23T10:00:00+00:00", 0), ("2026-11-23T11:00:00+01:00", 0),
            ("2026-11-23T11:00:00+0100", 0), ("2026-11-23 10:00:00", 0), ("2026-11-23T10:00:00.5Z", 0.5),
            ("2026-11-23T10:00:00.123456+00:00", 0.123456), ("2026-11-23", -36_000),
        ]
    )
    func parse(text: String, offsetFromStart: Double) throws {
        let date = try #require(Timestamp.parse(text))

        #expect(abs(date.timeIntervalSince(CoreFixture.start) - offsetFromStart) < 0.000_001)
    }

    @Test("what azString prints parses back to the same instant")
    func roundTrip() throws {
        let date = CoreFixture.start.addingTimeInterval(12.345678)

        let parsed = try #require(Timestamp.parse(Timestamp.azString(date)))

        #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001)
    }

    @Test("texts that are not timestamps", arguments: ["", "yesterday", "2026-13-01", "2026-11-23T25:00:00Z",
                                                       "23/11/2026", "2026-11-23T10:00"])
    func notTimestamps(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
