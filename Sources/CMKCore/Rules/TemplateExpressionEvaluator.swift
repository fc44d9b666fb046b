import CMKCrypto
import Foundation
import JSON

/// Where an expression failed: ARM's reason, the expression text, and its line and column in the template.
public struct TemplateEvaluationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var expression: String?
    public var position: TemplatePosition?

    public init(_ message: String, expression: String? = nil, position: TemplatePosition? = nil) {
        self.message = message
        self.expression = expression
        self.position = position
    }

    /// The expression as messages show it: whole when short, else its first 200 characters and a count.
    public var shownExpression: String? {
        guard let expression else { return nil }
        guard expression.count > 200 else { return expression }
        return expression.prefix(200) + "… (\(expression.count) characters)"
    }

    public var description: String {
        var text = message
        if let shownExpression { text += " Expression: '\(shownExpression)'" }
        if let position { text += " (template \(position))" }
        return text
    }
}

/// Evaluates template nodes: literals as they are, `[...]` strings through ARM's expression language.
///
/// Knows parameters and variables; everything about the world (`reference()`) comes through
/// `Environment`, so the evaluator stays a pure function of its inputs.
public final class TemplateExpressionEvaluator {
    /// What the expressions can see of the deployment's surroundings.
    public struct Environment {
        public var subscriptionId: String
        public var subscriptionName: String
        public var tenantId: String
        public var resourceGroupName: String
        public var resourceGroupLocation: String
        public var deploymentName: String
        /// Resolves `reference(idOrName, apiVersion, 'Full')`: the resource's properties, or the whole resource.
        public var reference: (_ id: String, _ full: Bool) throws -> JSONValue

        public init(
            subscriptionId: String, subscriptionName: String, tenantId: String, resourceGroupName: String,
            resourceGroupLocation: String, deploymentName: String,
            reference: @escaping (_ id: String, _ full: Bool) throws -> JSONValue
        ) {
            self.subscriptionId = subscriptionId
            self.subscriptionName = subscriptionName
            self.tenantId = tenantId
            self.resourceGroupName = resourceGroupName
            self.resourceGroupLocation = resourceGroupLocation
            self.deploymentName = deploymentName
            self.reference = reference
        }
    }

    public var environment: Environment
    private var parameters: [String: JSONValue] = [:]
    private var variableNodes: [String: TemplateNode] = [:]
    private var variableValues: [String: JSONValue] = [:]
    private var variablesInProgress: Set<String> = []

    /// - Parameters:
    ///   - environment: Subscription, group, deployment and the `reference()` resolver.
    ///   - parameters: Final parameter values by name (any case).
    ///   - variables: The template's `variables` object node, evaluated lazily on first use.
    public init(environment: Environment, parameters: [String: JSONValue] = [:], variables: TemplateNode? = nil) {
        self.environment = environment
        for (name, value) in parameters { self.parameters[name.lowercased()] = value }
        for member in variables?.members ?? [] { variableNodes[member.key.lowercased()] = member.value }
    }

    /// Makes a parameter visible to later expressions (defaults may use earlier parameters).
    public func setParameter(_ name: String, _ value: JSONValue) {
        parameters[name.lowercased()] = value
    }

    /// Evaluates a node: every string that is an expression, including object keys, recursively.
    ///
    /// - Throws: `TemplateEvaluationFailure` with the innermost failing expression and its position.
    public func evaluate(_ node: TemplateNode) throws -> JSONValue {
        switch node.value {
        case .null, .bool, .number: return node.value
        case .string(let text): return try evaluate(string: text, at: node.position)
        case .array: return .array(try node.elements.map(evaluate))
        case .object:
            var object = JSONObject()
            for member in node.members {
                let key = try evaluate(string: member.key, at: member.keyPosition)
                object[ignoringCase: key.armText] = try evaluate(member.value)
            }
            return .object(object)
        }
    }

    /// Evaluates one template string found at `position`.
    public func evaluate(string text: String, at position: TemplatePosition?) throws -> JSONValue {
        do {
            switch try TemplateExpression.content(of: text) {
            case .literal(let literal): return .string(literal)
            case .expression(let expression): return try evaluate(expression)
            }
        } catch let failure as TemplateEvaluationFailure {
            guard failure.position == nil else { throw failure }
            throw TemplateEvaluationFailure(failure.message, expression: text, position: position)
        } catch let error as TemplateExpressionError {
            throw TemplateEvaluationFailure(error.message, expression: text, position: position)
        } catch let error as CMKError {
            throw TemplateEvaluationFailure(error.description, expression: text, position: position)
        }
    }

    /// Evaluates a parsed expression.
    public func evaluate(_ expression: TemplateExpression) throws -> JSONValue {
        switch expression {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .call(let name, let arguments): return try Self.bounded(try call(name, arguments.map(evaluate)), by: name)
        case .property(let base, let name):
            let value = try evaluate(base)
            guard let object = value.objectValue else {
                throw TemplateExpressionError(
                    "The language expression property '\(name)' can't be evaluated: the "
                        + "value is of type '\(value.armTypeName)', not an object")
            }
            guard let member = object[ignoringCase: name] else {
                throw TemplateExpressionError(
                    "The language expression property '\(name)' doesn't exist, available "
                        + "properties are '\(object.keys.joined(separator: ", "))'")
            }
            return member
        case .index(let base, let index):
            let value = try evaluate(base)
            let key = try evaluate(index)
            if let items = value.arrayValue, let position = key.armInt {
                guard items.indices.contains(position) else {
                    throw TemplateExpressionError(
                        "The language expression index '\(position)' is out of bounds "
                            + "(the array has \(items.count) items)")
                }
                return items[position]
            }
            if let object = value.objectValue, let name = key.stringValue {
                guard let member = object[ignoringCase: name] else {
                    throw TemplateExpressionError(
                        "The language expression property '\(name)' doesn't exist, "
                            + "available properties are '\(object.keys.joined(separator: ", "))'")
                }
                return member
            }
            throw TemplateExpressionError(
                "The language expression cannot index a value of type '\(value.armTypeName)' "
                    + "with '\(key.armText)'")
        }
    }

    /// The largest string (in UTF-8 bytes) and the most items of an array or object a function may return: ARM
    /// refuses templates over 4 MB, so no real value comes near, and a template that doubles a value forty times
    /// fails here instead of exhausting memory.
    static let maximumValueBytes = 4 << 20
    static let maximumValueItems = 100_000

    private static func bounded(_ value: JSONValue, by function: String) throws -> JSONValue {
        let tooBig: String? = switch value {
        case .string(let text) where text.utf8.count > maximumValueBytes: "a string of \(text.utf8.count) bytes"
        case .array(let items) where items.count > maximumValueItems: "an array of \(items.count) items"
        case .object(let members) where members.count > maximumValueItems: "an object of \(members.count) members"
        default: nil
        }
        if let tooBig {
            throw TemplateExpressionError(
                "The template function '\(function)' produced \(tooBig), more than acrcmk evaluates (strings up to "
                    + "\(maximumValueBytes >> 20) MiB, arrays and objects up to \(maximumValueItems) items); "
                    + "ARM refuses templates over 4 MB")
        }
        return value
    }

    // MARK: - Functions

    /// The functions CMK templates use, by lowercase name.
    public static let functionNames: Set<String> = [
        "parameters", "variables", "resourceid", "subscriptionresourceid", "resourcegroup", "subscription",
        "deployment", "reference", "concat", "format", "uniquestring", "guid", "tolower", "toupper", "string", "int",
        "bool", "equals", "if", "not", "and", "or", "empty", "length", "contains", "replace", "substring",
        "createarray", "createobject", "json", "first", "last", "split", "trim", "startswith", "endswith", "true",
        "false", "null",
    ]

    private func call(_ name: String, _ arguments: [JSONValue]) throws -> JSONValue {
        let lower = name.lowercased()
        guard Self.functionNames.contains(lower) else {
            throw TemplateExpressionError(
                "The template function '\(name)' is not valid. Please see "
                    + "https://aka.ms/arm-functions for usage details")
        }
        func strings() throws -> [String] {
            try arguments.map { argument in
                guard let text = argument.stringValue else {
                    throw TemplateExpressionError(
                        "The template function '\(name)' expects string arguments; got "
                            + "'\(argument.armTypeName)'")
                }
                return text
            }
        }
        func count(_ range: ClosedRange<Int>) throws {
            guard range.contains(arguments.count) else {
                let expected =
                    range.lowerBound == range.upperBound
                    ? "\(range.lowerBound)"
                    : "between \(range.lowerBound) and \(range.upperBound)"
                throw TemplateExpressionError(
                    "The template language function '\(name)' must have \(expected) "
                        + "argument(s); \(arguments.count) given")
            }
        }
        switch lower {
        case "parameters":
            try count(1...1)
            let key = try strings()[0]
            guard let value = parameters[key.lowercased()] else {
                throw TemplateExpressionError(
                    "The template parameter '\(key)' is not found. Please see "
                        + "https://aka.ms/arm-syntax-parameters for usage details")
            }
            return value
        case "variables":
            try count(1...1)
            return try variable(try strings()[0])
        case "resourceid":
            return .string(try resourceID(try strings(), subscriptionScoped: false))
        case "subscriptionresourceid":
            return .string(try resourceID(try strings(), subscriptionScoped: true))
        case "resourcegroup":
            try count(0...0)
            let id = "/subscriptions/\(environment.subscriptionId)/resourceGroups/\(environment.resourceGroupName)"
            return .object([
                "id": .string(id), "name": .string(environment.resourceGroupName),
                "type": "Microsoft.Resources/resourceGroups", "location": .string(environment.resourceGroupLocation),
                "properties": .object(["provisioningState": "Succeeded"]),
            ])
        case "subscription":
            try count(0...0)
            return .object([
                "id": .string("/subscriptions/\(environment.subscriptionId)"),
                "subscriptionId": .string(environment.subscriptionId), "tenantId": .string(environment.tenantId),
                "displayName": .string(environment.subscriptionName),
            ])
        case "deployment":
            try count(0...0)
            return .object([
                "name": .string(environment.deploymentName),
                "properties": .object(["mode": "Incremental"]),
            ])
        case "reference":
            try count(1...3)
            guard let target = arguments[0].stringValue else {
                throw TemplateExpressionError("The template function 'reference' expects a resource id or name")
            }
            let full = arguments.count == 3 && arguments[2].stringValue?.lowercased() == "full"
            return try environment.reference(target, full)
        case "concat":
            if arguments.allSatisfy({ $0.arrayValue != nil }), !arguments.isEmpty {
                return .array(arguments.flatMap { $0.arrayValue! })
            }
            return .string(arguments.map(\.armText).joined())
        case "format":
            try count(1...64)
            return .string(try Self.format(arguments[0].armText, Array(arguments.dropFirst())))
        case "uniquestring":
            try count(1...64)
            return .string(TemplateUniqueString.make(try strings()))
        case "guid":
            try count(1...64)
            return .string(Self.deterministicGUID(try strings()))
        case "tolower":
            try count(1...1)
            return .string(arguments[0].armText.lowercased())
        case "toupper":
            try count(1...1)
            return .string(arguments[0].armText.uppercased())
        case "string":
            try count(1...1)
            return .string(arguments[0].armText)
        case "int":
            try count(1...1)
            guard let number = arguments[0].armInt else {
                throw TemplateExpressionError("The template function 'int' cannot convert '\(arguments[0].armText)'")
            }
            return .number(Double(number))
        case "bool":
            try count(1...1)
            guard let flag = arguments[0].armBool ?? arguments[0].armInt.map({ $0 != 0 }) else {
                throw TemplateExpressionError("The template function 'bool' cannot convert '\(arguments[0].armText)'")
            }
            return .bool(flag)
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "equals":
            try count(2...2)
            return .bool(arguments[0] == arguments[1])
        case "if":
            try count(3...3)
            guard let condition = arguments[0].armBool else {
                throw TemplateExpressionError("The template function 'if' expects a boolean condition")
            }
            return condition ? arguments[1] : arguments[2]
        case "not":
            try count(1...1)
            return .bool(!(arguments[0].armBool ?? false))
        case "and":
            try count(2...64)
            return .bool(arguments.allSatisfy { $0.armBool == true })
        case "or":
            try count(2...64)
            return .bool(arguments.contains { $0.armBool == true })
        case "empty":
            try count(1...1)
            switch arguments[0] {
            case .null: return .bool(true)
            case .string(let text): return .bool(text.isEmpty)
            case .array(let items): return .bool(items.isEmpty)
            case .object(let object): return .bool(object.isEmpty)
            default: return .bool(false)
            }
        case "length":
            try count(1...1)
            switch arguments[0] {
            case .string(let text): return .number(Double(text.count))
            case .array(let items): return .number(Double(items.count))
            case .object(let object): return .number(Double(object.count))
            default: throw TemplateExpressionError("The template function 'length' expects a string, array or object")
            }
        case "contains":
            try count(2...2)
            switch arguments[0] {
            case .string(let text): return .bool(text.lowercased().contains(arguments[1].armText.lowercased()))
            case .array(let items): return .bool(items.contains(arguments[1]))
            case .object(let object): return .bool(object[ignoringCase: arguments[1].armText] != nil)
            default: return .bool(false)
            }
        case "replace":
            try count(3...3)
            let parts = try strings()
            return .string(parts[0].replacingOccurrences(of: parts[1], with: parts[2]))
        case "substring":
            try count(2...3)
            let text = Array(arguments[0].armText)
            let start = arguments[1].armInt ?? 0
            let length = arguments.count == 3 ? (arguments[2].armInt ?? 0) : text.count - start
            guard start >= 0, length >= 0, start + length <= text.count else {
                throw TemplateExpressionError(
                    "The index and length parameters must refer to a location within "
                        + "the string '\(arguments[0].armText)'")
            }
            return .string(String(text[start..<(start + length)]))
        case "createarray":
            return .array(arguments)
        case "createobject":
            guard arguments.count % 2 == 0 else {
                throw TemplateExpressionError("The template function 'createObject' expects name/value pairs")
            }
            var object = JSONObject()
            for pair in stride(from: 0, to: arguments.count, by: 2) {
                object[ignoringCase: arguments[pair].armText] = arguments[pair + 1]
            }
            return .object(object)
        case "json":
            try count(1...1)
            do {
                return try JSONValue.parse(arguments[0].armText)
            } catch {
                throw TemplateExpressionError(
                    "The template function 'json' got text that is not JSON: "
                        + "'\(arguments[0].armText)'")
            }
        case "first", "last":
            try count(1...1)
            let items: [JSONValue]
            switch arguments[0] {
            case .string(let text): items = text.map { .string(String($0)) }
            case .array(let values): items = values
            default: throw TemplateExpressionError("The template function '\(name)' expects a string or array")
            }
            return (lower == "first" ? items.first : items.last) ?? (arguments[0].stringValue != nil ? "" : .null)
        case "split":
            try count(2...2)
            let parts = try strings()
            return .array(parts[0].components(separatedBy: parts[1]).map(JSONValue.string))
        case "trim":
            try count(1...1)
            return .string(arguments[0].armText.trimmingCharacters(in: .whitespaces))
        case "startswith", "endswith":
            try count(2...2)
            let parts = try strings().map { $0.lowercased() }
            return .bool(lower == "startswith" ? parts[0].hasPrefix(parts[1]) : parts[0].hasSuffix(parts[1]))
        default:
            preconditionFailure("function \(name) is listed but not implemented")
        }
    }

    private func variable(_ name: String) throws -> JSONValue {
        let key = name.lowercased()
        if let value = variableValues[key] { return value }
        guard let node = variableNodes[key] else {
            throw TemplateExpressionError(
                "The template variable '\(name)' is not found. Please see "
                    + "https://aka.ms/arm-syntax-variables for usage details")
        }
        guard !variablesInProgress.contains(key) else {
            throw TemplateExpressionError("The template variable '\(name)' refers to itself (circular definition)")
        }
        variablesInProgress.insert(key)
        defer { variablesInProgress.remove(key) }
        let value = try evaluate(node)
        variableValues[key] = value
        return value
    }

    /// `resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...)`.
    private func resourceID(_ arguments: [String], subscriptionScoped: Bool) throws -> String {
        let function = subscriptionScoped ? "subscriptionResourceId" : "resourceId"
        guard let typeIndex = arguments.firstIndex(where: { $0.contains("/") }) else {
            throw TemplateExpressionError(
                "The template function '\(function)' needs a resource type such as "
                    + "'Microsoft.ManagedIdentity/userAssignedIdentities'")
        }
        let leading = Array(arguments[..<typeIndex])
        let type = arguments[typeIndex]
        let names = Array(arguments[(typeIndex + 1)...])
        let expectedNames = type.split(separator: "/").count - 1
        guard names.count == expectedNames, leading.count <= (subscriptionScoped ? 1 : 2) else {
            throw TemplateExpressionError(
                "Unable to evaluate template language function '\(function)': the type "
                    + "'\(type)' requires '\(expectedNames)' resource name argument(s), \(names.count) given")
        }
        var subscription = environment.subscriptionId
        var group: String? = subscriptionScoped ? nil : environment.resourceGroupName
        if subscriptionScoped {
            if let given = leading.first { subscription = given }
        } else if leading.count == 2 {
            subscription = leading[0]
            group = leading[1]
        } else if leading.count == 1 {
            group = leading[0]
        }
        return TemplateResourceID(subscriptionId: subscription, resourceGroup: group, type: type, names: names)
            .description
    }

    /// .NET composite formatting as `format()` uses it: `{0}`, `{1}`, with `{{` and `}}` for braces.
    static func format(_ pattern: String, _ values: [JSONValue]) throws -> String {
        var result = ""
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            if character == "{", characters.first == "{" {
                characters.removeFirst()
                result.append("{")
            } else if character == "}", characters.first == "}" {
                characters.removeFirst()
                result.append("}")
            } else if character == "{" {
                guard let close = characters.firstIndex(of: "}") else {
                    throw TemplateExpressionError("The format string '\(pattern)' has an unclosed '{'")
                }
                let inside = String(characters[..<close])
                characters = characters[characters.index(after: close)...]
                let indexText = inside.split(separator: ":").first.map(String.init) ?? ""
                guard let index = Int(indexText.trimmingCharacters(in: .whitespaces)), values.indices.contains(index)
                else {
                    throw TemplateExpressionError(
                        "The format string '\(pattern)' refers to argument '{\(inside)}', "
                            + "but only \(values.count) value(s) were given")
                }
                result += values[index].armText
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A stable GUID from the arguments (ARM's `guid()` is deterministic too).
    static func deterministicGUID(_ values: [String]) -> String {
        var bytes = Array(SHA256.hash(Array(values.joined(separator: "-").utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
