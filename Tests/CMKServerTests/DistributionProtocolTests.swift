import CMKTestSupport
import Foundation
import Testing

/// The distribution specification's requirements, request by request (Tests/Support/registry-protocol), against
/// `acrcmk serve`: uploads (monolithic, chunked, out of order, cancelled, truncated), manifests, tags and catalog
/// pagination, referrers, deletes, names, huge headers, tokens and scopes.
@Suite(.serialized) struct DistributionProtocolTests {
    /// What acrcmk does differently, on purpose, and documents in docs/server.md.
    static let documentedDifferences = [
        "blob-repository-scoped=blobs belong to the registry, as a mount of any of its blobs shows",
        "blob-sha512-digest=digests are sha256 only",
    ]

    @Test func everyCheckOfTheSpecificationPasses() throws {
        let server = try ServedRegistry()
        let script = PackageLayout.root.appendingPathComponent("Tests/Support/registry-protocol/protocol_check.py")
        let output = try server.run("python3", [
            script.path, "--base", "http://\(server.host)", "--registry", "servedreg", "--token",
            try server.refreshToken(), "--verbose",
        ] + Self.documentedDifferences.flatMap { ["--skip", $0] })
        let failures = output.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        #expect(output.exitCode == 0, "\(failures.joined(separator: "\n"))\n\(output.stderr)\n\(server.serverErrors)")
        let passed = output.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS") }.count
        #expect(passed >= 60, "only \(passed) checks passed:\n\(output.stdout)")
        // The server survived every hostile request.
        #expect(server.process.isRunning)
    }
}
