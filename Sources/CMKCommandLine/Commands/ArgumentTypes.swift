import CMKCore
import Foundation

// The CMKCore types commands take as option and argument values, and the conversions of values that are checked
// by the parser rather than by handlers.

extension RegistrySKU: ExpressibleByArgument {}
extension RevocationMethod: ExpressibleByArgument {}
extension KeyType: ExpressibleByArgument {}
extension KeyEncryptionAlgorithm: ExpressibleByArgument {}
extension SetupRequest.Access: ExpressibleByArgument {}
extension SetupRequest.Rotation: ExpressibleByArgument {}

extension ValueConversionError {
    /// A CMKCore refusal of a value as the reason, its message then its hint.
    init(typeName: String, _ error: CMKError) {
        self.init(typeName: typeName, reason: [error.message, error.hint].compactMap { $0 }.joined(separator: " "))
    }
}

extension ISODuration: ExpressibleByArgument {
    /// `P30D`, `PT1H`: an ISO-8601 duration, refused with CMKCore's words and hint.
    public init(argument: String) throws(ValueConversionError) {
        do {
            try self.init(argument)
        } catch let error as CMKError {
            throw ValueConversionError(typeName: "duration", error)
        } catch {
            throw .invalid("duration")
        }
    }
}

extension ImageReference: ExpressibleByArgument {
    /// `team/app:1.0` or `team/app@sha256:…`, refused with CMKCore's words.
    public init(argument: String) throws(ValueConversionError) {
        do {
            try self.init(parsing: argument)
        } catch let error as CMKError {
            throw ValueConversionError(typeName: "image reference", error)
        } catch {
            throw .invalid("image reference")
        }
    }
}

/// Conversions of values whose wording depends on the command, passed to an option's `transform:`.
enum ArgumentTypes {
    /// az's datetime arguments (`--expires`, `--not-before`): `2027-01-01T00:00:00Z`.
    @Sendable static func azDateTime(_ text: String) throws(ValueConversionError) -> Date {
        guard let date = Timestamp.parse(text) else {
            throw .invalid("datetime", reason: "Use the format 'Y-m-d'T'H:M:S'Z'', e.g. 2027-01-01T00:00:00Z.")
        }
        return date
    }

    /// A time on acrcmk's own command line (`clock set`).
    @Sendable static func time(_ text: String) throws(ValueConversionError) -> Date {
        guard let date = Timestamp.parse(text) else {
            throw .invalid("datetime", reason: "Write e.g. 2027-01-01T00:00:00Z.")
        }
        return date
    }

    /// A count that cannot be negative, e.g. `--top`.
    @Sendable static func count(_ text: String) throws(ValueConversionError) -> Int {
        try Int(argument: text, in: 0...)
    }
}
