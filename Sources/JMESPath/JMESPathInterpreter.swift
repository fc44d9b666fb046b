/// Evaluates a JMESPath tree against a JSON value, following the reference implementation's semantics.
struct JMESPathInterpreter {
    /// Evaluates `node` with `value` as the current node.
    ///
    /// - Throws: `JMESPathError` for function misuse (arity, types, unknown names) and slice steps of zero.
    func evaluate(_ node: JMESPathNode, _ value: JSONValue) throws -> JSONValue {
        switch node {
        case .current:
            return value
        case .field(let name):
            if case .object(let object) = value { return object[name] ?? .null }
            return .null
        case .subexpression(let left, let right), .indexExpression(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .index(let position):
            guard case .array(let elements) = value else { return .null }
            let resolved = position < 0 ? elements.count + position : position
            return elements.indices.contains(resolved) ? elements[resolved] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let elements) = value else { return .null }
            return .array(try Self.slice(elements, start: start, stop: stop, step: step))
        case .listProjection(let left, let right):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            return .array(try project(elements, through: right))
        case .objectProjection(let left, let right):
            guard case .object(let object) = try evaluate(left, value) else { return .null }
            return .array(try project(object.values, through: right))
        case .filterProjection(let left, let right, let condition):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            var collected: [JSONValue] = []
            for element in elements where try evaluate(condition, element).isTruthy {
                let projected = try evaluate(right, element)
                if !projected.isNull { collected.append(projected) }
            }
            return .array(collected)
        case .flatten(let inner):
            guard case .array(let elements) = try evaluate(inner, value) else { return .null }
            var flattened: [JSONValue] = []
            flattened.reserveCapacity(elements.count)
            for element in elements {
                if case .array(let nested) = element {
                    flattened.append(contentsOf: nested)
                } else {
                    flattened.append(element)
                }
            }
            return .array(flattened)
        case .literal(let literal):
            return literal
        case .multiSelectList(let nodes):
            if value.isNull { return .null }
            return .array(try nodes.map { try evaluate($0, value) })
        case .multiSelectHash(let entries):
            if value.isNull { return .null }
            var object = JSONObject()
            for entry in entries { object[entry.key] = try evaluate(entry.node, value) }
            return .object(object)
        case .comparison(let comparator, let left, let right):
            return try Self.compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .or(let left, let right):
            let matched = try evaluate(left, value)
            return matched.isTruthy ? matched : try evaluate(right, value)
        case .and(let left, let right):
            let matched = try evaluate(left, value)
            return matched.isTruthy ? try evaluate(right, value) : matched
        case .not(let inner):
            return .bool(!(try evaluate(inner, value).isTruthy))
        case .pipe(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .function(let name, let argumentNodes, let offset):
            var arguments: [JMESPathArgument] = []
            arguments.reserveCapacity(argumentNodes.count)
            for argumentNode in argumentNodes {
                if case .expressionReference(let referenced) = argumentNode {
                    arguments.append(.expression(referenced))
                } else {
                    arguments.append(.value(try evaluate(argumentNode, value)))
                }
            }
            return try JMESPathFunctions.call(name, arguments, offset: offset, interpreter: self)
        case .expressionReference:
            throw JMESPathError(kind: .invalidType,
                                message: "An expression reference ('&expression') can only be a function argument")
        }
    }

    private func project(_ elements: [JSONValue], through right: JMESPathNode) throws -> [JSONValue] {
        var collected: [JSONValue] = []
        collected.reserveCapacity(elements.count)
        for element in elements {
            let projected = try evaluate(right, element)
            if !projected.isNull { collected.append(projected) }
        }
        return collected
    }

    /// Python's `list[start:stop:step]`, including clamping and negative steps.
    static func slice(_ elements: [JSONValue], start: Int?, stop: Int?, step: Int?) throws -> [JSONValue] {
        let step = step ?? 1
        guard step != 0 else {
            throw JMESPathError(kind: .invalidValue, message: "Slice step cannot be 0; use a positive or negative step")
        }
        let count = elements.count
        let lower = step < 0 ? -1 : 0
        let upper = step < 0 ? count - 1 : count
        func clamp(_ bound: Int?, default fallback: Int) -> Int {
            guard var bound else { return fallback }
            if bound < 0 { bound += count }
            return Swift.min(Swift.max(bound, lower), upper)
        }
        let first = clamp(start, default: step < 0 ? upper : lower)
        let end = clamp(stop, default: step < 0 ? lower : upper)
        var result: [JSONValue] = []
        if step > 0 {
            guard first < end else { return [] }
            result.reserveCapacity((end - first + step - 1) / step)
            for position in stride(from: first, to: end, by: step) { result.append(elements[position]) }
        } else {
            guard first > end else { return [] }
            for position in stride(from: first, to: end, by: step) { result.append(elements[position]) }
        }
        return result
    }

    /// Equality for `==`/`!=`; ordering for numbers and strings (by code point), otherwise `null`.
    static func compare(_ comparator: JMESPathComparator, _ left: JSONValue, _ right: JSONValue) throws -> JSONValue {
        switch comparator {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        default: break
        }
        let order: Int
        switch (left, right) {
        case (.number(let lhs), .number(let rhs)):
            order = lhs < rhs ? -1 : (lhs > rhs ? 1 : 0)
        case (.string(let lhs), .string(let rhs)):
            order = JSONObject.codePointOrder(lhs, rhs) ? -1 : (lhs == rhs ? 0 : 1)
        case (.number, .string), (.string, .number):
            throw JMESPathError(kind: .invalidType,
                                message: "Cannot order a \(left.jmesPathType) against a \(right.jmesPathType)")
        default:
            return .null
        }
        switch comparator {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }
}

/// A function argument: a value, or an unevaluated `&expression`.
enum JMESPathArgument {
    case value(JSONValue)
    case expression(JMESPathNode)
}

extension JSONValue {
    /// JMESPath truthiness: false, null, and empty strings, arrays and objects are false; everything else true.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .number: return true
        case .string(let string): return !string.isEmpty
        case .array(let elements): return !elements.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }

    /// The type name JMESPath's `type()` returns.
    var jmesPathType: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
