import CMKCore
import JSON
import Foundation

/// Option declarations the az commands share.
enum AzOptions {
    static let resourceGroup = Option<String?>(
        "resource-group", short: "g", valueName: "name",
        help:
            "Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.")
    static let requiredResourceGroup = resourceGroup.required()
    static let location = Option<String?>(
        "location", short: "l", valueName: "location",
        help: "Location. Values from: `az account list-locations`. Defaults to the resource group's location.")
    /// `--tags a=b c` as a dictionary; `nil` when not given, empty for `--tags ""`.
    static let tags = Option<[String]?>(
        "tags", valueName: "tags",
        help: "Space-separated tags: key[=value] [key[=value] ...]. Use \"\" to clear existing tags."
    ).map { pairs in pairs.map(tagDictionary) }
    static let yes = Option<Bool>(flag: "yes", short: "y", help: "Do not prompt for confirmation.")

    /// A command's required `--name/-n`.
    static func name(_ help: String) -> Option<String> {
        Option<String>("name", short: "n", valueName: "name", help: help)
    }

    /// A command's optional `--name/-n`.
    static func optionalName(_ help: String) -> Option<String?> {
        Option<String?>("name", short: "n", valueName: "name", help: help)
    }

    private static func tagDictionary(_ pairs: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }
}

extension CommandContext {
    /// az's confirmation prompt: `--yes` skips it; without a terminal az refuses rather than guess.
    func confirm(_ question: String) throws {
        if self[AzOptions.yes] { return }
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
