import Foundation
import JMESPath
import Testing

/// setup, rotate, revoke, recover, check-health and status through the built binary, in fresh state homes.
@Suite("Lifecycle commands through the built binary")
struct LifecycleCommandTests {
    @Test func setupIsIdempotentAndEndsEncrypted() throws {
        let tool = try BuiltTool()
        let first = try tool.run("setup", "--registry", "lifereg", "-o", "json")
        #expect(first.exitCode == 0, "\(first.stderr)")
        let report = try JSONValue.parse(first.stdout)
        #expect(report["encryption"]?["status"] == "enabled")
        #expect((report["changed"]?.asNumber ?? 0) >= 7)
        let second = try tool.run("setup", "--registry", "lifereg")
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("Nothing to change: lifereg was already set up as asked."))
        #expect(try tool.run("check-health", "--registry", "lifereg").exitCode == 0)
    }

    /// Everything that must agree between two homes, with random ids and times masked.
    static func normalisedStatus(_ tool: BuiltTool) throws -> String {
        let text = try tool.run("status", "-o", "json").stdout
        return text
            .replacingOccurrences(of: #"[0-9a-f]{32}"#, with: "<version>", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, with: "<guid>",
                                  options: .regularExpression)
            .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}T[0-9:.]+\+00:00"#, with: "<time>", options: .regularExpression)
    }

    @Test(arguments: [["--access", "rbac", "--rotation", "auto"], ["--access", "policy", "--rotation", "manual", "--firewall"]])
    func dryRunRunbookBuildsTheSameStateAsSetup(options: [String]) throws {
        let viaSetup = try BuiltTool()
        let setup = try viaSetup.run(arguments: ["setup", "--registry", "runbookreg"] + options)
        #expect(setup.exitCode == 0, "\(setup.stderr)")

        let viaRunbook = try BuiltTool()
        let dryRun = try viaRunbook.run(arguments: ["setup", "--registry", "runbookreg", "--dry-run"] + options)
        #expect(dryRun.exitCode == 0)
        #expect(dryRun.stdout.contains("az acr create --resource-group runbookreg-rg --name runbookreg"))
        #expect(try viaRunbook.run("status", "-o", "json").stdout == "[]\n", "--dry-run changes nothing")
        let script = viaRunbook.home.appendingPathComponent("runbook.sh")
        try ("set -e\naz() { \"$ACRCMK\" az \"$@\"; }\n" + dryRun.stdout).write(to: script, atomically: true, encoding: .utf8)
        let replay = try viaRunbook.runScript(script)
        #expect(replay.exitCode == 0, "\(replay.stderr)")
        #expect(try Self.normalisedStatus(viaRunbook) == Self.normalisedStatus(viaSetup))
    }

    @Test func rotateMovesToANewVersionWithoutReencrypting() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "rotreg", "--rotation", "manual").exitCode == 0)
        let result = try tool.run("rotate", "--registry", "rotreg", "--new-version", "-o", "json")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = try JSONValue.parse(result.stdout)
        #expect(report["oldVersionedKeyIdentifier"] != report["newVersionedKeyIdentifier"])
        #expect(report["keyRotationEnabled"] == false)
        #expect(report["dataKeyUnwraps"] == true)
        let auto = try JSONValue.parse(try tool.run("rotate", "--registry", "rotreg", "--auto", "-o", "json").stdout)
        #expect(auto["keyRotationEnabled"] == true)
        #expect(auto["keyIdentifier"]?.stringValue?.hasSuffix("/keys/rotreg-cmk") == true)
    }

    @Test func rotateRefusesNonCMKRegistriesAndContradictions() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("az", "group", "create", "-n", "rg", "-l", "eastus", "-o", "none").exitCode == 0)
        #expect(try tool.run("az", "acr", "create", "-g", "rg", "-n", "plainreg", "--sku", "Basic", "-o", "none").exitCode == 0)
        let plain = try tool.run("rotate", "--registry", "plainreg", "--new-version")
        #expect(plain.exitCode == 1, "a fact about the registry, not a usage error")
        #expect(plain.stderr.contains("key rotation is only applicable to registries with CMK enabled"))
        let both = try tool.run("rotate", "--registry", "plainreg", "--auto", "--manual")
        #expect(both.exitCode == 64)
        #expect(both.stderr.contains("--auto and --manual contradict each other"))
    }

    @Test func revokeRefusalsSayWhy() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "refusereg").exitCode == 0)
        let unknown = try tool.run("revoke", "--registry", "refusereg", "--method", "shred")
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("The value 'shred' is invalid for '--method <method>'. Please provide one of"))
        let unconfirmed = try tool.run("revoke", "--registry", "refusereg", "--method", "purge-key")
        #expect(unconfirmed.exitCode == 64)
        #expect(unconfirmed.stderr.contains("irreversible"))
        let protected = try tool.run("revoke", "--registry", "refusereg", "--method", "purge-key", "--yes")
        #expect(protected.exitCode == 1)
        #expect(protected.stderr.contains("purge protection is enabled"))
        #expect(try tool.run("check-health", "--registry", "refusereg").exitCode == 0, "a refused purge changes nothing")
        let wrongModel = try tool.run("revoke", "--registry", "refusereg", "--method", "access-policy")
        #expect(wrongModel.exitCode == 1)
        #expect(wrongModel.stderr.contains("Use --method role-assignment"))
    }

    @Test(arguments: ["role-assignment", "disable-key", "delete-key", "delete-vault", "remove-identity", "firewall"])
    func revokeLocksAndRecoverRestores(method: String) throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "drillreg").exitCode == 0)
        let revoke = try tool.run("revoke", "--registry", "drillreg", "--method", method, "--reason", "test", "-o", "json")
        #expect(revoke.exitCode == 0, "\(revoke.stderr)")
        #expect(try JSONValue.parse(revoke.stdout)["locked"] == true)
        let health = try tool.run("check-health", "--registry", "drillreg", "-o", "json")
        #expect(health.exitCode == 1)
        #expect(try JSONValue.parse(health.stdout)["verdict"] == "unhealthy")
        #expect(try tool.run("az", "acr", "show", "-n", "drillreg", "-o", "none").exitCode == 0, "metadata stays readable")
        let recover = try tool.run("recover", "--registry", "drillreg")
        #expect(recover.exitCode == 0, "\(recover.stdout)\(recover.stderr)")
        #expect(try tool.run("check-health", "--registry", "drillreg").exitCode == 0)
    }

    @Test func purgeWithoutPurgeProtectionIsFinalAndRecoverSaysSo() throws {
        let tool = try BuiltTool()
        let script = tool.home.appendingPathComponent("nopp.sh")
        try """
            set -e
            az() { "$ACRCMK" az "$@"; }
            az group create -n rg -l eastus -o none
            az identity create -g rg -n id1 -o none
            az keyvault create -n kvnopp -g rg --enable-rbac-authorization false -o none
            az keyvault set-policy -n kvnopp --object-id $(az identity show -g rg -n id1 --query principalId -o tsv) \\
              --key-permissions get wrapKey unwrapKey -o none
            az keyvault key create --vault-name kvnopp -n k1 -o none
            az acr create -g rg -n lostreg --sku Premium --identity id1 \\
              --key-encryption-key https://kvnopp.vault.azure.net/keys/k1 -o none
            """.write(to: script, atomically: true, encoding: .utf8)
        let prepared = try tool.runScript(script)
        #expect(prepared.exitCode == 0, "\(prepared.stderr)")
        let purge = try tool.run("revoke", "--registry", "lostreg", "--method", "purge-key", "--yes", "--reason", "key compromise")
        #expect(purge.exitCode == 0, "\(purge.stderr)")
        #expect(purge.stdout.contains("(KeyPurged)"))
        let recover = try tool.run("recover", "--registry", "lostreg")
        #expect(recover.exitCode == 1)
        #expect(recover.stdout.contains("Recovery is not possible"))
        #expect(recover.stdout.contains("Create a new registry"))
    }

    @Test func checkHealthFailOnWarning() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "warnreg", "--rotation", "manual").exitCode == 0)
        #expect(try tool.run("az", "keyvault", "key", "rotate", "--vault-name", "kv-warnreg", "-n", "warnreg-cmk", "-o", "none").exitCode == 0)
        let relaxed = try tool.run("check-health", "--registry", "warnreg")
        #expect(relaxed.exitCode == 0)
        #expect(relaxed.stdout.contains("KEY_VERSION_BEHIND"))
        #expect(try tool.run("check-health", "--registry", "warnreg", "--fail-on", "warning").exitCode == 1)
    }
}

extension BuiltTool {
    func run(arguments: [String]) throws -> Result {
        try runArguments(arguments)
    }
}

extension JSONValue {
    var asNumber: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

@Suite("Geo-replicas in pull, check-health and status")
struct ReplicaVisibilityTests {
    @Test func replicasServeContentAndShowTheirSyncState() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "georeg").exitCode == 0)
        #expect(try tool.run("az", "acr", "replication", "create", "-r", "georeg", "-l", "westeurope", "-o", "none").exitCode == 0)
        let payload = tool.home.appendingPathComponent("payload.bin")
        try Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: payload)
        #expect(try tool.run("push", "georeg", "app:v1", payload.path).exitCode == 0)
        let pulled = tool.home.appendingPathComponent("from-replica.bin")
        let pull = try tool.run("pull", "--replica", "westeurope", "georeg", "app:v1", pulled.path)
        #expect(pull.exitCode == 0, "\(pull.stderr)")
        #expect(pull.stdout.contains("georeg.westeurope.data.azurecr.io"))
        #expect(FileManager.default.contentsEqual(atPath: payload.path, andPath: pulled.path))
        let missing = try tool.run("pull", "--replica", "japaneast", "georeg", "app:v1", pulled.path + ".2")
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("(ReplicationNotFound)"))

        #expect(try tool.run("revoke", "--registry", "georeg", "--method", "disable-key").exitCode == 0)
        let health = try JSONValue.parse(try tool.run("check-health", "--registry", "georeg", "-o", "json").stdout)
        let replica = health["findings"]?.arrayValue?.first { $0["check"] == "replication" }
        #expect(replica?["code"] == "REPLICA_SYNC_BLOCKED")
        let status = try JSONValue.parse(try tool.run("status", "-o", "json").stdout)
        #expect(status.arrayValue?.first?["replicas"]?.arrayValue?.first?["status"] == "Syncing blocked")
        #expect(try tool.run("pull", "--replica", "westeurope", "georeg", "app:v1", pulled.path + ".3").exitCode == 1)
        #expect(try tool.run("recover", "--registry", "georeg").exitCode == 0)
        let after = try JSONValue.parse(try tool.run("status", "-o", "json").stdout)
        #expect(after.arrayValue?.first?["replicas"]?.arrayValue?.first?["status"] == "Ready")
    }
}

@Suite("status")
struct StatusTests {
    @Test func statusCountsContentEvenWhileTheKeyIsRevoked() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "countreg").exitCode == 0)
        let file = tool.home.appendingPathComponent("f.bin")
        try Data("counted".utf8).write(to: file)
        #expect(try tool.run("push", "countreg", "app:v1", file.path).exitCode == 0)
        #expect(try tool.run("push", "countreg", "app:v2", file.path).exitCode == 0)
        #expect(try tool.run("push", "countreg", "tools/cli:1", file.path).exitCode == 0)
        func content() throws -> JSONValue {
            try JSONValue.parse(try tool.run("status", "-o", "json").stdout).arrayValue?.first?["content"] ?? .null
        }
        #expect(try content()["repositories"] == 2)
        #expect(try content()["tags"] == 3)
        #expect(try tool.run("revoke", "--registry", "countreg", "--method", "disable-key").exitCode == 0)
        #expect(try content()["tags"] == 3, "registry metrics keep working after revocation")
        #expect(try tool.run("status").stdout.contains("2 repositories, 3 tags"))
    }
}

@Suite("import")
struct ImportTests {
    @Test func exportThenImportMovesARepositoryToAnotherRegistry() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "oldreg").exitCode == 0)
        #expect(try tool.run("setup", "--registry", "newreg", "--resource-group", "oldreg-rg").exitCode == 0)
        let first = tool.home.appendingPathComponent("one.bin"), second = tool.home.appendingPathComponent("two.bin")
        try Data("first payload".utf8).write(to: first)
        try Data("second payload".utf8).write(to: second)
        #expect(try tool.run("push", "oldreg", "app:v1", first.path).exitCode == 0)
        #expect(try tool.run("push", "oldreg", "app:v2", second.path).exitCode == 0)
        let layout = tool.home.appendingPathComponent("app-export")
        #expect(try tool.run("export", "oldreg", "--repository", "app", "--dest", layout.path).exitCode == 0)

        let imported = try tool.run("import", "newreg", layout.path, "--repository", "app")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 2 tags"))
        #expect(try tool.run("az", "acr", "repository", "show-tags", "-n", "newreg", "--repository", "app", "-o", "tsv").stdout
            == "v1\nv2\n")
        let pulled = tool.home.appendingPathComponent("pulled.bin")
        #expect(try tool.run("pull", "newreg", "app:v2", pulled.path).exitCode == 0)
        #expect(FileManager.default.contentsEqual(atPath: pulled.path, andPath: second.path))

        let notLayout = try tool.run("import", "newreg", first.path, "--repository", "app")
        #expect(notLayout.exitCode == 1)
        #expect(notLayout.stderr.contains("(NotAnOCILayout)"))
    }
}
