import CMKCore
import CMKStore
import CMKTestSupport
import Foundation
import Testing

/// Runs the built `acrcmk` binary against one state home, as an operator's script would.
///
/// The binary is found next to the test binary (any scratch path), else under `<package>/.build*/…/debug`,
/// else at `$ACRCMK_BINARY`.
struct AcrcmkTool {
    /// The outcome of one invocation.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    let executable: URL
    let home: String

    init(home: String) throws {
        self.executable = try AcrcmkTool.locate()
        self.home = home
    }

    /// Runs `acrcmk --home HOME ARGS…` and waits for it.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let output = try ProcessRunner.run(executable, arguments + ["--home", home],
                                           environment: ["HOME": home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
        return Result(status: output.exitCode, output: output.stdout, errors: output.stderr)
    }

    /// Runs a command that must succeed and returns its stdout without the trailing newline.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw TestFailure("acrcmk \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)")
        }
        return result.output.trimmingCharacters(in: .newlines)
    }

    /// `az …` through the binary.
    @discardableResult
    func az(_ arguments: String...) throws -> String {
        try succeed(["az"] + arguments)
    }

    /// Creates group `rg1`, identity `id1`, vault `vault` (RBAC or access policies, purge protection as asked),
    /// an RSA-2048 key `key1`, and the Premium CMK registry `registry`. Returns the identity's principal id.
    @discardableResult
    func createCMKRegistry(_ registry: String, vault: String, rbac: Bool = true, purgeProtection: Bool = true,
                           identity: String = "id1") throws -> String {
        try az("group", "create", "--name", "rg1", "--location", "eastus", "-o", "none")
        try az("identity", "create", "--resource-group", "rg1", "--name", identity, "-o", "none")
        let identityID = try az("identity", "show", "-g", "rg1", "-n", identity, "--query", "id", "-o", "tsv")
        let principal = try az("identity", "show", "-g", "rg1", "-n", identity, "--query", "principalId", "-o", "tsv")
        var create = ["keyvault", "create", "--name", vault, "--resource-group", "rg1",
                      "--enable-rbac-authorization", rbac ? "true" : "false", "-o", "none"]
        if purgeProtection { create.append("--enable-purge-protection") }
        try succeed(["az"] + create)
        let vaultID = try az("keyvault", "show", "-n", vault, "--query", "id", "-o", "tsv")
        if rbac {
            try az("role", "assignment", "create", "--assignee", principal, "--role",
                   "Key Vault Crypto Service Encryption User", "--scope", vaultID, "-o", "none")
        } else {
            try az("keyvault", "set-policy", "--name", vault, "--object-id", principal,
                   "--key-permissions", "get", "unwrapKey", "wrapKey", "-o", "none")
        }
        try az("keyvault", "key", "create", "--name", "key1", "--vault-name", vault, "--size", "2048", "-o", "none")
        let kid = try az("keyvault", "key", "show", "--name", "key1", "--vault-name", vault, "--query", "key.kid",
                         "-o", "tsv")
        let versionless = String(kid[..<kid.lastIndex(of: "/")!])
        try az("acr", "create", "-g", "rg1", "--name", registry, "--identity", identityID,
               "--key-encryption-key", versionless, "--sku", "Premium", "-o", "none")
        return principal
    }

    /// The path of the largest sealed object of the home (an image's or a file's layer).
    func largestSealedFile() throws -> String {
        let blobs = StateHome.Layout(root: home).blobs
        var largest = ("", 0)
        for prefix in try FileManager.default.contentsOfDirectory(atPath: blobs) where prefix.count == 2 {
            for name in try FileManager.default.contentsOfDirectory(atPath: blobs + "/" + prefix) {
                let path = blobs + "/" + prefix + "/" + name
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                if size > largest.1 { largest = (path, size) }
            }
        }
        return largest.0
    }

    /// The audit events of the home, read through CMKStore as the tool wrote them.
    func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        try StateHome.open(path: home, wallClock: { Date() }).auditEvents(filter)
    }

    private static func locate() throws -> URL {
        try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
    }
}

/// Random bytes with a 32-byte marker planted at the start, the middle and the end.
struct MarkedContent {
    let marker: [UInt8]
    let bytes: [UInt8]

    init(size: Int) {
        var generator = SystemRandomNumberGenerator()
        marker = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var bytes = [UInt8](repeating: 0, count: size)
        for index in stride(from: 0, to: size, by: 8) {
            withUnsafeBytes(of: generator.next()) { random in
                for offset in 0..<min(8, size - index) { bytes[index + offset] = random[offset] }
            }
        }
        for position in [0, size / 2, size - 32] where size >= 32 {
            bytes.replaceSubrange(position..<position + 32, with: marker)
        }
        self.bytes = bytes
    }

    /// Every file under `root` that contains the marker.
    func filesContainingMarker(under root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var hits: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            if data.range(of: Data(marker)) != nil { hits.append(relative) }
        }
        return hits
    }
}
