import Testing
@testable import JMESPath

@Suite("JMESPath expressions")
struct JMESPathExpressionTests {
    private func search(_ expression: String, _ document: JSONValue) throws -> JSONValue {
        try JMESPathExpression(expression).search(document)
    }

    private func compileError(_ expression: String) throws -> JMESPathError {
        try #require(throws: JMESPathError.self) { try JMESPathExpression(expression) }
    }

    private func searchError(_ expression: String, _ document: JSONValue) throws -> JMESPathError {
        let compiled = try JMESPathExpression(expression)
        return try #require(throws: JMESPathError.self) { try compiled.search(document) }
    }

    // MARK: - Error rendering

    @Test("a syntax error renders the message, the expression and a caret under the offending column")
    func rendersSyntaxErrorWithCaret() throws {
        let error = try compileError("a.b[")
        #expect(error.kind == .syntax)
        #expect(error.offset == 4)
        #expect(error.expression == "a.b[")
        #expect(error.description == """
            Invalid jmespath query supplied for '--query': Expected a number, ':' or '*' after '[' but found 'eof' \
            at column 4
            a.b[
                ^
            """)
    }

    @Test("syntax errors point at the offending token", arguments: [
        ("foo[?a == ]", 10),
        ("a.b.", 4),
        ("foo bar", 4),
        ("[a, b", 5),
        ("a = b", 2),
        ("{a: b, 1: c}", 7),
        ("'unterminated", 0),
        ("foo.\"bar\"(1)", 4),
        ("a.b(c)x", 6),
        ("foo[1:2:3:4]", 9),
        ("", 0),
    ])
    func syntaxErrorOffsets(expression: String, offset: Int) throws {
        let error = try compileError(expression)
        #expect(error.kind == .syntax)
        #expect(error.offset == offset, "\(error.description)")
    }

    @Test("absurdly deep nesting is a syntax error, not a crash")
    func refusesDeepNesting() throws {
        let deep = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        #expect(try compileError(deep).kind == .syntax)
        let reasonable = String(repeating: "(", count: 50) + "a" + String(repeating: ")", count: 50)
        #expect(try search(reasonable, ["a": 1]) == 1)
    }

    @Test("a chain of 40,000 links is a syntax error, not a crash; a chain of 100 evaluates",
          arguments: [".a", "|a", "||a", "&&a", "[]", "==a", "[0]", ".*"])
    func refusesDeepChains(link: String) throws {
        let deep = "a" + String(repeating: link, count: 40_000)
        let error = try compileError(deep)
        #expect(error.kind == .syntax)
        #expect(error.message.contains("nested more than"), "\(error.message)")
        _ = try JMESPathExpression("a" + String(repeating: link, count: 100))
    }

    @Test("runtime errors carry their kind and the expression")
    func runtimeErrors() throws {
        let unknown = try searchError("foo(@)", nil)
        #expect(unknown.kind == .unknownFunction)
        #expect(unknown.message.hasPrefix("Unknown function: foo()"))
        #expect(unknown.expression == "foo(@)")

        let arity = try searchError("abs(`1`, `2`)", nil)
        #expect(arity.kind == .invalidArity)
        #expect(arity.message == "Expected 1 argument for function abs(), received 2")

        let variadic = try searchError("not_null()", nil)
        #expect(variadic.kind == .invalidArity)

        let type = try searchError("sort(@)", ["a": 1])
        #expect(type.kind == .invalidType)
        #expect(type.description.contains("invalid-type"))
        #expect(type.description.contains("sort()"))

        let step = try searchError("[::0]", [1, 2])
        #expect(step.kind == .invalidValue)
    }

    // MARK: - Tricky cases

    static let people: JSONValue = [
        "people": [
            ["name": "carol", "age": 30, "tags": ["a", "b"]],
            ["name": "alice", "age": 25, "tags": ["c"]],
            ["name": "bob", "age": 30],
            ["name": "dave", "age": 18, "tags": []],
        ],
    ]

    @Test("a projection stops at a pipe")
    func projectionStopsAtPipe() throws {
        #expect(try search("people[*].name | [0]", Self.people) == "carol")
        #expect(try search("people[*].name[0]", Self.people) == [])
        #expect(try search("people[*].tags[0]", Self.people) == ["a", "c"])
        #expect(try search("people[*].tags[] | length(@)", Self.people) == 3)
    }

    @Test("slices follow Python, including negative steps", arguments: [
        ("[::-1]", [4, 3, 2, 1, 0]),
        ("[3:0:-1]", [3, 2, 1]),
        ("[::-2]", [4, 2, 0]),
        ("[-2:]", [3, 4]),
        ("[:-3:-1]", [4, 3]),
        ("[10:]", []),
        ("[-10:2]", [0, 1]),
        ("[1:3].to_string(@)", ["1", "2"]),
    ] as [(String, JSONValue)])
    func slices(expression: String, expected: JSONValue) throws {
        #expect(try search(expression, [0, 1, 2, 3, 4]) == expected)
    }

    @Test("filters compare with JSON literals by type")
    func filterWithLiteral() throws {
        let document: JSONValue = ["foo": [["a": 1, "b": "x"], ["a": "1", "b": "y"], ["a": 2, "b": "z"], ["a": true]]]
        #expect(try search("foo[?a == `1`]", document) == [["a": 1, "b": "x"]])
        #expect(try search("foo[?a == '1'].b", document) == ["y"])
        #expect(try search("foo[?a > `1`].b", ["foo": [["a": 1], ["a": 2, "b": "z"]]]) == ["z"])
        // Python's jmespath (and so az) raises when ordering a string against a number.
        #expect(try searchError("foo[?a > `1`].b", document).kind == .invalidType)
        #expect(try search("foo[?a == `true`] | length(@)", document) == 1)
        #expect(try search("foo[?b > 'x'].b", document) == ["y", "z"])
    }

    @Test("raw strings keep backslashes except before a quote")
    func rawStrings() throws {
        #expect(try search(#"'it\'s'"#, nil) == "it's")
        #expect(try search(#"'a\b'"#, nil) == #"a\b"#)
        #expect(try search(#"'\\'"#, nil) == #"\\"#)
        #expect(try search(#"`"back\`tick"`"#, nil) == "back`tick")
        #expect(try search("`legacy string`", nil) == "legacy string")
        #expect(try search(#""quoted key"."x\"y""#, ["quoted key": [#"x"y"#: 1]]) == 1)
    }

    @Test("expression references drive sort_by, max_by, min_by and map")
    func expressionReferences() throws {
        #expect(try search("sort_by(people, &age)[].name", Self.people) == ["dave", "alice", "carol", "bob"])
        #expect(try search("sort_by(people, &name)[].name", Self.people) == ["alice", "bob", "carol", "dave"])
        #expect(try search("reverse(sort_by(people, &age))[0].name", Self.people) == "bob")
        #expect(try search("max_by(people, &age).name", Self.people) == "carol")
        #expect(try search("min_by(people, &age).name", Self.people) == "dave")
        #expect(try search("map(&length(tags || `[]`), people)", Self.people) == [2, 1, 0, 0])
        #expect(try searchError("sort_by(people, &tags)", Self.people).kind == .invalidType)
    }

    @Test("a multiselect hash keeps its key order")
    func multiselectHashOrder() throws {
        let result = try search("people[0].{Zed: name, Age: age, An: tags[0]}", Self.people)
        #expect(result.objectValue?.keys == ["Zed", "Age", "An"])
        #expect(result.serialized(.compact) == #"{"Zed":"carol","Age":30,"An":"a"}"#)
    }

    @Test("strings compare and sort by code point; lengths count code points")
    func codePoints() throws {
        #expect(try search("sort(@)", ["é", "z", "a", "Z", "😀"]) == ["Z", "a", "z", "é", "😀"])
        #expect(try search("length(@)", "é😀") == 2)
        #expect(try search("reverse(@)", "aé😀") == "😀éa")
        #expect(try search("to_string(@)", ["é"]) == #"["\u00e9"]"#)
        #expect(try search("contains(@, 'é')", "café") == true)
        #expect(try search("starts_with(@, 'ca')", "café") == true)
    }

    @Test("functions on numbers and objects")
    func functions() throws {
        let document: JSONValue = ["n": [1, 2.5, -3], "o": ["b": 1, "a": 2], "p": ["a": 9, "c": 3]]
        #expect(try search("sum(n)", document) == 0.5)
        #expect(try search("avg(n)", document) == .number(0.5 / 3))
        #expect(try search("[max(n), min(n), abs(n[2]), ceil(n[1]), floor(n[1])]", document) == [2.5, -3, 3, 3, 2])
        #expect(try search("keys(merge(o, p))", document) == ["b", "a", "c"])
        #expect(try search("values(merge(o, p))", document) == [1, 9, 3])
        #expect(try search("[to_number('12'), to_number(' 1.5 '), to_number('x'), to_number(`true`)]", ["x": 1])
            == [12, 1.5, nil, nil])
        #expect(try search("join(', ', keys(o))", document) == "b, a")
        #expect(try search("[type(`null`), type(n), type(o), type('s'), type(`1`), type(`false`)]", document)
            == ["null", "array", "object", "string", "number", "boolean"])
        #expect(try search("not_null(missing, `null`, 'found')", nil) == "found")
    }

    @Test("and, or and not use JMESPath truthiness")
    func booleanLogic() throws {
        let document: JSONValue = ["empty": [], "zero": 0, "text": "", "obj": [:], "yes": true]
        #expect(try search("empty || zero", document) == 0)
        #expect(try search("text && yes", document) == "")
        #expect(try search("[!empty, !zero, !obj, !missing]", document) == [true, false, true, true])
    }

    @Test("the text is kept as written")
    func keepsText() throws {
        #expect(try JMESPathExpression("a | b").text == "a | b")
    }
}
