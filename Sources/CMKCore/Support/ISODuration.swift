import Foundation

/// An ISO-8601 duration such as `P90D`, `P1Y2M`, `PT1H`, as Key Vault rotation policies and `clock advance` use.
///
/// The accepted form is ISO 8601's `PnYnMnWnDTnHnMnS`: a `P`, then date components in the order years, months,
/// weeks, days, then optionally a `T` and time components in the order hours, minutes, seconds. Each component
/// appears at most once and at least one appears; a `T` needs a time component after it. Values are whole numbers
/// (no fractions, no signs). Weeks may sit among the other date components, as ISO 8601-2 allows (`P1Y2W`), and
/// lower case is read as upper case. A duration longer than ``longestLength`` is refused: no rule of the simulation
/// needs one, and adding it to a date would leave the years that timestamps can write.
public struct ISODuration: Sendable, Equatable, CustomStringConvertible {
    public var years = 0, months = 0, weeks = 0, days = 0
    public var hours = 0, minutes = 0, seconds = 0
    public let text: String

    /// The longest duration accepted: 9,999 years (by ``averageSeconds``).
    public static let longestLength: TimeInterval = 9_999 * averageYear

    /// The Gregorian calendar's average year: 365.2425 days (97 leap years in 400).
    static let averageYear: TimeInterval = 365.2425 * 86_400

    /// The designators in the only order ISO 8601 allows; the flag says whether it belongs after the `T`.
    private static let designators: [(letter: Character, isTime: Bool)] = [
        ("Y", false), ("M", false), ("W", false), ("D", false), ("H", true), ("M", true), ("S", true),
    ]

    /// How strictly to read: what users type now, or what acrcmk 0.1 stored in state homes.
    private enum Grammar {
        case iso8601
        /// acrcmk 0.1 took components in any order, the last of a repeated one winning, and any size; a rotation
        /// policy it stored that way must still load, or the whole home would be unreadable.
        case storedByAcrcmk01
    }

    /// Parses an ISO-8601 duration.
    ///
    /// - Parameter text: The duration, e.g. `P90D`; case does not matter.
    /// - Throws: `CMKError` `BadParameter` (bad request) when `text` is not a duration of the form above, or is
    ///   longer than ``longestLength``.
    public init(_ text: String) throws {
        try self.init(text, grammar: .iso8601)
    }

    private init(_ text: String, grammar: Grammar) throws {
        let strict = grammar == .iso8601
        let upper = text.uppercased()
        self.text = upper
        guard upper.hasPrefix("P") else { throw Self.invalid(text) }
        var inTime = false
        var number = ""
        // Index into `designators` of the last component read; each component must come after it.
        var lastDesignator = -1
        var sawTimeComponent = false
        for character in upper.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { throw Self.invalid(text) }
                inTime = true
                continue
            }
            if character.isASCII, character.isWholeNumber {
                number.append(character)
                continue
            }
            // Int(_:) refuses an empty text and anything beyond Int.max: "PD" and twenty-digit values end here.
            guard let value = Int(number),
                let index = Self.designators.indices.first(where: {
                    ($0 > lastDesignator || !strict) && Self.designators[$0] == (character, inTime)
                })
            else { throw Self.invalid(text) }
            number = ""
            lastDesignator = index
            sawTimeComponent = sawTimeComponent || inTime
            switch index {
            case 0: years = value
            case 1: months = value
            case 2: weeks = value
            case 3: days = value
            case 4: hours = value
            case 5: minutes = value
            default: seconds = value
            }
        }
        guard number.isEmpty, lastDesignator >= 0, !inTime || sawTimeComponent else { throw Self.invalid(text) }
        guard averageSeconds <= Self.longestLength || !strict else { throw Self.tooLong(text) }
    }

    private static func invalid(_ text: String) -> CMKError {
        .badRequest(.badParameter, "'\(text)' is not an ISO-8601 duration.", hint: hint)
    }

    private static func tooLong(_ text: String) -> CMKError {
        .badRequest(.badParameter, "'\(text)' is longer than the 9999 years an ISO-8601 duration may span here.",
                    hint: hint)
    }

    private static let hint =
        "Write durations like P30D (30 days), P1Y (one year), PT1H (one hour) or P1DT12H: each component once, "
        + "in the order Y, M, W, D, then T and H, M, S."

    public var description: String { text }

    /// The date this duration after `date`, calendar-aware for years and months (UTC).
    public func added(to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        components.year = years
        components.month = months
        components.day = days + weeks * 7
        components.hour = hours
        components.minute = minutes
        components.second = seconds
        return calendar.date(byAdding: components, to: date)!
    }

    /// The date this duration before `date`.
    public func subtracted(from date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        components.year = -years
        components.month = -months
        components.day = -(days + weeks * 7)
        components.hour = -hours
        components.minute = -minutes
        components.second = -seconds
        return calendar.date(byAdding: components, to: date)!
    }

    /// An approximate length in days (years 365, months 30), for minimum-period rules.
    public var approximateDays: Double {
        let wholeDays: Int = years * 365 + months * 30 + weeks * 7 + days
        let timeSeconds: Int = hours * 3600 + minutes * 60 + seconds
        return Double(wholeDays) + Double(timeSeconds) / 86_400
    }

    /// The length in seconds with the Gregorian calendar's average year (365.2425 days) and month (a twelfth of it).
    ///
    /// It does not depend on where the duration starts, so limits can be checked before the clock is read; it is
    /// within a day of the calendar length over a century. Computed in `Double` so that no value can overflow it.
    public var averageSeconds: TimeInterval {
        let calendarPart = (Double(years) + Double(months) / 12) * Self.averageYear
        let days = Double(weeks) * 7 + Double(days)
        return calendarPart + days * 86_400 + Double(hours) * 3600 + Double(minutes) * 60 + Double(seconds)
    }
}

extension ISODuration: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self), grammar: .storedByAcrcmk01)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
