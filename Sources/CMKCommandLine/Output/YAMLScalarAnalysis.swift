/// Which YAML scalar styles can carry a string unchanged: PyYAML's `Emitter.analyze_scalar`
/// with `allow_unicode=True`, ported line for line.
struct YAMLScalarAnalysis {
    let isEmpty: Bool
    let isMultiline: Bool
    let allowFlowPlain: Bool
    let allowBlockPlain: Bool
    let allowSingleQuoted: Bool

    private static let breaks: Set<Unicode.Scalar> = ["\n", "\u{85}", "\u{2028}", "\u{2029}"]
    private static let whitespaceOrBreak: Set<Unicode.Scalar> = ["\0", " ", "\t", "\r", "\n", "\u{85}",
                                                                 "\u{2028}", "\u{2029}"]

    init(_ string: String) {
        let text = Array(string.unicodeScalars)
        if text.isEmpty {
            isEmpty = true
            isMultiline = false
            allowFlowPlain = false
            allowBlockPlain = true
            allowSingleQuoted = true
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false

        if string.hasPrefix("---") || string.hasPrefix("...") {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = text.count == 1 || Self.whitespaceOrBreak.contains(text[1])
        var previousSpace = false
        var previousBreak = false

        for (index, character) in text.enumerated() {
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(character) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if character == "?" || character == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if character == "-" && followedByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            } else {
                if ",?[]{}".unicodeScalars.contains(character) { flowIndicators = true }
                if character == ":" {
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                }
                if character == "#" && precededByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            }

            if Self.breaks.contains(character) { lineBreaks = true }
            if !(character == "\n" || (0x20...0x7E).contains(character.value)) {
                let value = character.value
                let isUnicodeText = (value == 0x85 || (0xA0...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000..<0x10FFFF).contains(value)) && value != 0xFEFF
                // allow_unicode=True: printable non-ASCII is fine; anything else needs escapes.
                if !isUnicodeText { specialCharacters = true }
            }

            if character == " " {
                if index == 0 { leadingSpace = true }
                if index == text.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.breaks.contains(character) {
                if index == 0 { leadingBreak = true }
                if index == text.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }

            precededByWhitespace = Self.whitespaceOrBreak.contains(character)
            followedByWhitespace = index + 2 >= text.count || Self.whitespaceOrBreak.contains(text[index + 2])
        }

        var flowPlain = true
        var blockPlain = true
        var singleQuoted = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlain = false
            blockPlain = false
        }
        if breakSpace {
            flowPlain = false
            blockPlain = false
            singleQuoted = false
        }
        if spaceBreak || specialCharacters {
            flowPlain = false
            blockPlain = false
            singleQuoted = false
        }
        if lineBreaks {
            flowPlain = false
            blockPlain = false
        }
        if flowIndicators { flowPlain = false }
        if blockIndicators { blockPlain = false }

        isEmpty = false
        isMultiline = lineBreaks
        allowFlowPlain = flowPlain
        allowBlockPlain = blockPlain
        allowSingleQuoted = singleQuoted
    }
}
