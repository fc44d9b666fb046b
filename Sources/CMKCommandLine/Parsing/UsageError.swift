/// A mistake in how a command was called: reported with the usage line, exit 64 (native) or 2 (az).
public struct UsageError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case unknownOption(String, suggestion: String?)
        case unknownSubcommand(String, suggestion: String?)
        case missingSubcommand
        case missingOptions([OptionSpec.Identity])
        case missingArgument(String)
        case missingValue(OptionSpec.Identity)
        /// A value outside an option's allowed values, with the closest one if it looks like a typo.
        case invalidValue(String, option: OptionSpec.Identity, allowed: [String], suggestion: String? = nil)
        /// A value the option's or argument's type does not accept.
        case unconvertibleValue(String, argument: OptionSpec.Identity, ValueConversionError)
        /// A word nothing takes; the suggestion is the option it probably is the value of (`--registry NAME`).
        case unexpectedArgument(String, suggestion: String? = nil)
        /// Any other message, already worded for the user.
        case message(String)
    }

    public var kind: Kind
    /// The command path the error belongs to, e.g. `["az", "acr", "create"]`.
    public var commandPath: [String]

    public init(_ kind: Kind, commandPath: [String] = []) {
        self.kind = kind
        self.commandPath = commandPath
    }

    /// The message in the wording of the dialect's tool.
    public func message(dialect: CommandDialect, program: String) -> String {
        switch dialect {
        case .native: return nativeMessage
        case .az: return azMessage(program: program)
        }
    }

    private var nativeMessage: String {
        switch kind {
        case .unknownOption(let option, let suggestion):
            return "Unknown option '\(option)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case .unknownSubcommand(let name, let suggestion):
            return "Unknown command '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case .missingSubcommand:
            return "Missing expected subcommand."
        case .missingOptions(let options):
            return options.map { "Missing expected argument '\($0.synopsis)'" }.joined(separator: "\n")
        case .missingArgument(let name):
            return "Missing expected argument '<\(name)>'"
        case .missingValue(let option):
            return "Missing value for '\(option.synopsis)'"
        case .invalidValue(let value, let option, let allowed, let suggestion):
            return
                "The value '\(value)' is invalid for '\(option.synopsis)'. Please provide one of \(Self.englishList(allowed))."
                + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case .unconvertibleValue(let value, let argument, let error):
            return "The value '\(value)' is invalid for '\(argument.synopsis)'" + (error.reason.map { ". \($0)" } ?? "")
        case .unexpectedArgument(let argument, let suggestion):
            return "Unexpected argument '\(argument)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
        case .message(let text):
            return text
        }
    }

    private func azMessage(program: String) -> String {
        switch kind {
        case .unknownOption(let option, let suggestion):
            return "unrecognized arguments: \(option)" + (suggestion.map { "\nDid you mean '\($0)'?" } ?? "")
        case .unknownSubcommand(let name, let suggestion):
            let command = (commandPath + [name]).joined(separator: " ")
            return "'\(name)' is misspelled or not recognized by the system."
                + (suggestion.map { " Did you mean '\((commandPath + [$0]).joined(separator: " "))'?" } ?? "")
                + (suggestion == nil ? "\nSee '\(command.isEmpty ? program : program) --help'." : "")
        case .missingSubcommand:
            return "the following arguments are required: _subcommand"
        case .missingOptions(let options):
            return "the following arguments are required: " + options.map(\.azName).joined(separator: ", ")
        case .missingArgument(let name):
            return "the following arguments are required: \(name)"
        case .missingValue(let option):
            return "argument \(option.azName): expected one argument"
        case .invalidValue(let value, let option, let allowed, let suggestion):
            return "\(program): '\(value)' is not a valid value for '\(option.displayName)'. Allowed values: "
                + allowed.joined(separator: ", ") + "." + (suggestion.map { "\nDid you mean '\($0)' ?" } ?? "")
        case .unconvertibleValue(let value, let argument, let error):
            // argparse: "invalid int value: 'x'" for a failed type, the type's own words for an ArgumentTypeError.
            guard let typeName = error.typeName else {
                return "argument \(argument.azName): \(error.reason ?? "invalid value: '\(value)'")"
            }
            return "argument \(argument.azName): invalid \(typeName) value: '\(value)'"
                + (error.reason.map { ". \($0)" } ?? "")
        case .unexpectedArgument(let argument, let suggestion):
            return "unrecognized arguments: \(argument)" + (suggestion.map { "\nDid you mean '\($0)'?" } ?? "")
        case .message(let text):
            return text
        }
    }

    /// "'a', 'b' or 'c'", as swift-argument-parser lists choices.
    static func englishList(_ items: [String]) -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}

extension OptionSpec {
    /// The parts of an option that messages name; equatable so errors can be compared in tests.
    public struct Identity: Sendable, Equatable {
        public var displayName: String
        public var azName: String
        public var synopsis: String
    }

    public var identity: Identity {
        Identity(displayName: displayName, azName: azDisplayName, synopsis: synopsis)
    }
}

extension ArgumentSpec {
    /// How messages name a positional argument: `<duration>`, as swift-argument-parser does.
    public var identity: OptionSpec.Identity {
        OptionSpec.Identity(displayName: "<\(name)>", azName: name, synopsis: "<\(name)>")
    }
}
