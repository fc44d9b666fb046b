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

    static let reset = "\u{1B}[39;49;00m"

    func wrap(_ text: String) -> String { rawValue + text + ANSIStyle.reset }

    /// A whitespace token: pygments colours each line of it separately and leaves the newline bare.
    static func whitespace(_ text: String) -> String {
        var output = ""
        var line = ""
        for character in text.unicodeScalars {
            if character == "\n" {
                output += gray.wrap(line) + "\n"
                line = ""
            } else {
                line.unicodeScalars.append(character)
            }
        }
        if !line.isEmpty { output += gray.wrap(line) }
        return output
    }
}
