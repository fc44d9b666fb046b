import Foundation
import JMESPath
import Testing

/// The seeds' az commands, pasted into bash with `az() { acrcmk az "$@"; }`, do what the seeds say.
@Suite("Seed runbooks through the built binary")
struct SeedRunbookTests {
    func run(_ name: String) throws -> (BuiltTool.Result, BuiltTool) {
        let tool = try BuiltTool()
        let result = try tool.runScript(BuiltTool.fixtures.appendingPathComponent("runbooks/\(name).sh"))
        return (result, tool)
    }

    @Test func seed002OptionBCreatesAnEncryptedRegistry() throws {
        let (result, _) = try run("seed002-method1-option-b")
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", maxSplits: 1).map(String.init)
        let clientId = lines[0].replacingOccurrences(of: "identityClientId=", with: "")
        let encryption = try JSONValue.parse(lines[1])
        #expect(encryption["status"] == "enabled")
        let properties = try #require(encryption["keyVaultProperties"])
        #expect(properties["identity"] == .string(clientId))
        #expect(properties["keyIdentifier"] == "https://myvault.vault.azure.net/keys/mykey")
        #expect(properties["keyRotationEnabled"] == true)
        let versioned = try #require(properties["versionedKeyIdentifier"]?.stringValue)
        #expect(versioned.range(of: #"^https://myvault\.vault\.azure\.net/keys/mykey/[0-9a-f]{32}$"#,
                                options: .regularExpression) != nil)
        #expect(properties["lastKeyRotationTimestamp"]?.stringValue?.hasSuffix("+00:00") == true)
    }

    @Test func seed002OptionAIsRefusedOnTodaysRBACDefaultWithBothFixes() throws {
        let (result, _) = try run("seed002-option-a-rbac-default")
        #expect(result.stdout.contains("exit=1"))
        #expect(result.stdout.contains("policies unchanged"))
        #expect(result.stderr.contains("ERROR: Cannot set policies to a vault with '--enable-rbac-authorization' specified"))
        #expect(result.stderr.contains("--enable-rbac-authorization false"))
        #expect(result.stderr.contains("az role assignment create"))
    }

    @Test func seed002OptionARunsVerbatimUnderTheOlderDefault() throws {
        let (result, _) = try run("seed002-option-a-legacy")
        #expect(result.exitCode == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        let encryption = try JSONValue.parse(result.stdout)
        #expect(encryption["keyVaultProperties"]?["keyRotationEnabled"] == false, "a versioned key id means manual rotation")
    }

    @Test func seed001RotationAndLockdown() throws {
        let (result, _) = try run("seed001-rotation")
        #expect(result.exitCode == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        #expect(result.stdout.contains("RUNBOOK OK"))
        #expect(result.stdout.contains("versions=3"), "create, create (manual rotation), policy rotation after 30 days")
    }

    @Test func seed000RevocationMethodsAndRecoveries() throws {
        let (result, _) = try run("seed000-revocation")
        #expect(result.exitCode == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        #expect(result.stdout.contains("RUNBOOK OK"))
        #expect(result.stdout.contains("No matching policies found"), "the seed's client id is not an object id")
        #expect(result.stdout.contains("Operation \"purge\" is not allowed because purge protection is enabled"))
        #expect(result.stdout.contains("https://kv1.vault.azure.net/deletedkeys/k1"))
        #expect(result.stdout.contains("Key Vault Crypto Service Encryption User"))
    }
}
