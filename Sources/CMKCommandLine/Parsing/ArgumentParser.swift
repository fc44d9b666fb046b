/// Turns the tokens of one invocation into a command and its values, following the declarations only.
///
/// Global options (`--output`, `--query`, `--home`, ...) may stand anywhere; `--opt=value`, `--opt value`
/// and `--` work everywhere; `-h`/`--help` anywhere asks for the help of the command named so far.
///
/// Each value is converted as it is read, in this order: az's `@file` expansion (az commands only), the match of
/// an allowed value, then the declaration's conversion (`ValueConversion`); a value that fails is a `UsageError`
/// naming the option. With `-h`/`--help` nothing is expanded or converted (allowed values are still checked): no
/// handler will run.
struct ArgumentParser {
    struct Invocation {
        var path: [CommandSpec]
        var arguments: ParsedArguments
        var global: ParsedArguments
        var helpRequested: Bool

        var command: CommandSpec { path.last! }
        var names: [String] { path.map(\.name) }
    }

    let root: CommandSpec
    let globalOptions: [OptionSpec]
    /// Replaces a value of an az command's own option before it is converted (az's `@file`); may throw
    /// `CommandFailure`.
    var azValueExpansion: (@Sendable (_ value: String, _ option: OptionSpec) throws -> String)?

    init(
        root: CommandSpec, globalOptions: [OptionSpec],
        azValueExpansion: (@Sendable (_ value: String, _ option: OptionSpec) throws -> String)? = nil
    ) {
        self.root = root
        self.globalOptions = globalOptions
        self.azValueExpansion = azValueExpansion
    }

    func parse(_ tokens: [String]) throws -> Invocation {
        let helpRequested = tokens.prefix { $0 != "--" }.contains { $0 == "-h" || $0 == "--help" }
        var global = ParsedArguments()
        global.declare(options: globalOptions, arguments: [])
        var invocation = Invocation(
            path: [root], arguments: ParsedArguments(), global: global, helpRequested: helpRequested)
        var index = 0
        var onlyPositionals = false
        var positionalTokens: [String] = []
        var filledByOption: Set<String> = []

        var commandPath: [String] = []
        func currentError(_ kind: UsageError.Kind) -> UsageError {
            UsageError(kind, commandPath: commandPath)
        }

        while index < tokens.count {
            let token = tokens[index]
            index += 1

            if !onlyPositionals, token == "--" {
                onlyPositionals = true
                continue
            }
            if !onlyPositionals, Self.looksLikeOption(token) {
                if token == "-h" || token == "--help" { continue }
                var (name, inlineValue) = Self.split(token)
                let command = invocation.command
                // `-otsv`, `-nNAME`: a short option with its value attached, as az (argparse) reads it.
                if inlineValue == nil, !name.hasPrefix("--"), name.count > 2,
                   Self.find(name, in: command.options) == nil, Self.find(name, in: globalOptions) == nil {
                    let short = String(name.prefix(2))
                    let option = Self.find(short, in: command.options) ?? Self.find(short, in: globalOptions)
                    let argument = command.arguments.first { $0.isAlsoOption && $0.short.map { "-\($0)" } == short }
                    if argument != nil || option.map({ $0.arity == .single || $0.arity == .multiple }) == true {
                        inlineValue = String(name.dropFirst(2))
                        name = short
                    }
                }
                if let argument = command.arguments.first(where: { argument in
                    argument.isAlsoOption
                        && (name == "--\(argument.name)" || argument.short.map { name == "-\($0)" } == true)
                }) {
                    let value: String
                    if let inlineValue {
                        value = inlineValue
                    } else if index < tokens.count, !Self.looksLikeOption(tokens[index]) {
                        value = tokens[index]
                        index += 1
                    } else {
                        throw currentError(.missingValue(OptionSpec.Identity(
                            displayName: "--\(argument.name)", azName: "--\(argument.name)",
                            synopsis: "--\(argument.name) <\(argument.name)>")))
                    }
                    if helpRequested { continue }
                    try bind(value, to: argument, in: &invocation.arguments, error: currentError)
                    filledByOption.insert(argument.name)
                } else if let option = Self.find(name, in: command.options) {
                    try consume(
                        option, inlineValue: inlineValue, tokens: tokens, index: &index,
                        into: &invocation.arguments, expanding: command.dialect == .az,
                        converting: !helpRequested, takesPositionals: !command.arguments.isEmpty,
                        error: currentError)
                } else if let option = Self.find(name, in: globalOptions) {
                    try consume(
                        option, inlineValue: inlineValue, tokens: tokens, index: &index,
                        into: &invocation.global, expanding: false, converting: !helpRequested,
                        error: currentError)
                } else if invocation.helpRequested {
                    continue
                } else {
                    let candidates = (command.options + globalOptions).filter { !$0.isHidden }.flatMap { option in
                        [option.displayName] + option.aliases.map { "--\($0)" }
                    } + command.arguments.filter(\.isAlsoOption).map { "--\($0.name)" }
                    throw currentError(.unknownOption(name, suggestion: Suggestions.closest(to: name, in: candidates)))
                }
                continue
            }

            let command = invocation.command
            if command.handler == nil || (!command.subcommands.isEmpty && positionalTokens.isEmpty) {
                if let next = command.subcommand(named: token) {
                    invocation.path.append(next)
                    commandPath.append(next.name)
                    continue
                }
                // A group that takes no arguments (`clock`) reads any word as a mistyped subcommand.
                if command.handler == nil || command.arguments.isEmpty {
                    if invocation.helpRequested { continue }
                    let names = command.subcommands.map(\.name)
                    // `acrcmk version`: the version is a flag, as in swift-argument-parser tools.
                    let suggestion = invocation.path.count == 1 && token == "version"
                        ? "--version" : Suggestions.closest(to: token, in: names)
                    throw currentError(.unknownSubcommand(token, suggestion: suggestion))
                }
            }
            positionalTokens.append(token)
        }

        if invocation.helpRequested { return invocation }
        // Positionals fill, in order, the arguments not already given in their option form.
        let free = invocation.command.arguments.filter { !filledByOption.contains($0.name) }
        var freeIndex = 0
        for token in positionalTokens {
            guard freeIndex < free.count else {
                // `check-health myreg`: the word is most likely the value of the one required option not given.
                let missing = invocation.command.options.filter {
                    $0.isRequired && $0.arity == .single && !invocation.arguments.has($0.name)
                }
                let suggestion = missing.count == 1 ? "--\(missing[0].name) \(token)" : nil
                throw currentError(.unexpectedArgument(token, suggestion: suggestion))
            }
            let argument = free[freeIndex]
            try bind(token, to: argument, in: &invocation.arguments, error: currentError)
            if !argument.isVariadic { freeIndex += 1 }
        }
        try validate(invocation, error: currentError)
        invocation.arguments.declare(options: invocation.command.options, arguments: invocation.command.arguments)
        return invocation
    }

    /// Converts a positional value (given in place or in its option form) and records it.
    private func bind(
        _ token: String, to argument: ArgumentSpec, in arguments: inout ParsedArguments,
        error: (UsageError.Kind) -> UsageError
    ) throws {
        var converted: any Sendable = token
        if let conversion = argument.conversion {
            switch conversion.convert(token) {
            case .success(let value): converted = value
            case .failure(let failure): throw error(.unconvertibleValue(token, argument: argument.identity, failure))
            }
        }
        arguments.appendPositional(token, converted: converted, to: argument.name)
    }

    private func validate(_ invocation: Invocation, error: (UsageError.Kind) -> UsageError) throws {
        let command = invocation.command
        if command.handler == nil {
            throw error(.missingSubcommand)
        }
        let missing = command.options.filter { $0.isRequired && !invocation.arguments.has($0.name) }
        if !missing.isEmpty {
            throw error(.missingOptions(missing.map(\.identity)))
        }
        for argument in command.arguments where argument.isRequired {
            if invocation.arguments.positionalList(argument.name).isEmpty {
                throw error(.missingArgument(argument.name))
            }
        }
    }

    private func consume(
        _ option: OptionSpec,
        inlineValue: String?,
        tokens: [String],
        index: inout Int,
        into arguments: inout ParsedArguments,
        expanding: Bool,
        converting: Bool,
        takesPositionals: Bool = true,
        error: (UsageError.Kind) -> UsageError
    ) throws {
        /// One value as the option's type: expanded (az's `@file`), matched to an allowed value, converted.
        func convert(_ text: String) throws -> (text: String, value: any Sendable) {
            var text = text
            if converting, expanding, let azValueExpansion { text = try azValueExpansion(text, option) }
            text = try normalise(text, for: option, error: error)
            guard converting, let conversion = option.conversion else { return (text, text) }
            switch conversion.convert(text) {
            case .success(let value): return (text, value)
            case .failure(let failure): throw error(.unconvertibleValue(text, argument: option.identity, failure))
            }
        }

        switch option.arity {
        case .flag:
            if let inlineValue {
                guard let flag = Self.boolean(inlineValue) else {
                    throw error(.invalidValue(inlineValue, option: option.identity, allowed: ["true", "false"]))
                }
                if flag { arguments.mark(option.name) }
            } else {
                arguments.mark(option.name)
            }
        case .threeState:
            var value = "true"
            if let inlineValue {
                value = inlineValue
            } else if index < tokens.count, Self.boolean(tokens[index]) != nil {
                value = tokens[index]
                index += 1
            } else if index < tokens.count, !Self.looksLikeOption(tokens[index]), !takesPositionals {
                // `--admin-enabled maybe`: the word can only be meant as the flag's value.
                throw error(.invalidValue(tokens[index], option: option.identity, allowed: ["true", "false"]))
            }
            guard let flag = Self.boolean(value) else {
                throw error(.invalidValue(value, option: option.identity, allowed: ["true", "false"]))
            }
            let text = flag ? "true" : "false"
            arguments.append(text, converted: try convert(text).value, to: option.name)
        case .single:
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < tokens.count, !Self.looksLikeOption(tokens[index]) || Self.isNegativeNumber(tokens[index])
            {
                value = tokens[index]
                index += 1
            } else {
                throw error(.missingValue(option.identity))
            }
            let (text, converted) = try convert(value)
            arguments.append(text, converted: converted, to: option.name)
        case .multiple:
            var taken: [String] = []
            if let inlineValue { taken.append(inlineValue) }
            while index < tokens.count, !Self.looksLikeOption(tokens[index]) || Self.isNegativeNumber(tokens[index]) {
                taken.append(tokens[index])
                index += 1
            }
            guard !taken.isEmpty else { throw error(.missingValue(option.identity)) }
            arguments.mark(option.name)
            for value in taken {
                let (text, converted) = try convert(value)
                arguments.append(text, converted: converted, to: option.name)
            }
        }
    }

    /// Matches an allowed value case-insensitively and returns its declared spelling.
    private func normalise(_ value: String, for option: OptionSpec, error: (UsageError.Kind) -> UsageError) throws
        -> String
    {
        guard let allowed = option.allowedValues else { return value }
        if let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) { return match }
        throw error(
            .invalidValue(
                value, option: option.identity, allowed: allowed,
                suggestion: Suggestions.closest(to: value, in: allowed)))
    }

    static func find(_ token: String, in options: [OptionSpec]) -> OptionSpec? {
        if token.hasPrefix("--") {
            let name = String(token.dropFirst(2))
            return options.first { $0.name == name || $0.aliases.contains(name) }
        }
        guard token.count == 2, let letter = token.last else { return nil }
        return options.first { $0.short == letter }
    }

    static func split(_ token: String) -> (name: String, value: String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    static func looksLikeOption(_ token: String) -> Bool {
        token.count > 1 && token.hasPrefix("-") && !isNegativeNumber(token)
    }

    static func isNegativeNumber(_ token: String) -> Bool {
        token.hasPrefix("-") && Double(token) != nil
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }
}
