/// One option a command accepts, declared once: parsing, validation, help and suggestions all read it.
public struct OptionSpec: Sendable {
    /// How many values an option takes.
    public enum Arity: Sendable, Equatable {
        /// `--verbose`: present or absent.
        case flag
        /// `--enable-purge-protection [true|false]`: alone means true, as az's three-state flags.
        case threeState
        /// `--name <name>`.
        case single
        /// `--key-permissions get wrapKey unwrapKey`: every following token up to the next option.
        case multiple
    }

    /// The long name without dashes, e.g. `resource-group`.
    public var name: String
    /// Other long names, e.g. `vault-name` for `--vault`.
    public var aliases: [String]
    /// The one-letter short name, e.g. `g`.
    public var short: Character?
    public var arity: Arity
    /// The placeholder shown in help and usage, e.g. `name`.
    public var valueName: String
    public var help: String
    public var isRequired: Bool
    /// Allowed values, matched case-insensitively and normalised to the spelling given here.
    public var allowedValues: [String]?
    /// Hidden options parse but do not show in help.
    public var isHidden: Bool
    /// How the parser converts each value; set by a typed `Option`, `nil` keeps the text.
    public var conversion: ValueConversion?

    public init(
        _ name: String,
        short: Character? = nil,
        aliases: [String] = [],
        arity: Arity = .single,
        valueName: String? = nil,
        help: String,
        required: Bool = false,
        allowedValues: [String]? = nil,
        hidden: Bool = false
    ) {
        self.name = name
        self.aliases = aliases
        self.short = short
        self.arity = arity
        self.valueName = valueName ?? name.split(separator: "-").last.map(String.init) ?? name
        self.help = help
        self.isRequired = required
        self.allowedValues = allowedValues
        self.isHidden = hidden
    }

    public static func flag(_ name: String, short: Character? = nil, help: String, hidden: Bool = false) -> OptionSpec {
        OptionSpec(name, short: short, arity: .flag, help: help, hidden: hidden)
    }

    /// `--name <name>` as the user types it.
    public var displayName: String { "--\(name)" }

    /// `--name/-n`, the way az names an option in its messages.
    public var azDisplayName: String {
        short.map { "--\(name)/-\($0)" } ?? "--\(name)"
    }

    /// The label of the help line and of argument-parser style messages: `--name <name>`, `-n, --name <name>`.
    public var synopsis: String {
        switch arity {
        case .flag: return displayName
        case .threeState: return "\(displayName) [true|false]"
        case .single: return "\(displayName) <\(valueName)>"
        case .multiple: return "\(displayName) <\(valueName)> ..."
        }
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var isRequired: Bool
    /// Takes every remaining positional token.
    public var isVariadic: Bool
    /// How the parser converts the value; set by a typed `Argument`, `nil` keeps the text.
    public var conversion: ValueConversion?
    /// Whether the argument may also be given as an option of its name (`--registry R`, or `-r R` with `short`),
    /// anywhere on the line; the positional form keeps working.
    public var isAlsoOption = false
    public var short: Character?

    public init(_ name: String, help: String, required: Bool = true, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isRequired = required
        self.isVariadic = variadic
    }
}
