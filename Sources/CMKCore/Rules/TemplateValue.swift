import Foundation

/// A JSON value as ARM templates evaluate it: parameter values, variables, function results, outputs.
///
/// Objects keep their members in order (az prints parameters in template order) and look keys up
/// case-insensitively, as ARM does for property names (`KeyIdentifier` and `keyIdentifier` are one property).
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([TemplateValue])
    case object(TemplateObject)

    /// ARM's type name for messages: `String`, `Int`, `Bool`, `Array`, `Object`, `Null`.
    public var typeName: String {
        switch self {
        case .null: return "Null"
        case .bool: return "Bool"
        case .number: return "Int"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Object"
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .number(let number) where number == number.rounded() && abs(number) < 9e15: return Int(number)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    public var arrayValue: [TemplateValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var objectValue: TemplateObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// A member of an object, found case-insensitively; `nil` for other values.
    public subscript(key: String) -> TemplateValue? {
        objectValue?[key]
    }

    /// The value as ARM's `string()` renders it: strings as-is, everything else as compact JSON.
    public var text: String {
        if case .string(let text) = self { return text }
        return json
    }

    /// Compact JSON, keys in member order.
    public var json: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number == number.rounded(), abs(number) < 9e15 { return String(Int(number)) }
            return String(number)
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.members.map { Self.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// One member of a template object.
public struct TemplateMember: Sendable, Equatable {
    public var key: String
    public var value: TemplateValue

    public init(key: String, value: TemplateValue) {
        self.key = key
        self.value = value
    }
}

/// An ordered JSON object whose keys compare case-insensitively, as ARM's do.
public struct TemplateObject: Sendable, Equatable {
    public private(set) var members: [TemplateMember]

    public init(_ members: [TemplateMember] = []) {
        self.members = []
        for member in members { self[member.key] = member.value }
    }


    public var keys: [String] { members.map(\.key) }

    /// Reads and writes a member case-insensitively; writing keeps the first spelling and position.
    public subscript(key: String) -> TemplateValue? {
        get { members.first { $0.key.lowercased() == key.lowercased() }?.value }
        set {
            let index = members.firstIndex { $0.key.lowercased() == key.lowercased() }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(TemplateMember(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.members.count == rhs.members.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension TemplateValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var object = TemplateObject()
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                object[key.stringValue] = try keyed.decode(TemplateValue.self, forKey: key)
            }
            self = .object(object)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [TemplateValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(TemplateValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let items):
            var unkeyed = encoder.unkeyedContainer()
            for item in items { try unkeyed.encode(item) }
        case .object(let object):
            var keyed = encoder.container(keyedBy: Key.self)
            for member in object.members { try keyed.encode(member.value, forKey: Key(stringValue: member.key)) }
        }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements.map { TemplateMember(key: $0.0, value: $0.1) })
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}
