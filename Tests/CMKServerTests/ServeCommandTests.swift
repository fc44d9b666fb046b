import CMKTestSupport
import Foundation
import Testing

/// `acrcmk serve`'s options: HTTPS with a certificate made for the run, and the refusals.
@Suite(.serialized) struct ServeCommandTests {
    @Test func selfSignedTLSIsTrustedThroughTheCACertificateItWrites() throws {
        let server = try ServedRegistry(tls: true)
        let certs = server.folder.appendingPathComponent("certs")
        try FileManager.default.createDirectory(at: certs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: server.caCertificate, to: certs.appendingPathComponent("ca.crt"))
        let layout = try server.makeImage("image", content: "over TLS")
        let creds = "\(refreshTokenUser):\(try server.refreshToken())"
        // Verified TLS, no --tls-verify=false: the certificate chains to the CA and names 127.0.0.1.
        try server.require(server.run("skopeo", ["copy", "--dest-cert-dir", certs.path, "--dest-creds", creds,
                                                 "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:1"]))
        // Host addressing: servedreg.localhost is in the certificate too.
        let hostNamed = try server.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert",
                                                server.caCertificate.path, "--resolve",
                                                "servedreg.localhost:\(server.port):127.0.0.1",
                                                "https://servedreg.localhost:\(server.port)/v2/"])
        #expect(hostNamed.stdout == "401")
        // Without trusting the CA, a client refuses the server.
        let untrusted = try server.run("curl", ["-s", "-o", "/dev/null", "https://\(server.host)/v2/"])
        #expect(untrusted.exitCode != 0)
    }

    @Test func refusesWhatWouldBeUnsafeOrContradictory() throws {
        let tool = try BuiltCommand()
        defer { tool.removeHome() }
        let remote = try tool.run("serve", "--address", "0.0.0.0", "--port", "0")
        #expect(remote.exitCode == 64)
        #expect(remote.stderr.contains("without TLS"))
        let halfTLS = try tool.run("serve", "--tls-cert", "/nonexistent.pem", "--port", "0")
        #expect(halfTLS.exitCode == 64)
        #expect(halfTLS.stderr.contains("--tls-cert and --tls-key go together"))
        let both = try tool.run("serve", "--tls-self-signed", "--tls-cert", "a", "--tls-key", "b")
        #expect(both.exitCode == 64)
        let badPort = try tool.run("serve", "--port", "70000")
        #expect(badPort.exitCode == 64)
        let badPEM = try tool.run("serve", "--tls-cert", "/etc/hostname", "--tls-key", "/etc/hostname", "--port", "0")
        #expect(badPEM.exitCode != 0)
        #expect(badPEM.stderr.contains("is not a readable PEM file"))
    }

    @Test func aPortInUseIsReportedWithTheFix() throws {
        let server = try ServedRegistry()
        let tool = try BuiltCommand(home: server.home)
        let clash = try tool.run("serve", "--port", String(server.port))
        #expect(clash.exitCode == 1)
        #expect(clash.stderr.contains("Cannot listen on 127.0.0.1:\(server.port)"))
        #expect(clash.stderr.contains("--port 0"))
    }
}

/// The built binary over a home of its own (or a given one), for commands that should end on their own.
struct BuiltCommand {
    let executable: URL
    let home: URL

    init(home: URL? = nil) throws {
        executable = try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
        self.home = home ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("acrcmk-serve-cmd-\(UUID().uuidString.lowercased())")
    }

    /// Removes the home (when the test made it).
    func removeHome() {
        try? FileManager.default.removeItem(at: home)
    }

    func run(_ arguments: String...) throws -> ProcessOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["ACRCMK_HOME"] = home.path
        return try ProcessRunner.run(executable, arguments, environment: environment)
    }
}
