import CMKTestSupport
import Foundation
import Testing

/// The Python `oras` package (PyPI) against `acrcmk serve`: an artifact pushed and pulled with the token flow;
/// refused after a revocation, working after recovery.
@Suite(.serialized) struct OrasTests {
    @Test func pushPullThenRefusedAfterRevocationAndBackAfterRecovery() throws {
        let server = try ServedRegistry()
        let script = PackageLayout.root.appendingPathComponent("Tests/Support/registry-clients/oras_roundtrip.py").path
        let artifact = server.folder.appendingPathComponent("notes.txt")
        let marker = "oras artifact \(UUID())"
        try Data(marker.utf8).write(to: artifact)
        let token = try server.refreshToken()
        func oras(_ action: String, _ outdir: String) throws -> ProcessOutput {
            try server.run("python3", [script, server.host, "servedreg/docs/notes:1", token, "notes.txt", outdir,
                                       action])
        }
        try server.require(oras("push", "-"), "push")
        // The artifact is a real image in the registry, visible to the CLI.
        let tags = try server.acrcmk("az", "acr", "repository", "show-tags", "-n", "servedreg", "--repository",
                                     "docs/notes", "-o", "tsv")
        #expect(tags.stdout.contains("1"))
        let out = server.folder.appendingPathComponent("out").path
        try server.require(oras("pull", out), "pull")
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == marker)

        try server.require(server.acrcmk("revoke", "--registry", "servedreg", "--method", "delete-key"))
        let refused = try oras("pull", out + "-2")
        #expect(refused.exitCode != 0)
        #expect(!FileManager.default.fileExists(atPath: out + "-2/notes.txt"))

        try server.require(server.acrcmk("recover", "--registry", "servedreg"))
        try server.require(oras("pull", out + "-3"), "pull after recovery")
        #expect(try String(contentsOfFile: out + "-3/notes.txt", encoding: .utf8) == marker)
    }
}
