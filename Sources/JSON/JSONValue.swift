/// A JSON value, the one currency of every module that reads or writes JSON: `--query`, the output
/// renderers, the `az` surface, ARM templates and the resource shapes Azure returns.
///
/// Objects keep their keys in insertion order, because az keeps the order of a JMESPath
/// multiselect hash (`{Name: name, Loc: location}`) in `tsv` and `table` output and prints template
/// parameters in template order; equality ignores that order, as JSON does. Numbers are `Double`,
/// as in JMESPath; integral values render without a fractional part.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// An ordered JSON object: keys in insertion order, unique, with dictionary lookup.
public struct JSONObject: Sendable, Sequence {
    public private(set) var keys: [String]
    private var storage: [String: JSONValue]

    public init() {
        keys = []
        storage = [:]
    }

    /// Builds an object from pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Values in key order.
    public var values: [JSONValue] { keys.map { storage[$0]! } }

    /// The pairs with keys sorted by Unicode code points, as Python's `sort_keys` does.
    public var sortedPairs: [(key: String, value: JSONValue)] {
        keys.sorted(by: JSONObject.codePointOrder).map { ($0, storage[$0]!) }
    }

    /// Reads and writes the first member whose key equals `key` ignoring case, as ARM treats property names.
    ///
    /// Writing replaces that member's value and keeps its spelling and position; with no such member it
    /// appends one spelled `key`. Writing `nil` removes it.
    public subscript(ignoringCase key: String) -> JSONValue? {
        get { index(ignoringCase: key).map { storage[keys[$0]]! } }
        set {
            if let index = index(ignoringCase: key) {
                self[keys[index]] = newValue
            } else {
                self[key] = newValue
            }
        }
    }

    /// The position in `keys` of the first key that equals `key` ignoring case.
    public func index(ignoringCase key: String) -> Int? {
        let lowered = key.lowercased()
        return keys.firstIndex { $0.lowercased() == lowered }
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        keys.map { (key: $0, value: storage[$0]!) }.makeIterator()
    }

    /// Python compares `str` by code point; Swift's `<` on String compares grapheme clusters
    /// under Unicode canonical ordering, which differs for some inputs.
    public static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
    }
}

extension JSONObject: Equatable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage == rhs.storage
    }
}

extension JSONObject: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONValue: Equatable, Hashable {}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

extension JSONValue {
    /// Wraps an optional string: `nil` becomes JSON `null`.
    public init(_ string: String?) { self = string.map(JSONValue.string) ?? .null }

    /// Wraps an optional integer: `nil` becomes JSON `null`.
    public init(_ number: Int?) { self = number.map { .number(Double($0)) } ?? .null }

    /// Wraps an optional boolean: `nil` becomes JSON `null`.
    public init(_ flag: Bool?) { self = flag.map(JSONValue.bool) ?? .null }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member lookup on objects; `nil` for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Member lookup on objects ignoring the case of the keys, as ARM reads property names; `nil` for
    /// anything else.
    ///
    /// Several keys walk down nested objects: `value[ignoringCase: "properties", "encryption", "status"]`.
    public subscript(ignoringCase path: String...) -> JSONValue? {
        var current = self
        for key in path {
            guard case .object(let object) = current, let member = object[ignoringCase: key] else { return nil }
            current = member
        }
        return current
    }
}
