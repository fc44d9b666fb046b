import JMESPath
import Testing
@testable import CMKCommandLine

@Suite("Output renderer")
struct OutputRendererTests {
    static let registry: JSONValue = [
        "name": "reg1", "id": "/subscriptions/s/resourceGroups/rg/providers/x/registries/reg1",
        "type": "Microsoft.ContainerRegistry/registries", "adminUserEnabled": false, "tags": [:],
        "encryption": ["status": "enabled"], "sku": ["name": "Premium"], "zones": ["1", "2"],
    ]

    @Test(arguments: [OutputFormat.jsonc, .yamlc])
    func colouredFormatsCarryEscapesOnlyWhenColourIsOn(_ format: OutputFormat) {
        let colored = OutputRenderer(format: format, colored: true).render(Self.registry)
        let plain = OutputRenderer(format: format, colored: false).render(Self.registry)
        #expect(colored.contains("\u{1B}["))
        #expect(!plain.contains("\u{1B}"))
        let base: OutputFormat = format == .jsonc ? .json : .yaml
        #expect(plain == OutputRenderer(format: base).render(Self.registry))
        #expect(Self.strippingEscapes(colored) == plain)
    }

    @Test(arguments: [OutputFormat.json, .yaml, .table, .tsv])
    func plainFormatsNeverColour(_ format: OutputFormat) {
        #expect(!OutputRenderer(format: format, colored: true).render(Self.registry).contains("\u{1B}"))
    }

    @Test func jsoncColoursKeysStringsAndLiteralsLikePygments() {
        let text = OutputRenderer(format: .jsonc, colored: true).render(["on": true, "n": 1, "s": "x"])
        let expected = "{\u{1B}[37m\u{1B}[39;49;00m\n"
            + "\u{1B}[37m  \u{1B}[39;49;00m\u{1B}[94m\"n\"\u{1B}[39;49;00m:\u{1B}[37m \u{1B}[39;49;00m"
            + "\u{1B}[34m1\u{1B}[39;49;00m,\u{1B}[37m\u{1B}[39;49;00m\n"
            + "\u{1B}[37m  \u{1B}[39;49;00m\u{1B}[94m\"on\"\u{1B}[39;49;00m:\u{1B}[37m \u{1B}[39;49;00m"
            + "\u{1B}[34mtrue\u{1B}[39;49;00m,\u{1B}[37m\u{1B}[39;49;00m\n"
            + "\u{1B}[37m  \u{1B}[39;49;00m\u{1B}[94m\"s\"\u{1B}[39;49;00m:\u{1B}[37m \u{1B}[39;49;00m"
            + "\u{1B}[33m\"x\"\u{1B}[39;49;00m\u{1B}[37m\u{1B}[39;49;00m\n"
            + "}\u{1B}[37m\u{1B}[39;49;00m\n"
        #expect(text == expected)
    }

    @Test func tableDropsIdTypeEtagAndNestedValues() {
        let text = OutputRenderer(format: .table).render(Self.registry)
        #expect(text == "AdminUserEnabled    Name\n------------------  ------\nFalse               reg1\n")
    }

    @Test func tableKeepsQueryOrderAndFillsMissingCells() {
        let rows: JSONValue = [
            .object(JSONObject([("Name", "reg1"), ("Location", "eastus")])),
            .object(JSONObject([("Name", "reg2"), ("Zone", 3)])),
        ]
        let expected = """
            Name    Location    Zone
            ------  ----------  ------
            reg1    eastus
            reg2                3

            """
        #expect(OutputRenderer(format: .table, preserveKeyOrder: true).render(rows) == expected)
        let sorted = OutputRenderer(format: .table).render(rows)
        #expect(sorted.hasPrefix("Location    Name    Zone\n"))
    }

    @Test func tableOfAnEmptyListIsABlankLine() {
        #expect(OutputRenderer(format: .table).render([]) == "\n")
    }

    @Test func tableCellsWithLineBreaksSpanSeveralLines() {
        let rows: JSONValue = [["name": "a\nbb", "size": 1], ["name": "c", "size": 22]]
        let expected = "Name    Size\n------  ------\na       1\nbb\nc       22\n"
        #expect(OutputRenderer(format: .table).render(rows) == expected)
    }

    @Test func tsvFollowsKnackFieldRules() {
        let row: JSONValue = [
            "b": true, "a": 2.5, "c": ["x", "y", "z"], "d": ["k": "v"], "e": .null, "f": "tab\there",
        ]
        #expect(OutputRenderer(format: .tsv).render(row) == "2.5\tTrue\t3\t\tNone\ttab\there\n")
        #expect(OutputRenderer(format: .tsv).render([true, false]) == "true\nfalse\n")
        #expect(OutputRenderer(format: .tsv).render([]) == "")
    }

    @Test func tsvKeepsQueryOrderOnlyWhenAsked() {
        let row: JSONValue = .object(JSONObject([("Name", "reg1"), ("Location", "eastus")]))
        #expect(OutputRenderer(format: .tsv, preserveKeyOrder: true).render(row) == "reg1\teastus\n")
        #expect(OutputRenderer(format: .tsv).render(row) == "eastus\treg1\n")
    }

    @Test(arguments: [
        (0.1, "0.1"), (2.5e-05, "2.5e-05"), (0.0001, "0.0001"), (1e16, "1e+16"), (1.5e20, "1.5e+20"),
        (1e15, "1000000000000000"), (-0.25, "-0.25"), (123456789012, "123456789012"), (1e-7, "1e-07"),
    ] as [(Double, String)])
    func numbersPrintAsPythonDoes(_ number: Double, _ expected: String) {
        #expect(OutputRenderer(format: .tsv).render(.number(number)) == expected + "\n")
    }

    private static func strippingEscapes(_ text: String) -> String {
        var output = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                output.unicodeScalars.append(scalar)
                continue
            }
            while let next = scalars.next(), !("a"..."z").contains(next) && !("A"..."Z").contains(next) {}
        }
        return output
    }
}
