/// A compiled JMESPath expression, ready to search any number of JSON documents.
///
/// Compiling checks the syntax; evaluating follows the JMESPath specification and, where the
/// specification is silent, the Python implementation that az uses (so `--query` behaves the same).
/// Function names and argument counts are checked when the call is evaluated, as in Python.
///
///     let query = try JMESPathExpression("[?encryption.status=='enabled'].name | sort(@)")
///     let names = try query.search(registries)
public struct JMESPathExpression: Sendable {
    /// The expression as written.
    public let text: String
    private let root: JMESPathNode

    /// Compiles an expression.
    ///
    /// - Parameter expression: JMESPath text such as `a.b[0]` or `sort_by(@, &name)[].id`.
    /// - Throws: `JMESPathError` of kind `.syntax`, with the offset of the offending token.
    public init(_ expression: String) throws {
        text = expression
        do {
            var lexer = JMESPathLexer(expression)
            var parser = JMESPathParser(tokens: try lexer.tokenize())
            root = try parser.parse()
        } catch let error as JMESPathError {
            throw error.attaching(expression: expression)
        }
    }

    /// Evaluates the expression with `value` as the current node.
    ///
    /// - Parameter value: The document to search.
    /// - Returns: The result; `null` when nothing matched.
    /// - Throws: `JMESPathError` of kind `.invalidType`, `.invalidValue`, `.invalidArity` or `.unknownFunction`.
    public func search(_ value: JSONValue) throws -> JSONValue {
        do {
            return try JMESPathInterpreter().evaluate(root, value)
        } catch let error as JMESPathError {
            throw error.attaching(expression: text)
        }
    }
}
