import JSON

/// A template file's JSON, each value and key remembering its line and column.
///
/// Strings stay unevaluated here: the deployment evaluates `[...]` expressions node by node, so an error can
/// name the line and column of the expression that failed. Members are looked up with `node[ignoringCase:]`,
/// as ARM reads property names.
public typealias TemplateNode = JSONLocatedValue

/// Where something sits in a template file: 1-based line and column, as ARM's errors name them.
public typealias TemplatePosition = JSONTextPosition

extension JSONLocatedValue {
    /// Parses a template, a parameters file or a JSON value with the shared JSON parser, keeping positions.
    ///
    /// - Parameter text: The whole file.
    /// - Throws: `CMKError` (InvalidTemplate) naming the line and column of the first mistake.
    public static func parse(_ text: String) throws -> TemplateNode {
        do {
            return try TemplateNode(parsing: text)
        } catch let error as JSONParseError {
            throw CMKError.badRequest(
                .invalidTemplate,
                "The template is not valid JSON at \(TemplatePosition(line: error.line, column: error.column)): "
                    + "\(Self.phrase(error.reason)).",
                hint: "Check the file with a JSON linter; comments and trailing commas are not allowed.")
        }
    }

    /// The parser's reason as the end of a sentence: `Unterminated string starting at` becomes `unterminated
    /// string` (the position is already named).
    private static func phrase(_ reason: String) -> String {
        var phrase = reason
        for suffix in [" starting at", " at"] where phrase.hasSuffix(suffix) {
            phrase.removeLast(suffix.count)
        }
        return phrase.prefix(1).lowercased() + phrase.dropFirst()
    }
}
