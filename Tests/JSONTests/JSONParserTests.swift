import CMKTestSupport
import Foundation
import Testing
@testable import JSON

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try JSONValue.parse(#" { "a" : 1, "b" : [true, false, null, -0.5, 1e3, 2E-2], "c" : "x" } "#)
        #expect(value == ["a": 1, "b": [true, false, nil, -0.5, 1000, 0.02], "c": "x"])
        #expect(try JSONValue.parse("12345678901234567890") == .number(12345678901234567890))
        #expect(try JSONValue.parse("[]") == [])
        #expect(try JSONValue.parse("{}") == .object(JSONObject()))
        #expect(try JSONValue.parse("\t\r\n\"\"\n") == "")
    }

    @Test("decodes escapes, unicode escapes and surrogate pairs")
    func decodesEscapes() throws {
        #expect(try JSONValue.parse(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try JSONValue.parse(#""caf\u00e9 \u00E9""#) == "café é")
        #expect(try JSONValue.parse(#""\ud83d\ude00!""#) == "😀!")
        #expect(try JSONValue.parse("\"raw é 😀 \u{7F}\"") == "raw é 😀 \u{7F}")
        #expect(try JSONValue.parse(#""\u0000""#) == "\u{0}")
    }

    @Test("keeps key order; a repeated key keeps its first place and its last value")
    func keepsKeyOrder() throws {
        let object = try #require(try JSONValue.parse(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#).objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["a"] == 4)
    }

    @Test("skips a leading UTF-8 byte order mark")
    func skipsByteOrderMark() throws {
        #expect(try JSONValue.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": [1]}"#.utf8)) == ["a": [1]])
        #expect(try JSONValue.parse("\u{FEFF}[true]") == [true])
    }

    @Test("reports malformed input with line, column and character offset", arguments: [
        ("[1,2,]", "Illegal trailing comma before end of array", 1, 5, 4),
        (#"{"a":1,}"#, "Illegal trailing comma before end of object", 1, 7, 6),
        (#""abc"#, "Unterminated string starting at", 1, 1, 0),
        (#""\x""#, "Invalid \\escape", 1, 2, 1),
        ("01", "Leading zeros are not allowed in numbers", 1, 1, 0),
        ("-01", "Leading zeros are not allowed in numbers", 1, 1, 0),
        (#"["\ud800"]"#, "Invalid \\uXXXX escape: high surrogate not followed by a low surrogate", 1, 3, 2),
        (#""\ud800\u0041""#, "Invalid \\uXXXX escape: high surrogate not followed by a low surrogate", 1, 2, 1),
        (#""\udc00""#, "Invalid \\uXXXX escape: lone low surrogate", 1, 2, 1),
        (#""\u12G4""#, "Invalid \\uXXXX escape", 1, 2, 1),
        (#"{"a" 1}"#, "Expecting ':' delimiter", 1, 6, 5),
        ("[1 2]", "Expecting ',' delimiter", 1, 4, 3),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "Expecting ',' delimiter", 3, 3, 13),
        ("{1: 2}", "Expecting property name enclosed in double quotes", 1, 2, 1),
        ("", "Expecting value", 1, 1, 0),
        ("tru", "Expecting value", 1, 1, 0),
        ("-", "Expecting value", 1, 1, 0),
        ("1.", "Expecting digits after the decimal point", 1, 3, 2),
        ("1e+", "Expecting digits in the exponent", 1, 4, 3),
        ("[1] x", "Extra data", 1, 5, 4),
        ("\"a\tb\"", "Invalid control character at", 1, 3, 2),
        ("[\"é\", x]", "Expecting value", 1, 7, 6),
        ("NaN", "Expecting value", 1, 1, 0),
    ])
    func reportsErrors(text: String, reason: String, line: Int, column: Int, offset: Int) {
        #expect(throws: JSONParseError(reason: reason, line: line, column: column, offset: offset)) {
            try JSONValue.parse(text)
        }
    }

    @Test("error description reads like Python's json module")
    func errorDescription() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(#"{"a": 1 "b": 2}"#) }
        #expect(error.description == "Expecting ',' delimiter: line 1 column 9 (char 8)")
    }

    @Test("refuses invalid UTF-8 in strings when parsing bytes")
    func refusesInvalidUTF8() {
        #expect(throws: JSONParseError(reason: "Invalid UTF-8 in string starting at", line: 1, column: 2, offset: 1)) {
            try JSONValue.parse(bytes: [UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        }
    }

    @Test("refuses nesting deep enough to exhaust the stack")
    func refusesDeepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        let shallow = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONValue.parse(shallow) }
    }

    static let roundTripValues: [JSONValue] = [
        nil, true, 0, -1.5, 1e300, 123456789012, "",
        "quotes \" backslash \\ slash / controls \u{1}\u{1F}\n\t é 😀",
        [1, [2, [3, []]], ["k": ["nested": nil]]],
        ["z": 1, "a": ["b": "c", "a": [true, false]], "": "empty key"],
    ]

    @Test("parse(serialized(x)) == x", arguments: roundTripValues)
    func roundTrips(value: JSONValue) throws {
        #expect(try JSONValue.parse(value.serialized(.azPretty)) == value)
        #expect(try JSONValue.parse(value.serialized(.compact)) == value)
        #expect(try JSONValue.parse(bytes: Array(value.serialized(.compact).utf8)) == value)
    }

    @Test("round-trips every document of the JMESPath compliance suite, keeping key order")
    func roundTripsSuiteDocuments() throws {
        let directory = try PackageLayout.vectorDirectory("jmespath")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && $0 != "benchmarks.json" }.sorted()
        var count = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            let groups = try #require(try JSONValue.parse(bytes: bytes).arrayValue, "\(file): not an array")
            for group in groups {
                let given = group["given"] ?? .null
                let text = given.serialized(.compact)
                let reparsed = try JSONValue.parse(text)
                #expect(reparsed == given)
                #expect(reparsed.serialized(.compact) == text, "key order changed in \(file)")
                count += 1
            }
        }
        #expect(count > 100)
    }

    @Test("parses a multi-megabyte document quickly")
    func parsesLargeDocuments() throws {
        let record = #"{"name": "registry-\#(0)", "sku": {"name": "Premium"}, "#
            + #""tags": {"env": "prod", "team": "caf\u00e9"}, "#
            + #""size": 123456.75, "enabled": true, "replications": [1, 2, 3, null], "note": "a \"quoted\" word"}"#
        let text = "[" + Array(repeating: record, count: 25_000).joined(separator: ",\n") + "]"
        #expect(text.utf8.count > 4_000_000)
        let clock = ContinuousClock()
        var parsed: JSONValue = nil
        let elapsed = try clock.measure { parsed = try JSONValue.parse(text) }
        print("json parser: \(text.utf8.count) bytes in \(elapsed)")
        #expect(parsed.arrayValue?.count == 25_000)
        #expect(parsed.arrayValue?.last?["tags"]?["team"] == "café")
        #expect(elapsed < .seconds(20))
    }
}
