import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// One surface: az users' ways of typing, help for a bare group, "Did you mean" at every level, one error format.
@Suite("One consistent surface")
struct ConsistentSurfaceTests {
    @Test func aBareGroupPrintsItsHelp() {
        let harness = ToolHarness()
        for path: [String] in [[], ["az"], ["az", "acr"], ["policy"]] {
            let result = harness.run(path)
            #expect(result.exitCode == 0, "\(path): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdout == harness.run(path + ["--help"]).stdout, "\(path)")
        }
    }

    @Test(arguments: [
        (["clock", "advnace", "P1D"], "Unknown command 'advnace'. Did you mean 'advance'?"),
        (["stauts"], "Unknown command 'stauts'. Did you mean 'status'?"),
        (["policy", "asign"], "Unknown command 'asign'. Did you mean 'assign'?"),
        (["az", "acr", "encryption", "rotate-kye"], "Did you mean 'az acr encryption rotate-key'?"),
    ])
    func didYouMeanAtEveryLevel(_ arguments: [String], _ message: String) {
        let result = ToolHarness().run(arguments)
        #expect(result.exitCode == (arguments.first == "az" ? 2 : 64))
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func everyErrorHasOnePrefix() {
        let harness = ToolHarness()
        let failures = [
            harness.run("stauts"), harness.run("check-health", "--registry", "nosuchreg"),
            harness.run("az", "acr", "show", "-n", "nosuchreg"), harness.run("az", "acr", "show"),
            harness.run("clock", "advance", "P1000Y"),
        ]
        for failure in failures {
            #expect(failure.exitCode != 0)
            #expect(failure.stderr.hasPrefix("ERROR: "), "\(failure.stderr)")
            #expect(failure.stderr.components(separatedBy: "ERROR:").count == 2, "one ERROR: \(failure.stderr)")
            #expect(!failure.stderr.contains("Error: "))
        }
    }

    @Test func azUsersWaysOfTyping() {
        let harness = ToolHarness()
        #expect(harness.run("az", "group", "create", "-nrg1", "-leastus", "-onone").exitCode == 0)
        let attached = harness.run("az", "group", "show", "-nrg1", "--query=location", "-otsv")
        #expect(attached.exitCode == 0, "\(attached.stderr)")
        #expect(attached.stdout == "eastus\n")
        let separate = harness.run("az", "group", "show", "--name=rg1", "--query", "location", "--output=tsv")
        #expect(separate.stdout == "eastus\n")
        let clock = harness.run("clock", "-ojson", "--query=offsetSeconds")
        #expect(clock.stdout == "0\n", "\(clock.stderr)")
    }

    @Test func azVersionAsRunbooksStart() throws {
        let harness = ToolHarness()
        let json = harness.run("az", "version", "--query", "\"azure-cli\"", "-o", "tsv")
        #expect(json.exitCode == 0, "\(json.stderr)")
        #expect(json.stdout == "\(AzCommands.azureCLIVersion)\n")
        let text = harness.run("az", "--version")
        #expect(text.exitCode == 0)
        #expect(text.stdout.hasPrefix("azure-cli                         2.91.0\n\ncore"))
        #expect(text.stdout.contains("telemetry                          1.1.0\n"))
        #expect(text.stdout.contains("acrcmk 9.9.9-test"))
    }

    @Test func theRegistryIsAlsoAnOptionOfTheContentCommands() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "-r", "optreg", "-o", "none").exitCode == 0)
        try Data("hello\n".utf8).write(to: tool.home.appendingPathComponent("hello.txt"))
        #expect(try tool.run("push", "--registry", "optreg", "app:v1", "hello.txt").exitCode == 0)
        #expect(try tool.run("push", "app:v2", "hello.txt", "-r", "optreg").exitCode == 0)
        #expect(try tool.run("push", "optreg", "app:v3", "hello.txt").exitCode == 0, "the positional form stays")
        let pulled = try tool.run("pull", "app:v2", "copy.txt", "--registry=optreg")
        #expect(pulled.exitCode == 0, "\(pulled.stderr)")
        #expect(try String(contentsOf: tool.home.appendingPathComponent("copy.txt"), encoding: .utf8) == "hello\n")
        #expect(try tool.run("export", "-roptreg", "--repository", "app", "--dest", "layout").exitCode == 0)
        let imported = try tool.run("import", "layout", "--repository", "copy", "-r", "optreg")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let tags = try tool.run("az", "acr", "repository", "list", "-n", "optreg", "-o", "tsv")
        #expect(tags.stdout == "app\ncopy\n")
        let both = try tool.run("push", "-r", "optreg", "optreg", "app:v4", "hello.txt")
        #expect(both.exitCode == 64)
        #expect(both.stderr.contains("Unexpected argument 'hello.txt'"))
        let missing = try tool.run("push", "app:v5", "hello.txt")
        #expect(missing.exitCode == 64)
        #expect(missing.stderr.contains("<path>"), "\(missing.stderr)")
    }

    @Test func statusShowsIdentityLastRotationAndRightPlurals() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "-r", "statusreg", "-o", "none").exitCode == 0)
        try Data("hello\n".utf8).write(to: tool.home.appendingPathComponent("hello.txt"))
        #expect(try tool.run("push", "statusreg", "app:v1", "hello.txt").exitCode == 0)
        let table = try tool.run("status").stdout.split(separator: "\n").map(String.init)
        #expect(table[0].contains("ROTATION  IDENTITY            LAST ROTATION"), "\(table[0])")
        #expect(table[1].contains("statusreg-identity"))
        #expect(table[1].range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, options: .regularExpression) != nil)
        #expect(table[1].contains("1 repository, 1 tag "), "\(table[1])")
        #expect(try tool.run("push", "statusreg", "app:v2", "hello.txt").exitCode == 0)
        #expect(try tool.run("status").stdout.contains("1 repository, 2 tags"))
        let json = try JSONValue.parse(try tool.run("status", "-o", "json").stdout)
        #expect(json.arrayValue?.first?["identityName"] == "statusreg-identity")
    }
}
