/// Where something sits in a template file: 1-based line and column, as ARM's errors name them.
public struct TemplatePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A JSON value parsed from a template file, each node and key remembering its position.
///
/// Strings stay unevaluated here: the deployment evaluates `[...]` expressions node by node, so an
/// error can name the line and column of the expression that failed.
public struct TemplateNode: Sendable {
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([TemplateNode])
        case object([TemplateNodeMember])
    }

    public var kind: Kind
    public var position: TemplatePosition

    /// A member of an object node, found case-insensitively.
    public func member(_ name: String) -> TemplateNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    public var members: [TemplateNodeMember] {
        if case .object(let members) = kind { return members }
        return []
    }

    public var elements: [TemplateNode] {
        if case .array(let items) = kind { return items }
        return []
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The node as a value, with strings taken literally (no expression evaluation).
    public var literalValue: TemplateValue {
        switch kind {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(\.literalValue))
        case .object(let members):
            return .object(TemplateObject(members.map { TemplateMember(key: $0.key, value: $0.value.literalValue) }))
        }
    }

    /// Parses JSON text, tracking positions; the error names the line and column of the first mistake.
    ///
    /// - Parameter text: A template, parameter file or JSON value.
    /// - Throws: `CMKError` (InvalidTemplate) naming where the JSON is malformed.
    public static func parse(_ text: String) throws -> TemplateNode {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        scanner.skipWhitespace()
        let node = try scanner.value()
        scanner.skipWhitespace()
        guard scanner.index == scanner.scalars.count else {
            throw scanner.failure("unexpected text after the JSON value")
        }
        return node
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var position: TemplatePosition { TemplatePosition(line: line, column: index - lineStart + 1) }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func failure(_ reason: String) -> CMKError {
            CMKError.badRequest(
                .invalidTemplate, "The template is not valid JSON at \(position): \(reason).",
                hint: "Check the file with a JSON linter; comments and trailing commas are not allowed.")
        }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        mutating func skipWhitespace() {
            while let scalar = current, scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                advance()
            }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            guard current == scalar else { throw failure("expected '\(scalar)'") }
            advance()
        }

        mutating func value() throws -> TemplateNode {
            let start = position
            guard let scalar = current else { throw failure("unexpected end of input") }
            switch scalar {
            case "{": return TemplateNode(kind: .object(try objectMembers()), position: start)
            case "[": return TemplateNode(kind: .array(try arrayItems()), position: start)
            case "\"": return TemplateNode(kind: .string(try string()), position: start)
            case "t": try word("true"); return TemplateNode(kind: .bool(true), position: start)
            case "f": try word("false"); return TemplateNode(kind: .bool(false), position: start)
            case "n": try word("null"); return TemplateNode(kind: .null, position: start)
            case "-", "0"..."9": return TemplateNode(kind: .number(try number()), position: start)
            default: throw failure("unexpected character '\(scalar)'")
            }
        }

        /// `true`, `false` or `null`; a misspelling is reported where the word starts.
        mutating func word(_ text: String) throws {
            let expected = Array(text.unicodeScalars)
            guard index + expected.count <= scalars.count, Array(scalars[index..<(index + expected.count)]) == expected
            else { throw failure("expected '\(text)'") }
            for _ in expected { advance() }
        }

        mutating func number() throws -> Double {
            var text = ""
            while let scalar = current, "+-0123456789.eE".unicodeScalars.contains(scalar) {
                text.unicodeScalars.append(scalar)
                advance()
            }
            guard let number = Double(text) else { throw failure("'\(text)' is not a number") }
            return number
        }

        mutating func string() throws -> String {
            try expect("\"")
            var result = String.UnicodeScalarView()
            while true {
                guard let scalar = current else { throw failure("unterminated string") }
                advance()
                switch scalar {
                case "\"": return String(result)
                case "\\":
                    guard let escaped = current else { throw failure("unterminated string") }
                    advance()
                    switch escaped {
                    case "\"", "\\", "/": result.append(escaped)
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    case "b": result.append("\u{08}")
                    case "f": result.append("\u{0C}")
                    case "u": result.append(try unicodeEscape())
                    default: throw failure("invalid escape '\\\(escaped)'")
                    }
                case "\n": throw failure("line break inside a string")
                default: result.append(scalar)
                }
            }
        }

        mutating func hexQuad() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let scalar = current, let digit = UInt32(String(scalar), radix: 16) else {
                    throw failure("invalid \\u escape")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }

        mutating func unicodeEscape() throws -> Unicode.Scalar {
            let high = try hexQuad()
            if (0xD800...0xDBFF).contains(high), current == "\\" {
                advance()
                try expect("u")
                let low = try hexQuad()
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                if let scalar = Unicode.Scalar(combined) { return scalar }
            }
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        }

        mutating func arrayItems() throws -> [TemplateNode] {
            try expect("[")
            skipWhitespace()
            var items: [TemplateNode] = []
            if current == "]" { advance(); return items }
            while true {
                skipWhitespace()
                items.append(try value())
                skipWhitespace()
                if current == "," { advance(); continue }
                try expect("]")
                return items
            }
        }

        mutating func objectMembers() throws -> [TemplateNodeMember] {
            try expect("{")
            skipWhitespace()
            var members: [TemplateNodeMember] = []
            if current == "}" { advance(); return members }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard current == "\"" else { throw failure("expected a property name in double quotes") }
                let key = try string()
                skipWhitespace()
                try expect(":")
                skipWhitespace()
                members.append(TemplateNodeMember(key: key, keyPosition: keyPosition, value: try value()))
                skipWhitespace()
                if current == "," { advance(); continue }
                try expect("}")
                return members
            }
        }
    }
}

/// One member of an object node: its key (which may itself be an expression) and where the key sits.
public struct TemplateNodeMember: Sendable {
    public var key: String
    public var keyPosition: TemplatePosition
    public var value: TemplateNode
}
