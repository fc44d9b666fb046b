/// A top-down operator precedence (Pratt) parser for JMESPath, shaped like the reference implementation
/// so that edge cases resolve the same way.
struct JMESPathParser {
    /// Deep enough for any real query, shallow enough that parsing and evaluating never exhaust the stack.
    private static let maximumNesting = 256

    private let tokens: [JMESPathToken]
    private var index = 0
    /// How deep the tree being built is at this point: one level per nested expression and per link of a chain
    /// (`a.b.c`, `a | b`, `a || b`, `a[]`), since a chain of links is a tree as deep as the chain is long.
    private var depth = 0

    init(tokens: [JMESPathToken]) {
        self.tokens = tokens
    }

    /// Parses the whole token stream into one tree.
    ///
    /// - Throws: `JMESPathError` of kind `.syntax` naming the expected and the found token.
    mutating func parse() throws -> JMESPathNode {
        let node = try expression(bindingPower: 0)
        guard current.kind == .eof else {
            throw syntaxError("Unexpected token '\(current.display)' after a complete expression", at: current)
        }
        return node
    }

    // MARK: - Core loop

    private var current: JMESPathToken { tokens[index] }

    private func lookahead(_ distance: Int) -> JMESPathToken.Kind {
        tokens[min(index + distance, tokens.count - 1)].kind
    }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func expression(bindingPower: Int) throws -> JMESPathNode {
        var levels = 1
        depth += 1
        defer { depth -= levels }
        try requireDepth()
        let token = current
        advance()
        var left = try nud(token)
        while bindingPower < current.bindingPower {
            levels += 1
            depth += 1
            try requireDepth()
            let token = current
            advance()
            left = try led(token, left: left)
        }
        return left
    }

    private func requireDepth() throws {
        guard depth <= Self.maximumNesting else {
            throw syntaxError("Expression nested more than \(Self.maximumNesting) levels deep", at: current)
        }
    }

    private mutating func match(_ kind: JMESPathToken.Kind, _ expected: String) throws {
        guard current.kind == kind else {
            throw syntaxError("Expected '\(expected)' but found '\(current.display)'", at: current)
        }
        advance()
    }

    private func syntaxError(_ message: String, at token: JMESPathToken) -> JMESPathError {
        JMESPathError(kind: .syntax, message: message, offset: token.start)
    }

    // MARK: - Prefix positions

    private mutating func nud(_ token: JMESPathToken) throws -> JMESPathNode {
        switch token.kind {
        case .literal:
            return .literal(token.literal)
        case .unquotedIdentifier:
            return .field(token.name)
        case .quotedIdentifier:
            if current.kind == .lparen {
                throw syntaxError("A quoted identifier cannot name a function; remove the quotes", at: token)
            }
            return .field(token.name)
        case .star:
            let right: JMESPathNode = current.kind == .rbracket
                ? .current : try projectionRight(bindingPower: token.bindingPower)
            return .objectProjection(.current, right)
        case .filter:
            return try filter(left: .current)
        case .lbrace:
            return try multiSelectHash()
        case .lparen:
            let inner = try expression(bindingPower: 0)
            try match(.rparen, ")")
            return inner
        case .flatten:
            let right = try projectionRight(bindingPower: token.bindingPower)
            return .listProjection(.flatten(.current), right)
        case .not:
            return .not(try expression(bindingPower: token.bindingPower))
        case .lbracket:
            if current.kind == .number || current.kind == .colon {
                let right = try indexOrSlice()
                return try projectIfSlice(left: .current, right: right)
            }
            if current.kind == .star, lookahead(1) == .rbracket {
                advance()
                advance()
                let right = try projectionRight(bindingPower: JMESPathToken.Kind.star.bindingPower)
                return .listProjection(.current, right)
            }
            return try multiSelectList()
        case .current:
            return .current
        case .expref:
            return .expressionReference(try expression(bindingPower: token.bindingPower))
        case .eof:
            throw syntaxError("Incomplete expression: expected more after the end", at: token)
        default:
            throw syntaxError("Unexpected token '\(token.display)'", at: token)
        }
    }

    // MARK: - Infix positions

    private mutating func led(_ token: JMESPathToken, left: JMESPathNode) throws -> JMESPathNode {
        switch token.kind {
        case .dot:
            if current.kind == .star {
                advance()
                let right = try projectionRight(bindingPower: token.bindingPower)
                return .objectProjection(left, right)
            }
            return .subexpression(left, try dotRight(bindingPower: token.bindingPower))
        case .pipe:
            return .pipe(left, try expression(bindingPower: token.bindingPower))
        case .or:
            return .or(left, try expression(bindingPower: token.bindingPower))
        case .and:
            return .and(left, try expression(bindingPower: token.bindingPower))
        case .lparen:
            guard case .field(let name) = left else {
                let nameToken = tokens[max(0, index - 2)]
                throw syntaxError("Invalid function name '\(nameToken.display)'", at: nameToken)
            }
            let nameOffset = tokens[max(0, index - 2)].start
            return .function(name: name, arguments: try functionArguments(), offset: nameOffset)
        case .filter:
            return try filter(left: left)
        case .eq, .ne, .lt, .lte, .gt, .gte:
            let right = try expression(bindingPower: token.bindingPower)
            return .comparison(Self.comparator(token.kind), left, right)
        case .flatten:
            let right = try projectionRight(bindingPower: token.bindingPower)
            return .listProjection(.flatten(left), right)
        case .lbracket:
            if current.kind == .number || current.kind == .colon {
                let right = try indexOrSlice()
                if case .indexExpression = left {
                    return .indexExpression(left, right)
                }
                return try projectIfSlice(left: left, right: right)
            }
            guard current.kind == .star else {
                throw syntaxError("Expected a number, ':' or '*' after '[' but found '\(current.display)'", at: current)
            }
            advance()
            try match(.rbracket, "]")
            let right = try projectionRight(bindingPower: JMESPathToken.Kind.star.bindingPower)
            return .listProjection(left, right)
        default:
            throw syntaxError("Unexpected token '\(token.display)'", at: token)
        }
    }

    private static func comparator(_ kind: JMESPathToken.Kind) -> JMESPathComparator {
        switch kind {
        case .eq: return .equal
        case .ne: return .notEqual
        case .lt: return .less
        case .lte: return .lessOrEqual
        case .gt: return .greater
        default: return .greaterOrEqual
        }
    }

    // MARK: - Pieces

    private mutating func functionArguments() throws -> [JMESPathNode] {
        var arguments: [JMESPathNode] = []
        if current.kind == .rparen {
            advance()
            return arguments
        }
        while true {
            arguments.append(try expression(bindingPower: 0))
            if current.kind == .rparen {
                advance()
                return arguments
            }
            try match(.comma, ",")
        }
    }

    private mutating func filter(left: JMESPathNode) throws -> JMESPathNode {
        let condition = try expression(bindingPower: 0)
        try match(.rbracket, "]")
        let right: JMESPathNode = current.kind == .flatten
            ? .current : try projectionRight(bindingPower: JMESPathToken.Kind.filter.bindingPower)
        return .filterProjection(left, right, condition: condition)
    }

    private mutating func projectIfSlice(left: JMESPathNode, right: JMESPathNode) throws -> JMESPathNode {
        let indexed = JMESPathNode.indexExpression(left, right)
        guard case .slice = right else { return indexed }
        return .listProjection(indexed, try projectionRight(bindingPower: JMESPathToken.Kind.star.bindingPower))
    }

    /// Parses `[n]` or `[start:stop:step]` after the opening bracket.
    private mutating func indexOrSlice() throws -> JMESPathNode {
        if current.kind == .number, lookahead(1) != .colon {
            let number = current.number
            advance()
            try match(.rbracket, "]")
            return .index(number)
        }
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        var partHasNumber = false
        while current.kind != .rbracket {
            switch current.kind {
            case .colon where part < 2:
                part += 1
                partHasNumber = false
            case .number where !partHasNumber:
                parts[part] = current.number
                partHasNumber = true
            default:
                throw syntaxError("Unexpected token '\(current.display)' in a slice; expected a number, ':' or ']'",
                                  at: current)
            }
            advance()
        }
        advance()
        return .slice(start: parts[0], stop: parts[1], step: parts[2])
    }

    private mutating func multiSelectList() throws -> JMESPathNode {
        var elements: [JMESPathNode] = []
        while true {
            elements.append(try expression(bindingPower: 0))
            if current.kind == .rbracket {
                advance()
                return .multiSelectList(elements)
            }
            try match(.comma, ",")
        }
    }

    private mutating func multiSelectHash() throws -> JMESPathNode {
        var entries: [JMESPathKeyedNode] = []
        while true {
            guard current.kind == .unquotedIdentifier || current.kind == .quotedIdentifier else {
                throw syntaxError("Expected a key name but found '\(current.display)'", at: current)
            }
            let key = current.name
            advance()
            try match(.colon, ":")
            entries.append(JMESPathKeyedNode(key: key, node: try expression(bindingPower: 0)))
            if current.kind == .rbrace {
                advance()
                return .multiSelectHash(entries)
            }
            try match(.comma, ",")
        }
    }

    /// The part after a projection: nothing (when a low-binding token follows), `[...]`, `[?...]` or `.rhs`.
    private mutating func projectionRight(bindingPower: Int) throws -> JMESPathNode {
        if current.bindingPower < JMESPathToken.projectionStop {
            return .current
        }
        switch current.kind {
        case .lbracket, .filter:
            return try expression(bindingPower: bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower: bindingPower)
        default:
            throw syntaxError("Unexpected token '\(current.display)' after a projection", at: current)
        }
    }

    /// What may follow a '.': an identifier, '*', a multiselect list or hash, or a function call.
    private mutating func dotRight(bindingPower: Int) throws -> JMESPathNode {
        switch current.kind {
        case .quotedIdentifier, .unquotedIdentifier, .star:
            return try expression(bindingPower: bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw syntaxError("Expected an identifier, '*', '[' or '{' after '.' but found '\(current.display)'",
                              at: current)
        }
    }
}
