/// The values one invocation gave: the text of each option and argument, and what the parser converted it to.
///
/// Handlers read converted values through the command's typed declarations (`context[Self.option]`); the texts stay
/// for the parser's own checks and its tests.
public struct ParsedArguments: Sendable {
    /// Values per option; a flag given maps to `[]`, a three-state flag to `["true"]` or `["false"]`.
    public private(set) var values: [String: [String]] = [:]
    /// Positional arguments by their declared name; a variadic one holds every remaining token.
    public private(set) var positionals: [String: [String]] = [:]
    /// The converted values per option, in the order given; a flag given maps to `[]`.
    private var converted: [String: [any Sendable]] = [:]
    private var convertedPositionals: [String: [any Sendable]] = [:]
    /// The names the command declares, so that reading an undeclared option is caught as the mistake it is.
    private var declaredOptions: Set<String>?
    private var declaredArguments: Set<String>?

    public init() {}

    /// Records what the command declares: reading anything else is a programming mistake.
    mutating func declare(options: [OptionSpec], arguments: [ArgumentSpec]) {
        declaredOptions = Set(options.map(\.name))
        declaredArguments = Set(arguments.map(\.name))
    }

    mutating func append(_ value: String, converted typed: any Sendable, to option: String) {
        values[option, default: []].append(value)
        converted[option, default: []].append(typed)
    }

    mutating func mark(_ option: String) {
        if values[option] == nil { values[option] = [] }
        if converted[option] == nil { converted[option] = [] }
    }

    mutating func appendPositional(_ value: String, converted typed: any Sendable, to argument: String) {
        positionals[argument, default: []].append(value)
        convertedPositionals[argument, default: []].append(typed)
    }

    /// The value of a typed option, as its declaration reads it.
    public subscript<Value>(option: Option<Value>) -> Value {
        precondition(
            declaredOptions?.contains(option.spec.name) ?? true,
            "--\(option.spec.name) is read but the command does not declare it")
        return option.read(converted[option.spec.name])
    }

    /// The value of a typed positional argument.
    public subscript<Value>(argument: Argument<Value>) -> Value {
        precondition(
            declaredArguments?.contains(argument.argumentSpec.name) ?? true,
            "<\(argument.argumentSpec.name)> is read but the command does not declare it")
        return argument.read(convertedPositionals[argument.argumentSpec.name])
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
