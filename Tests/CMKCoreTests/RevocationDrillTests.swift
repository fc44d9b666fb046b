import Foundation
import Testing

@testable import CMKCore

/// The revocation drill as a core use case, in memory: every impact row is a typed outcome with the vault's code,
/// and the report says what recovery did.
@Suite("Revocation drill")
struct RevocationDrillTests {
    private func drill(_ method: RevocationMethod, vault: String) throws -> (DrillReport, InMemoryContentHome) {
        let home = try ContentFixture.home(vault: vault)
        let clock = ContentFixture.TickingClock()
        let report = try RevocationDrill(registry: "cmkreg", method: method, content: RegistryContent(home: home),
                                         inPlace: false, clock: { clock.read() }).run()
        return (report, home)
    }

    /// The code the vault refuses the registry's key with after each method.
    private static func denial(after method: RevocationMethod) -> AccessDenial.Code {
        switch method {
        case .accessPolicy: return .forbiddenByPolicy
        case .roleAssignment: return .forbiddenByRbac
        case .disableKey: return .keyDisabled
        case .deleteKey: return .keyDeleted
        case .purgeKey: return .keyPurged
        case .deleteVault: return .vaultDeleted
        case .removeIdentity: return .identityNotAssigned
        case .firewall: return .forbiddenByFirewall
        }
    }

    @Test("every impact matches seed 000's tables, blocked rows carry the vault's code, the probe comes back",
          arguments: [(RevocationMethod.accessPolicy, CoreFixture.policyVault),
                      (.roleAssignment, CoreFixture.rbacVault), (.disableKey, CoreFixture.policyVault),
                      (.deleteKey, CoreFixture.rbacVault), (.deleteVault, CoreFixture.policyVault),
                      (.deleteVault, CoreFixture.rbacVault), (.removeIdentity, CoreFixture.policyVault),
                      (.firewall, CoreFixture.policyVault)])
    func recoverableMethod(method: RevocationMethod, vault: String) throws {
        let (report, home) = try drill(method, vault: vault)

        #expect(report.allMatch)
        #expect(report.recovered && report.probeIdentical == true)
        #expect(report.revocation.denial?.code == Self.denial(after: method))
        #expect(report.impacts.map(\.operation) == DrillImpact.Operation.allCases)
        for impact in report.impacts {
            switch impact.operation {
            case .registryShow, .encryptionShow, .registryUpdate, .registryMetrics:
                #expect(impact.observed == .works && impact.code == nil, "\(impact.operation)")
            case .geoReplicationSync:
                #expect(impact.observed == .blocked && impact.code?.rawValue == Session.replicaBlockedStatus)
            default:
                #expect(impact.observed == .blocked, "\(impact.operation)")
                #expect(impact.code?.rawValue == Self.denial(after: method).rawValue, "\(impact.operation): \(impact.evidence)")
            }
        }
        #expect(report.lockCheck?.blockingDenial?.code == Self.denial(after: method))
        #expect(report.timeline.map(\.action) == [
            .documentCurrentState, .pushProbe, .addReplica(location: "westus2"), .revoke(method), .recover,
            .verifyProbePull,
        ])
        #expect(report.timeline.allSatisfy { $0.succeeded })
        // The probe written while revoked never landed; the drill's own probe did.
        let tags = try RegistryContent(home: home).tags(in: "cmkreg", repository: "drill/probe")
        #expect(tags.map(\.name) == ["v1"])
    }

    @Test("a purged key cannot be recovered: the report says so and verifies access instead of the probe")
    func purgedKey() throws {
        let (report, _) = try drill(.purgeKey, vault: CoreFixture.policyVault)

        #expect(report.allMatch)
        #expect(!report.recovered && report.probeIdentical == nil)
        #expect(report.recovery?.impossible != nil)
        let recover = try #require(report.timeline.first { $0.action == .recover })
        #expect(recover.failure?.code == "RecoveryImpossible")
        let verify = try #require(report.timeline.last)
        #expect(verify.action == .verifyAccess && !verify.succeeded)
        #expect(report.accessCheck?.isHealthy == false)
        #expect(report.recommendation.scenario == "Key compromise")
    }

    @Test("a method that does not apply stops the drill before anything is tried")
    func methodThatDoesNotApply() throws {
        let home = try ContentFixture.home(vault: CoreFixture.rbacVault)
        let drill = RevocationDrill(registry: "cmkreg", method: .accessPolicy, content: RegistryContent(home: home),
                                    inPlace: true, clock: { Date() })
        let error = try #require(throws: CMKError.self) { try drill.run() }
        #expect(error.code == "MethodNotApplicable")
        #expect(error.message.contains("uses Azure RBAC, not access policies"))
        let unwrap = try home.perform { try $0.unwrapRegistryDEK($0.requireRegistry("cmkreg")) }
        #expect(unwrap.failure == nil, "nothing was revoked")
    }

    @Test("an unknown registry stops the drill with the lookup's code")
    func unknownRegistry() throws {
        let drill = RevocationDrill(registry: "nosuchreg", method: .disableKey,
                                    content: RegistryContent(home: try ContentFixture.home()), inPlace: true,
                                    clock: { Date() })
        let error = try #require(throws: CMKError.self) { try drill.run() }
        #expect(error.category == .notFound)
        #expect(error.message.hasPrefix("The drill needs an existing registry"))
    }

    @Test("in place, the registry is left as found: its tags, its repositories and its content",
          arguments: [RevocationMethod.disableKey, .accessPolicy])
    func inPlaceLeavesTheRegistryAsFound(method: RevocationMethod) throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        _ = try home.perform { session in
            try session.updateRegistry(name: "cmkreg", resourceGroup: nil, sku: nil, adminEnabled: nil,
                                       defaultAction: nil, publicNetworkEnabled: nil, tags: ["team": "payments"])
        }
        let (image, _) = try ContentFixture.imageLayout(tag: "v1", layers: [Identifiers.randomBytes(count: 2000)])
        _ = try content.push(.imageLayout(image), to: "cmkreg", as: try ImageReference(parsing: "drill/probe:v1"))
        let before = try home.perform { try $0.requireRegistry("cmkreg") }
        let repositoriesBefore = try content.repositories(in: "cmkreg").map(\.name)
        let objectsBefore = try home.memory.objectIDsOnDisk()

        let report = try RevocationDrill(registry: "cmkreg", method: method, content: content, inPlace: true,
                                         clock: { Date() }).run()

        #expect(report.allMatch, "\(report.impacts)")
        let after = try home.perform { try $0.requireRegistry("cmkreg") }
        #expect(after.tags == before.tags)
        #expect(after.replications == before.replications)
        #expect(try content.repositories(in: "cmkreg").map(\.name) == repositoriesBefore,
                "the probe repository is gone; a repository that was called drill/probe before is untouched")
        #expect(try home.memory.objectIDsOnDisk() == objectsBefore)
        #expect(report.timeline.contains { $0.action == .removeProbe && $0.failure == nil })
    }
}
