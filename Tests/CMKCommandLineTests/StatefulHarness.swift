import CMKCore
import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// Runs the command line in-process against ONE in-memory state home whose wall clock starts at a fixed time and
/// ticks one millisecond per reading, so runs are deterministic, later commands are strictly later, and only
/// `acrcmk clock advance|set` moves simulated time by more.
final class StatefulHarness: @unchecked Sendable {
    typealias Result = ToolHarness.Result

    /// 2026-01-01T00:00:00Z: the real time the harness starts at.
    static let startTime = Date(timeIntervalSince1970: 1_767_225_600)

    /// A wall clock that moves one millisecond each time it is read.
    final class TickingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var ticks = 0

        func read() -> Date {
            lock.lock()
            defer { lock.unlock() }
            ticks += 1
            return StatefulHarness.startTime.addingTimeInterval(Double(ticks) / 1000)
        }
    }

    let store: InMemoryStateStore

    init() {
        let clock = TickingClock()
        store = InMemoryStateStore(wallClock: { clock.read() })
    }

    /// Runs one invocation (without the program name).
    func run(_ arguments: String...) -> Result { run(arguments) }

    func run(_ arguments: [String]) -> Result {
        ToolHarness.invoke(arguments, store: store, environment: ["HOME": NSTemporaryDirectory()])
    }

    /// Runs `acrcmk az <arguments>`.
    func az(_ arguments: String...) -> Result { run(["az"] + arguments) }

    /// stdout of an az command that must succeed, without the trailing newline.
    func value(_ arguments: String...) -> String {
        let result = run(["az"] + arguments)
        precondition(result.exitCode == 0, "az \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs an invocation that must succeed and returns its JSON output (`-o json` is added).
    @discardableResult
    func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        let result = run(arguments + ["-o", "json"])
        #expect(result.exitCode == 0, "\(arguments.joined(separator: " ")) failed: \(result.stderr)",
                sourceLocation: sourceLocation)
        return result.exitCode == 0 ? result.json(sourceLocation: sourceLocation) : .null
    }

    /// Runs an invocation that must succeed, discarding its output.
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        ok(arguments, sourceLocation: sourceLocation)
    }

    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let result = run(arguments + ["-o", "none"])
        #expect(result.exitCode == 0, "\(arguments.joined(separator: " ")) failed: \(result.stderr)",
                sourceLocation: sourceLocation)
    }

    /// The simulated time now.
    var now: Date { (try? store.perform { $0.now }) ?? StatefulHarness.startTime }

    /// A resource group, an identity, a vault and an RSA-2048 key the identity may use, in the way seed 000 builds
    /// them (RBAC role, or an access policy when `rbac` is false).
    struct Fixture {
        var vault: String
        var key: String
        var identityID: String
        var principalID: String
        var vaultID: String
        /// The versioned kid of the key's first version.
        var kid: String
        var versionless: String { String(kid[..<kid.lastIndex(of: "/")!]) }
    }

    func makeVaultAndKey(vault: String = "kv1cmk", key: String = "key1", rbac: Bool = true, retentionDays: Int? = nil,
                         purgeProtection: Bool = true) -> Fixture {
        ok("az", "group", "create", "--name", "rg1", "--location", "eastus")
        ok("az", "identity", "create", "--resource-group", "rg1", "--name", "id1")
        let identity = json("az", "identity", "show", "--resource-group", "rg1", "--name", "id1")
        var create = ["az", "keyvault", "create", "--name", vault, "--resource-group", "rg1",
                      "--enable-rbac-authorization", rbac ? "true" : "false", "-o", "none"]
        if purgeProtection { create.append("--enable-purge-protection") }
        if let retentionDays { create += ["--retention-days", String(retentionDays)] }
        let created = run(create)
        #expect(created.exitCode == 0, "vault create failed: \(created.stderr)")
        let vaultID = json("az", "keyvault", "show", "--name", vault).objectValue?["id"]?.stringValue ?? ""
        let principal = identity.objectValue?["principalId"]?.stringValue ?? ""
        if rbac {
            ok("az", "role", "assignment", "create", "--assignee", principal, "--role",
               "Key Vault Crypto Service Encryption User", "--scope", vaultID)
        } else {
            ok("az", "keyvault", "set-policy", "--name", vault, "--object-id", principal, "--key-permissions", "get",
               "wrapKey", "unwrapKey")
        }
        let keyJSON = json("az", "keyvault", "key", "create", "--name", key, "--vault-name", vault, "--kty", "RSA",
                           "--size", "2048")
        let kid = keyJSON.objectValue?["key"]?.objectValue?["kid"]?.stringValue ?? ""
        return Fixture(vault: vault, key: key, identityID: identity.objectValue?["id"]?.stringValue ?? "",
                       principalID: principal, vaultID: vaultID, kid: kid)
    }

    /// A Premium CMK registry on the fixture's key: versionless (follows rotations) or pinned to the first version.
    func makeRegistry(_ name: String, on fixture: Fixture, versioned: Bool = false) {
        ok("az", "acr", "create", "--resource-group", "rg1", "--name", name, "--sku", "Premium", "--identity",
           fixture.identityID, "--key-encryption-key", versioned ? fixture.kid : fixture.versionless)
    }

    /// `az acr encryption show` as JSON.
    func encryption(_ registry: String) -> JSONObject {
        json("az", "acr", "encryption", "show", "--name", registry).objectValue?["keyVaultProperties"]?.objectValue
            ?? JSONObject()
    }
}

extension ToolHarness.Result {
    /// stdout parsed as JSON; records an issue (and returns null) when it is not JSON.
    func json(sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        do {
            return try JSONValue.parse(stdout)
        } catch {
            Issue.record("stdout is not JSON: \(error)\n\(stdout)\nstderr: \(stderr)", sourceLocation: sourceLocation)
            return .null
        }
    }
}

extension JSONValue {
    /// `value["a"]["b"]` for tests.
    subscript(_ key: String) -> JSONValue {
        objectValue?[key] ?? .null
    }

    var string: String? { stringValue }

    var count: Int { arrayValue?.count ?? -1 }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
