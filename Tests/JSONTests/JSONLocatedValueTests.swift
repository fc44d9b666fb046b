import Testing
@testable import JSON

@Suite("JSON with positions")
struct JSONLocatedValueTests {
    static let text = """
        {
          "name": "reg1",
          "tags": {"env": "caf\\u00e9", "Team": [1, "é", {"deep": null}]},
            "count": 3
        }
        """

    @Test("the value is what the plain parser returns")
    func valueMatchesPlainParse() throws {
        #expect(try JSONLocatedValue(parsing: Self.text).value == JSONValue.parse(Self.text))
    }

    @Test("every value and key knows its line and column")
    func positions() throws {
        let root = try JSONLocatedValue(parsing: Self.text)
        #expect(root.position == JSONTextPosition(line: 1, column: 1))
        let members = root.members
        #expect(members.map(\.key) == ["name", "tags", "count"])
        #expect(members.map(\.keyPosition) == [
            JSONTextPosition(line: 2, column: 3), JSONTextPosition(line: 3, column: 3),
            JSONTextPosition(line: 4, column: 5),
        ])
        #expect(members[0].value.position == JSONTextPosition(line: 2, column: 11))
        let tags = try #require(root["tags"])
        #expect(tags.position == JSONTextPosition(line: 3, column: 11))
        // Columns count Unicode scalars of the text: the escape `\u00e9` takes six, a literal 'é' (two bytes) one.
        let team = try #require(tags["Team"])
        #expect(team.position == JSONTextPosition(line: 3, column: 40))
        #expect(team.elements.map(\.position) == [
            JSONTextPosition(line: 3, column: 41), JSONTextPosition(line: 3, column: 44),
            JSONTextPosition(line: 3, column: 49),
        ])
        #expect(team.elements[2]["deep"]?.position == JSONTextPosition(line: 3, column: 58))
        #expect(root["count"]?.position == JSONTextPosition(line: 4, column: 14))
        #expect(root["count"]?.value == 3)
    }

    @Test("a value's position is where an error at that value is reported")
    func positionsAgreeWithErrors() throws {
        let located = try JSONLocatedValue(parsing: "[\"é😀\", 1]")
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse("[\"é😀\", x]") }
        #expect(located.elements[1].position == JSONTextPosition(line: error.line, column: error.column))
    }

    @Test("a repeated key keeps its first key position and its last value")
    func repeatedKey() throws {
        let root = try JSONLocatedValue(parsing: #"{"a": 1, "b": 2, "a": [3]}"#)
        #expect(root.members.map(\.key) == ["a", "b"])
        #expect(root.members[0].keyPosition == JSONTextPosition(line: 1, column: 2))
        #expect(root["a"]?.value == [3])
        #expect(root["a"]?.position == JSONTextPosition(line: 1, column: 23))
        #expect(root["a"]?.elements.first?.position == JSONTextPosition(line: 1, column: 24))
    }

    @Test("lookup ignoring case finds the first matching key")
    func lookupIgnoringCase() throws {
        let root = try JSONLocatedValue(parsing: #"{"Resources": [1], "resources": [2]}"#)
        #expect(root[ignoringCase: "RESOURCES"]?.value == [1])
        #expect(root["resources"]?.value == [2])
        #expect(root["RESOURCES"] == nil)
        #expect(root[ignoringCase: "RESOURCES"]?.elements.first?.position == JSONTextPosition(line: 1, column: 16))
    }

    @Test("errors, including the depth limit, are the plain parser's", arguments: [
        "{\n  \"a\": tru\n}", "[1,]", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func errorsMatchPlainParse(text: String) throws {
        let plain = try #require(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(throws: plain) { try JSONLocatedValue(parsing: text) }
    }

    @Test("scalars have no children")
    func scalars() throws {
        let value = try JSONLocatedValue(parsing: " \"x\" ")
        #expect(value.position == JSONTextPosition(line: 1, column: 2))
        #expect(value.elements.isEmpty && value.members.isEmpty && value["x"] == nil)
    }
}
