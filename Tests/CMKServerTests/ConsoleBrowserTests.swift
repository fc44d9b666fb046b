import CMKTestSupport
import Foundation
import Testing

/// The web console in headless Chromium (Selenium): the Azure Portal method end to end in a fresh home, proved real
/// with the CLI; revocation and recovery seen on the estate view; escaping, CSRF and the console token.
@Suite(.serialized) struct ConsoleBrowserTests {
    @Test func thePortalMethodEndToEndThenRevokeAndRecoverFromTheDrillPage() throws {
        let server = try ServedRegistry()
        let consoleURL = try #require(server.consoleURL)
        // Screenshots stay next to the test log, for people to look at.
        let shots = PackageLayout.root.appendingPathComponent(".test-output/console-screenshots")
        try? FileManager.default.removeItem(at: shots)
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let script = PackageLayout.root.appendingPathComponent("Tests/Support/console-browser/portal_walk.py")
        let walk = try server.run("python3", [script.path, consoleURL, shots.path, "t"])
        #expect(walk.exitCode == 0, "\(walk.stdout)\n\(walk.stderr)\n\(server.serverErrors)")
        let steps = walk.stdout.split(separator: "\n").filter { $0.hasPrefix("STEP ") }
        #expect(steps.count == 18, "\(steps)")
        for step in steps {
            let path = String(step.split(separator: " ").last ?? "")
            #expect(FileManager.default.fileExists(atPath: path), "screenshot \(path)")
        }
        let resultLine = try #require(walk.stdout.split(separator: "\n").first { $0.hasPrefix("RESULT ") })
        let result = try #require(try JSONSerialization.jsonObject(with: Data(resultLine.dropFirst(7).utf8))
            as? [String: String])
        let registry = try #require(result["registry"])

        // What the console made is real: the CLI sees it, encrypted with the key the walk copied.
        let encryption = try server.acrcmk("az", "acr", "encryption", "show", "--name", registry, "-o", "json")
        try server.require(encryption)
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(encryption.stdout.utf8)) as? [String: Any])
        #expect(shown["status"] as? String == "enabled")
        let vaultProperties = try #require(shown["keyVaultProperties"] as? [String: Any])
        #expect(vaultProperties["keyIdentifier"] as? String == result["keyIdentifier"])
        // A push and pull through the CLI work.
        let file = server.folder.appendingPathComponent("probe.txt")
        try Data("console-made registry".utf8).write(to: file)
        try server.require(server.acrcmk("push", registry, "app:v1", file.path))
        try server.require(server.acrcmk("pull", registry, "app:v1", server.folder.appendingPathComponent("back.txt").path))
        #expect(try String(contentsOf: server.folder.appendingPathComponent("back.txt"), encoding: .utf8)
                    == "console-made registry")
        // The hostile name was refused by the CLI's rule, and nothing was created.
        let identities = try server.acrcmk("az", "identity", "list", "--query", "[].name", "-o", "tsv")
        #expect(!identities.stdout.contains("<"))
    }

    @Test func changesMadeWithTheCLIShowOnTheConsole() throws {
        let server = try ServedRegistry()
        let consoleURL = try #require(server.consoleURL)
        let cookieJar = server.folder.appendingPathComponent("cookies").path
        try server.require(server.run("curl", ["-s", "-o", "/dev/null", "-c", cookieJar, consoleURL]))
        func estate() throws -> String {
            try server.run("curl", ["-s", "-b", cookieJar, "http://\(server.host)/portal/estate/view"]).stdout
        }
        #expect(try estate().contains("data-registry=\"servedreg\" data-healthy=\"true\""))
        try server.require(server.acrcmk("revoke", "--registry", "servedreg", "--method", "disable-key"))
        let broken = try estate()
        #expect(broken.contains("data-registry=\"servedreg\" data-healthy=\"false\""))
        #expect(broken.contains("KeyDisabled"))
        #expect(broken.contains("az keyvault key set-attributes"))
        // Looking is not a vault call: the estate view adds nothing to the audit trail.
        let before = try server.acrcmk("audit", "-o", "json").stdout
        _ = try estate()
        _ = try estate()
        #expect(try server.acrcmk("audit", "-o", "json").stdout == before)
    }
}
