/// Where `YAMLEmitter` writes: plain text, or text coloured as pygments' YamlLexer with
/// `TerminalFormatter` colours it (az's `yamlc`).
struct YAMLSink {
    /// What a piece of emitted text is, which decides its colour.
    enum Kind {
        case space, lineBreak, indicator, documentEnd, plainKey, plainValue, quote, quotedText
    }

    let colored: Bool
    private(set) var output = ""

    init(colored: Bool) {
        self.colored = colored
    }

    mutating func write(_ text: String, as kind: Kind) {
        guard colored else {
            output += text
            return
        }
        switch kind {
        case .space, .lineBreak:
            output += ANSIStyle.whitespace(text)
        case .indicator, .plainValue:
            output += text
        case .documentEnd:
            output += ANSIStyle.underlinedCyan.wrap(text)
        case .plainKey:
            output += ANSIStyle.brightBlue.wrap(text)
        case .quote:
            output += ANSIStyle.yellow.wrap(text)
        case .quotedText:
            let isSpaces = text.unicodeScalars.allSatisfy { $0 == " " }
            output += (isSpaces ? ANSIStyle.red : ANSIStyle.yellow).wrap(text)
        }
    }
}
