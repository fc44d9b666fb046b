/// Where `YAMLEmitter` writes: plain text, or text coloured as pygments' YamlLexer with
/// `TerminalFormatter` colours it (az's `yamlc`).
///
/// The colouring mirrors the lexer's token boundaries for everything az commands print; a few
/// exotic strings (lone Unicode line separators, non-breaking spaces in plain scalars) are
/// coloured more plainly than pygments does, which changes only escape codes, never the text.
struct YAMLSink {
    /// What a piece of emitted text is, which decides its colour.
    enum Kind {
        case space, lineBreak, indicator, documentEnd, plainKey, plainValue, quote, quotedText
    }

    let colored: Bool
    private(set) var output = ""
    /// Inside a quoted scalar, pygments takes spaces for part of the string (red), except the
    /// indentation that starts a new line after a real newline.
    private var insideQuotes = false
    private var afterUnicodeLineBreak = false

    /// Characters that stop pygments' key rule (`[^#,?\[\]{}"'\n]+:`), so such keys stay uncoloured.
    private static let nonKeyCharacters = Set("#,?[]{}\"'".unicodeScalars)

    init(colored: Bool) {
        self.colored = colored
    }

    mutating func write(_ text: String, as kind: Kind) {
        guard colored else {
            output += text
            return
        }
        switch kind {
        case .space:
            output += insideQuotes && afterUnicodeLineBreak
                ? ANSIStyle.red.token(text) : ANSIStyle.whitespace(text)
        case .lineBreak:
            if text == "\n" || !insideQuotes {
                afterUnicodeLineBreak = false
                output += ANSIStyle.whitespace(text)
            } else {
                afterUnicodeLineBreak = true
                output += ANSIStyle.error.token(text)
            }
        case .indicator:
            output += text
        case .plainValue:
            let (errors, rest) = Self.leadingUnicodeSpaceAsErrors(text)
            output += errors + rest
        case .documentEnd:
            output += ANSIStyle.underlinedCyan.token(text)
        case .plainKey:
            let (errors, rest) = Self.leadingUnicodeSpaceAsErrors(text)
            output += errors
            let isLexedAsKey = !rest.unicodeScalars.contains { Self.nonKeyCharacters.contains($0) }
            output += isLexedAsKey ? ANSIStyle.brightBlue.token(rest) : rest
        case .quote:
            insideQuotes.toggle()
            afterUnicodeLineBreak = false
            output += ANSIStyle.yellow.token(text)
        case .quotedText:
            for run in Self.spaceRuns(text) {
                output += (run.first == " " ? ANSIStyle.red : ANSIStyle.yellow).token(String(run))
            }
        }
    }

    /// A plain scalar may start with a non-ASCII space (U+00A0, U+3000, …); pygments' lexer
    /// matches none of its rules there and emits each such character as an error token.
    private static func leadingUnicodeSpaceAsErrors(_ text: String) -> (errors: String, rest: String) {
        var errors = ""
        var rest = text.unicodeScalars[...]
        while let first = rest.first, first != " ", PythonText.isSpace(first) {
            errors += ANSIStyle.error.token(String(first))
            rest.removeFirst()
        }
        return (errors, String(rest))
    }

    /// Splits text into alternating runs of spaces and of other characters.
    private static func spaceRuns(_ text: String) -> [Substring] {
        var runs: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if next == text.endIndex || (text[next] == " ") != (text[index] == " ") {
                runs.append(text[start..<next])
                start = next
            }
            index = next
        }
        return runs
    }
}
