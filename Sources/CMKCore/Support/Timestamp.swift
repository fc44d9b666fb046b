import Foundation

/// Times as Azure prints them, and ISO-8601 durations as Key Vault reads them.
public enum Timestamp {
    /// `2026-11-23T10:00:00.123456+00:00`: Python's `isoformat()` of an aware UTC datetime, as az prints.
    /// Seconds since 1970 as fixed-width text, so that text order is time order (for indexed columns).
    public static func sortable(_ date: Date) -> String {
        let seconds = max(0, min(date.timeIntervalSince1970, 99_999_999_999))
        let text = String(format: "%.6f", seconds)
        return String(repeating: "0", count: max(0, 18 - text.count)) + text
    }

    public static func azString(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = seconds.rounded(.down)
        var micros = Int(((seconds - whole) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        let base = utcComponents(Date(timeIntervalSince1970: whole))
        let fraction = micros == 0 ? "" : "." + String(format: "%06d", micros)
        return base + fraction + "+00:00"
    }

    /// `2026-11-23T10:00:00Z`, the form az's `--expires`/`--not-before` take and Key Vault's JSON shows.
    public static func zulu(_ date: Date) -> String {
        utcComponents(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))) + "Z"
    }

    private static func utcComponents(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Parses the timestamps users type: `2026-11-23`, `2026-11-23T10:00:00Z`, with fractions or offsets.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formatter = ISO8601DateFormatter()
        // A date alone only: the full-date formatter also accepts a date followed by anything and ignores the rest.
        if trimmed.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil {
            formatter.formatOptions = [.withFullDate]
            return formatter.date(from: trimmed)
        }
        // Date and time go through one path: the fractional-seconds formatter keeps milliseconds only, and
        // offsets written without a colon or microseconds (Python's isoformat) are common in pasted output.
        let pattern = #"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$"#
        guard let match = trimmed.range(of: pattern, options: .regularExpression),
            match == trimmed.startIndex..<trimmed.endIndex
        else { return nil }
        let parts = trimmed.replacingOccurrences(of: " ", with: "T")
        var core = String(parts.prefix(19))
        var zone = String(parts.dropFirst(19))
        var fraction = 0.0
        if zone.hasPrefix(".") {
            let digits = zone.dropFirst().prefix { $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            zone = String(zone.dropFirst(1 + digits.count))
        }
        if zone.isEmpty { zone = "Z" }
        if zone.count == 5 { zone.insert(":", at: zone.index(zone.startIndex, offsetBy: 3)) }
        core += zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: core).map { $0.addingTimeInterval(fraction) }
    }
}
