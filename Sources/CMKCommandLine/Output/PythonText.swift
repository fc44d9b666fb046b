import JSON

/// Python's text conventions, which az's formatters inherit and users see in `tsv` and `table` output.
///
/// knack formats with `str()`, pads with `ljust`, strips with `str.strip()` and splits with
/// `str.splitlines()`; all of them count and classify code points, not grapheme clusters, so
/// everything here works on `unicodeScalars`.
enum PythonText {
    /// `str(value)` for a value that came out of `json.loads`: strings verbatim, `True`/`False`,
    /// `None`, numbers as Python prints them, lists and dicts as their `repr`.
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - orderedObjects: objects are `OrderedDict`s, as a `--query` result's are in knack;
    ///     Python 3.12 and later print them as `OrderedDict({...})`.
    static func str(_ value: JSONValue, orderedObjects: Bool = false) -> String {
        switch value {
        case .string(let string): return string
        default: return repr(value, orderedObjects: orderedObjects)
        }
    }

    /// `repr(value)`: what Python shows for a value nested in a list or dict.
    static func repr(_ value: JSONValue, orderedObjects: Bool = false) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number): return numberText(number)
        case .string(let string): return reprString(string)
        case .array(let elements):
            return "[" + elements.map { repr($0, orderedObjects: orderedObjects) }.joined(separator: ", ") + "]"
        case .object(let object):
            let pairs = object.map { reprString($0.key) + ": " + repr($0.value, orderedObjects: orderedObjects) }
            let dict = "{" + pairs.joined(separator: ", ") + "}"
            guard orderedObjects else { return dict }
            return object.isEmpty ? "OrderedDict()" : "OrderedDict(" + dict + ")"
        }
    }

    /// A JSON number as Python prints the value `json.loads` gives for it.
    ///
    /// Integral values below 10^16 print as `int` (that is how az's JSON carries them); anything
    /// else prints as `repr(float)`: shortest round-trip digits, exponent form below 1e-4 or from 1e16.
    static func numberText(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e16 {
            return JSONValue.formatNumber(number)
        }
        return floatRepr(number)
    }

    /// Python's `repr(float)`, built from Swift's shortest round-trip digits.
    static func floatRepr(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }
        let (digits, decimalPoint) = shortestDigits(abs(number))
        let sign = number < 0 ? "-" : ""
        if decimalPoint > 16 || decimalPoint < -3 {
            let exponent = decimalPoint - 1
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let exponentDigits = String(abs(exponent))
            let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
        }
        if decimalPoint <= 0 {
            return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
        }
        if decimalPoint >= digits.count {
            return sign + digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The significant digits of a positive finite number and the position of the decimal point
    /// (value = 0.DIGITS × 10^decimalPoint), taken from Swift's shortest round-trip description.
    private static func shortestDigits(_ number: Double) -> (digits: String, decimalPoint: Int) {
        let text = number.description
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...])!
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var decimalPoint = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, decimalPoint)
    }

    /// `repr(str)`: single quotes unless the text holds a single quote and no double quote.
    static func reprString(_ string: String) -> String {
        let quote: Unicode.Scalar = string.unicodeScalars.contains("'") && !string.unicodeScalars.contains("\"")
            ? "\"" : "'"
        var output = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case quote, "\\": output += "\\" + String(scalar)
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case _ where !isPrintable(scalar):
                output += escapeCode(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.unicodeScalars.append(quote)
        return output
    }

    private static func escapeCode(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        let (prefix, width) = scalar.value <= 0xFF ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        return prefix + String(repeating: "0", count: width - hex.count) + hex
    }

    /// `str.isprintable()` for one code point: everything but controls, formats, surrogates,
    /// private use, unassigned and separators other than the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `str.isspace()` for one code point (White_Space plus the information separators 0x1C–0x1F).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// `str.strip()` with no argument.
    static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    /// `len(text)`: the number of code points.
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text.ljust(width)`.
    static func leftJustify(_ text: String, width: Int) -> String {
        let missing = width - length(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text.rstrip()` with no argument.
    static func rstrip(_ text: String) -> String {
        var scalars = text.unicodeScalars
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// `str.splitlines()`: splits at every Unicode line boundary Python knows, drops the breaks
    /// and yields no trailing empty line.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0D:
                if pending == "\n" { pending = scalars.next() }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// `str.splitlines(True)`: like `splitLines`, but each line keeps its break.
    static func splitLinesKeepingEnds(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            current.append(scalar)
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" {
                current.append(scalars[index])
                index += 1
            }
            if [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(scalar.value) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// `re.split("[\r\n]", text)`: every CR and every LF ends a piece, empty pieces kept.
    static func splitAtCarriageReturnsAndNewlines(_ text: String) -> [String] {
        text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\r" || $0 == "\n" }.map(String.init)
    }
}
