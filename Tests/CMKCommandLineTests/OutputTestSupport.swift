import Foundation
import JMESPath
import Testing

/// Helpers shared by the output renderer tests.
enum OutputTestSupport {
    /// Parses JSON text into a `JSONValue`, keeping object keys in document order (Foundation's
    /// JSONSerialization forgets it, and `tsv`/`table` with a query depend on it).
    static func json(_ text: String) -> JSONValue {
        var parser = MiniJSONParser(Array(text.unicodeScalars))
        do {
            let value = try parser.parseDocument()
            return value
        } catch {
            Issue.record("test JSON does not parse: \(error) in \(text)")
            return .null
        }
    }

    /// The python3 interpreter when it can `import yaml`, else the reason it cannot be used.
    static let pythonWithYAML: Result<String, PythonUnavailable> = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] + pathCandidates() {
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if let output = try? run(candidate, ["-c", "import yaml; print(yaml.__version__)"], input: ""),
               output.status == 0 {
                return .success(candidate)
            }
        }
        return .failure(PythonUnavailable(reason: "python3 with PyYAML not found on PATH"))
    }()

    struct PythonUnavailable: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    private static func pathCandidates() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/python3" }
    }

    /// Runs a program with stdin text; returns its exit status and stdout.
    static func run(_ executable: String, _ arguments: [String], input: String) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }
}

/// A strict little JSON reader for test inputs.
struct MiniJSONParser {
    struct SyntaxError: Error { let offset: Int; let message: String }

    private let text: [Unicode.Scalar]
    private var index = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    mutating func parseDocument() throws -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == text.count else { throw SyntaxError(offset: index, message: "trailing text") }
        return value
    }

    private mutating func skipWhitespace() {
        while index < text.count, [" ", "\t", "\n", "\r"].contains(text[index]) { index += 1 }
    }

    private mutating func expect(_ literal: String) throws {
        for scalar in literal.unicodeScalars {
            guard index < text.count, text[index] == scalar else {
                throw SyntaxError(offset: index, message: "expected \(literal)")
            }
            index += 1
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard index < text.count else { throw SyntaxError(offset: index, message: "unexpected end") }
        switch text[index] {
        case "{":
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if text[index] == "}" { index += 1; return .object(object) }
            while true {
                skipWhitespace()
                let key = try parseString()
                skipWhitespace()
                try expect(":")
                object[key] = try parseValue()
                skipWhitespace()
                if text[index] == "," { index += 1; continue }
                try expect("}")
                return .object(object)
            }
        case "[":
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if text[index] == "]" { index += 1; return .array(elements) }
            while true {
                elements.append(try parseValue())
                skipWhitespace()
                if text[index] == "," { index += 1; continue }
                try expect("]")
                return .array(elements)
            }
        case "\"": return .string(try parseString())
        case "t": try expect("true"); return .bool(true)
        case "f": try expect("false"); return .bool(false)
        case "n": try expect("null"); return .null
        default:
            let start = index
            while index < text.count, "+-0123456789.eE".unicodeScalars.contains(text[index]) { index += 1 }
            var literal = ""
            literal.unicodeScalars.append(contentsOf: text[start..<index])
            guard let number = Double(literal) else { throw SyntaxError(offset: start, message: "bad number") }
            return .number(number)
        }
    }

    private mutating func parseString() throws -> String {
        try expect("\"")
        var result = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        while index < text.count {
            let scalar = text[index]
            index += 1
            switch scalar {
            case "\"": return String(result)
            case "\\":
                let escape = text[index]
                index += 1
                switch escape {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "u":
                    var hex = ""
                    hex.unicodeScalars.append(contentsOf: text[index..<index + 4])
                    index += 4
                    let code = UInt32(hex, radix: 16)!
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHighSurrogate = code
                    } else if let high = pendingHighSurrogate, (0xDC00...0xDFFF).contains(code) {
                        result.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))!)
                        pendingHighSurrogate = nil
                    } else {
                        result.append(Unicode.Scalar(code)!)
                    }
                default: result.append(escape)
                }
            default: result.append(scalar)
            }
        }
        throw SyntaxError(offset: index, message: "unterminated string")
    }
}
