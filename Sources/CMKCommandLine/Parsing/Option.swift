/// Something a command lists among its options: a typed `Option`, or a bare `OptionSpec`.
public protocol CommandOption: Sendable {
    var spec: OptionSpec { get }
}

/// Something a command lists among its positional arguments: a typed `Argument`, or a bare `ArgumentSpec`.
public protocol CommandArgument: Sendable {
    var argumentSpec: ArgumentSpec { get }
}

extension OptionSpec: CommandOption {
    public var spec: OptionSpec { self }
}

extension ArgumentSpec: CommandArgument {
    public var argumentSpec: ArgumentSpec { self }
}

/// How the parser turns one value's text into the option's value type; type-erased so that a command's
/// declarations can sit in one list.
public struct ValueConversion: Sendable {
    private let body: @Sendable (String) -> Result<any Sendable, ValueConversionError>

    init<T: Sendable>(_ convert: @escaping @Sendable (String) throws(ValueConversionError) -> T) {
        body = { text in
            do throws(ValueConversionError) {
                return .success(try convert(text))
            } catch {
                return .failure(error)
            }
        }
    }

    /// One value's text converted, or why it does not convert.
    func convert(_ text: String) -> Result<any Sendable, ValueConversionError> { body(text) }
}

/// A command-line option with its value type, declared once next to its command, as swift-argument-parser's
/// `@Option` (`Sources/ArgumentParser/Parsable Properties/Option.swift`).
///
/// The declaration carries the conversion: the parser converts every value while it parses, so a value of the
/// wrong type is a usage error in the parser's words before any handler runs. A handler reads the converted value
/// with `context[Self.option]`; the type says what it gets:
///
/// - `Option<String?>`, `Option<Int?>`, `Option<SomeEnum?>`: the last value given, `nil` when absent.
/// - `Option<String>` (declared required, or `.required()`): the parser refused the command without it, so reading
///   it cannot fail.
/// - `Option<[String]?>`: every value of a multiple-valued option (`--ops get wrapKey`), `nil` when absent.
/// - `Option<Bool>` (`flag:`): whether the flag was given; `Option<Bool?>` (`threeState:`): az's
///   `--enabled [true|false]`, `nil` when absent.
public struct Option<Value>: CommandOption {
    public let spec: OptionSpec
    /// Makes the value from what the parser converted: `nil` when the option was absent.
    let read: @Sendable ([any Sendable]?) -> Value

    init(spec: OptionSpec, read: @escaping @Sendable ([any Sendable]?) -> Value) {
        self.spec = spec
        self.read = read
    }

    /// The same option, required: the parser refuses a command without it, and reading it never yields `nil`.
    public func required<Wrapped>() -> Option<Wrapped> where Value == Wrapped? {
        var spec = self.spec
        spec.isRequired = true
        let read = self.read
        let name = spec.name
        return Option<Wrapped>(spec: spec) { values in
            guard let value = read(values) else {
                preconditionFailure("--\(name) is declared required, but the parser let a command through without it")
            }
            return value
        }
    }

    /// The same option read through `transform`, e.g. `--tags a=b c` as a dictionary.
    public func map<NewValue>(_ transform: @escaping @Sendable (Value) -> NewValue) -> Option<NewValue> {
        let read = self.read
        return Option<NewValue>(spec: spec) { transform(read($0)) }
    }
}

extension Option {
    /// An optional single-valued option converted by `transform`: `--top <n>` read as `Int?`.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes, e.g. `resource-group`.
    ///   - valueName: The placeholder in help and usage; by default the last word of `name`.
    ///   - allowedValues: Values matched case-insensitively and normalised to these spellings before `transform`
    ///     runs; listed in help and in the message for any other value.
    ///   - transform: Converts one value's text; its error is reported by the parser.
    public init<Wrapped: Sendable>(
        _ name: String, short: Character? = nil, aliases: [String] = [], valueName: String? = nil, help: String,
        allowedValues: [String]? = nil, hidden: Bool = false,
        transform: @escaping @Sendable (String) throws(ValueConversionError) -> Wrapped
    ) where Value == Wrapped? {
        var spec = OptionSpec(
            name, short: short, aliases: aliases, arity: .single, valueName: valueName, help: help,
            allowedValues: allowedValues, hidden: hidden)
        spec.conversion = ValueConversion(transform)
        self.init(spec: spec) { values in values?.last.map { Self.cast($0, name) } }
    }

    /// An optional single-valued option of an `ExpressibleByArgument` type: `--name <name>` read as `String?`.
    ///
    /// An enumeration's cases are its allowed values unless `allowedValues` lists them in another order.
    public init<Wrapped: ExpressibleByArgument>(
        _ name: String, short: Character? = nil, aliases: [String] = [], valueName: String? = nil, help: String,
        allowedValues: [String]? = nil, hidden: Bool = false
    ) where Value == Wrapped? {
        self.init(
            name, short: short, aliases: aliases, valueName: valueName, help: help,
            allowedValues: allowedValues ?? Self.listed(Wrapped.allValueStrings), hidden: hidden,
            transform: Wrapped.init(argument:))
    }

    /// A multiple-valued option (every token up to the next option), `nil` when absent:
    /// `--key-permissions get wrapKey` read as `[String]?`.
    public init<Element: ExpressibleByArgument>(
        _ name: String, short: Character? = nil, aliases: [String] = [], valueName: String? = nil, help: String,
        allowedValues: [String]? = nil, hidden: Bool = false
    ) where Value == [Element]? {
        var spec = OptionSpec(
            name, short: short, aliases: aliases, arity: .multiple, valueName: valueName, help: help,
            allowedValues: allowedValues ?? Self.listed(Element.allValueStrings), hidden: hidden)
        spec.conversion = ValueConversion(Element.init(argument:))
        self.init(spec: spec) { values in values.map { $0.map { Self.cast($0, name) } } }
    }

    /// A required single-valued option of an `ExpressibleByArgument` type: `--name <name>` read as `String`.
    public init(
        _ name: String, short: Character? = nil, aliases: [String] = [], valueName: String? = nil, help: String,
        allowedValues: [String]? = nil
    ) where Value: ExpressibleByArgument {
        self = Option<Value?>(
            name, short: short, aliases: aliases, valueName: valueName, help: help, allowedValues: allowedValues
        ).required()
    }

    /// `--verbose`: present or absent, read as `Bool`; `--verbose=false` counts as absent.
    public init(flag name: String, short: Character? = nil, help: String, hidden: Bool = false)
    where Value == Bool {
        self.init(spec: .flag(name, short: short, help: help, hidden: hidden)) { $0 != nil }
    }

    /// az's three-state flag, `--enable-purge-protection [true|false]` (alone means true), read as `Bool?`.
    public init(threeState name: String, help: String, hidden: Bool = false) where Value == Bool? {
        var spec = OptionSpec(name, arity: .threeState, help: help, hidden: hidden)
        spec.conversion = ValueConversion { text throws(ValueConversionError) in
            guard let flag = ArgumentParser.boolean(text) else { throw .invalid("bool") }
            return flag
        }
        self.init(spec: spec) { values in values?.last.map { Self.cast($0, name) } }
    }

    static func listed(_ values: [String]) -> [String]? { values.isEmpty ? nil : values }

    /// A converted value as the type its declaration promised.
    static func cast<T>(_ value: any Sendable, _ name: String) -> T {
        guard let typed = value as? T else {
            preconditionFailure("--\(name) holds a \(type(of: value)), not a \(T.self): two declarations share a name")
        }
        return typed
    }
}

/// A typed positional argument, as swift-argument-parser's `@Argument`: always required, read as `Value`.
public struct Argument<Value>: CommandArgument {
    public let argumentSpec: ArgumentSpec
    let read: @Sendable ([any Sendable]?) -> Value

    /// A positional argument converted by `transform`, e.g. `<duration>` read as an `ISODuration`.
    public init(
        _ name: String, help: String,
        transform: @escaping @Sendable (String) throws(ValueConversionError) -> Value
    ) where Value: Sendable {
        var spec = ArgumentSpec(name, help: help)
        spec.conversion = ValueConversion(transform)
        argumentSpec = spec
        read = { values in
            guard let value = values?.first else {
                preconditionFailure("<\(name)> is required, but the parser let a command through without it")
            }
            return Option<Value>.cast(value, name)
        }
    }

    /// A positional argument of an `ExpressibleByArgument` type, e.g. `<registry>` read as a `String`.
    public init(_ name: String, help: String) where Value: ExpressibleByArgument {
        self.init(name, help: help, transform: Value.init(argument:))
    }

    private init(spec: ArgumentSpec, read: @escaping @Sendable ([any Sendable]?) -> Value) {
        argumentSpec = spec
        self.read = read
    }

    /// The same argument, also accepted as `--<name> VALUE` (and `-<short> VALUE`) anywhere on the line.
    public func alsoAsOption(short: Character? = nil) -> Argument {
        var spec = argumentSpec
        spec.isAlsoOption = true
        spec.short = short
        return Argument(spec: spec, read: read)
    }
}
