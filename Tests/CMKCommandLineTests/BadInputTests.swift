import Foundation
import JMESPath
import Testing

/// Bad input gets a clear error naming what is wrong and how to fix it, a non-zero exit, and changes nothing.
@Suite("Bad input: a clear error, a non-zero exit, nothing changed")
struct BadInputTests {
    /// Everything a command could have changed, as the user sees it.
    static func snapshot(_ tool: BuiltTool) throws -> String {
        let groups = try tool.run("az", "group", "list", "--query", "[].[name, location]", "-o", "tsv").stdout
        let repositories = try tool.run("status", "-o", "json", "--query", "[].content").stdout
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.home.path).sorted()
        return groups + repositories + files.joined(separator: ",")
    }

    static func setUp(_ registry: String) throws -> BuiltTool {
        let tool = try BuiltTool()
        let setup = try tool.run("setup", "--registry", registry, "-o", "none")
        #expect(setup.exitCode == 0, "\(setup.stderr)")
        try Data("hello\n".utf8).write(to: tool.home.appendingPathComponent("hello.txt"))
        return tool
    }

    @Test func setupRefusesAnUnknownLocationAndCreatesNothing() throws {
        let tool = try BuiltTool()
        let result = try tool.run("setup", "--registry", "moonreg", "--location", "moon")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("The provided location 'moon' is not available"), "\(result.stderr)")
        #expect(result.stderr.contains("az account list-locations"))
        #expect(try tool.run("az", "group", "list", "-o", "tsv").stdout.isEmpty, "no resource group in 'moon'")
        #expect(try tool.run("status", "-o", "json").stdout == "[]\n")
        let typo = try tool.run("az", "group", "create", "-n", "rg1", "-l", "westeuropa")
        #expect(typo.exitCode == 1)
        #expect(typo.stderr.contains("Did you mean 'westeurope'?"))
        // Azure's spellings of real regions are accepted, as ARM stores them.
        let spaced = try tool.run("az", "group", "create", "-n", "rg1", "-l", "West Europe", "--query", "location",
                                  "-o", "tsv")
        #expect(spaced.stdout == "westeurope\n", "\(spaced.stderr)")
        let listed = try tool.run("az", "account", "list-locations", "--query", "[].name", "-o", "tsv")
        #expect(listed.stdout.split(separator: "\n").contains("eastus"))
    }

    @Test(arguments: [["--registry", "x"], ["--registry", "dryrunreg", "--location", "moon"],
                      ["--registry", "dryrunreg", "--vault", "kv--bad"]])
    func aDryRunRefusesWhatTheRealRunWouldRefuse(_ options: [String]) throws {
        let tool = try BuiltTool()
        let dry = try tool.runArguments(["setup", "--dry-run"] + options)
        let real = try tool.runArguments(["setup"] + options)
        #expect(dry.exitCode != 0 && real.exitCode != 0)
        #expect(dry.stdout.isEmpty, "no runbook printed for a name the real run refuses")
        #expect(dry.stderr == real.stderr)
    }

    @Test func importRefusesAnInvalidRepositoryName() throws {
        let tool = try Self.setUp("importbad")
        let layout = tool.home.appendingPathComponent("layout").path
        #expect(try tool.run("push", "importbad", "app:v1", "hello.txt").exitCode == 0)
        #expect(try tool.run("export", "importbad", "--repository", "app", "--dest", layout).exitCode == 0)
        let before = try Self.snapshot(tool)
        let result = try tool.run("import", "importbad", layout, "--repository", "BAD")
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("'BAD' is not a valid repository name"))
        #expect(try Self.snapshot(tool) == before)
    }

    @Test func pushTakesAFullReferenceToItsOwnRegistryAndRefusesAnothers() throws {
        let tool = try Self.setUp("fullref")
        let own = try tool.run("push", "fullref", "fullref.azurecr.io/app:v1", "hello.txt")
        #expect(own.exitCode == 0, "\(own.stderr)")
        #expect(own.stdout.hasPrefix("Pushed fullref.azurecr.io/app:v1@sha256:"))
        #expect(try tool.run("az", "acr", "repository", "list", "-n", "fullref", "-o", "tsv").stdout == "app\n")
        let pulled = try tool.run("pull", "fullref", "FullRef.azurecr.io/app:v1", "copy.txt")
        #expect(pulled.exitCode == 0, "\(pulled.stderr)")

        let before = try Self.snapshot(tool)
        let other = try tool.run("push", "fullref", "otherreg.azurecr.io/app:v1", "hello.txt")
        #expect(other.exitCode == 64)
        #expect(other.stderr.contains("names the registry 'otherreg.azurecr.io', not 'fullref.azurecr.io'"))
        #expect(other.stderr.contains("('app:v1')"))
        #expect(try Self.snapshot(tool) == before)
    }

    @Test func exportWritesToDestAndHonoursTheGlobalOutputFormat() throws {
        let tool = try Self.setUp("exportflag")
        #expect(try tool.run("push", "exportflag", "app:v1", "hello.txt").exitCode == 0)
        let result = try tool.run("export", "exportflag", "--repository", "app", "--dest", "exported", "--output",
                                  "json")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try JSONValue.parse(result.stdout)["output"] == "exported")
        #expect(!FileManager.default.fileExists(atPath: tool.home.appendingPathComponent("json").path))
        let old = try tool.run("export", "exportflag", "--repository", "app", "--output", "folder")
        #expect(old.exitCode == 64)
        #expect(old.stderr.contains("The value 'folder' is invalid for '--output <format>'"))
        #expect(!FileManager.default.fileExists(atPath: tool.home.appendingPathComponent("folder").path))
    }

    @Test func clockSetBackwardsIsRefusedUnlessAskedFor() throws {
        let tool = try BuiltTool()
        let before = try tool.run("clock", "-o", "json")
        let result = try tool.run("clock", "set", "2020-01-01T00:00:00Z")
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("is before the simulated time now"))
        #expect(result.stderr.contains("acrcmk clock set 2020-01-01T00:00:00+00:00 --backwards"))
        let after = try JSONValue.parse(try tool.run("clock", "-o", "json").stdout)
        let offsetBefore: JSONValue? = try JSONValue.parse(before.stdout)["offsetSeconds"]
        #expect(after["offsetSeconds"] == offsetBefore)
        let back = try tool.run("clock", "set", "2020-01-01T00:00:00Z", "--backwards", "-o", "json")
        #expect(back.exitCode == 0, "\(back.stderr)")
        #expect(try JSONValue.parse(back.stdout)["now"]?.stringValue?.hasPrefix("2020-01-01T00:00:00") == true)
    }

    @Test func auditRefusesAVaultOrRegistryThatNeverExisted() throws {
        let tool = try Self.setUp("auditreg")
        let missing = try tool.run("audit", "--vault", "nosuchvault")
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("No Key Vault named 'nosuchvault' exists"))
        #expect(missing.stderr.contains("The Key Vaults here: kv-auditreg."))
        let swapped = try tool.run("audit", "--vault", "auditreg")
        #expect(swapped.exitCode == 1)
        #expect(swapped.stderr.contains("'auditreg' is a registry: acrcmk audit --registry auditreg"))
        let swappedBack = try tool.run("audit", "--registry", "kv-auditreg")
        #expect(swappedBack.stderr.contains("'kv-auditreg' is a Key Vault: acrcmk audit --vault kv-auditreg"))
        // A vault that exists is still answered.
        #expect(try tool.run("audit", "--vault", "kv-auditreg").exitCode == 0)
    }
}
