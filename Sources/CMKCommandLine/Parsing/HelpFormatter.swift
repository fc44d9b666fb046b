import Foundation

/// Renders help from the same declarations the parser reads, in the layout of the dialect's tool.
struct HelpFormatter {
    let program: String
    let globalOptions: [OptionSpec]

    func help(for path: [CommandSpec]) -> String {
        switch path.last!.dialect {
        case .native: return nativeHelp(for: path)
        case .az: return azHelp(for: path)
        }
    }

    /// The one-line usage of a command, as shown under errors.
    func usage(for path: [CommandSpec]) -> String {
        let command = path.last!
        let name = commandName(path)
        if command.handler == nil { return "\(name) <subcommand>" }
        var parts = [name]
        for option in command.options where !option.isHidden {
            parts.append(option.isRequired ? option.synopsis : "[\(option.synopsis)]")
        }
        for argument in command.arguments {
            let label = "<\(argument.name)>" + (argument.isVariadic ? " ..." : "")
            parts.append(argument.isRequired ? label : "[\(label)]")
        }
        return parts.joined(separator: " ")
    }

    func commandName(_ path: [CommandSpec]) -> String {
        ([program] + path.dropFirst().map(\.name)).joined(separator: " ")
    }

    // MARK: - acrcmk's own layout (swift-argument-parser)

    private func nativeHelp(for path: [CommandSpec]) -> String {
        let command = path.last!
        var sections: [String] = []
        var overview = "OVERVIEW: \(command.abstract)"
        if let discussion = command.discussion { overview += "\n\n" + discussion }
        sections.append(overview)
        sections.append("USAGE: \(usage(for: path))")

        if !command.arguments.isEmpty {
            sections.append(
                "ARGUMENTS:\n" + command.arguments.map { row("<\($0.name)>", $0.help) }.joined(separator: "\n"))
        }
        var optionRows = command.options.filter { !$0.isHidden }.map { row(label(for: $0), describe($0)) }
        optionRows += globalOptions.filter { !$0.isHidden }.map { row(label(for: $0), describe($0)) }
        if path.count == 1 { optionRows.append(row("--version", "Show the version.")) }
        optionRows.append(row("-h, --help", "Show help information."))
        sections.append("OPTIONS:\n" + optionRows.joined(separator: "\n"))

        if !command.subcommands.isEmpty {
            var text = "SUBCOMMANDS:\n" + command.subcommands.map { row($0.name, $0.abstract) }.joined(separator: "\n")
            text +=
                "\n\n  See '\(program) help \(path.dropFirst().map(\.name).map { $0 + " " }.joined())<subcommand>' for detailed help."
            sections.append(text)
        }
        if !command.examples.isEmpty {
            sections.append("EXAMPLES:\n" + command.examples.map { "  " + $0 }.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func label(for option: OptionSpec) -> String {
        let names = ([option.short.map { "-\($0)" }].compactMap { $0 } + [option.synopsis]).joined(separator: ", ")
        return names
    }

    private func describe(_ option: OptionSpec) -> String {
        var text = option.help
        if let allowed = option.allowedValues { text += " (values: \(allowed.joined(separator: ", ")))" }
        if option.isRequired { text += " (required)" }
        if !option.aliases.isEmpty { text += " (alias: \(option.aliases.map { "--" + $0 }.joined(separator: ", ")))" }
        return text
    }

    private func row(_ label: String, _ text: String) -> String {
        let indent = "  "
        let column = 26
        let head = indent + label
        if head.count + 2 <= column {
            return head.padding(toLength: column, withPad: " ", startingAt: 0) + text
        }
        return head + "\n" + String(repeating: " ", count: column) + text
    }

    // MARK: - az's layout (knack)

    private func azHelp(for path: [CommandSpec]) -> String {
        let command = path.last!
        let name = commandName(path)
        var text = ""
        if command.handler == nil {
            text += "\nGroup\n    \(name) : \(command.abstract)\n"
            if let discussion = command.discussion { text += indentBlock(discussion, by: 8) + "\n" }
            let groups = command.subcommands.filter { $0.handler == nil }
            let leaves = command.subcommands.filter { $0.handler != nil }
            let width = (command.subcommands.map(\.name.count).max() ?? 0)
            if !groups.isEmpty {
                text += "\nSubgroups:\n"
                text +=
                    groups.map {
                        "    " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + " : " + $0.abstract
                    }
                    .joined(separator: "\n") + "\n"
            }
            if !leaves.isEmpty {
                text += "\nCommands:\n"
                text +=
                    leaves.map {
                        "    " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + " : " + $0.abstract
                    }
                    .joined(separator: "\n") + "\n"
            }
            return text
        }
        text += "\nCommand\n    \(name) : \(command.abstract)\n"
        if let discussion = command.discussion { text += indentBlock(discussion, by: 8) + "\n" }
        let visible = command.options.filter { !$0.isHidden }
        let labels = visible.map { option -> String in
            var label = "--\(option.name)" + (option.short.map { " -\($0)" } ?? "")
            label += option.aliases.map { " --\($0)" }.joined()
            if option.isRequired { label += " [Required]" }
            return label
        }
        let globals = globalOptions.filter { !$0.isHidden }
        let globalLabels = globals.map { "--\($0.name)" + ($0.short.map { " -\($0)" } ?? "") }
        let width = (labels + globalLabels + ["--help -h"]).map(\.count).max() ?? 0
        if !visible.isEmpty || !command.arguments.isEmpty {
            text += "\nArguments\n"
            for argument in command.arguments {
                text +=
                    "    " + argument.name.padding(toLength: width, withPad: " ", startingAt: 0) + " : " + argument.help
                    + "\n"
            }
            for (option, label) in zip(visible, labels) {
                var help = option.help
                if let allowed = option.allowedValues {
                    help += "  Allowed values: \(allowed.joined(separator: ", "))."
                }
                text += "    " + label.padding(toLength: width, withPad: " ", startingAt: 0) + " : " + help + "\n"
            }
        }
        text += "\nGlobal Arguments\n"
        for (option, label) in zip(globals, globalLabels) {
            text += "    " + label.padding(toLength: width, withPad: " ", startingAt: 0) + " : " + option.help + "\n"
        }
        text +=
            "    " + "--help -h".padding(toLength: width, withPad: " ", startingAt: 0)
            + " : Show this help message and exit.\n"
        if !command.examples.isEmpty {
            text += "\nExamples\n" + command.examples.map { "    " + $0 }.joined(separator: "\n\n") + "\n"
        }
        return text
    }

    private func indentBlock(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
