/// The escape sequences pygments' `TerminalFormatter` (light background) writes, which is how
/// az colours `jsonc` and `yamlc`.
enum ANSIStyle: String {
    /// Whitespace tokens (`Token.Text.Whitespace`).
    case gray = "\u{1B}[37m"
    /// JSON object keys and YAML mapping keys (`Token.Name.Tag`).
    case brightBlue = "\u{1B}[94m"
    /// Strings (`Token.Literal.String`).
    case yellow = "\u{1B}[33m"
    /// Numbers and `true`/`false`/`null` in JSON (`Token.Number`, `Token.Keyword.Constant`).
    case blue = "\u{1B}[34m"
    /// Spaces inside a quoted YAML scalar, as pygments' YamlLexer marks them.
    case red = "\u{1B}[31m"
    /// The YAML document end marker `...`.
    case underlinedCyan = "\u{1B}[04m\u{1B}[36m"
    /// What pygments' YamlLexer cannot place (`Token.Error`), such as U+2028 inside quotes.
    case error = "\u{1B}[04m\u{1B}[91m"

    static let reset = "\u{1B}[39;49;00m"

    /// One token as `TerminalFormatter` writes it: each line (Python's `splitlines(True)`, so
    /// also at U+2028, U+0085, …) coloured on its own, with a newline left outside the colour.
    func token(_ text: String) -> String {
        var output = ""
        for line in PythonText.splitLinesKeepingEnds(text) {
            var body = line.unicodeScalars[...]
            var newlines = 0
            while body.last == "\n" {
                body.removeLast()
                newlines += 1
            }
            output += rawValue + String(body) + ANSIStyle.reset
            if newlines > 0 { output += "\n" }
        }
        return output
    }

    /// A whitespace token (`Token.Text.Whitespace`).
    static func whitespace(_ text: String) -> String { gray.token(text) }
}
