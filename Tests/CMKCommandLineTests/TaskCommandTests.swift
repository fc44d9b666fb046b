import CMKCore
import Foundation
import JMESPath
import Testing

/// `acrcmk task`: task runs need the registry's key; CMK registries keep run logs for 24 simulated hours.
@Suite("acrcmk task")
struct TaskCommandTests {
    @Test("a CMK registry's run log is gone after 24 hours; a non-CMK registry keeps it")
    func cmkLogRetention() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("regcmk", on: fixture)
        harness.ok("az", "acr", "create", "--resource-group", "rg1", "--name", "regplain", "--sku", "Premium")
        let run = harness.json("task", "run", "--registry", "regcmk", "--name", "build-task", "--cmd", "docker build .")
        #expect(run["runId"].string == "ca1")
        #expect(run["status"].string == "Succeeded")
        #expect(run["log"].string?.contains("$ docker build .") == true)
        harness.ok("task", "run", "--registry", "regplain", "--name", "build-task")

        harness.ok("clock", "advance", "PT23H59M")
        #expect(harness.json("task", "logs", "--registry", "regcmk", "--run-id", "ca1")["log"].string != nil,
                "still kept just before 24 hours")

        harness.ok("clock", "advance", "PT1M")
        let gone = harness.run("task", "logs", "--registry", "regcmk", "--run-id", "ca1")
        #expect(gone.exitCode == 1)
        #expect(gone.stderr.contains("TaskLogExpired"))
        #expect(gone.stderr.contains("24 hours"))
        let runs = harness.json("task", "list-runs", "--registry", "regcmk")
        #expect(runs.count == 1, "the run history stays; only the log goes")
        #expect(runs.arrayValue?.first?["log"] == .null)

        harness.ok("task", "run", "--registry", "regcmk", "--name", "build-task")
        let kept = harness.run("task", "logs", "--registry", "regcmk", "-o", "json")
        #expect(kept.json().arrayValue?.compactMap { $0["runId"].string } == ["ca2"])
        #expect(kept.stderr.contains("ca1"), "warns which logs are gone")

        harness.ok("clock", "advance", "P30D")
        let plain = harness.json("task", "logs", "--registry", "regplain", "--run-id", "ca1")
        #expect(plain["log"].string?.contains("service-managed key") == true)
    }

    @Test("a run on a CMK registry whose key is disabled is recorded as Failed and exits 1")
    func revokedKeyBlocksTasks() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("regcmk", on: fixture)
        harness.ok("az", "keyvault", "key", "set-attributes", "--vault-name", fixture.vault, "--name", fixture.key,
                   "--enabled", "false")
        let result = harness.run("task", "run", "--registry", "regcmk", "--name", "build-task", "-o", "json")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("KeyDisabled"))
        #expect(result.stderr.contains("--enabled true"), "the hint says how to fix it")
        #expect(result.json()["status"].string == "Failed")
        let runs = harness.json("task", "list-runs", "--registry", "regcmk")
        #expect(runs.arrayValue?.first?["status"].string == "Failed", "the failed run is on record")
    }

    @Test("task run checks the registry and the task name")
    func taskRunErrors() {
        let harness = StatefulHarness()
        #expect(harness.run("task", "run", "--registry", "nope", "--name", "build-task").exitCode == 1)
        harness.ok("az", "group", "create", "--name", "rg1", "--location", "eastus")
        harness.ok("az", "acr", "create", "--resource-group", "rg1", "--name", "regplain", "--sku", "Basic")
        let short = harness.run("task", "run", "--registry", "regplain", "--name", "ab")
        #expect(short.exitCode == 1)
        #expect(short.stderr.contains("InvalidTaskName"))
        let missing = harness.run("task", "logs", "--registry", "regplain", "--run-id", "ca9")
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("TaskRunNotFound"))
    }
}
