/// `-o jsonc`: az's JSON text run through pygments' JsonLexer and `TerminalFormatter`.
///
/// Keys are bright blue, string values yellow, numbers and `true`/`false`/`null` blue,
/// punctuation uncoloured, and every whitespace run wrapped in the whitespace colour line by
/// line, exactly as pygments writes it, so the bytes match what az prints on a terminal.
enum JSONColorizer {
    /// Colours JSON text as produced by `JSONValue.serialized(.azPretty)` plus its final newline.
    static func colorize(_ json: String) -> String {
        let text = Array(json.unicodeScalars)
        var output = ""
        var index = 0
        while index < text.count {
            let start = index
            let character = text[index]
            switch character {
            case " ", "\t", "\r", "\n":
                while index < text.count, [" ", "\t", "\r", "\n"].contains(text[index]) { index += 1 }
                output += ANSIStyle.whitespace(slice(text, start, index))
            case "\"":
                index = endOfString(text, from: index)
                var next = index
                while next < text.count, [" ", "\t", "\r", "\n"].contains(text[next]) { next += 1 }
                let isKey = next < text.count && text[next] == ":"
                output += (isKey ? ANSIStyle.brightBlue : ANSIStyle.yellow).token(slice(text, start, index))
            case "{", "}", "[", "]", ",", ":":
                index += 1
                output += String(character)
            default:
                while index < text.count, !" \t\r\n{}[],:\"".unicodeScalars.contains(text[index]) { index += 1 }
                output += ANSIStyle.blue.token(slice(text, start, index))
            }
        }
        return output
    }

    /// The index just past the closing quote of the string literal starting at `start`.
    private static func endOfString(_ text: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        while index < text.count {
            switch text[index] {
            case "\\": index += 2
            case "\"": return index + 1
            default: index += 1
            }
        }
        return text.count
    }

    private static func slice(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text[start..<end])
        return String(result)
    }
}
