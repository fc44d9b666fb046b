import JSON

/// `-o yaml`: the text PyYAML's `yaml.safe_dump(value, default_flow_style=False, allow_unicode=True)`
/// writes, which is what knack prints.
///
/// This is a port of the parts of PyYAML's `Emitter` that JSON data reaches: block mappings with
/// sorted keys, block sequences (indentless under a mapping key), `[]` and `{}` for empty
/// collections, and scalars in plain, single-quoted or double-quoted style chosen exactly as
/// PyYAML chooses (`analyze_scalar`, `choose_scalar_style`), including line folding at column 80
/// and the `...` document end marker after a bare top-level plain scalar. Any YAML 1.1 reader
/// therefore reads the output back to the same data: a string that would resolve to another
/// type (`yes`, `null`, `123`, `2026-11-23`, ``) is quoted.
///
/// The emitter keeps PyYAML's state variables (`column`, `whitespace`, `indention`, `indent`,
/// `openEnded`) and calls its writers in the same order; keep it that way when changing it, since
/// the exact spacing falls out of that state.
struct YAMLEmitter {
    private var sink: YAMLSink
    private let resolver = YAMLResolver()
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var openEnded = false
    private var indent: Int?
    private var indents: [Int?] = []
    private var flowLevel = 0
    private var rootContext = false
    private var mappingContext = false
    private var simpleKeyContext = false

    private static let bestIndent = 2
    private static let bestWidth = 80
    /// Characters PyYAML treats as line breaks.
    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The YAML document for `value`, ANSI-coloured like pygments' YamlLexer when `colored`.
    static func render(_ value: JSONValue, colored: Bool) -> String {
        var emitter = YAMLEmitter(sink: YAMLSink(colored: colored))
        emitter.emitDocument(value)
        return emitter.sink.output
    }

    private init(sink: YAMLSink) {
        self.sink = sink
    }

    private mutating func emitDocument(_ value: JSONValue) {
        expectNode(value, root: true)
        writeIndent()
        if openEnded {
            writeIndicator("...", needWhitespace: true)
            writeIndent()
        }
    }

    // MARK: - Nodes

    private mutating func expectNode(_ value: JSONValue, root: Bool = false, mapping: Bool = false,
                                     simpleKey: Bool = false) {
        rootContext = root
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch value {
        case .array(let elements) where elements.isEmpty:
            expectEmptyFlowCollection(open: "[", close: "]")
        case .object(let object) where object.isEmpty:
            expectEmptyFlowCollection(open: "{", close: "}")
        case .array(let elements):
            expectBlockSequence(elements)
        case .object(let object):
            expectBlockMapping(object)
        default:
            expectScalar(YAMLScalar(value, resolver: resolver))
        }
    }

    private mutating func expectScalar(_ scalar: YAMLScalar) {
        increaseIndent(flow: true)
        processScalar(scalar)
        indent = indents.removeLast()
    }

    private mutating func expectEmptyFlowCollection(open: String, close: String) {
        writeIndicator(open, needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        indent = indents.removeLast()
        flowLevel -= 1
        writeIndicator(close, needWhitespace: false)
    }

    private mutating func expectBlockSequence(_ elements: [JSONValue]) {
        let indentless = mappingContext && !indention
        increaseIndent(flow: false, indentless: indentless)
        for element in elements {
            writeIndent()
            writeIndicator("-", needWhitespace: true, indention: true)
            expectNode(element)
        }
        indent = indents.removeLast()
    }

    private mutating func expectBlockMapping(_ object: JSONObject) {
        increaseIndent(flow: false)
        for (key, value) in object.sortedPairs {
            writeIndent()
            let keyScalar = YAMLScalar(.string(key), resolver: resolver)
            if Self.isSimpleKey(keyScalar) {
                expectNode(.string(key), mapping: true, simpleKey: true)
                writeIndicator(":", needWhitespace: false)
            } else {
                writeIndicator("?", needWhitespace: true, indention: true)
                expectNode(.string(key), mapping: true)
                writeIndent()
                writeIndicator(":", needWhitespace: true, indention: true)
            }
            expectNode(value, mapping: true)
        }
        indent = indents.removeLast()
    }

    /// `check_simple_key`: short (counting the `!!str` tag PyYAML always attaches), non-empty
    /// and on one line; other keys use the explicit `? key` form.
    private static func isSimpleKey(_ scalar: YAMLScalar) -> Bool {
        let analysis = YAMLScalarAnalysis(scalar.text)
        return "!!str".count + scalar.text.unicodeScalars.count < 128 && !analysis.isEmpty && !analysis.isMultiline
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool = false) {
        indents.append(indent)
        if let current = indent {
            if !indentless { indent = current + Self.bestIndent }
        } else {
            indent = flow ? Self.bestIndent : 0
        }
    }

    // MARK: - Scalars

    private enum ScalarStyle { case plain, singleQuoted, doubleQuoted }

    private mutating func processScalar(_ scalar: YAMLScalar) {
        let analysis = YAMLScalarAnalysis(scalar.text)
        let split = !simpleKeyContext
        switch chooseStyle(scalar, analysis) {
        case .plain: writePlain(scalar.text, split: split)
        case .singleQuoted: writeSingleQuoted(scalar.text, split: split)
        case .doubleQuoted: writeDoubleQuoted(scalar.text, split: split)
        }
    }

    /// `choose_scalar_style` for an event without a requested style.
    private func chooseStyle(_ scalar: YAMLScalar, _ analysis: YAMLScalarAnalysis) -> ScalarStyle {
        if scalar.isPlainImplicit
            && !(simpleKeyContext && (analysis.isEmpty || analysis.isMultiline))
            && (flowLevel > 0 ? analysis.allowFlowPlain : analysis.allowBlockPlain) {
            return .plain
        }
        if analysis.allowSingleQuoted && !(simpleKeyContext && analysis.isMultiline) {
            return .singleQuoted
        }
        return .doubleQuoted
    }

    private mutating func writePlain(_ string: String, split: Bool) {
        if rootContext { openEnded = true }
        let text = Array(string.unicodeScalars)
        if text.isEmpty { return }
        let isKey = simpleKeyContext
        if !whitespace {
            sink.write(" ", as: .space)
            column += 1
        }
        whitespace = false
        indention = false
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        var plainText = ""
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if character != " " {
                    if start + 1 == end && column > Self.bestWidth && split {
                        flushPlain(&plainText, isKey: isKey)
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        appendPlain(text[start..<end], to: &plainText)
                    }
                    start = end
                }
            } else if breaks {
                if let character, Self.lineBreaks.contains(character) {
                    // still inside the run of breaks
                } else {
                    flushPlain(&plainText, isKey: isKey)
                    if text[start] == "\n" { writeLineBreak() }
                    for lineBreak in text[start..<end] {
                        writeLineBreak(lineBreak == "\n" ? "\n" : String(lineBreak))
                    }
                    writeIndent()
                    whitespace = false
                    indention = false
                    start = end
                }
            } else if character == nil || character == " " || Self.lineBreaks.contains(character!) {
                appendPlain(text[start..<end], to: &plainText)
                start = end
            }
            if let character {
                spaces = character == " "
                breaks = Self.lineBreaks.contains(character)
            }
            end += 1
        }
        flushPlain(&plainText, isKey: isKey)
    }

    /// Plain text is gathered per line so that a colouring sink sees one token, as pygments does.
    private mutating func appendPlain(_ scalars: ArraySlice<Unicode.Scalar>, to plainText: inout String) {
        column += scalars.count
        plainText.unicodeScalars.append(contentsOf: scalars)
    }

    private mutating func flushPlain(_ plainText: inout String, isKey: Bool) {
        if plainText.isEmpty { return }
        sink.write(plainText, as: isKey ? .plainKey : .plainValue)
        plainText = ""
    }

    private mutating func writeSingleQuoted(_ string: String, split: Bool) {
        writeIndicator("'", needWhitespace: true, kind: .quote)
        let text = Array(string.unicodeScalars)
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if character == nil || character != " " {
                    if start + 1 == end && column > Self.bestWidth && split && start != 0 && end != text.count {
                        writeIndent()
                    } else {
                        writeText(text[start..<end], as: .quotedText)
                    }
                    start = end
                }
            } else if breaks {
                if character == nil || !Self.lineBreaks.contains(character!) {
                    if text[start] == "\n" { writeLineBreak() }
                    for lineBreak in text[start..<end] {
                        writeLineBreak(lineBreak == "\n" ? "\n" : String(lineBreak))
                    }
                    writeIndent()
                    start = end
                }
            } else if character == nil || character == " " || Self.lineBreaks.contains(character!)
                        || character == "'" {
                if start < end {
                    writeText(text[start..<end], as: .quotedText)
                    start = end
                }
            }
            if character == "'" {
                writeText(["'", "'"], as: .quotedText)
                start = end + 1
            }
            if let character {
                spaces = character == " "
                breaks = Self.lineBreaks.contains(character)
            }
            end += 1
        }
        writeIndicator("'", needWhitespace: false, kind: .quote)
    }

    /// Short escapes of `Emitter.ESCAPE_REPLACEMENTS`.
    private static let escapeReplacements: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v",
        "\u{0C}": "f", "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N",
        "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
    ]

    /// Whether a double-quoted scalar may hold the character as is (`allow_unicode=True`).
    private static func isPrintableInDoubleQuotes(_ character: Unicode.Scalar) -> Bool {
        switch character.value {
        case 0x22, 0x5C, 0x85, 0x2028, 0x2029, 0xFEFF: return false
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: return true
        default: return false
        }
    }

    private mutating func writeDoubleQuoted(_ string: String, split: Bool) {
        writeIndicator("\"", needWhitespace: true, kind: .quote)
        let text = Array(string.unicodeScalars)
        var start = 0
        var end = 0
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if character == nil || !Self.isPrintableInDoubleQuotes(character!) {
                if start < end {
                    writeText(text[start..<end], as: .quotedText)
                    start = end
                }
                if let character {
                    writeText(Array(Self.escape(character).unicodeScalars)[...], as: .quotedText)
                    start = end + 1
                }
            }
            if 0 < end && end < text.count - 1 && (character == " " || start >= end)
                && column + (end - start) > Self.bestWidth && split {
                var data = Array(text[start..<max(start, end)])
                data.append("\\")
                if start < end { start = end }
                writeText(data[...], as: .quotedText)
                writeIndent()
                whitespace = false
                indention = false
                if text[start] == " " {
                    writeText(["\\"], as: .quotedText)
                }
            }
            end += 1
        }
        writeIndicator("\"", needWhitespace: false, kind: .quote)
    }

    private static func escape(_ character: Unicode.Scalar) -> String {
        if let short = escapeReplacements[character] { return "\\" + short }
        let hex = String(character.value, radix: 16, uppercase: true)
        let (prefix, width) = character.value <= 0xFF ? ("\\x", 2)
            : character.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        return prefix + String(repeating: "0", count: width - hex.count) + hex
    }

    // MARK: - Writers

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, whitespace: Bool = false,
                                         indention: Bool = false, kind: YAMLSink.Kind = .indicator) {
        if !self.whitespace && needWhitespace {
            sink.write(" ", as: .space)
            column += 1
        }
        self.whitespace = whitespace
        self.indention = self.indention && indention
        column += indicator.unicodeScalars.count
        openEnded = false
        sink.write(indicator, as: indicator == "..." ? .documentEnd : kind)
    }

    private mutating func writeIndent() {
        let target = indent ?? 0
        if !indention || column > target || (column == target && !whitespace) {
            writeLineBreak()
        }
        if column < target {
            whitespace = true
            sink.write(String(repeating: " ", count: target - column), as: .space)
            column = target
        }
    }

    private mutating func writeLineBreak(_ data: String = "\n") {
        whitespace = true
        indention = true
        column = 0
        sink.write(data, as: .lineBreak)
    }

    private mutating func writeText(_ scalars: ArraySlice<Unicode.Scalar>, as kind: YAMLSink.Kind) {
        column += scalars.count
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        sink.write(text, as: kind)
    }
}

/// A JSON scalar as PyYAML's SafeRepresenter presents it: its text and whether a plain
/// rendering of that text would read back as the same type.
struct YAMLScalar {
    let text: String
    let isPlainImplicit: Bool

    init(_ value: JSONValue, resolver: YAMLResolver) {
        switch value {
        case .string(let string):
            text = string
            isPlainImplicit = !resolver.resolvesToNonString(string)
        case .null:
            text = "null"
            isPlainImplicit = true
        case .bool(let flag):
            text = flag ? "true" : "false"
            isPlainImplicit = true
        case .number(let number):
            text = YAMLScalar.numberText(number)
            isPlainImplicit = true
        case .array, .object:
            preconditionFailure("collections are not scalars")
        }
    }

    /// `represent_int` / `represent_float`: a float's repr in lower case, with `.0` inserted
    /// before an exponent so that YAML 1.1 reads it as a float.
    private static func numberText(_ number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        var text = PythonText.numberText(number).lowercased()
        if !text.contains("."), let exponent = text.firstIndex(of: "e") {
            text.replaceSubrange(exponent...exponent, with: ".0e")
        }
        return text
    }
}
