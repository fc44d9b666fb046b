import CMKCore
import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// `acrcmk policy`: the built-in CMK policy, its exit codes for CI, and the deny effect.
@Suite("acrcmk policy")
struct PolicyCommandTests {
    @Test("policy audit exits 0 when every registry uses CMK and 1 when one does not")
    func auditExitCodes() {
        let harness = StatefulHarness()
        let empty = harness.run("policy", "audit")
        #expect(empty.exitCode == 0)
        #expect(empty.stdout.contains("No registries"))

        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("regcmk", on: fixture)
        let compliant = harness.run("policy", "audit", "-o", "json")
        #expect(compliant.exitCode == 0)
        #expect(compliant.json().arrayValue?.map { $0["complianceState"].string } == ["Compliant"])

        harness.ok("az", "acr", "create", "--resource-group", "rg1", "--name", "regplain", "--sku", "Standard")
        let failing = harness.run("policy", "audit", "-o", "json")
        #expect(failing.exitCode == 1)
        let rows = failing.json().arrayValue ?? []
        let plain = rows.first { $0["name"].string == "regplain" } ?? .null
        #expect(plain["complianceState"].string == "NonCompliant")
        #expect(plain["reason"].string?.contains("Premium") == true)
        #expect(rows.first { $0["name"].string == "regcmk" }?["complianceState"].string == "Compliant")

        let text = harness.run("policy", "audit")
        #expect(text.exitCode == 1)
        #expect(text.stdout.contains("1 of 2 registries are non-compliant"))
    }

    @Test("under a deny assignment a registry without CMK cannot be created; audit lets it through")
    func denyEffectBlocksNonCMKCreation() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        let assignment = harness.json("policy", "assign", "--effect", "deny")
        #expect(assignment["parameters"]["effect"]["value"].string == "Deny")
        #expect(assignment["policyDefinitionId"].string == Session.cmkPolicyDefinitionId)

        let refused = harness.run("az", "acr", "create", "--resource-group", "rg1", "--name", "regplain", "--sku", "Premium")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("RequestDisallowedByPolicy"))
        harness.makeRegistry("regcmk", on: fixture)
        #expect(harness.json("az", "acr", "list").count == 1, "the CMK registry was allowed")

        harness.ok("policy", "assign", "--effect", "audit")
        let list = harness.json("policy", "list")
        #expect(list.count == 1, "assigning the same name replaces it")
        #expect(list.arrayValue?.first?["parameters"]["effect"]["value"].string == "Audit")
        harness.ok("az", "acr", "create", "--resource-group", "rg1", "--name", "regplain", "--sku", "Premium")
        #expect(harness.run("policy", "audit").exitCode == 1)

        harness.ok("policy", "unassign")
        #expect(harness.json("policy", "list").count == 0)
        #expect(harness.run("policy", "unassign").exitCode == 1)
    }

    @Test("policy assign refuses an effect the definition does not allow")
    func invalidEffect() {
        let harness = StatefulHarness()
        let result = harness.run("policy", "assign", "--effect", "modify")
        #expect(result.exitCode == ExitCode.usage)
        #expect(result.stderr.contains("'Audit'"))
    }
}
