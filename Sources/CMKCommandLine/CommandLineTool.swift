import CMKCore
import Foundation
import JMESPath

/// The acrcmk command line: parses, dispatches, renders, and maps every outcome to an exit code.
public struct CommandLineTool: Sendable {
    public static let program = "acrcmk"

    let io: CommandIO
    let environment: [String: String]
    let services: ToolServices
    let root: CommandSpec

    public init(io: CommandIO, environment: [String: String], services: ToolServices) {
        self.io = io
        self.environment = environment
        self.services = services
        self.root = CommandTree.root()
    }

    private var helpFormatter: HelpFormatter {
        HelpFormatter(program: Self.program, globalOptions: GlobalOptions.specs)
    }

    /// Runs one invocation (the arguments without the program name) and returns the exit code.
    public func run(_ arguments: [String]) -> Int32 {
        if arguments.first == "--version" {
            io.writeOutput("\(Self.program) \(services.version)\n")
            return ExitCode.success
        }
        if arguments.first == "help" {
            return printHelp(topic: Array(arguments.dropFirst()))
        }
        if arguments == ["az", "--version"] {
            io.writeOutput(AzCommands.versionText(acrcmk: services.version))
            return ExitCode.success
        }

        let parser = ArgumentParser(
            root: root, globalOptions: GlobalOptions.specs, azValueExpansion: AzFileArguments.expand)
        let invocation: ArgumentParser.Invocation
        do {
            invocation = try parser.parse(try AzCompatibility.rewrite(arguments, root: root))
        } catch let error as UsageError {
            if error.kind == .missingSubcommand {
                // A group named alone (`acrcmk`, `acrcmk az acr`) shows its help, as az and git do.
                io.writeOutput(helpFormatter.help(for: resolvePath(error.commandPath)))
                return ExitCode.success
            }
            return report(error, path: resolvePath(error.commandPath))
        } catch let failure as CommandFailure {
            // Only az's `@file` expansion and the rewriting of `--ids` fail this way.
            return report(failure, dialect: .az)
        } catch {
            preconditionFailure("the argument parser throws only UsageError and CommandFailure, not \(error)")
        }

        if invocation.helpRequested {
            io.writeOutput(helpFormatter.help(for: invocation.path))
            return ExitCode.success
        }

        let command = invocation.command
        let settings: GlobalSettings
        do {
            settings = try GlobalSettings(invocation.global, environment: environment)
        } catch {
            return report(error, path: invocation.path)
        }
        var query: JMESPathExpression?
        if let text = settings.queryText {
            do {
                query = try JMESPathExpression(text)
            } catch {
                return report(UsageError(.message(Self.describeQueryError(error, text: text))), path: invocation.path)
            }
        }

        let context = CommandContext(
            commandPath: invocation.names, arguments: invocation.arguments, settings: settings, io: io,
            environment: environment, services: services, dialect: command.dialect)
        context.debug(
            "command: \(invocation.names.joined(separator: " ")); state home: \(settings.home); "
                + "output: \(settings.requestedFormat?.rawValue ?? "default")"
                + (settings.queryText.map { "; query: \($0)" } ?? ""))
        let output: CommandOutput
        do {
            output = try command.handler!(context)
        } catch let failure as CommandFailure {
            return report(failure, dialect: command.dialect)
        } catch let error as CMKError {
            return report(CommandFailure(error), dialect: command.dialect)
        } catch let error as UsageError {
            return report(error, path: invocation.path)
        } catch {
            return report(CommandFailure("\(error)"), dialect: command.dialect)
        }
        return emit(output, settings: settings, query: query, dialect: command.dialect)
    }

    // MARK: - Output

    private func emit(
        _ output: CommandOutput, settings: GlobalSettings, query: JMESPathExpression?, dialect: CommandDialect
    ) -> Int32 {
        if settings.requestedFormat == nil, query == nil, let text = output.text {
            io.writeOutput(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
            return output.exitCode
        }
        guard var value = output.value else { return output.exitCode }
        if let query {
            do {
                value = try query.search(value)
            } catch {
                return report(
                    CommandFailure(Self.describeQueryError(error, text: query.text), category: .usage), dialect: dialect
                )
            }
            // az prints nothing when a query selects null (knack skips a None result).
            if dialect == .az, value == .null { return output.exitCode }
        }
        let format = settings.requestedFormat ?? .json
        let colored = ColorPolicy.shouldColor(isTerminal: io.outputIsTerminal, environment: environment)
        let renderer = OutputRenderer(format: format, preserveKeyOrder: query != nil, colored: colored)
        io.writeOutput(renderer.render(value))
        return output.exitCode
    }

    static func describeQueryError(_ error: any Error, text: String) -> String {
        if let error = error as? JMESPathError { return error.description }
        return "Invalid jmespath query supplied for '--query': \(error)"
    }

    // MARK: - Help

    private func printHelp(topic: [String]) -> Int32 {
        var path = [root]
        for name in topic {
            guard let next = path.last!.subcommand(named: name) else {
                let suggestion = Suggestions.closest(to: name, in: path.last!.subcommands.map(\.name))
                return report(
                    UsageError(
                        .unknownSubcommand(name, suggestion: suggestion),
                        commandPath: path.dropFirst().map(\.name)), path: path)
            }
            path.append(next)
        }
        io.writeOutput(helpFormatter.help(for: path))
        return ExitCode.success
    }

    private func resolvePath(_ names: [String]) -> [CommandSpec] {
        var path = [root]
        for name in names {
            guard let next = path.last!.subcommand(named: name) else { break }
            path.append(next)
        }
        return path
    }

    // MARK: - Errors

    private func report(_ error: UsageError, path: [CommandSpec]) -> Int32 {
        let command = path.last!
        let name = helpFormatter.commandName(path)
        switch command.dialect {
        case .native:
            var text = "ERROR: \(error.message(dialect: .native, program: name))\n"
            text += "Usage: \(helpFormatter.usage(for: path))\n"
            text += "  See '\(Self.program) help\(path.dropFirst().map { " " + $0.name }.joined())' for more details.\n"
            io.writeError(text)
            return ExitCode.usage
        case .az:
            var text = "ERROR: \(error.message(dialect: .az, program: name))\n"
            text += "\nTo learn more about the command, run '\(name) --help'.\n"
            io.writeError(text)
            return ExitCode.azUsage
        }
    }

    private func report(_ failure: CommandFailure, dialect: CommandDialect) -> Int32 {
        var text: String
        switch dialect {
        case .az:
            if let code = failure.code {
                text = "ERROR: (\(code)) \(failure.message)\nCode: \(code)\nMessage: \(failure.message)\n"
            } else {
                text = "ERROR: \(failure.message)\n"
            }
        case .native:
            text = "ERROR: " + (failure.code.map { "(\($0)) " } ?? "") + failure.message + "\n"
        }
        if let hint = failure.hint { text += "Hint: \(hint)\n" }
        io.writeError(text)
        return failure.exitCode(for: dialect)
    }
}
