import CMKTestSupport
import Foundation
import Testing

/// `acrcmk drill --client skopeo|podman`: the push, pull and list probes go through the real client against a
/// temporary `acrcmk serve`, and the impact table carries the client's own words.
@Suite(.serialized) struct DrillClientTests {
    @Test(arguments: ["skopeo", "podman"])
    func probesGoThroughTheRealClient(client: String) throws {
        let tool = try BuiltCommand()
        defer { tool.removeHome() }
        let setup = try tool.run("setup", "--registry", "drillreg")
        #expect(setup.exitCode == 0, "\(setup.stderr)")
        let drill = try tool.run("drill", "--registry", "drillreg", "--method", "disable-key", "--client", client,
                                 "-o", "json")
        #expect(drill.exitCode == 0, "\(drill.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(drill.stdout.utf8)) as? [String: Any])
        #expect(report["client"] as? String == client)
        #expect(report["allMatch"] as? Bool == true)
        #expect(report["probeByteIdentical"] as? Bool == true)
        let impacts = try #require(report["impacts"] as? [[String: Any]])
        let pull = try #require(impacts.first { $0["operation"] as? String == "docker pull" })
        let detail = try #require(pull["detail"] as? String)
        #expect(detail.hasPrefix("\(client) (pull):"))
        #expect(detail.contains("denied:"))
        #expect(detail.contains("disabled key"))
        // The real home was not touched: the drill ran on a scratch copy.
        let tags = try tool.run("az", "acr", "repository", "list", "-n", "drillreg", "-o", "tsv")
        #expect(tags.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
