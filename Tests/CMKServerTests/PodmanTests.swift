import CMKTestSupport
import Foundation
import Testing

/// podman (Debian's, `--storage-driver vfs` with a private root) against `acrcmk serve`: login with the token,
/// push and pull; `denied` after a revocation, working again after recovery.
@Suite(.serialized) struct PodmanTests {
    @Test func loginPushPullThenDeniedAfterRevocationAndBackAfterRecovery() throws {
        let server = try ServedRegistry()
        let root = server.folder.appendingPathComponent("podman").path
        // podman refuses a runroot path longer than 50 characters.
        let runroot = "/tmp/pm-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: runroot) }
        let podman = ["--root", "\(root)/root", "--runroot", runroot, "--storage-driver", "vfs"]
        let environment = ["REGISTRY_AUTH_FILE": "\(root)/auth.json"]
        func run(_ arguments: String...) throws -> ProcessOutput {
            try server.run("podman", podman + arguments, environment: environment)
        }
        let layout = try server.makeImage("image", content: "podman layer \(UUID())")
        let reference = "\(server.host)/servedreg/podman/app:1.0"
        try server.require(run("login", "--tls-verify=false", "-u", refreshTokenUser, "-p",
                               try server.refreshToken(), server.host), "login")
        let loaded = try run("pull", "oci:\(layout):v1")
        try server.require(loaded, "load the layout")
        let imageID = try #require(loaded.stdout.split(separator: "\n").last.map(String.init))
        try server.require(run("tag", imageID, reference), "tag")
        try server.require(run("push", "--tls-verify=false", reference), "push")
        try server.require(run("rmi", "-a", "-f"), "clear local images")
        try server.require(run("pull", "--tls-verify=false", reference), "pull")

        try server.require(server.acrcmk("revoke", "--registry", "servedreg", "--method", "role-assignment"))
        try server.require(run("rmi", "-a", "-f"))
        let denied = try run("pull", "--tls-verify=false", reference)
        #expect(denied.exitCode != 0)
        #expect(denied.stderr.contains("denied:"))
        #expect(denied.stderr.contains("cannot be pulled"))

        try server.require(server.acrcmk("recover", "--registry", "servedreg"))
        try server.require(run("pull", "--tls-verify=false", reference), "pull after recovery")
    }
}
