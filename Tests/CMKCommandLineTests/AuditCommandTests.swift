import CMKCore
import Foundation
import JMESPath
import Testing

/// `acrcmk audit` and `az monitor diagnostic-settings`: events are shown only while a setting retains them.
@Suite("acrcmk audit and diagnostic settings")
struct AuditCommandTests {
    private static let auditLogs = #"[{"category": "AuditEvent", "enabled": true, "retentionPolicy": {"enabled": true, "days": 90}}]"#

    @Test("without a diagnostic setting nothing is shown, and the warning says how to enable it")
    func nothingRetainedWithoutSetting() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        let result = harness.run("audit", "--vault", fixture.vault, "-o", "json")
        #expect(result.exitCode == 0)
        #expect(result.json().count == 0)
        #expect(result.stderr.contains("az monitor diagnostic-settings create"))
        #expect(result.stderr.contains(fixture.vaultID))
    }

    @Test("events are retained from the setting's creation until it is deleted, and filters apply")
    func retentionWindowAndFilters() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("reg1cmk", on: fixture)
        harness.ok("clock", "advance", "PT1M")
        let setting = harness.json("az", "monitor", "diagnostic-settings", "create", "--name", "SecurityAudit",
                                   "--resource", fixture.vaultID, "--logs", Self.auditLogs, "--workspace", "ws1")
        #expect(setting["logs"].arrayValue?.first?["category"].string == "AuditEvent")
        #expect(setting["logs"].arrayValue?.first?["retentionPolicy"]["days"].number == 90)
        #expect(setting["id"].string?.hasSuffix("/providers/microsoft.insights/diagnosticSettings/SecurityAudit") == true)

        harness.ok("az", "keyvault", "key", "set-attributes", "--vault-name", fixture.vault, "--name", fixture.key,
                   "--enabled", "false")
        #expect(harness.run("task", "run", "--registry", "reg1cmk", "--name", "blocked").exitCode == 1)

        let all = harness.json("audit", "--vault", fixture.vault)
        let operations = all.arrayValue?.compactMap { $0["operationName"].string } ?? []
        #expect(operations.contains("KeyDisable"))
        #expect(!operations.contains("KeyCreate"), "the key was created before the setting existed")
        let denied = harness.json("audit", "--result", "denied")
        #expect(denied.count == 1)
        #expect(denied.arrayValue?.first?["operationName"].string == "KeyUnwrap")
        #expect(denied.arrayValue?.first?["detail"].string == "KeyDisabled")
        #expect(harness.json("audit", "--registry", "reg1cmk").count == 1)
        #expect(harness.json("audit", "--operation", "KeyDisable").count == 1)
        #expect(harness.json("audit", "--since", "PT30S").count == operations.count)

        harness.ok("az", "monitor", "diagnostic-settings", "delete", "--name", "SecurityAudit", "--resource",
                   fixture.vaultID)
        #expect(harness.json("az", "monitor", "diagnostic-settings", "list", "--resource", fixture.vaultID).count == 0)
        harness.ok("clock", "advance", "PT1M")
        harness.ok("az", "keyvault", "key", "set-attributes", "--vault-name", fixture.vault, "--name", fixture.key,
                   "--enabled", "true")
        let after = harness.json("audit", "--vault", fixture.vault)
        #expect(after.count == all.count, "events sent while the setting existed stay; later ones are not retained")
    }

    @Test("a retention policy of 7 days drops older events")
    func retentionDays() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.ok("az", "monitor", "diagnostic-settings", "create", "--name", "short", "--resource", fixture.vault,
                   "--logs", #"[{"categoryGroup": "audit", "enabled": true, "retentionPolicy": {"enabled": true, "days": 7}}]"#,
                   "--storage-account", "st1")
        harness.ok("az", "keyvault", "key", "set-attributes", "--vault-name", fixture.vault, "--name", fixture.key,
                   "--enabled", "false")
        #expect(harness.json("audit", "--operation", "KeyDisable").count == 1)
        harness.ok("clock", "advance", "P8D")
        #expect(harness.json("audit", "--operation", "KeyDisable").count == 0)
    }

    @Test("diagnostic-settings create checks categories, destination and resource", arguments: [
        (["--logs", #"[{"category": "Nope", "enabled": true}]"#, "--workspace", "ws"], "Category 'Nope' is not supported"),
        (["--logs", #"[{"category": "AuditEvent", "enabled": true}]"#], "needs a destination"),
        (["--logs", #"[{"category": "AuditEvent", "enabled": false}]"#, "--workspace", "ws"], "enables no log"),
        (["--logs", "not json", "--workspace", "ws"], "invalid JSON"),
    ])
    func diagnosticSettingErrors(extra: [String], expected: String) {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        let result = harness.run(["az", "monitor", "diagnostic-settings", "create", "--name", "d", "--resource",
                                  fixture.vaultID] + extra)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    }

    @Test("show and list find a setting; an unknown resource is not found")
    func showAndList() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.ok("az", "monitor", "diagnostic-settings", "create", "--name", "d1", "--resource", fixture.vaultID,
                   "--logs", Self.auditLogs, "--metrics", #"[{"category": "AllMetrics", "enabled": true}]"#,
                   "--workspace", "ws1")
        let shown = harness.json("az", "monitor", "diagnostic-settings", "show", "--name", "d1", "--resource",
                                 fixture.vaultID)
        #expect(shown["workspaceId"].string == "ws1")
        #expect(shown["metrics"].arrayValue?.first?["category"].string == "AllMetrics")
        #expect(harness.json("az", "monitor", "diagnostic-settings", "list", "--resource", fixture.vault).count == 1)
        let missing = harness.run("az", "monitor", "diagnostic-settings", "list", "--resource", "nothing")
        #expect(missing.exitCode == 3)
    }
}
