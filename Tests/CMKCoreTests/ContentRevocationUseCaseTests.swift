import Foundation
import Testing

@testable import CMKCore

/// Revocation through the content use cases, in memory: with the registry cut off its key, push, pull, listing and
/// export fail with the vault's code, leave nothing half-written, and each refusal is audited; the registry's
/// metrics still answer; after the matching recovery the content comes back byte-identical.
@Suite("Content under revocation")
struct ContentRevocationUseCaseTests {
    @Test("push, pull, listing and export fail with the vault's code and change nothing",
          arguments: Revocation.allCases)
    func revokedKeyBlocksContent(revocation: Revocation) throws {
        let home = try ContentFixture.home(vault: revocation.vault)
        let content = RegistryContent(home: home)
        let probe = Identifiers.randomBytes(count: 256 << 10)
        _ = try content.push(.file(title: "probe.bin", open: { ContentBuffer(probe) }), to: "cmkreg",
                             as: try ImageReference(parsing: "drill/probe:v1"))
        try home.perform { try revocation.revoke($0) }
        let objectsBefore = try home.memory.objectIDsOnDisk()
        let countsBefore = try content.counts(of: "cmkreg")
        let deniedBefore = try home.auditEvents(AuditFilter(registry: "cmkreg", operationName: "KeyUnwrap",
                                                            deniedOnly: true)).count
        let code = revocation.expectedCode.rawValue

        let push = try #require(throws: CMKError.self) {
            try content.push(.file(title: "second.bin", open: { ContentBuffer(Array("while revoked".utf8)) }),
                             to: "cmkreg", as: try ImageReference(parsing: "drill/probe:v2"))
        }
        let pulled = ContentBuffer()
        let pull = try #require(throws: CMKError.self) {
            let plan = try content.plan(registry: "cmkreg", repository: "drill/probe",
                                        reference: try ImageReference(parsing: "drill/probe:v1"), action: "pulled")
            try content.writeFile(plan.objects[0], keys: plan.keys, to: pulled)
        }
        let list = try #require(throws: CMKError.self) { try content.repositories(in: "cmkreg") }
        let exported = InMemoryImageLayout()
        let export = try #require(throws: CMKError.self) {
            let plan = try content.plan(registry: "cmkreg", repository: "drill/probe", reference: nil,
                                        action: "exported")
            try content.writeLayout(plan, to: exported)
        }

        for error in [push, pull, list, export] {
            #expect(error.code?.rawValue == code, "\(revocation): \(error)")
            #expect(error.hint != nil, "every denial names its fix")
        }
        #expect(push.message.contains("cannot be pushed"))
        #expect(!pulled.isCommitted && !exported.isCommitted)
        #expect(try home.memory.objectIDsOnDisk() == objectsBefore, "no object sealed or removed")
        #expect(try content.counts(of: "cmkreg") == countsBefore, "registry metrics still answer")
        let denied = try home.auditEvents(AuditFilter(registry: "cmkreg", operationName: "KeyUnwrap",
                                                      deniedOnly: true))
        #expect(denied.count == deniedBefore + 4, "every refused unwrap is audited")
        #expect(denied.last?.detail == code)

        guard revocation.isRecoverable else { return }
        try home.perform { try revocation.recover($0) }
        let plan = try content.plan(registry: "cmkreg", repository: "drill/probe",
                                    reference: try ImageReference(parsing: "drill/probe:v1"), action: "pulled")
        let artifact = try #require(try content.fileArtifact(in: plan))
        let recovered = ContentBuffer()
        try content.writeFile(artifact.layer, keys: plan.keys, to: recovered)
        #expect(recovered.bytes == probe)
    }
}
