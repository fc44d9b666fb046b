import CMKCore
import Foundation
import JSON

/// az's generic update arguments on `az acr update` and `az keyvault update`: `--set path=value`,
/// `--remove path`, `--add path value` and `--force-string`, over the properties acrcmk simulates.
///
/// Paths are written as az prints the resource (`adminUserEnabled`, `properties.enablePurgeProtection`,
/// `tags.team`); camelCase or snake_case, with or without a leading `properties.`. Each settable path maps to the
/// same typed update the dedicated flag makes, so the rules (purge protection cannot be turned off, ...) hold.
struct AzGenericUpdate {
    static let set = Option<[String]?>(
        "set", valueName: "path=value",
        help: "Update an object by specifying a property path and value to set.  Example: "
            + "`--set properties.enablePurgeProtection=true` or `--set tags.team=platform`.")
    static let add = Option<[String]?>(
        "add", valueName: "path value",
        help: "Add an object to a list of objects by specifying a path and key value pairs. acrcmk adds to tags "
            + "(`--add tags team=platform`); lists have their own commands (named in the error).")
    static let remove = Option<[String]?>(
        "remove", valueName: "path",
        help: "Remove a property or an element from a list.  Example: `--remove tags.team` or `--remove tags`.")
    static let forceString = Option<Bool>(
        flag: "force-string",
        help: "When using 'set' or 'add', preserve string literals instead of attempting to convert to JSON.")
    static let options: [any CommandOption] = [set, add, remove, forceString]

    /// One path a command lets `--set` change, and how a value is applied.
    struct Property {
        var path: String
        var apply: (String) throws -> Void
    }

    let sets: [String]
    let adds: [String]
    let removes: [String]
    let forceString: Bool
    let resource: String

    init(_ context: CommandContext, resource: String) {
        sets = context[Self.set] ?? []
        adds = context[Self.add] ?? []
        removes = context[Self.remove] ?? []
        forceString = context[Self.forceString]
        self.resource = resource
    }

    var isEmpty: Bool { sets.isEmpty && adds.isEmpty && removes.isEmpty }

    static func normalised(_ path: String) -> String {
        var text = path.lowercased().replacingOccurrences(of: "_", with: "")
        if text.hasPrefix("properties.") { text.removeFirst("properties.".count) }
        return text
    }

    /// Applies the operations in order (az applies `--set`, then `--add`, then `--remove`).
    ///
    /// - Throws: `CommandFailure` (usage) naming a path acrcmk cannot change, with the paths it can.
    func apply(to properties: [Property], tags: inout [String: String]) throws {
        let byPath = Dictionary(properties.map { (Self.normalised($0.path), $0) }, uniquingKeysWith: { a, _ in a })
        let settable = (properties.map(\.path) + ["tags.<key>", "tags"]).joined(separator: ", ")
        for assignment in sets {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw usage("'--set \(assignment)' has no value: write --set <path>=<value>.")
            }
            let path = String(assignment[..<equals]), value = unquoted(String(assignment[assignment.index(after: equals)...]))
            let key = Self.normalised(path)
            if key.hasPrefix("tags.") {
                tags[String(path.split(separator: ".", maxSplits: 1)[1])] = value
            } else if key == "tags" {
                tags = try tagObject(value)
            } else if let property = byPath[key] {
                try property.apply(value)
            } else {
                throw usage("acrcmk cannot set '\(path)' on a \(resource). Settable: \(settable).")
            }
        }
        if !adds.isEmpty {
            guard Self.normalised(adds[0]) == "tags", adds.count > 1 else {
                throw usage("acrcmk cannot add to '\(adds[0])' on a \(resource): "
                    + (resource == "vault"
                        ? "use az keyvault set-policy for access policies and az keyvault network-rule add for "
                            + "network rules."
                        : "tags are the only list-like property here (--add tags key=value)."))
            }
            for pair in adds.dropFirst() {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                tags[parts[0]] = parts.count > 1 ? unquoted(parts[1]) : ""
            }
        }
        for path in removes {
            let key = Self.normalised(path)
            if key == "tags" {
                tags = [:]
            } else if key.hasPrefix("tags.") {
                let name = String(path.split(separator: ".", maxSplits: 1)[1])
                guard tags.removeValue(forKey: name) != nil else {
                    throw usage("Couldn't find '\(name)' in 'tags'. Available tags: "
                        + (tags.isEmpty ? "none" : tags.keys.sorted().joined(separator: ", ")) + ".")
                }
            } else {
                throw usage("acrcmk can remove tags.<key> or tags from a \(resource), not '\(path)'; set it instead: "
                    + "--set \(path)=<value>.")
            }
        }
    }

    private func unquoted(_ value: String) -> String {
        guard !forceString, value.count >= 2, let first = value.first, first == value.last, "\"'".contains(first)
        else { return value }
        return String(value.dropFirst().dropLast())
    }

    private func tagObject(_ text: String) throws -> [String: String] {
        guard let object = try? JSONValue.parse(text).objectValue else {
            throw usage("--set tags=... takes a JSON object, e.g. --set tags='{\"team\": \"platform\"}'.")
        }
        return Dictionary(uniqueKeysWithValues: object.map { key, value in (key, value.stringValue ?? value.serialized(.compact)) })
    }

    private func usage(_ message: String) -> CommandFailure {
        CommandFailure(message, category: .usage)
    }

    // MARK: - Conversions for the properties' setters

    static func bool(_ value: String, _ path: String) throws -> Bool {
        guard let flag = ArgumentParser.boolean(value) else {
            throw CommandFailure("'\(value)' is not a boolean for '\(path)': use true or false.", category: .usage)
        }
        return flag
    }

    static func int(_ value: String, _ path: String) throws -> Int {
        guard let number = Int(value) else {
            throw CommandFailure("'\(value)' is not a whole number for '\(path)'.", category: .usage)
        }
        return number
    }

    static func oneOf(_ value: String, _ allowed: [String], _ path: String) throws -> String {
        guard let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) else {
            throw CommandFailure("'\(value)' is not a valid value for '\(path)'. Allowed values: "
                                 + allowed.joined(separator: ", ") + ".", category: .usage)
        }
        return match
    }
}
