/// The values one invocation gave, keyed by each option's long name.
public struct ParsedArguments: Sendable {
    /// Values per option; a flag given maps to `[]`, a three-state flag to `["true"]` or `["false"]`.
    public private(set) var values: [String: [String]] = [:]
    /// Positional arguments by their declared name; a variadic one holds every remaining token.
    public private(set) var positionals: [String: [String]] = [:]

    public init() {}

    mutating func append(_ value: String, to option: String) {
        values[option, default: []].append(value)
    }

    mutating func mark(_ option: String) {
        if values[option] == nil { values[option] = [] }
    }

    mutating func appendPositional(_ value: String, to argument: String) {
        positionals[argument, default: []].append(value)
    }

    /// Whether the option appeared at all.
    public func has(_ option: String) -> Bool { values[option] != nil }

    /// The last value given for an option (az and argparse let the last occurrence win).
    public func string(_ option: String) -> String? { values[option]?.last }

    /// Every value given for a multiple-valued option.
    public func strings(_ option: String) -> [String] { values[option] ?? [] }

    /// A flag or three-state flag: `nil` when absent.
    public func bool(_ option: String) -> Bool? {
        guard let given = values[option] else { return nil }
        guard let last = given.last else { return true }
        return last.lowercased() == "true"
    }

    public func flag(_ option: String) -> Bool { bool(option) ?? false }

    public func positional(_ argument: String) -> String? { positionals[argument]?.first }

    public func positionalList(_ argument: String) -> [String] { positionals[argument] ?? [] }
}

extension ParsedArguments {
    mutating func setValues(_ newValues: [String], for option: String) {
        values[option] = newValues
    }
}
