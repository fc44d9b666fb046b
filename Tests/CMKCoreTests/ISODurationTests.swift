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

    /// Each form with its length in approximate days (years 365, months 30).
    static let validForms: [(String, Double)] = [
        ("P90D", 90), ("P1Y2M", 425), ("PT1H", 1.0 / 24), ("P1DT12H", 1.5), ("P2W", 14), ("p1dt12h", 1.5),
        ("P0D", 0), ("P1Y2W", 379), ("P1Y2M3W4DT5H6M7S", 450 + 18_367.0 / 86_400), ("P9999Y", 3_649_635),
        ("PT36H", 1.5), ("P007D", 7),
    ]

    @Test("the forms in use are accepted", arguments: validForms)
    func valid(text: String, approximateDays: Double) throws {
        let duration = try ISODuration(text)

        #expect(duration.text == text.uppercased())
        #expect(abs(duration.approximateDays - approximateDays) < 1e-9)
    }

    @Test("texts that are not durations", arguments: [
        "", "P", "PT", "90D", "P1H", "PT1D", "P1.5D", "P1DT", "P-1D", "P1D2", "PTT1H", "P1X",
        // Each component once, in the order Y M W D, then T and H M S.
        "P1Y1Y", "PT1H2H", "P1D1D", "PT1S1S", "P1D2Y", "PT1S1H", "P1M1Y", "PT1M1H", "P1D1W", "P1Y2M1Y",
        "P1DT1H1D", "P1DT1HT1M",
        // A designator needs a number, a number needs a designator; only ASCII digits, no signs or spaces.
        "PY", "PT1HM", "P+1D", "P 1D", " P1D", "P1D ", "P\u{FF11}D", "P\u{0663}D", "P1,5D", "P1e3D", "P1DT1H30",
        // Past Int.max: the number itself cannot be read.
        "P99999999999999999999Y", "PT9223372036854775808S",
    ])
    func invalid(text: String) throws {
        let error = try #require(throws: CMKError.self) { try ISODuration(text) }

        #expect(error.code == "BadParameter")
        #expect(error.message == "'\(text)' is not an ISO-8601 duration.")
        #expect(error.hint?.contains("P30D") == true)
    }

    @Test("durations longer than 9999 years are refused, however they are spelt", arguments: [
        "P10000Y", "P120000M", "P3652500D", "P521800W", "PT87660000H", "PT9223372036854775807S", "P9999Y1D",
        "P9223372036854775807Y",
    ])
    func tooLong(text: String) throws {
        let error = try #require(throws: CMKError.self) { try ISODuration(text) }

        #expect(error.code == "BadParameter")
        #expect(error.message == "'\(text)' is longer than the 9999 years an ISO-8601 duration may span here.")
        #expect(error.hint?.contains("P30D") == true)
    }

    @Test("the average length counts a year as 365.2425 days and a month as a twelfth of that")
    func averageSeconds() throws {
        let century = try ISODuration("P100Y").averageSeconds

        #expect(century == 36_524.25 * 86_400)
        #expect(try ISODuration("P1200M").averageSeconds == century)
        #expect(try ISODuration("P99Y12M").averageSeconds == century)
        #expect(try ISODuration("P36524D").averageSeconds < century)
        #expect(try ISODuration("P36525D").averageSeconds > century)
        #expect(try ISODuration("P1DT1H1M1S").averageSeconds == 86_400 + 3600 + 60 + 1)
    }

    @Test("a duration acrcmk 0.1 stored out of order or repeated still loads, so the home stays readable")
    func decodesWhatAcrcmk01Stored() throws {
        let stored = Data(#"["P1D2Y", "P1Y1Y", "PT1S1H"]"#.utf8)

        let decoded = try JSONDecoder().decode([ISODuration].self, from: stored)

        #expect(decoded.map(\.text) == ["P1D2Y", "P1Y1Y", "PT1S1H"])
        #expect([decoded[0].years, decoded[0].days] == [Int]([2, 1]))
        #expect(decoded[1].years == 1, "the last of a repeated component wins, as in 0.1")
        #expect([decoded[2].hours, decoded[2].seconds] == [Int]([1, 1]))
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
