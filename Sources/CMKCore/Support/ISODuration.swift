import Foundation

/// An ISO-8601 duration such as `P90D`, `P1Y2M`, `PT1H`, as Key Vault rotation policies and `clock advance` use.
public struct ISODuration: Sendable, Equatable, CustomStringConvertible {
    public var years = 0, months = 0, weeks = 0, days = 0
    public var hours = 0, minutes = 0, seconds = 0
    public let text: String

    public init(_ text: String) throws {
        let upper = text.uppercased()
        self.text = upper
        guard upper.hasPrefix("P"), upper.count > 1 else { throw Self.invalid(text) }
        var inTime = false
        var number = ""
        var sawComponent = false
        var sawTimeComponent = false
        for character in upper.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { throw Self.invalid(text) }
                inTime = true
                continue
            }
            if character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { throw Self.invalid(text) }
            number = ""
            sawComponent = true
            sawTimeComponent = sawTimeComponent || inTime
            switch (character, inTime) {
            case ("Y", false): years = value
            case ("M", false): months = value
            case ("W", false): weeks = value
            case ("D", false): days = value
            case ("H", true): hours = value
            case ("M", true): minutes = value
            case ("S", true): seconds = value
            default: throw Self.invalid(text)
            }
        }
        guard number.isEmpty, sawComponent, !inTime || sawTimeComponent else { throw Self.invalid(text) }
    }

    private static func invalid(_ text: String) -> CMKError {
        .badRequest("BadParameter", "'\(text)' is not an ISO-8601 duration.",
                    hint: "Write durations like P30D (30 days), P1Y (one year), PT1H (one hour) or P1DT12H.")
    }

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
}

extension ISODuration: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
