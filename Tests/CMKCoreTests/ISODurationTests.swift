import Foundation
import Testing

@testable import CMKCore

/// ISO-8601 durations as rotation policies and `clock advance` use them.
@Suite("ISODuration")
struct ISODurationTests {
    @Test("components are parsed into their fields")
    func components() throws {
        let full = try ISODuration("P1Y2M3W4DT5H6M7S")
        #expect([full.years, full.months, full.weeks, full.days] == [Int]([1, 2, 3, 4]))
        #expect([full.hours, full.minutes, full.seconds] == [Int]([5, 6, 7]))

        let minutesNotMonths = try ISODuration("PT1M")
        #expect(minutesNotMonths.minutes == 1)
        #expect(minutesNotMonths.months == 0)
    }

    @Test("lowercase input is accepted and printed in uppercase")
    func lowercase() throws {
        let duration = try ISODuration("p1dt12h")

        #expect(duration.description == "P1DT12H")
        #expect(duration.days == 1)
        #expect(duration.hours == 12)
    }

    @Test("texts that are not durations", arguments: ["", "P", "PT", "90D", "P1H", "PT1D", "P1.5D", "P1DT", "P-1D",
                                                       "P1D2", "PTT1H", "P1X"])
    func invalid(text: String) throws {
        let error = try #require(throws: CMKError.self) { try ISODuration(text) }

        #expect(error.message == "'\(text)' is not an ISO-8601 duration.")
        #expect(error.hint?.contains("P30D") == true)
    }

    @Test(
        "adding is calendar-aware in UTC",
        arguments: [
            ("P90D", "2026-11-23T10:00:00Z", "2027-02-21T10:00:00Z"),
            ("P1Y", "2028-02-29T00:00:00Z", "2029-02-28T00:00:00Z"),
            ("P1M", "2027-01-31T00:00:00Z", "2027-02-28T00:00:00Z"),
            ("P2W", "2026-11-23T10:00:00Z", "2026-12-07T10:00:00Z"),
            ("P1DT12H", "2026-11-23T10:00:00Z", "2026-11-24T22:00:00Z"),
            ("PT90M", "2026-11-23T23:00:00Z", "2026-11-24T00:30:00Z"),
        ]
    )
    func added(duration: String, start: String, expected: String) throws {
        let date = try #require(Timestamp.parse(start))

        #expect(try Timestamp.zulu(ISODuration(duration).added(to: date)) == expected)
    }

    @Test("subtracting undoes adding for day-based durations")
    func subtracted() throws {
        let duration = try ISODuration("P30DT6H")

        #expect(duration.subtracted(from: duration.added(to: CoreFixture.start)) == CoreFixture.start)
        #expect(Timestamp.zulu(duration.subtracted(from: CoreFixture.start)) == "2026-10-24T04:00:00Z")
    }

    @Test("approximate days count years as 365 and months as 30")
    func approximateDays() throws {
        #expect(try ISODuration("P1Y").approximateDays == 365)
        #expect(try ISODuration("P2M").approximateDays == 60)
        #expect(try ISODuration("P1W3D").approximateDays == 10)
        #expect(try ISODuration("PT36H").approximateDays == 1.5)
    }

    @Test("durations encode as their text and decode by parsing")
    func codable() throws {
        let data = try JSONEncoder().encode([ISODuration("P90D")])

        #expect(String(decoding: data, as: UTF8.self) == #"["P90D"]"#)
        #expect(try JSONDecoder().decode([ISODuration].self, from: data) == [ISODuration("P90D")])
        #expect(throws: (any Error).self) { try JSONDecoder().decode([ISODuration].self, from: Data(#"["90D"]"#.utf8)) }
    }
}
