import Foundation
import Testing
@testable import CMKCommandLine

/// `az acr replication`: Premium only, never the home region, and every replica blocked while the key is revoked.
@Suite("az acr replication")
struct ReplicationCommandTests {
    /// A CMK registry in eastus whose identity holds an access policy on the vault.
    static func cmkRegistry() -> (StatefulHarness, principal: String) {
        let harness = StatefulHarness()
        _ = harness.value("group", "create", "--name", "rg1", "--location", "eastus")
        _ = harness.value("identity", "create", "-g", "rg1", "-n", "id1")
        let principal = harness.value("identity", "show", "-g", "rg1", "-n", "id1", "--query", "principalId", "-o", "tsv")
        let identityID = harness.value("identity", "show", "-g", "rg1", "-n", "id1", "--query", "id", "-o", "tsv")
        _ = harness.value("keyvault", "create", "--name", "kv1cmk", "-g", "rg1", "--enable-purge-protection",
                          "--enable-rbac-authorization", "false")
        _ = harness.value("keyvault", "set-policy", "--name", "kv1cmk", "--object-id", principal,
                          "--key-permissions", "get", "unwrapKey", "wrapKey")
        _ = harness.value("keyvault", "key", "create", "--name", "key1", "--vault-name", "kv1cmk")
        _ = harness.value("acr", "create", "-g", "rg1", "-n", "reg1cmk", "--sku", "Premium", "--identity", identityID,
                          "--key-encryption-key", "https://kv1cmk.vault.azure.net/keys/key1")
        return (harness, principal)
    }

    @Test func replicasAreBlockedWhileTheKeyIsRevokedAndRecoverAfter() {
        let (harness, principal) = Self.cmkRegistry()
        let created = harness.az("acr", "replication", "create", "-r", "reg1cmk", "-l", "westus")
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.stdout.contains("\"type\": \"Microsoft.ContainerRegistry/registries/replications\""))
        #expect(created.stdout.contains("/registries/reg1cmk/replications/westus\""))
        _ = harness.value("acr", "replication", "create", "-r", "reg1cmk", "-l", "North Europe", "-n", "europe1")
        #expect(harness.value("acr", "replication", "list", "-r", "reg1cmk", "--query", "[].name", "-o", "tsv")
            == "westus\neurope1")
        #expect(harness.value("acr", "replication", "list", "-r", "reg1cmk", "--query", "[].status.displayStatus",
                              "-o", "tsv") == "Ready\nReady")

        _ = harness.value("keyvault", "delete-policy", "--name", "kv1cmk", "--object-id", principal)
        let blocked = harness.value("acr", "replication", "list", "-r", "reg1cmk", "--query", "[].status.displayStatus",
                                    "-o", "tsv")
        #expect(blocked == "Syncing blocked\nSyncing blocked")
        let message = harness.value("acr", "replication", "show", "-r", "reg1cmk", "-n", "europe1", "--query",
                                    "status.message", "-o", "tsv")
        #expect(message.hasPrefix("Geo-replication sync: Blocked."))
        #expect(message.contains("ForbiddenByPolicy"))

        _ = harness.value("keyvault", "set-policy", "--name", "kv1cmk", "--object-id", principal,
                          "--key-permissions", "get", "unwrapKey", "wrapKey")
        #expect(harness.value("acr", "replication", "list", "-r", "reg1cmk", "--query", "[].status.displayStatus",
                              "-o", "tsv") == "Ready\nReady")

        // A disabled key blocks them too.
        _ = harness.value("keyvault", "key", "set-attributes", "--name", "key1", "--vault-name", "kv1cmk",
                          "--enabled", "false")
        #expect(harness.value("acr", "replication", "list", "-r", "reg1cmk", "--query", "[].status.message", "-o", "tsv")
            .split(separator: "\n").allSatisfy { $0.contains("KeyDisabled") })
    }

    @Test func premiumOnlyAndNotInTheHomeRegion() {
        let (harness, _) = Self.cmkRegistry()
        let home = harness.az("acr", "replication", "create", "-r", "reg1cmk", "-l", "eastus")
        #expect(home.exitCode == 1)
        #expect(home.stderr.contains("Replication could not be created in the same location as the registry."))

        _ = harness.value("acr", "create", "-g", "rg1", "-n", "basicreg", "--sku", "Basic")
        let basic = harness.az("acr", "replication", "create", "-r", "basicreg", "-l", "westus")
        #expect(basic.exitCode == 1)
        #expect(basic.stderr.contains("Replications are only supported for managed registries in Premium SKU."))
        #expect(harness.value("acr", "replication", "list", "-r", "basicreg") == "[]")
    }

    @Test func deleteRemovesTheReplica() {
        let (harness, _) = Self.cmkRegistry()
        _ = harness.value("acr", "replication", "create", "-r", "reg1cmk", "-l", "westus")
        #expect(harness.az("acr", "replication", "delete", "-r", "reg1cmk", "-n", "westus").exitCode == 0)
        #expect(harness.value("acr", "replication", "list", "-r", "reg1cmk") == "[]")
        #expect(harness.az("acr", "replication", "show", "-r", "reg1cmk", "-n", "westus").exitCode == 3)
    }
}
