extension JSONValue {
    /// Parses JSON text (RFC 8259) into a value.
    ///
    /// Object keys keep their order of appearance; a repeated key keeps its first position and its
    /// last value, as Python's `json` does. Numbers become `Double`. A leading UTF-8 byte order mark
    /// is skipped. Escapes of lone UTF-16 surrogates are refused, because a Swift `String` cannot hold them.
    ///
    /// - Parameter text: The complete JSON document.
    /// - Throws: `JSONParseError` naming the line, column and what was expected.
    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in
            var parser = JSONTextParser(bytes: buffer, validatesUTF8: false)
            return try parser.parseDocument()
        }
    }

    /// Parses JSON from raw bytes that must be UTF-8.
    ///
    /// Same rules as `parse(_:)`; in addition, strings that are not valid UTF-8 are refused.
    ///
    /// - Parameter bytes: The complete JSON document, UTF-8 encoded, optionally starting with a BOM.
    /// - Throws: `JSONParseError` naming the line, column and what was expected.
    public static func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONTextParser(bytes: buffer, validatesUTF8: true)
            return try parser.parseDocument()
        }
    }
}

extension JSONLocatedValue {
    /// Parses JSON text as `JSONValue.parse(_:)` does, remembering where each value and key starts.
    ///
    /// Same rules, limits and errors as `JSONValue.parse(_:)`. Where an object repeats a key, the member
    /// keeps the position of its first key and the value (and position) of its last.
    ///
    /// - Parameter text: The complete JSON document.
    /// - Throws: `JSONParseError` naming the line, column and what was expected.
    public init(parsing text: String) throws {
        var text = text
        self = try text.withUTF8 { buffer in
            var parser = JSONTextParser(bytes: buffer, validatesUTF8: false, recordsPositions: true)
            let value = try parser.parseDocument()
            return JSONLocatedValue(value: value, positions: parser.lastPositions!)
        }
    }
}

/// A single-pass recursive-descent JSON parser over UTF-8 bytes.
private struct JSONTextParser {
    /// Deep enough for any real document, shallow enough never to overflow a thread's stack.
    private static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private let validatesUTF8: Bool
    private var index = 0
    private var depth = 0

    /// Whether to record where each value starts (`JSONLocatedValue`); plain parsing skips the work.
    private let recordsPositions: Bool
    /// The positions of the value the last `parseValue()` returned, when recording.
    private(set) var lastPositions: JSONPositionTree?
    /// How far positions have been counted: they are asked for in document order, so counting never restarts.
    private var counted = (offset: 0, line: 1, column: 1)

    init(bytes: UnsafeBufferPointer<UInt8>, validatesUTF8: Bool, recordsPositions: Bool = false) {
        self.bytes = bytes
        self.validatesUTF8 = validatesUTF8
        self.recordsPositions = recordsPositions
    }

    mutating func parseDocument() throws -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("Extra data", at: index)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("Expecting value", at: index) }
        let start = recordsPositions ? position(at: index) : nil
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(startingAt: start)
        case UInt8(ascii: "["): return try parseArray(startingAt: start)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): value = try parseKeyword("true", value: .bool(true))
        case UInt8(ascii: "f"): value = try parseKeyword("false", value: .bool(false))
        case UInt8(ascii: "n"): value = try parseKeyword("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
        default: throw error("Expecting value", at: index)
        }
        if let start { lastPositions = JSONPositionTree(start: start) }
        return value
    }

    private mutating func parseKeyword(_ keyword: StaticString, value: JSONValue) throws -> JSONValue {
        let length = keyword.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw error("Expecting value", at: index) }
        let matches = keyword.withUTF8Buffer { expected in
            (0..<length).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("Expecting value", at: index) }
        index += length
        return value
    }

    private mutating func enterContainer() throws {
        depth += 1
        if depth > JSONTextParser.maximumDepth {
            throw error("Nesting deeper than \(JSONTextParser.maximumDepth) levels", at: index)
        }
    }

    /// Parses an object; `start` is where it begins, when positions are recorded.
    private mutating func parseObject(startingAt start: JSONTextPosition?) throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        var positions = start.map { JSONPositionTree(start: $0) }
        defer { if let positions { lastPositions = positions } }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else {
                throw error("Expecting property name enclosed in double quotes", at: index)
            }
            let keyStart = recordsPositions ? position(at: index) : nil
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("Expecting ':' delimiter", at: index) }
            index += 1
            skipWhitespace()
            let repeated = object[key] != nil
            object[key] = try parseValue()
            if let keyStart, let valuePositions = lastPositions {
                if repeated, let existing = object.keys.firstIndex(of: key) {
                    positions?.children[existing] = valuePositions
                } else {
                    positions?.keys.append(keyStart)
                    positions?.children.append(valuePositions)
                }
            }
            if try endOfContainer(closing: UInt8(ascii: "}"), named: "object") {
                return .object(object)
            }
        }
    }

    /// After a member or element: true (and past it) at the container's closing byte, false past a comma that another
    /// one follows; Python's errors for a trailing comma or a missing delimiter.
    private mutating func endOfContainer(closing: UInt8, named container: String) throws -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            let commaIndex = index
            index += 1
            skipWhitespace()
            if peek() == closing {
                throw error("Illegal trailing comma before end of \(container)", at: commaIndex)
            }
            return false
        case closing:
            index += 1
            return true
        default:
            throw error("Expecting ',' delimiter", at: index)
        }
    }

    /// Parses an array; `start` is where it begins, when positions are recorded.
    private mutating func parseArray(startingAt start: JSONTextPosition?) throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        var positions = start.map { JSONPositionTree(start: $0) }
        defer { if let positions { lastPositions = positions } }
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            if let elementPositions = lastPositions, positions != nil {
                positions?.children.append(elementPositions)
            }
            if try endOfContainer(closing: UInt8(ascii: "]"), named: "array") {
                return .array(elements)
            }
        }
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote; strings without escapes are decoded in one step.
    private mutating func parseString() throws -> String {
        let openingQuote = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decode(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), at: contentStart)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("Invalid control character at", at: index) }
            index += 1
        }
        var scratch = Array(bytes[contentStart..<index])
        while true {
            guard index < bytes.count else { throw error("Unterminated string starting at", at: openingQuote) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scratch.withUnsafeBufferPointer { try decode($0, at: contentStart) }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scratch, openingQuote: openingQuote)
            case 0..<0x20:
                throw error("Invalid control character at", at: index)
            default:
                scratch.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into scratch: inout [UInt8], openingQuote: Int) throws {
        let backslash = index
        guard index + 1 < bytes.count else { throw error("Unterminated string starting at", at: openingQuote) }
        let escaped = bytes[index + 1]
        index += 2
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4(escapeStart: backslash)
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error("Invalid \\uXXXX escape: high surrogate not followed by a low surrogate", at: backslash)
                }
                let lowStart = index
                index += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("Invalid \\uXXXX escape: high surrogate not followed by a low surrogate", at: backslash)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("Invalid \\uXXXX escape: lone low surrogate", at: backslash)
            }
            scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(code)!)!)
        default:
            throw error("Invalid \\escape", at: backslash)
        }
    }

    /// Reads the four hex digits after `\u`; `index` points at the first digit.
    private mutating func parseHex4(escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("Invalid \\uXXXX escape", at: escapeStart) }
        var code: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("Invalid \\uXXXX escape", at: escapeStart)
            }
            code = code << 4 | UInt32(digit)
        }
        index += 4
        return code
    }

    private func decode(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) throws -> String {
        guard validatesUTF8 else { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw error("Invalid UTF-8 in string starting at", at: start)
        }
        return text
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(peek()) else { throw error("Expecting value", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(peek()) { throw error("Leading zeros are not allowed in numbers", at: start) }
        } else {
            while isDigit(peek()) { index += 1 }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard isDigit(peek()) else { throw error("Expecting digits after the decimal point", at: index) }
            while isDigit(peek()) { index += 1 }
            isInteger = false
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard isDigit(peek()) else { throw error("Expecting digits in the exponent", at: index) }
            while isDigit(peek()) { index += 1 }
            isInteger = false
        }
        let negative = bytes[start] == UInt8(ascii: "-")
        let digitsStart = negative ? start + 1 : start
        // Up to 15 digits are exact in a Double, so small integers skip the general conversion.
        if isInteger, index - digitsStart <= 15 {
            var magnitude: Int64 = 0
            for position in digitsStart..<index {
                magnitude = magnitude * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
            }
            return .number(negative ? -Double(magnitude) : Double(magnitude))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = Double(text) else { throw error("Invalid number", at: start) }
        return .number(number)
    }

    // MARK: - Helpers

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    /// The line and column of a byte offset at or after the last one asked for, counted in Unicode scalars.
    private mutating func position(at byteOffset: Int) -> JSONTextPosition {
        while counted.offset < byteOffset {
            let byte = bytes[counted.offset]
            counted.offset += 1
            // UTF-8 continuation bytes do not start a character.
            if byte & 0xC0 == 0x80 { continue }
            if byte == UInt8(ascii: "\n") {
                counted.line += 1
                counted.column = 1
            } else {
                counted.column += 1
            }
        }
        return JSONTextPosition(line: counted.line, column: counted.column)
    }

    /// Builds the error, converting the byte offset to line, column and character offset.
    private func error(_ reason: String, at byteOffset: Int) -> JSONParseError {
        var line = 1
        var characters = 0
        var lineStartCharacters = 0
        for position in 0..<min(byteOffset, bytes.count) {
            let byte = bytes[position]
            // UTF-8 continuation bytes do not start a character.
            if byte & 0xC0 == 0x80 { continue }
            characters += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStartCharacters = characters
            }
        }
        let column = characters - lineStartCharacters + 1
        return JSONParseError(reason: reason, line: line, column: column, offset: characters)
    }
}
