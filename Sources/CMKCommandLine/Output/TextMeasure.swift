/// How tabulate measures cell text: code points, minus ANSI escape sequences when any cell holds one.
///
/// tabulate looks for escape sequences once per table; if it finds one, it measures every cell by
/// its visible text (CSI sequences removed, OSC 8 hyperlinks reduced to their link text) and pads
/// so the visible widths line up. Otherwise it counts code points.
struct TextMeasure {
    let ansiAware: Bool

    static func containsEscapeSequence(_ text: String) -> Bool {
        text.unicodeScalars.contains("\u{1B}") && visibleText(text) != text
    }

    /// Visible width of one line, or of the widest line when the cell may span lines
    /// (`re.split("[\r\n]", text)`).
    func width(_ text: String, multiline: Bool) -> Int {
        guard multiline else { return lineWidth(text) }
        return PythonText.splitAtCarriageReturnsAndNewlines(text).map(lineWidth).max() ?? 0
    }

    /// `ljust` to a visible width.
    func leftJustify(_ text: String, width: Int) -> String {
        let invisible = PythonText.length(text) - lineWidth(text)
        return PythonText.leftJustify(text, width: width + invisible)
    }

    private func lineWidth(_ text: String) -> Int {
        PythonText.length(ansiAware ? Self.visibleText(text) : text)
    }

    /// tabulate's `_strip_ansi`.
    static func visibleText(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}", let end = endOfCSI(scalars, at: index) {
                index = end
            } else if scalars[index] == "\u{1B}", let (linkText, end) = hyperlink(scalars, at: index) {
                output.append(contentsOf: linkText)
                index = end
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// `ESC [` parameter bytes (0x30–0x3F)* intermediate bytes (0x20–0x2F)* final byte (0x40–0x7E).
    private static func endOfCSI(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, (0x30...0x3F).contains(scalars[index].value) { index += 1 }
        while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
        guard index < scalars.count, (0x40...0x7E).contains(scalars[index].value) else { return nil }
        return index + 1
    }

    /// `ESC ] 8 ; params ; URI ESC \ text ESC ] 8 ; ; ESC \` → the link text.
    private static func hyperlink(_ scalars: [Unicode.Scalar], at start: Int)
        -> (text: ArraySlice<Unicode.Scalar>, end: Int)?
    {
        let opening: [Unicode.Scalar] = ["\u{1B}", "]", "8", ";"]
        let terminator: [Unicode.Scalar] = ["\u{1B}", "\\"]
        let closing: [Unicode.Scalar] = ["\u{1B}", "]", "8", ";", ";", "\u{1B}", "\\"]
        func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
            index + pattern.count <= scalars.count && Array(scalars[index..<index + pattern.count]) == pattern
        }
        guard matches(opening, at: start) else { return nil }
        var index = start + opening.count
        // params: (\w+=\w+:?)* then ';'
        while index < scalars.count, scalars[index] != ";" {
            let character = scalars[index]
            guard character == "=" || character == ":" || character == "_"
                    || character.properties.isAlphabetic || character.properties.numericType != nil
            else { return nil }
            index += 1
        }
        guard index < scalars.count else { return nil }
        index += 1
        let uriStart = index
        while index < scalars.count, scalars[index] != "\u{1B}" { index += 1 }
        guard index > uriStart, matches(terminator, at: index) else { return nil }
        index += terminator.count
        let textStart = index
        while index < scalars.count, scalars[index] != "\u{1B}" { index += 1 }
        guard index > textStart, matches(closing, at: index) else { return nil }
        return (scalars[textStart..<index], index + closing.count)
    }
}
