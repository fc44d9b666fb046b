import Testing

/// `--query` is compiled before the command runs: a query that cannot compile (even one nested 40,000 deep)
/// changes nothing and exits as a usage error, never after committing.
@Suite("--query is checked before any change")
struct QueryBeforeStateTests {
    @Test("a query nested 40,000 deep is refused before az group create commits")
    func deepQueryChangesNothing() {
        let az = ToolHarness()
        let deep = "a" + String(repeating: ".a", count: 40_000)
        let result = az.run("az", "group", "create", "-n", "rgquery1", "-l", "eastus", "--query", deep)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("nested more than"), "\(result.stderr.prefix(300))")
        #expect(az.run("az", "group", "list", "--query", "length(@)", "-o", "tsv").stdout == "0\n")
    }
}
