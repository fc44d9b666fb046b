import CMKCore
import Foundation
import Testing

/// What falls due between commands runs once, even when the command that notices it fails.
@Suite("Scheduler catch-up between commands")
struct SchedulerCatchUpTests {
    @Test func aFailingCommandNeitherRollsBackNorRepeatsWhatFellDue() throws {
        let harness = StatefulHarness()
        harness.ok("config", "set", "registry.rotation-pickup-lag", "PT0S")
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("catchupreg", on: fixture)
        harness.ok("az", "keyvault", "key", "rotate", "--vault-name", fixture.vault, "--name", fixture.key)
        let wrapsBefore = harness.store.audit.filter { $0.operationName == "KeyWrap" }.count

        // The next command notices the pick-up that fell due, then fails on its own account.
        #expect(harness.run("az", "acr", "show", "-n", "nosuchregistry").exitCode == 3)
        #expect(harness.run("az", "acr", "show", "-n", "catchupreg", "-o", "none").exitCode == 0)

        let wraps = harness.store.audit.filter { $0.operationName == "KeyWrap" }
        #expect(wraps.count == wrapsBefore + 1, "the pick-up re-wraps the data key exactly once")
        let newest = harness.json("az", "keyvault", "key", "show", "--vault-name", fixture.vault, "--name", fixture.key)
        #expect(harness.encryption("catchupreg")["versionedKeyIdentifier"] == newest["key"]["kid"])
    }
}
