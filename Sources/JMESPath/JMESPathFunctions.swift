/// The built-in functions of JMESPath, with the reference implementation's argument checking.
enum JMESPathFunctions {
    /// A type a parameter accepts; `arrayOfNumbers`/`arrayOfStrings` also check the elements.
    private enum ParameterType: String {
        case any, number, string, boolean, array, object, expref
        case arrayOfNumbers = "array-number"
        case arrayOfStrings = "array-string"
    }

    private struct Signature {
        let parameters: [[ParameterType]]
        /// The last parameter may repeat (at least once).
        var variadic = false
    }

    private static let signatures: [String: Signature] = [
        "abs": Signature(parameters: [[.number]]),
        "avg": Signature(parameters: [[.arrayOfNumbers]]),
        "ceil": Signature(parameters: [[.number]]),
        "contains": Signature(parameters: [[.array, .string], [.any]]),
        "ends_with": Signature(parameters: [[.string], [.string]]),
        "floor": Signature(parameters: [[.number]]),
        "join": Signature(parameters: [[.string], [.arrayOfStrings]]),
        "keys": Signature(parameters: [[.object]]),
        "length": Signature(parameters: [[.string, .array, .object]]),
        "map": Signature(parameters: [[.expref], [.array]]),
        "max": Signature(parameters: [[.arrayOfNumbers, .arrayOfStrings]]),
        "max_by": Signature(parameters: [[.array], [.expref]]),
        "merge": Signature(parameters: [[.object]], variadic: true),
        "min": Signature(parameters: [[.arrayOfNumbers, .arrayOfStrings]]),
        "min_by": Signature(parameters: [[.array], [.expref]]),
        "not_null": Signature(parameters: [[.any]], variadic: true),
        "reverse": Signature(parameters: [[.array, .string]]),
        "sort": Signature(parameters: [[.arrayOfStrings, .arrayOfNumbers]]),
        "sort_by": Signature(parameters: [[.array], [.expref]]),
        "starts_with": Signature(parameters: [[.string], [.string]]),
        "sum": Signature(parameters: [[.arrayOfNumbers]]),
        "to_array": Signature(parameters: [[.any]]),
        "to_number": Signature(parameters: [[.any]]),
        "to_string": Signature(parameters: [[.any]]),
        "type": Signature(parameters: [[.any]]),
        "values": Signature(parameters: [[.object]]),
    ]

    /// Checks the arguments against the function's signature, then calls it.
    ///
    /// - Throws: `JMESPathError` of kind `.unknownFunction`, `.invalidArity` or `.invalidType`,
    ///   and whatever evaluating an `&expression` argument throws.
    static func call(
        _ name: String, _ arguments: [JMESPathArgument], offset: Int, interpreter: JMESPathInterpreter
    ) throws -> JSONValue {
        guard let signature = signatures[name] else {
            let known = signatures.keys.sorted().joined(separator: ", ")
            throw JMESPathError(kind: .unknownFunction,
                                message: "Unknown function: \(name)(); known functions: \(known)", offset: offset)
        }
        try check(arguments, against: signature, name: name, offset: offset)
        let context = Call(name: name, arguments: arguments, offset: offset, interpreter: interpreter)
        return try context.run()
    }

    private static func check(_ arguments: [JMESPathArgument], against signature: Signature, name: String,
                              offset: Int) throws {
        let expected = signature.parameters.count
        if signature.variadic ? arguments.count < expected : arguments.count != expected {
            let quantity = signature.variadic ? "at least \(expected)" : "\(expected)"
            let noun = expected == 1 ? "argument" : "arguments"
            let message = "Expected \(quantity) \(noun) for function \(name)(), received \(arguments.count)"
            throw JMESPathError(kind: .invalidArity, message: message, offset: offset)
        }
        for (position, argument) in arguments.enumerated() {
            let allowed = signature.parameters[min(position, expected - 1)]
            try checkType(argument, allowed: allowed, name: name, offset: offset)
        }
    }

    private static func checkType(_ argument: JMESPathArgument, allowed: [ParameterType], name: String,
                                  offset: Int) throws {
        if allowed == [.any] { return }
        func failure(_ received: String) -> JMESPathError {
            let expected = allowed.map(\.rawValue).joined(separator: ", ")
            return JMESPathError(kind: .invalidType,
                                 message: "In function \(name)(), invalid type for value: expected one of: "
                                     + "\(expected), received: \"\(received)\"",
                                 offset: offset)
        }
        guard case .value(let value) = argument else {
            if allowed.contains(.expref) { return }
            throw failure("expref")
        }
        let topLevel: ParameterType
        switch value {
        case .number: topLevel = .number
        case .string: topLevel = .string
        case .bool: topLevel = .boolean
        case .array: topLevel = .array
        case .object: topLevel = .object
        case .null: throw failure("null")
        }
        let elementTypes = allowed.compactMap { type -> ParameterType? in
            switch type {
            case .arrayOfNumbers: return .number
            case .arrayOfStrings: return .string
            default: return nil
            }
        }
        let acceptsTopLevel = allowed.contains(topLevel) || (topLevel == .array && !elementTypes.isEmpty)
        guard acceptsTopLevel else { throw failure(value.jmesPathType) }
        guard case .array(let elements) = value, !elementTypes.isEmpty, let first = elements.first else { return }
        // With several element types allowed, the first element decides which one the whole array must have.
        let firstType: ParameterType = first.jmesPathType == "number" ? .number
            : (first.jmesPathType == "string" ? .string : .any)
        guard elementTypes.contains(firstType) else { throw failure(first.jmesPathType) }
        for element in elements where element.jmesPathType != first.jmesPathType {
            throw failure(element.jmesPathType)
        }
    }

    /// One checked invocation; the arguments already match the signature.
    private struct Call {
        let name: String
        let arguments: [JMESPathArgument]
        let offset: Int
        let interpreter: JMESPathInterpreter

        init(name: String, arguments: [JMESPathArgument], offset: Int, interpreter: JMESPathInterpreter) {
            self.name = name
            self.arguments = arguments
            self.offset = offset
            self.interpreter = interpreter
        }

        private func value(_ position: Int) -> JSONValue {
            if case .value(let value) = arguments[position] { return value }
            return .null
        }

        private func number(_ position: Int) -> Double {
            if case .number(let number) = value(position) { return number }
            return 0
        }

        private func string(_ position: Int) -> String {
            value(position).stringValue ?? ""
        }

        private func array(_ position: Int) -> [JSONValue] {
            value(position).arrayValue ?? []
        }

        private func expression(_ position: Int) -> JMESPathNode {
            if case .expression(let node) = arguments[position] { return node }
            return .current
        }

        private func typeError(_ message: String) -> JMESPathError {
            JMESPathError(kind: .invalidType, message: "In function \(name)(), \(message)", offset: offset)
        }

        func run() throws -> JSONValue {
            switch name {
            case "abs": return .number(Swift.abs(number(0)))
            case "avg":
                let numbers = array(0)
                guard !numbers.isEmpty else { return .null }
                return .number(sum(numbers) / Double(numbers.count))
            case "ceil": return .number(number(0).rounded(.up))
            case "floor": return .number(number(0).rounded(.down))
            case "contains": return try contains()
            case "ends_with":
                return .bool(string(0).unicodeScalars.reversed().starts(with: string(1).unicodeScalars.reversed()))
            case "starts_with": return .bool(string(0).unicodeScalars.starts(with: string(1).unicodeScalars))
            case "join": return .string(array(1).compactMap(\.stringValue).joined(separator: string(0)))
            case "keys": return .array((value(0).objectValue?.keys ?? []).map(JSONValue.string))
            case "values": return .array(value(0).objectValue?.values ?? [])
            case "length": return .number(Double(length(value(0))))
            case "map":
                let node = expression(0)
                return .array(try array(1).map { try interpreter.evaluate(node, $0) })
            case "max", "min": return extreme(array(0), wantsMaximum: name == "max")
            case "max_by", "min_by": return try extreme(by: expression(1), in: array(0), wantsMaximum: name == "max_by")
            case "merge":
                var merged = JSONObject()
                for position in arguments.indices {
                    for (key, member) in value(position).objectValue ?? JSONObject() { merged[key] = member }
                }
                return .object(merged)
            case "not_null":
                return arguments.indices.lazy.map { value($0) }.first { !$0.isNull } ?? .null
            case "reverse":
                if case .string(let text) = value(0) {
                    var reversed = String.UnicodeScalarView()
                    reversed.append(contentsOf: text.unicodeScalars.reversed())
                    return .string(String(reversed))
                }
                return .array(array(0).reversed())
            case "sort": return .array(sorted(array(0), keys: array(0)))
            case "sort_by": return try sortBy()
            case "sum": return .number(sum(array(0)))
            case "to_array":
                if case .array = value(0) { return value(0) }
                return .array([value(0)])
            case "to_number": return toNumber(value(0))
            case "to_string":
                if case .string = value(0) { return value(0) }
                return .string(Self.asciiJSON(value(0)))
            case "type": return .string(value(0).jmesPathType)
            default:
                throw JMESPathError(kind: .unknownFunction, message: "Unknown function: \(name)()", offset: offset)
            }
        }

        private func sum(_ numbers: [JSONValue]) -> Double {
            numbers.reduce(0) { total, element in
                if case .number(let number) = element { return total + number }
                return total
            }
        }

        private func length(_ value: JSONValue) -> Int {
            switch value {
            case .string(let text): return text.unicodeScalars.count
            case .array(let elements): return elements.count
            case .object(let object): return object.count
            default: return 0
            }
        }

        private func contains() throws -> JSONValue {
            let needle = value(1)
            switch value(0) {
            case .array(let elements):
                return .bool(elements.contains(needle))
            case .string(let haystack):
                guard case .string(let search) = needle else {
                    throw typeError("cannot search a string for a \(needle.jmesPathType); pass a string")
                }
                return .bool(Self.utf8Contains(Array(haystack.utf8), Array(search.utf8)))
            default:
                return .bool(false)
            }
        }

        /// Substring search on UTF-8, which matches code points exactly (unlike `String`'s grapheme semantics).
        private static func utf8Contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            if needle.isEmpty { return true }
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count)
            where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
            return false
        }

        private func extreme(_ elements: [JSONValue], wantsMaximum: Bool) -> JSONValue {
            guard var best = elements.first else { return .null }
            for element in elements.dropFirst() {
                let order = Self.order(element, best)
                if wantsMaximum ? order > 0 : order < 0 { best = element }
            }
            return best
        }

        private func extreme(by node: JMESPathNode, in elements: [JSONValue], wantsMaximum: Bool) throws -> JSONValue {
            guard !elements.isEmpty else { return .null }
            let keys = try elements.map { try interpreter.evaluate(node, $0) }
            for key in keys {
                switch key {
                case .number, .string: continue
                default:
                    throw typeError("the expression must give a number or string, received \"\(key.jmesPathType)\"")
                }
            }
            if let mismatch = keys.first(where: { $0.jmesPathType != keys[0].jmesPathType }) {
                throw typeError("cannot compare a \(keys[0].jmesPathType) with a \(mismatch.jmesPathType)")
            }
            var bestIndex = 0
            for position in keys.indices.dropFirst() {
                let order = Self.order(keys[position], keys[bestIndex])
                if wantsMaximum ? order > 0 : order < 0 { bestIndex = position }
            }
            return elements[bestIndex]
        }

        private func sortBy() throws -> JSONValue {
            let elements = array(0)
            guard !elements.isEmpty else { return .array(elements) }
            let node = expression(1)
            let keys = try elements.map { try interpreter.evaluate(node, $0) }
            let required = keys[0].jmesPathType
            guard required == "number" || required == "string" else {
                throw typeError("the expression must give a number or string, received \"\(required)\"")
            }
            if let mismatch = keys.first(where: { $0.jmesPathType != required }) {
                throw typeError("every key must be a \(required) like the first, received \"\(mismatch.jmesPathType)\"")
            }
            return .array(sorted(elements, keys: keys))
        }

        /// A stable sort of `elements` by `keys` (same count, all numbers or all strings).
        private func sorted(_ elements: [JSONValue], keys: [JSONValue]) -> [JSONValue] {
            let order = elements.indices.sorted { lhs, rhs in
                let comparison = Self.order(keys[lhs], keys[rhs])
                return comparison != 0 ? comparison < 0 : lhs < rhs
            }
            return order.map { elements[$0] }
        }

        /// -1, 0 or 1 for two numbers or two strings (strings by code point).
        private static func order(_ lhs: JSONValue, _ rhs: JSONValue) -> Int {
            switch (lhs, rhs) {
            case (.number(let left), .number(let right)):
                return left < right ? -1 : (left > right ? 1 : 0)
            case (.string(let left), .string(let right)):
                if left == right { return 0 }
                return JSONObject.codePointOrder(left, right) ? -1 : 1
            default:
                return 0
            }
        }

        private func toNumber(_ value: JSONValue) -> JSONValue {
            switch value {
            case .number: return value
            case .string(let text):
                let trimmed = text.trimmingWhitespace()
                if let integer = Int(trimmed) { return .number(Double(integer)) }
                // Python's float() takes decimal notation, inf and nan, but no hexadecimal.
                let lowered = trimmed.lowercased()
                guard !lowered.contains("x"), !lowered.contains("p"), let number = Double(trimmed) else { return .null }
                return .number(number)
            default: return .null
            }
        }

        /// Compact JSON with non-ASCII escaped, as Python's `json.dumps(separators=(',', ':'))` writes it.
        private static func asciiJSON(_ value: JSONValue) -> String {
            let text = value.serialized(.compact)
            var output = ""
            output.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    output.unicodeScalars.append(scalar)
                    continue
                }
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
            return output
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace, as Python's `str.strip()` trims it.
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
