/// Why a JMESPath expression could not be compiled or evaluated.
///
/// The kinds are those of the JMESPath specification and its compliance suite: `syntax` errors
/// come from compiling; the others from evaluating (a function called with the wrong number or
/// type of arguments, an unknown function, a slice step of zero).
public struct JMESPathError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The error classes of the JMESPath specification, spelled as the compliance suite spells them.
    public enum Kind: String, Sendable {
        case syntax
        case invalidType = "invalid-type"
        case invalidValue = "invalid-value"
        case invalidArity = "invalid-arity"
        case unknownFunction = "unknown-function"
    }

    public let kind: Kind
    /// What went wrong, without the expression or position.
    public let message: String
    /// Character offset (in Unicode scalars) into the expression where the problem was found.
    public let offset: Int?
    /// The expression being compiled or evaluated, when known.
    public let expression: String?

    public init(kind: Kind, message: String, offset: Int? = nil, expression: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.expression = expression
    }

    /// Multi-line rendering that shows where it failed, e.g.
    ///
    ///     Invalid jmespath query supplied for '--query': Expected ']' but found 'eof' at column 4
    ///     a.b[
    ///         ^
    ///
    /// The column is the 0-based character offset, as Python's jmespath reports it.
    public var description: String {
        let lead = kind == .syntax
            ? "Invalid jmespath query supplied for '--query'"
            : "Error evaluating jmespath query supplied for '--query' (\(kind.rawValue))"
        guard let expression else { return "\(lead): \(message)" }
        guard let offset else { return "\(lead): \(message)\n\(expression)" }
        let caretPadding = String(repeating: " ", count: max(0, offset))
        return "\(lead): \(message) at column \(offset)\n\(expression)\n\(caretPadding)^"
    }

    /// The same error, now knowing the expression it belongs to.
    func attaching(expression text: String) -> JMESPathError {
        JMESPathError(kind: kind, message: message, offset: offset, expression: expression ?? text)
    }
}
