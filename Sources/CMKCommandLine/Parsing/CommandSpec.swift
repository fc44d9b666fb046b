public import JMESPath

/// Which conventions a command follows for errors and exit codes.
public enum CommandDialect: Sendable {
    /// acrcmk's own commands: swift-argument-parser wording, exit 64 on usage errors.
    case native
    /// The `acrcmk az …` surface: az's wording, exit 2 on usage errors and 3 when a resource is missing.
    case az
}

/// What a command hands back for rendering.
public struct CommandOutput: Sendable {
    /// Data rendered with `--output` after `--query`; `nil` prints nothing in any format (az's delete).
    public var value: JSONValue?
    /// Plain-words text for a person, printed instead of `value` when no `--output` was asked for.
    public var text: String?
    /// The process exit code: 0 unless the command reports a failure it has already described.
    public var exitCode: Int32

    public init(value: JSONValue? = nil, text: String? = nil, exitCode: Int32 = 0) {
        self.value = value
        self.text = text
        self.exitCode = exitCode
    }

    public static let empty = CommandOutput()
}

/// A command of the tree: its options, arguments, help and either a handler or subcommands.
///
/// Options and arguments are declared once, as typed `Option`s and `Argument`s next to the command, and listed
/// here; the handler reads the same declarations (`context[Self.option]`).
public struct CommandSpec: Sendable {
    public typealias Handler = @Sendable (CommandContext) throws -> CommandOutput

    public var name: String
    public var abstract: String
    public var discussion: String?
    public var options: [OptionSpec]
    public var arguments: [ArgumentSpec]
    public var subcommands: [CommandSpec]
    public var dialect: CommandDialect
    public var examples: [String]
    public var handler: Handler?

    public init(
        _ name: String,
        abstract: String,
        discussion: String? = nil,
        dialect: CommandDialect = .native,
        options: [any CommandOption] = [],
        arguments: [any CommandArgument] = [],
        examples: [String] = [],
        subcommands: [CommandSpec] = [],
        handler: Handler? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.dialect = dialect
        self.options = options.map(\.spec)
        self.arguments = arguments.map(\.argumentSpec)
        self.examples = examples
        self.subcommands = subcommands
        self.handler = handler
    }

    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
