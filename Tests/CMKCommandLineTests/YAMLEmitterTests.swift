import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// `-o yaml` must read back, with a real YAML 1.1 parser, as exactly the data it printed.
@Suite("YAML output round-trips through PyYAML")
struct YAMLEmitterTests {
    static let trickyStrings: [String] = [
        "yes", "no", "on", "off", "Yes", "NO", "True", "FALSE", "y", "n", "null", "Null", "~", "", "123", "-5", "+5",
        "1e3", "1.5e3", "1.0e+3", "0x1f", "0o17", "017", "0b101", "1_000", "12:30:45", "1:20", ".5", ".inf", "-.inf",
        ".nan", "<<", "=", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00", " lead", "trail ",
        "a: b", "a:b", "x:", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&a", "!t", "%x", "@x", "`x", "[x",
        "{x", "]x", "}x", ",x", "? x", "?x", "|x", ">x", "---", "...", "--- x", "x\ny", "x\n", "\nx", "x\n\ny",
        "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\"", "tab\there", "\u{00e9}t\u{00e9}", "\u{65e5}\u{672c}",
        "\u{1F600}", "\u{00a0}nbsp", "bell\u{07}", "esc\u{1b}[0m", "\u{2028}ls", "\u{feff}bom",
        "\r\nx", "x\r", "C:\\path\\x", "\u{01}", String(repeating: "word ", count: 40),
        String(repeating: "x", count: 90) + " y", String(repeating: "k", count: 130), "  ", " ", "\t",
    ]

    // U+0085 (NEL) is left out: PyYAML writes it inside single quotes and its own reader then
    // folds it into a space, so not even az round-trips it. The knack corpus test pins our bytes.

    /// A corpus mixing the tricky strings as values, as keys and inside nested structures.
    static var corpus: [JSONValue] {
        let strings = trickyStrings.map(JSONValue.string)
        var asKeys = JSONObject()
        for (index, string) in trickyStrings.enumerated() { asKeys[string] = .number(Double(index)) }
        var nested = JSONObject()
        nested["list"] = .array(strings)
        nested["map"] = .object(asKeys)
        nested["deep"] = .array([.array([.array(strings.prefix(5).map { $0 })]), .object(asKeys), .array([]),
                                 .object(JSONObject())])
        nested["numbers"] = .array([0, -1, 2048, 3.5, -0.25, 1e-7, 1e20, 1e16, 123456789012, 0.1])
        nested["flags"] = .array([true, false, .null])
        return [.array(strings), .object(asKeys), .object(nested)] + strings + [.null, true, 2048, 2.5]
    }

    @Test func roundTripsThroughPyYAML() throws {
        let python: String
        switch OutputTestSupport.pythonWithYAML {
        case .success(let path): python = path
        case .failure(let reason):
            // Recorded, not silently passed: the environment lacks the reference parser.
            withKnownIssue("cannot round-trip YAML: \(reason)") { throw reason }
            return
        }
        // One JSON line per document: our JSON and our YAML; Python compares the decoded data.
        var input = ""
        for value in Self.corpus {
            let json = value.serialized(.compact)
            let yaml = OutputRenderer(format: .yaml).render(value)
            input += JSONValue.string(json).serialized(.compact) + "\t" + JSONValue.string(yaml).serialized(.compact)
                + "\n"
        }
        let script = """
            import sys, json, yaml
            failures = 0
            for number, line in enumerate(sys.stdin.read().split("\\n")[:-1]):
                json_text, yaml_text = (json.loads(part) for part in line.split("\\t"))
                expected = json.loads(json_text)
                actual = yaml.safe_load(yaml_text)
                if actual != expected or json.dumps(actual, sort_keys=True) != json.dumps(expected, sort_keys=True):
                    failures += 1
                    print("document %d differs:\\n%s\\nread back as %r" % (number, yaml_text, actual))
            print("checked", number + 1)
            sys.exit(1 if failures else 0)
            """
        let result = try OutputTestSupport.run(python, ["-c", script], input: input)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("checked \(Self.corpus.count)"))
    }

    @Test(arguments: [
        ("yes", "'yes'\n"), ("", "''\n"), ("123", "'123'\n"), ("1e3", "1e3\n...\n"), ("0x1f", "'0x1f'\n"),
        ("2026-11-23", "'2026-11-23'\n"), ("a: b", "'a: b'\n"), ("#x", "'#x'\n"), ("it's", "it's\n...\n"),
        ("x\ny", "'x\n\n  y'\n"), ("tab\there", "\"tab\\there\"\n"), ("\u{e9}t\u{e9}", "\u{e9}t\u{e9}\n...\n"),
    ])
    func quotesOnlyWhatWouldChangeMeaning(_ text: String, _ expected: String) {
        #expect(OutputRenderer(format: .yaml).render(.string(text)) == expected)
    }

    @Test func longTextFoldsAtEightyColumnsLikePyYAML() {
        let value: JSONValue = ["description": .string(String(repeating: "word ", count: 20) + "end")]
        let expected = "description: word word word word word word word word word word word word word word\n"
            + "  word word word word word word end\n"
        #expect(OutputRenderer(format: .yaml).render(value) == expected)
    }

    @Test func listsUnderAKeyAreNotIndented() {
        let value: JSONValue = ["tags": ["a", "b"], "sku": ["name": "Premium"]]
        #expect(OutputRenderer(format: .yaml).render(value) == "sku:\n  name: Premium\ntags:\n- a\n- b\n")
    }
}
