/// A parsed ARM template expression: the language inside `"[ ... ]"` strings.
///
/// Function calls with string and number literals, nested calls, property access (`.clientId`) and
/// indexing (`[0]`, `['key']`). Function and property names are case-insensitive, as in ARM.
public indirect enum TemplateExpression: Sendable, Equatable {
    case string(String)
    case number(Double)
    case call(name: String, arguments: [TemplateExpression])
    case property(TemplateExpression, String)
    case index(TemplateExpression, TemplateExpression)

    /// What a template string holds: a literal (with the `[[` escape undone) or an expression to evaluate.
    public enum Content: Sendable, Equatable {
        case literal(String)
        case expression(TemplateExpression)
    }

    /// Classifies a JSON string of a template: `[...]` is an expression, `[[...` a literal starting with `[`.
    ///
    /// - Parameter text: The string as written in the template.
    /// - Throws: `TemplateExpressionError` when the expression does not parse.
    public static func content(of text: String) throws -> Content {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return .literal(text) }
        if text.hasPrefix("[[") { return .literal(String(text.dropFirst())) }
        return .expression(try parse(String(text.dropFirst().dropLast())))
    }

    /// Parses the inside of `[...]`.
    ///
    /// - Parameter source: The expression without its brackets, e.g. `parameters('name')`.
    /// - Throws: `TemplateExpressionError` naming the offending character offset.
    public static func parse(_ source: String) throws -> TemplateExpression {
        var parser = Parser(scalars: Array(source.unicodeScalars))
        parser.skipSpaces()
        let expression = try parser.expression()
        parser.skipSpaces()
        guard parser.index == parser.scalars.count else {
            throw parser.failure("unexpected '\(String(parser.scalars[parser.index]))'")
        }
        return expression
    }

    /// Every call in the expression tree, outermost first.
    public var calls: [(name: String, arguments: [TemplateExpression])] {
        switch self {
        case .string, .number: return []
        case .call(let name, let arguments):
            return [(name, arguments)] + arguments.flatMap(\.calls)
        case .property(let base, _): return base.calls
        case .index(let base, let index): return base.calls + index.calls
        }
    }

    /// Deeper than any real template nests calls, shallow enough that parsing and evaluating (both recursive)
    /// never exhaust the stack.
    static let maximumDepth = 128

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        /// How deep the tree being built is: one level per nested call argument and per `.name` or `[...]` link.
        var depth = 0

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func failure(_ reason: String) -> TemplateExpressionError {
            TemplateExpressionError("The language expression is not valid: \(reason) at character \(index + 1)")
        }

        mutating func skipSpaces() {
            while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                index += 1
            }
        }

        mutating func expression() throws -> TemplateExpression {
            var levels = 1
            depth += 1
            defer { depth -= levels }
            try requireDepth()
            var result = try primary()
            while true {
                skipSpaces()
                if current == "." || current == "[" {
                    levels += 1
                    depth += 1
                    try requireDepth()
                }
                if current == "." {
                    index += 1
                    skipSpaces()
                    let name = identifier()
                    guard !name.isEmpty else { throw failure("expected a property name after '.'") }
                    result = .property(result, name)
                } else if current == "[" {
                    index += 1
                    skipSpaces()
                    let key = try expression()
                    skipSpaces()
                    guard current == "]" else { throw failure("expected ']'") }
                    index += 1
                    result = .index(result, key)
                } else {
                    return result
                }
            }
        }

        func requireDepth() throws {
            guard depth <= TemplateExpression.maximumDepth else {
                throw failure("nested more than \(TemplateExpression.maximumDepth) levels deep")
            }
        }

        mutating func identifier() -> String {
            var name = ""
            while let scalar = current, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
            {
                name.unicodeScalars.append(scalar)
                index += 1
            }
            return name
        }

        mutating func primary() throws -> TemplateExpression {
            skipSpaces()
            guard let scalar = current else { throw failure("unexpected end of expression") }
            if scalar == "'" { return .string(try stringLiteral()) }
            if scalar == "-" || ("0"..."9").contains(scalar) {
                var text = String(scalar)
                index += 1
                while let digit = current, ("0"..."9").contains(digit) || digit == "." {
                    text.unicodeScalars.append(digit)
                    index += 1
                }
                guard let number = Double(text) else { throw failure("'\(text)' is not a number") }
                return .number(number)
            }
            let name = identifier()
            guard !name.isEmpty else { throw failure("unexpected '\(String(scalar))'") }
            skipSpaces()
            guard current == "(" else {
                throw failure("'\(name)' must be a function call such as \(name)(...); bare names are not values")
            }
            index += 1
            var arguments: [TemplateExpression] = []
            skipSpaces()
            if current == ")" {
                index += 1
                return .call(name: name, arguments: arguments)
            }
            while true {
                arguments.append(try expression())
                skipSpaces()
                if current == "," {
                    index += 1
                    continue
                }
                guard current == ")" else { throw failure("expected ',' or ')' in the arguments of '\(name)'") }
                index += 1
                return .call(name: name, arguments: arguments)
            }
        }

        /// `'it''s'`: single quotes, a doubled quote stands for one.
        mutating func stringLiteral() throws -> String {
            index += 1
            var text = ""
            while true {
                guard let scalar = current else { throw failure("unterminated string literal") }
                index += 1
                if scalar == "'" {
                    if current == "'" {
                        text.append("'")
                        index += 1
                        continue
                    }
                    return text
                }
                text.unicodeScalars.append(scalar)
            }
        }
    }
}

/// Why an expression could not be parsed or evaluated, in ARM's words.
public struct TemplateExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
