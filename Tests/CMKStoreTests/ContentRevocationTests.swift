import CMKCore
import CMKStore
import Foundation
import Testing

/// Revocation is cryptographic lockout: with the key out of reach push, pull, listing and export fail naming the
/// cause, the registry's control plane still answers, and after recovery the content comes back byte-identical.
@Suite("Revocation locks content out", .serialized)
struct ContentRevocationTests {
    /// One revocation method: how to revoke, the code the data plane must report, and how to recover (if one can).
    struct Method: Sendable, CustomTestStringConvertible {
        var name: String
        var expectedCode: String
        var revoke: @Sendable (AcrcmkTool, Fixture) throws -> Void
        var recover: (@Sendable (AcrcmkTool, Fixture) throws -> Void)?
        var testDescription: String { name }
    }

    /// Names the scenario's resources.
    struct Fixture: Sendable {
        var registry: String
        var vault: String
        var principal: String
    }

    static let recoverable: [Method] = [
        Method(name: "access policy deleted", expectedCode: "ForbiddenByPolicy",
               revoke: { tool, fixture in
                   try tool.az("keyvault", "delete-policy", "-n", fixture.vault, "--object-id", fixture.principal,
                               "-o", "none")
               },
               recover: { tool, fixture in
                   try tool.az("keyvault", "set-policy", "-n", fixture.vault, "--object-id", fixture.principal,
                               "--key-permissions", "get", "unwrapKey", "wrapKey", "-o", "none")
               }),
        Method(name: "key disabled", expectedCode: "KeyDisabled",
               revoke: { tool, fixture in
                   try tool.az("keyvault", "key", "set-attributes", "-n", "key1", "--vault-name", fixture.vault,
                               "--enabled", "false", "-o", "none")
               },
               recover: { tool, fixture in
                   try tool.az("keyvault", "key", "set-attributes", "-n", "key1", "--vault-name", fixture.vault,
                               "--enabled", "true", "-o", "none")
               }),
        Method(name: "key deleted", expectedCode: "KeyDeleted",
               revoke: { tool, fixture in
                   try tool.az("keyvault", "key", "delete", "-n", "key1", "--vault-name", fixture.vault, "-o", "none")
               },
               recover: { tool, fixture in
                   try tool.az("keyvault", "key", "recover", "-n", "key1", "--vault-name", fixture.vault, "-o", "none")
               }),
        Method(name: "vault deleted", expectedCode: "VaultDeleted",
               revoke: { tool, fixture in try tool.az("keyvault", "delete", "-n", fixture.vault, "-o", "none") },
               recover: { tool, fixture in try tool.az("keyvault", "recover", "-n", fixture.vault, "-o", "none") }),
        Method(name: "identity removed from the registry", expectedCode: "IdentityNotAssigned",
               revoke: { tool, fixture in
                   try tool.az("acr", "identity", "remove", "-n", fixture.registry, "--identities", "id1", "-o", "none")
               },
               recover: { tool, fixture in
                   try tool.az("acr", "identity", "assign", "-n", fixture.registry, "--identities", "id1", "-o", "none")
               }),
        Method(name: "vault firewall Deny without bypass", expectedCode: "ForbiddenByFirewall",
               revoke: { tool, fixture in
                   try tool.az("keyvault", "update", "-n", fixture.vault, "--default-action", "Deny",
                               "--bypass", "None", "-o", "none")
               },
               recover: { tool, fixture in
                   try tool.az("keyvault", "update", "-n", fixture.vault, "--bypass", "AzureServices", "-o", "none")
               }),
    ]

    @Test("every recoverable revocation locks push, pull, list and export; recovery restores byte-identical pulls")
    func recoverableRevocations() throws {
        let directory = try TemporaryDirectory("acrcmk-revoke")
        let tool = try AcrcmkTool(home: directory.file("home"))
        let principal = try tool.createCMKRegistry("regpolicy", vault: "kvpolicy", rbac: false)
        let fixture = Fixture(registry: "regpolicy", vault: "kvpolicy", principal: principal)
        let content = MarkedContent(size: 2 << 20 + 7)
        try Data(content.bytes).write(to: URL(fileURLWithPath: directory.file("in.bin")))
        try tool.succeed(["push", fixture.registry, "drill/data:v1", directory.file("in.bin")])
        for method in Self.recoverable {
            try method.revoke(tool, fixture)
            try Self.expectLockedOut(tool, fixture: fixture, code: method.expectedCode, directory: directory,
                                     method: method.name)
            try method.recover!(tool, fixture)
            let output = directory.file("after-\(method.expectedCode).bin")
            try tool.succeed(["pull", fixture.registry, "drill/data:v1", output])
            #expect(FileManager.default.contents(atPath: output).map { [UInt8]($0) } == content.bytes,
                    "after recovering from \(method.name)")
        }
        #expect(content.filesContainingMarker(under: tool.home) == [])
    }

    @Test("RBAC role removed locks content out; assigning it again restores it")
    func roleRemoval() throws {
        let directory = try TemporaryDirectory("acrcmk-revoke")
        let tool = try AcrcmkTool(home: directory.file("home"))
        let principal = try tool.createCMKRegistry("regrbac1", vault: "kvrbac1", rbac: true)
        let fixture = Fixture(registry: "regrbac1", vault: "kvrbac1", principal: principal)
        try Data(MarkedContent(size: 4096).bytes).write(to: URL(fileURLWithPath: directory.file("in.bin")))
        try tool.succeed(["push", fixture.registry, "drill/data:v1", directory.file("in.bin")])
        let vaultID = try tool.az("keyvault", "show", "-n", fixture.vault, "--query", "id", "-o", "tsv")
        try tool.az("role", "assignment", "delete", "--assignee", principal, "--role",
                    "Key Vault Crypto Service Encryption User", "--scope", vaultID, "--yes")
        try Self.expectLockedOut(tool, fixture: fixture, code: "ForbiddenByRbac", directory: directory,
                                 method: "role removed")
        try tool.az("role", "assignment", "create", "--assignee", principal, "--role",
                    "Key Vault Crypto Service Encryption User", "--scope", vaultID, "-o", "none")
        try tool.succeed(["pull", fixture.registry, "drill/data:v1", directory.file("out.bin")])
        #expect(FileManager.default.contents(atPath: directory.file("out.bin"))
                    == FileManager.default.contents(atPath: directory.file("in.bin")))
    }

    @Test("key purged (no purge protection) and identity deleted lock content out for good",
          arguments: ["key purged", "identity deleted"])
    func permanentRevocations(method: String) throws {
        let directory = try TemporaryDirectory("acrcmk-revoke")
        let tool = try AcrcmkTool(home: directory.file("home"))
        let principal = try tool.createCMKRegistry("regperm1", vault: "kvperm1", rbac: true, purgeProtection: false)
        let fixture = Fixture(registry: "regperm1", vault: "kvperm1", principal: principal)
        try Data(MarkedContent(size: 4096).bytes).write(to: URL(fileURLWithPath: directory.file("in.bin")))
        try tool.succeed(["push", fixture.registry, "drill/data:v1", directory.file("in.bin")])
        let code: String
        if method == "key purged" {
            try tool.az("keyvault", "key", "delete", "-n", "key1", "--vault-name", fixture.vault, "-o", "none")
            try tool.az("keyvault", "key", "purge", "-n", "key1", "--vault-name", fixture.vault, "-o", "none")
            code = "KeyPurged"
        } else {
            try tool.az("identity", "delete", "-g", "rg1", "-n", "id1", "-o", "none")
            code = "IdentityNotFound"
        }
        try Self.expectLockedOut(tool, fixture: fixture, code: code, directory: directory, method: method)
    }

    /// Push, pull, repository list and export fail with `code` and a fix; `acr show` and `encryption show` work;
    /// the denied unwraps are audited with the code.
    private static func expectLockedOut(_ tool: AcrcmkTool, fixture: Fixture, code: String,
                                        directory: TemporaryDirectory, method: String) throws {
        let output = directory.file("locked.bin")
        let attempts: [[String]] = [
            ["push", fixture.registry, "drill/new:v1", directory.file("in.bin")],
            ["pull", fixture.registry, "drill/data:v1", output],
            ["az", "acr", "repository", "list", "-n", fixture.registry],
            ["export", fixture.registry, "--repository", "drill/data", "--dest", directory.file("export")],
        ]
        let deniedBefore = try tool.auditEvents(AuditFilter(registry: fixture.registry, operationName: "KeyUnwrap",
                                                            deniedOnly: true)).count
        for attempt in attempts {
            let result = try tool.run(attempt)
            // Native commands exit 1; az exits 3 when the cause is a missing resource (purged key, deleted identity).
            let expected: Set<Int32> = attempt[0] == "az" ? [1, 3] : [1]
            #expect(expected.contains(result.status), "\(method): \(attempt.joined(separator: " ")) must fail")
            #expect(result.errors.contains("(\(code))"), "\(method): \(attempt[0]) said: \(result.errors)")
            #expect(result.errors.contains("cannot be"), "\(method): the message names what failed")
            #expect(result.errors.contains("Hint:") || result.errors.contains("hint"), "\(method): a fix is given")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: directory.file("export")))
        let denied = try tool.auditEvents(AuditFilter(registry: fixture.registry, operationName: "KeyUnwrap",
                                                      deniedOnly: true))
        #expect(denied.count == deniedBefore + attempts.count, "\(method): every denied unwrap is audited")
        #expect(denied.last?.detail == code)
        #expect(try tool.run(["az", "acr", "show", "-n", fixture.registry]).status == 0)
        #expect(try tool.run(["az", "acr", "encryption", "show", "-n", fixture.registry]).status == 0)
    }
}
