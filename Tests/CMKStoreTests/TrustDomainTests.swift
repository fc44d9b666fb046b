import CMKStore
import CMKTestSupport
import Foundation
import Testing

/// The state home's two trust domains: a copy of `registry/` alone decrypts nothing, restoring an old copy of it
/// cannot undo a revocation, and with both parts an independent implementation of the documented formats opens
/// everything. The attacker is `Tests/Support/independent-decrypt/decrypt_home.py` (Python `cryptography`, no
/// acrcmk code).
@Suite("Two trust domains", .serialized)
struct TrustDomainTests {
    static let marker = "quokka-marker-5521"

    /// A home with a CMK registry and a platform-key-only registry, each holding the marker in its content and in
    /// its repository and tag names.
    static func pushedHome(_ directory: TemporaryDirectory) throws -> AcrcmkTool {
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("trustcmk", vault: "kvtrust1")
        try tool.az("acr", "create", "-g", "rg1", "-n", "trustplain", "--sku", "Standard", "-o", "none")
        let file = directory.file("marker.txt")
        try Data("\(marker) in the content\n".utf8).write(to: URL(fileURLWithPath: file))
        for registry in ["trustcmk", "trustplain"] {
            try tool.succeed(["push", registry, "\(marker)/app:\(marker)", file])
            try tool.succeed(["push", registry, "other/app:v1", file])
        }
        return tool
    }

    static func decryptHome(_ arguments: [String]) throws -> [String: Any] {
        let script = PackageLayout.root.appendingPathComponent("Tests/Support/independent-decrypt/decrypt_home.py")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + arguments)
        guard result.exitCode == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else {
            throw TestFailure("decrypt_home.py \(arguments.joined(separator: " ")) exited \(result.exitCode) "
                              + "(it needs python3 with the cryptography package): \(result.stderr)")
        }
        return object
    }

    static func copy(_ source: String, to destination: String) throws {
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    @Test("a copy of registry/ alone: every key-shaped byte string is tried, nothing opens, the marker is nowhere")
    func registryCopyAloneDecryptsNothing() throws {
        let directory = try TemporaryDirectory("acrcmk-trust")
        let tool = try Self.pushedHome(directory)
        let registryCopy = directory.file("registry-copy")
        try Self.copy(StateHome.Layout(root: tool.home).registry, to: registryCopy)

        let attack = try Self.decryptHome(["attack", registryCopy, "--marker", Self.marker])
        #expect(attack["opened"] as? [Any] != nil && (attack["opened"] as? [Any])?.isEmpty == true, "\(attack)")
        #expect(attack["markerInTheClear"] as? [String] == [])
        #expect(attack["privateKeysFound"] as? Int == 0)
        // It really tried: every index row and sealed object was there to attack, with many candidates each.
        #expect((attack["indexRows"] as? Int ?? 0) >= 10, "\(attack)")
        #expect((attack["sealedStreams"] as? Int ?? 0) >= 6, "\(attack)")
        #expect((attack["attempts"] as? Int ?? 0) > 10_000, "\(attack)")

        // With both parts the documented chain opens everything, marker included: the formats the attack tries
        // are the real ones.
        let full = try Self.decryptHome(["full", tool.home])
        let registries = try #require(full["registries"] as? [String: [String: [String]]])
        for registry in ["trustcmk", "trustplain"] {
            #expect(registries[registry]?["repositories"]?.sorted() == ["other/app", "\(Self.marker)/app"])
            #expect(registries[registry]?["tags"]?.contains(Self.marker) == true)
            #expect(registries[registry]?["blobSHA256"]?.count == 3, "the file, the config, one manifest for both")
        }

        // And the attack would have found a key had the copy held one: plant the CMK registry's DEK in it.
        let dek = try #require((full["deks"] as? [String: String])?["trustcmk"])
        try Data("notes: \(dek)\n".utf8).write(to: URL(fileURLWithPath: registryCopy + "/notes.txt"))
        let planted = try Self.decryptHome(["attack", registryCopy])
        #expect((planted["opened"] as? [Any])?.isEmpty == false, "\(planted)")
    }

    @Test("restoring a copy of registry/ taken before a revocation leaves pulls blocked; recovery works with it",
          arguments: ContentRevocationTests.recoverable)
    func oldRegistryCopyCannotUndoARevocation(method: ContentRevocationTests.Method) throws {
        let directory = try TemporaryDirectory("acrcmk-trust")
        let tool = try AcrcmkTool(home: directory.file("home"))
        let principal = try tool.createCMKRegistry("trustrev1", vault: "kvtrustrev1", rbac: false)
        let fixture = ContentRevocationTests.Fixture(registry: "trustrev1", vault: "kvtrustrev1", principal: principal)
        let content = MarkedContent(size: 70_000)
        try Data(content.bytes).write(to: URL(fileURLWithPath: directory.file("in.bin")))
        try tool.succeed(["push", fixture.registry, "data/file:v1", directory.file("in.bin")])
        let registryPart = StateHome.Layout(root: tool.home).registry
        try Self.copy(registryPart, to: directory.file("before-revocation"))

        try method.revoke(tool, fixture)
        try Self.copy(directory.file("before-revocation"), to: registryPart)
        let pull = try tool.run(["pull", fixture.registry, "data/file:v1", directory.file("out.bin")])
        #expect(pull.status == 1)
        #expect(pull.errors.contains("(\(method.expectedCode))"), "\(pull.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.bin")))

        try method.recover!(tool, fixture)
        try tool.succeed(["pull", fixture.registry, "data/file:v1", directory.file("out.bin")])
        #expect(FileManager.default.contents(atPath: directory.file("out.bin")).map { [UInt8]($0) } == content.bytes)
    }
}
