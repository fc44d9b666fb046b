import CMKCore
import JSON
import Foundation

/// Option declarations and value conversions the az commands share.
enum AzOptions {
    static let resourceGroup = OptionSpec(
        "resource-group", short: "g", valueName: "name",
        help:
            "Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.")
    static let requiredResourceGroup = { () -> OptionSpec in
        var spec = resourceGroup
        spec.isRequired = true
        return spec
    }()
    static let location = OptionSpec(
        "location", short: "l", valueName: "location",
        help: "Location. Values from: `az account list-locations`. Defaults to the resource group's location.")
    static let tags = OptionSpec(
        "tags", arity: .multiple, valueName: "tags",
        help: "Space-separated tags: key[=value] [key[=value] ...]. Use \"\" to clear existing tags.")
    static let yes = OptionSpec.flag("yes", short: "y", help: "Do not prompt for confirmation.")

    static func name(_ help: String, required: Bool = true) -> OptionSpec {
        OptionSpec("name", short: "n", valueName: "name", help: help, required: required)
    }
}

extension CommandContext {
    /// `--tags a=b c` as a dictionary; `nil` when not given, empty for `--tags ""`.
    func tags() -> [String: String]? {
        guard arguments.has("tags") else { return nil }
        var result: [String: String] = [:]
        for pair in arguments.strings("tags") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    /// A date option in the formats az accepts (`2027-01-01T00:00:00Z`).
    func date(_ option: String) throws -> Date? {
        guard let text = arguments.string(option) else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw CommandFailure(
                "argument --\(option): invalid datetime value: '\(text)'. Use the format "
                    + "'Y-m-d'T'H:M:S'Z'', e.g. 2027-01-01T00:00:00Z.", category: .usage)
        }
        return date
    }

    func integer(_ option: String) throws -> Int? {
        guard let text = arguments.string(option) else { return nil }
        guard let value = Int(text) else {
            throw CommandFailure("argument --\(option): invalid int value: '\(text)'", category: .usage)
        }
        return value
    }

    /// az's confirmation prompt: `--yes` skips it; without a terminal az refuses rather than guess.
    func confirm(_ question: String) throws {
        if arguments.flag("yes") { return }
        guard io.inputIsTerminal else {
            throw CommandFailure("Unable to prompt for confirmation as no tty available. Use --yes.")
        }
        io.writeError("\(question) (y/n): ")
        guard let answer = io.readLine()?.lowercased(), answer == "y" || answer == "yes" else {
            throw CommandFailure("Operation cancelled.")
        }
    }
}

extension CommandOutput {
    init(_ value: JSONValue) { self.init(value: value) }
}
