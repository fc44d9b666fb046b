import Foundation
import JMESPath
import Testing

/// `acrcmk drill` for every revocation method: the observed impacts match seed 000's tables.
@Suite("Revocation drills through the built binary")
struct DrillCommandTests {
    static let blockedWhileRevoked = ["docker push", "docker pull", "az acr repository list", "Artifact streaming", "ACR Tasks",
                                      "Geo-replication sync", "Data key unwrap (check-health)"]
    static let workingWhileRevoked = ["az acr show", "az acr encryption show", "az acr update", "Registry metrics"]

    @Test(arguments: [("role-assignment", "rbac"), ("disable-key", "rbac"), ("delete-key", "rbac"), ("delete-vault", "rbac"),
                      ("remove-identity", "rbac"), ("firewall", "rbac"), ("access-policy", "policy")])
    func drillMatchesSeed000(method: String, access: String) throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "drillreg", "--access", access).exitCode == 0)
        let report = tool.home.appendingPathComponent("drill.md")
        let result = try tool.run("drill", "--registry", "drillreg", "--method", method, "--report", report.path)
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        let json = try JSONValue.parse(String(decoding: try Data(contentsOf: tool.home.appendingPathComponent("drill.json")),
                                              as: UTF8.self))
        #expect(json["allMatch"] == true)
        #expect(json["recovered"] == true)
        #expect(json["probeByteIdentical"] == true)
        let impacts = json["impacts"]?.arrayValue ?? []
        for operation in Self.blockedWhileRevoked {
            let row = impacts.first { $0["operation"]?.stringValue == operation }
            #expect(row?["observed"] == "Blocked", "\(method): \(operation) should be blocked")
        }
        for operation in Self.workingWhileRevoked {
            let row = impacts.first { $0["operation"]?.stringValue == operation }
            #expect(row?["observed"] == "Works", "\(method): \(operation) should work")
        }
        let markdown = try String(contentsOf: report, encoding: .utf8)
        for section in ["## Timeline", "## Impact while revoked", "## Emergency revocation checklist", "## Decision matrix"] {
            #expect(markdown.contains(section))
        }
        #expect(try tool.run("check-health", "--registry", "drillreg").exitCode == 0, "the real state is untouched")
        #expect(try tool.run("az", "acr", "replication", "list", "-r", "drillreg", "--query", "length(@)", "-o", "tsv").stdout
            == "0\n", "the scratch copy's replica stays in the scratch copy")
    }

    @Test func purgeUnderPurgeProtectionStopsTheDrill() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "drillreg").exitCode == 0)
        let result = try tool.run("drill", "--registry", "drillreg", "--method", "purge-key")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("purge protection is enabled"))
    }

    @Test func aMethodThatDoesNotApplyIsRefused() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "drillreg", "--access", "rbac").exitCode == 0)
        let result = try tool.run("drill", "--registry", "drillreg", "--method", "access-policy")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("uses Azure RBAC, not access policies"))
    }

    @Test("in place: refused without --yes off a terminal and with --keep-state; with --yes it leaves the registry as found")
    func inPlace() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "drillreg").exitCode == 0)
        #expect(try tool.run("az", "acr", "update", "-n", "drillreg", "--tags", "team=payments", "-o", "none")
                    .exitCode == 0)
        let unconfirmed = try tool.run("drill", "--registry", "drillreg", "--method", "disable-key", "--in-place")
        #expect(unconfirmed.exitCode == 64)
        #expect(unconfirmed.stderr.contains("Pass --yes to confirm"), "\(unconfirmed.stderr)")
        let contradictory = try tool.run("drill", "--registry", "drillreg", "--method", "disable-key", "--in-place",
                                         "--keep-state", "--yes")
        #expect(contradictory.exitCode == 64)
        #expect(contradictory.stderr.contains("pass one or the other"), "\(contradictory.stderr)")
        let before = try tool.run("az", "acr", "show", "-n", "drillreg", "--query", "tags", "-o", "json").stdout

        let drill = try tool.run("drill", "--registry", "drillreg", "--method", "disable-key", "--in-place", "--yes")
        #expect(drill.exitCode == 0, "\(drill.stdout)\n\(drill.stderr)")
        #expect(try tool.run("az", "acr", "show", "-n", "drillreg", "--query", "tags", "-o", "json").stdout == before)
        #expect(try tool.run("az", "acr", "repository", "list", "-n", "drillreg", "-o", "tsv").stdout == "")
        #expect(try tool.run("check-health", "--registry", "drillreg").exitCode == 0)
    }
}
