/// One lexical token of a JMESPath expression.
struct JMESPathToken: Sendable {
    enum Kind: Sendable {
        case unquotedIdentifier, quotedIdentifier, literal, number
        case dot, star, comma, colon, current, expref
        case lbracket, rbracket, flatten, filter, lbrace, rbrace, lparen, rparen
        case pipe, or, and, not
        case eq, ne, lt, lte, gt, gte
        case eof

        /// How strongly the token binds to the expression on its left (Pratt parsing).
        ///
        /// Values below `projectionStop` end the right-hand side of a projection.
        var bindingPower: Int {
            switch self {
            case .pipe: return 1
            case .or: return 2
            case .and: return 3
            case .eq, .ne, .lt, .lte, .gt, .gte: return 5
            case .flatten: return 9
            case .star: return 20
            case .filter: return 21
            case .dot: return 40
            case .not: return 45
            case .lbrace: return 50
            case .lbracket: return 55
            case .lparen: return 60
            default: return 0
            }
        }
    }

    let kind: Kind
    /// Offset of the first character, in Unicode scalars.
    let start: Int
    /// The characters of the token as written, for error messages.
    let text: String
    /// The identifier's name.
    var name = ""
    /// The index or slice bound of a number token.
    var number = 0
    /// The value of a literal or raw string.
    var literal: JSONValue = .null

    var bindingPower: Int { kind.bindingPower }

    static let projectionStop = 10

    /// The token as an error message shows it.
    var display: String { kind == .eof ? "eof" : text }
}

/// Splits a JMESPath expression into tokens, as the reference implementation does.
struct JMESPathLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ expression: String) {
        scalars = Array(expression.unicodeScalars)
    }

    /// All tokens of the expression, ending with `.eof`.
    ///
    /// - Throws: `JMESPathError` of kind `.syntax` for characters that start no token,
    ///   unclosed quotes and literals that are not JSON.
    mutating func tokenize() throws -> [JMESPathToken] {
        if scalars.isEmpty {
            throw JMESPathError(kind: .syntax, message: "Empty expression: write a JMESPath query such as 'name'",
                                offset: 0)
        }
        var tokens: [JMESPathToken] = []
        while position < scalars.count {
            let scalar = scalars[position]
            let start = position
            switch scalar {
            case " ", "\t", "\n", "\r":
                position += 1
            case "a"..."z", "A"..."Z", "_":
                while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
                var token = makeToken(.unquotedIdentifier, from: start)
                token.name = token.text
                tokens.append(token)
            case "0"..."9", "-":
                tokens.append(try lexNumber())
            case ".": tokens.append(single(.dot))
            case "*": tokens.append(single(.star))
            case ",": tokens.append(single(.comma))
            case ":": tokens.append(single(.colon))
            case "@": tokens.append(single(.current))
            case "]": tokens.append(single(.rbracket))
            case "{": tokens.append(single(.lbrace))
            case "}": tokens.append(single(.rbrace))
            case "(": tokens.append(single(.lparen))
            case ")": tokens.append(single(.rparen))
            case "[":
                position += 1
                if peek() == "]" {
                    position += 1
                    tokens.append(makeToken(.flatten, from: start))
                } else if peek() == "?" {
                    position += 1
                    tokens.append(makeToken(.filter, from: start))
                } else {
                    tokens.append(makeToken(.lbracket, from: start))
                }
            case "|": tokens.append(either(second: "|", matched: .or, otherwise: .pipe))
            case "&": tokens.append(either(second: "&", matched: .and, otherwise: .expref))
            case "<": tokens.append(either(second: "=", matched: .lte, otherwise: .lt))
            case ">": tokens.append(either(second: "=", matched: .gte, otherwise: .gt))
            case "!": tokens.append(either(second: "=", matched: .ne, otherwise: .not))
            case "=":
                guard position + 1 < scalars.count, scalars[position + 1] == "=" else {
                    throw JMESPathError(kind: .syntax, message: "Unknown token '=' (did you mean '=='?)",
                                        offset: start)
                }
                position += 2
                tokens.append(makeToken(.eq, from: start))
            case "`":
                tokens.append(try lexLiteral())
            case "'":
                let content = try consume(until: "'")
                var token = makeToken(.literal, from: start)
                token.literal = .string(content.replacingEscapedDelimiter("'"))
                tokens.append(token)
            case "\"":
                tokens.append(try lexQuotedIdentifier())
            default:
                throw JMESPathError(kind: .syntax, message: "Unknown token '\(Character(scalar))'", offset: start)
            }
        }
        tokens.append(JMESPathToken(kind: .eof, start: scalars.count, text: ""))
        return tokens
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }

    private func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private func makeToken(_ kind: JMESPathToken.Kind, from start: Int) -> JMESPathToken {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<position])
        return JMESPathToken(kind: kind, start: start, text: text)
    }

    private mutating func single(_ kind: JMESPathToken.Kind) -> JMESPathToken {
        position += 1
        return makeToken(kind, from: position - 1)
    }

    private mutating func either(
        second: Unicode.Scalar, matched: JMESPathToken.Kind, otherwise: JMESPathToken.Kind
    ) -> JMESPathToken {
        let start = position
        position += 1
        if peek() == second {
            position += 1
            return makeToken(matched, from: start)
        }
        return makeToken(otherwise, from: start)
    }

    private mutating func lexNumber() throws -> JMESPathToken {
        let start = position
        position += 1
        while let next = peek(), ("0"..."9").contains(next) { position += 1 }
        var token = makeToken(.number, from: start)
        guard token.text != "-" else {
            throw JMESPathError(kind: .syntax, message: "Unknown token '-' (a '-' must start a number)", offset: start)
        }
        // Indices beyond Int's range select nothing either way, so clamping keeps their meaning.
        token.number = Int(token.text) ?? (token.text.hasPrefix("-") ? Int.min / 2 : Int.max / 2)
        return token
    }

    /// Consumes a delimited run starting at the opening delimiter; a backslash keeps itself and the next character.
    private mutating func consume(until delimiter: Unicode.Scalar) throws -> String {
        let start = position
        var content = String.UnicodeScalarView()
        position += 1
        while true {
            guard position < scalars.count else {
                throw JMESPathError(kind: .syntax, message: "Unclosed \(delimiter) delimiter", offset: start)
            }
            let scalar = scalars[position]
            if scalar == delimiter { break }
            if scalar == "\\" {
                content.append(scalar)
                position += 1
                guard position < scalars.count else {
                    throw JMESPathError(kind: .syntax, message: "Unclosed \(delimiter) delimiter", offset: start)
                }
            }
            content.append(scalars[position])
            position += 1
        }
        position += 1
        return String(content)
    }

    private mutating func lexLiteral() throws -> JMESPathToken {
        let start = position
        let content = try consume(until: "`").replacingEscapedDelimiter("`")
        var token = makeToken(.literal, from: start)
        if let value = try? JSONValue.parse(content) {
            token.literal = value
        } else if let value = try? JSONValue.parse("\"" + String(content.drop { $0.isWhitespace }) + "\"") {
            // JEP-12 legacy: `foo` without JSON quotes still means the string "foo".
            token.literal = value
        } else {
            throw JMESPathError(kind: .syntax, message: "Bad JSON literal `\(content)`", offset: start)
        }
        return token
    }

    private mutating func lexQuotedIdentifier() throws -> JMESPathToken {
        let start = position
        let content = try consume(until: "\"")
        var token = makeToken(.quotedIdentifier, from: start)
        do {
            guard case .string(let name) = try JSONValue.parse("\"" + content + "\"") else {
                throw JMESPathError(kind: .syntax, message: "Invalid quoted identifier", offset: start)
            }
            token.name = name
        } catch let error as JSONParseError {
            throw JMESPathError(kind: .syntax, message: "Invalid quoted identifier: \(error.reason)", offset: start)
        }
        return token
    }
}

extension String {
    /// Replaces backslash-escaped delimiters (`\'` or `` \` ``) with the bare delimiter.
    fileprivate func replacingEscapedDelimiter(_ delimiter: Unicode.Scalar) -> String {
        var output = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\\", pending == delimiter {
                output.append(delimiter)
                pending = scalars.next()
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
