/// A type whose values the parser makes from the text of one argument, as swift-argument-parser's
/// `ExpressibleByArgument`.
///
/// The parser converts while it parses, so a value that does not convert is a usage error in the parser's words,
/// before any handler or transaction runs.
public protocol ExpressibleByArgument: Sendable {
    /// Makes a value from the text the user typed.
    ///
    /// - Parameter argument: One value, after az's `@file` expansion and the matching of an allowed value.
    /// - Throws: `ValueConversionError` when the text is not a value of this type.
    init(argument: String) throws(ValueConversionError)

    /// The values help lists and the parser accepts (matched case-insensitively), in the order shown; empty for a
    /// type whose values are not a short list.
    static var allValueStrings: [String] { get }
}

extension ExpressibleByArgument {
    public static var allValueStrings: [String] { [] }
}

/// Why a value did not convert; the parser words it for the dialect.
///
/// acrcmk's own commands say it as swift-argument-parser does ("The value 'x' is invalid for '--top <n>'"), the az
/// surface as argparse does ("argument --top: invalid int value: 'x'", or "argument --id: <reason>" when the type's
/// conversion explains itself, as argparse's `ArgumentTypeError`).
public struct ValueConversionError: Error, Sendable, Equatable {
    /// argparse's name for the type, as in "invalid int value"; `nil` when `reason` says everything.
    public var typeName: String?
    /// One sentence on what is wrong or what is expected, e.g. "Use the format 'Y-m-d'T'H:M:S'Z''."
    public var reason: String?

    /// A value that is not of the type, e.g. `int`; `reason` may say what the type looks like.
    public static func invalid(_ typeName: String, reason: String? = nil) -> ValueConversionError {
        ValueConversionError(typeName: typeName, reason: reason)
    }

    /// A value refused for the reason given, a whole sentence.
    public static func refused(_ reason: String) -> ValueConversionError {
        ValueConversionError(typeName: nil, reason: reason)
    }
}

extension String: ExpressibleByArgument {
    public init(argument: String) { self = argument }
}

extension Int: ExpressibleByArgument {
    public init(argument: String) throws(ValueConversionError) {
        guard let value = Int(argument) else { throw .invalid("int") }
        self = value
    }

    /// An integer within `range`, for options whose handler used to check the bounds.
    ///
    /// - Throws: `ValueConversionError` for text that is not an integer or an integer outside `range`.
    public init(argument: String, in range: PartialRangeFrom<Int>) throws(ValueConversionError) {
        let value = try Int(argument: argument)
        guard range.contains(value) else {
            throw .invalid("int", reason: "Please provide an integer of at least \(range.lowerBound).")
        }
        self = value
    }
}

extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// The cases by their raw values, matched case-insensitively.
    public init(argument: String) throws(ValueConversionError) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            throw .refused(
                "Please provide one of \(UsageError.englishList(Self.allCases.map(\.rawValue))).")
        }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
