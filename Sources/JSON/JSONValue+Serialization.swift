/// How `JSONValue.serialized(_:)` lays out its text.
public struct JSONSerializationOptions: Sendable {
    /// Spaces per nesting level; `nil` writes everything on one line.
    public var indent: Int?
    /// Sort object keys by code point, as Python's `json.dumps(sort_keys=True)` does.
    public var sortKeys: Bool
    /// Separators between items and between a key and its value on one line.
    public var itemSeparator: String
    public var keySeparator: String

    public init(indent: Int?, sortKeys: Bool, itemSeparator: String, keySeparator: String) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.itemSeparator = itemSeparator
        self.keySeparator = keySeparator
    }

    /// az's `-o json`: `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`.
    public static let azPretty = JSONSerializationOptions(
        indent: 2, sortKeys: true, itemSeparator: ",", keySeparator: ": ")
    /// Compact text, as JMESPath's `to_string` and Python's `separators=(',', ':')` produce.
    public static let compact = JSONSerializationOptions(
        indent: nil, sortKeys: false, itemSeparator: ",", keySeparator: ":")
}

extension JSONValue {
    /// JSON text for this value, without a trailing newline.
    public func serialized(_ options: JSONSerializationOptions = .azPretty) -> String {
        var output = ""
        JSONValue.write(self, options: options, depth: 0, into: &output)
        return output
    }

    /// A number as Python prints it: integral values without a fractional part.
    public static func formatNumber(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e16 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// A string literal with the escapes of Python's `json.dumps(ensure_ascii=False)`.
    public static func quote(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
        return output
    }

    private static func write(
        _ value: JSONValue, options: JSONSerializationOptions, depth: Int, into output: inout String
    ) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += formatNumber(number)
        case .string(let string): output += quote(string)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += options.itemSeparator }
                newline(options: options, depth: depth + 1, into: &output)
                write(element, options: options, depth: depth + 1, into: &output)
            }
            newline(options: options, depth: depth, into: &output)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            let pairs = options.sortKeys ? object.sortedPairs : Array(object)
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += options.itemSeparator }
                newline(options: options, depth: depth + 1, into: &output)
                output += quote(pair.key)
                output += options.keySeparator
                write(pair.value, options: options, depth: depth + 1, into: &output)
            }
            newline(options: options, depth: depth, into: &output)
            output += "}"
        }
    }

    private static func newline(options: JSONSerializationOptions, depth: Int, into output: inout String) {
        guard let indent = options.indent else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * depth)
    }
}
