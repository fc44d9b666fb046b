import Testing
@testable import CMKCommandLine

@Suite("Command line tool")
struct CommandLineToolTests {
    let harness = ToolHarness()

    @Test func versionPrintsTheVersion() {
        let result = harness.run("--version")
        #expect(result.exitCode == 0)
        #expect(result.stdout == "acrcmk 9.9.9-test\n")
    }

    @Test func helpFlagAndHelpCommandAgree() {
        let viaFlag = harness.run("query", "--help")
        let viaCommand = harness.run("help", "query")
        #expect(viaFlag.exitCode == 0 && viaCommand.exitCode == 0)
        #expect(viaFlag.stdout == viaCommand.stdout)
        #expect(viaFlag.stdout.contains("USAGE: acrcmk query [--input <file>] <expression>"))
        #expect(viaFlag.stdout.contains("OPTIONS:"))
        #expect(viaFlag.stderr.isEmpty)
    }

    @Test func rootHelpListsSubcommandsAndGlobals() {
        let result = harness.run("--help")
        #expect(result.exitCode == 0)
        for needle in ["OVERVIEW:", "USAGE: acrcmk <subcommand>", "SUBCOMMANDS:", "--home <dir>", "--output <format>",
                       "--query <jmespath>", "--only-show-errors", "--version", "az "] {
            #expect(result.stdout.contains(needle), "root help lacks \(needle)")
        }
    }

    @Test func unknownOptionIsAUsageErrorWithSuggestion() {
        let result = harness.run("query", "--inptu", "x", "a")
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ERROR: Unknown option '--inptu'. Did you mean '--input'?\nUsage: acrcmk query"))
        #expect(result.stderr.contains("See 'acrcmk help query' for more details."))
    }

    @Test func unknownCommandSuggests() {
        let result = harness.run("qury")
        #expect(result.exitCode == 64)
        #expect(result.stderr.hasPrefix("ERROR: Unknown command 'qury'. Did you mean 'query'?"))
    }

    @Test func helpForUnknownTopicFails() {
        let result = harness.run("help", "nope")
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("Unknown command 'nope'"))
    }

    @Test func azPlaceholderPrintsItsOwnHelp() {
        let result = harness.run("az", "--help")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Group\n    acrcmk az :"))
    }

    @Test func azUsageErrorsExitTwo() {
        let result = harness.run("az", "nosuch")
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("ERROR: 'nosuch' is misspelled or not recognized by the system."))
    }

    @Test func invalidOutputFormatIsRefused() {
        let result = harness.run("query", "a", "-o", "xml")
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("The value 'xml' is invalid for '--output <format>'"))
    }
}
