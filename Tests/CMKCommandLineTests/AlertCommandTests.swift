import CMKCore
import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// Revocation by any path fires the matching alert, and the registry's refused unwraps fire UnwrapDenied.
@Suite("acrcmk alert")
struct AlertCommandTests {
    enum Revocation: String, CaseIterable, CustomTestStringConvertible {
        case deletePolicy, roleAssignmentDelete, keyDisable, keyDelete, keyPurge

        var operation: String {
            switch self {
            case .deletePolicy: return "VaultAccessPolicyChange"
            case .roleAssignmentDelete: return "RoleAssignmentDelete"
            case .keyDisable: return "KeyDisable"
            case .keyDelete: return "KeyDelete"
            case .keyPurge: return "KeyPurge"
            }
        }

        var testDescription: String { rawValue }

        func perform(_ harness: StatefulHarness, _ fixture: StatefulHarness.Fixture) {
            let vault = ["--vault-name", fixture.vault, "--name", fixture.key]
            switch self {
            case .deletePolicy:
                harness.ok("az", "keyvault", "delete-policy", "--name", fixture.vault, "--object-id", fixture.principalID)
            case .roleAssignmentDelete:
                harness.ok("az", "role", "assignment", "delete", "--assignee", fixture.principalID, "--role",
                           "Key Vault Crypto Service Encryption User", "--scope", fixture.vaultID)
            case .keyDisable:
                harness.ok(["az", "keyvault", "key", "set-attributes"] + vault + ["--enabled", "false"])
            case .keyDelete:
                harness.ok(["az", "keyvault", "key", "delete"] + vault)
            case .keyPurge:
                harness.ok(["az", "keyvault", "key", "delete"] + vault)
                harness.ok(["az", "keyvault", "key", "purge"] + vault)
            }
        }
    }

    @Test("each revocation method fires its alert and the blocked registry fires UnwrapDenied",
          arguments: Revocation.allCases)
    func revocationFiresAlert(method: Revocation) {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey(rbac: method != .deletePolicy, purgeProtection: method != .keyPurge)
        harness.makeRegistry("reg1cmk", on: fixture)
        harness.ok("az", "monitor", "diagnostic-settings", "create", "--name", "audit", "--resource", fixture.vaultID,
                   "--logs", #"[{"category": "AuditEvent", "enabled": true}]"#, "--workspace", "ws1")
        harness.ok("alert", "create", "--name", "revoked", "--vault", fixture.vault, "--operation", method.operation)
        harness.ok("alert", "create", "--name", "denied", "--vault", fixture.vault, "--operation", "UnwrapDenied")
        harness.ok("alert", "create", "--name", "decoy", "--vault", fixture.vault, "--operation", "VaultDelete")
        #expect(harness.run("task", "run", "--registry", "reg1cmk", "--name", "before").exitCode == 0)
        #expect(harness.json("alert", "fired").count == 0, "nothing has fired before the revocation")

        method.perform(harness, fixture)
        let blocked = harness.run("task", "run", "--registry", "reg1cmk", "--name", "after")
        #expect(blocked.exitCode == 1, "the registry is cut off from its key")

        let revoked = harness.json("alert", "fired", "--name", "revoked").arrayValue?.first ?? .null
        #expect(revoked["fired"] == .bool(true))
        #expect(revoked["count"].number == 1)
        #expect(revoked["events"].arrayValue?.first?["operationName"].string == method.operation)

        let denied = harness.json("alert", "fired", "--name", "denied").arrayValue?.first ?? .null
        let deniedEvents = denied["events"].arrayValue ?? []
        #expect(deniedEvents.count == 1)
        #expect(deniedEvents.allSatisfy { $0["operationName"].string == "KeyUnwrap" && $0["resultSignature"].string != "OK" })
        #expect(deniedEvents.first?["registry"].string == "reg1cmk")

        let fired = harness.json("alert", "fired").arrayValue?.compactMap { $0["name"].string } ?? []
        #expect(Set(fired) == ["revoked", "denied"], "the decoy alert on VaultDelete did not fire")
    }

    @Test("an alert only sees events from its creation on")
    func alertIgnoresEarlierEvents() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.ok("az", "keyvault", "key", "set-attributes", "--vault-name", fixture.vault, "--name", fixture.key,
                   "--enabled", "false")
        harness.ok("clock", "advance", "PT1M")
        harness.ok("alert", "create", "--name", "late", "--vault", fixture.vault, "--operation", "KeyDisable")
        let late = harness.json("alert", "fired", "--name", "late").arrayValue?.first ?? .null
        #expect(late["fired"] == .bool(false))
        #expect(late["count"].number == 0)
        let list = harness.json("alert", "list")
        #expect(list.count == 1)
        #expect(list.arrayValue?.first?["operation"].string == "KeyDisable")
    }

    @Test("alert create refuses unknown operations, unknown vaults and duplicate names")
    func alertCreateErrors() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        let badOperation = harness.run("alert", "create", "--name", "a", "--vault", fixture.vault, "--operation", "Nope")
        #expect(badOperation.exitCode == ExitCode.usage)
        let badVault = harness.run("alert", "create", "--name", "a", "--vault", "novault", "--operation", "KeyDelete")
        #expect(badVault.exitCode == 1)
        #expect(badVault.stderr.contains("novault"))
        let first = harness.run("alert", "create", "--name", "a", "--vault", fixture.vault, "--operation", "KeyDelete")
        #expect(first.exitCode == 0)
        #expect(first.stderr.contains("diagnostic-settings create"), "warns that Azure needs the logs sent")
        let duplicate = harness.run("alert", "create", "--name", "A", "--vault", fixture.vault, "--operation", "KeyPurge")
        #expect(duplicate.exitCode == 1)
        #expect(duplicate.stderr.contains("already exists"))
        #expect(harness.run("alert", "delete", "--name", "a").exitCode == 0)
        #expect(harness.run("alert", "delete", "--name", "a").exitCode == 1)
    }
}
