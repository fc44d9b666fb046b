/// A JSON document that could not be parsed, with the place it went wrong.
///
/// The wording follows Python's `json` module, which az users meet when a `--parameters` file or a
/// `@file` argument is malformed: `Expecting ',' delimiter: line 1 column 12 (char 11)`.
public struct JSONParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was wrong or expected, without the position (`Expecting ',' delimiter`).
    public let reason: String
    /// 1-based line of the offending character.
    public let line: Int
    /// 1-based column of the offending character, counted in Unicode scalars.
    public let column: Int
    /// 0-based offset of the offending character from the start of the text, counted in Unicode scalars.
    public let offset: Int

    public init(reason: String, line: Int, column: Int, offset: Int) {
        self.reason = reason
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String {
        "\(reason): line \(line) column \(column) (char \(offset))"
    }
}
