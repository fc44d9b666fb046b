import Foundation
import Testing

@testable import CMKCore

/// Key rotation policies, validated as Key Vault validates them (az-surface §4 "Rotation policy").
@Suite("Rotation policy")
struct RotationPolicyTests {
    /// One policy to validate and the fragment of the refusal it must produce (`nil`: accepted).
    struct PolicyCase: Sendable, CustomTestStringConvertible {
        var label: String
        var actions: [RotationPolicy.LifetimeAction]
        var expiry: String?
        var refusal: String?

        var testDescription: String { label }
    }

    private static func rotate(after: String? = nil, before: String? = nil) -> RotationPolicy.LifetimeAction {
        .init(action: .rotate, timeAfterCreate: after.map(duration), timeBeforeExpiry: before.map(duration))
    }

    private static func notify(after: String? = nil, before: String? = nil) -> RotationPolicy.LifetimeAction {
        .init(action: .notify, timeAfterCreate: after.map(duration), timeBeforeExpiry: before.map(duration))
    }

    private static func duration(_ text: String) -> ISODuration {
        do { return try ISODuration(text) } catch { fatalError("bad duration in test table: \(text)") }
    }

    static let cases: [PolicyCase] = [
        PolicyCase(label: "az help example", actions: [rotate(after: "P90D"), notify(before: "P30D")], expiry: "P2Y"),
        PolicyCase(label: "rotate after create, no expiry", actions: [rotate(after: "P90D")]),
        PolicyCase(label: "rotate before expiry", actions: [rotate(before: "P30D")], expiry: "P1Y"),
        PolicyCase(label: "minimums: 7 days, expiry 28 days", actions: [rotate(after: "P7D")], expiry: "P28D"),
        PolicyCase(label: "no actions, expiry only", actions: [], expiry: "P90D"),
        PolicyCase(label: "Notify after create", actions: [notify(after: "P90D")], expiry: "P1Y",
                   refusal: "The Notify action is only supported with timeBeforeExpiry."),
        PolicyCase(label: "before-expiry trigger without expiry", actions: [notify(before: "P30D")],
                   refusal: "timeBeforeExpiry needs an expiry"),
        PolicyCase(label: "rotate 6 days after create", actions: [rotate(after: "P6D")],
                   refusal: "Trigger must be at least 7 days after creation"),
        PolicyCase(label: "rotate after create in hours", actions: [rotate(after: "PT144H")],
                   refusal: "Trigger must be at least 7 days after creation"),
        PolicyCase(label: "notify 6 days before expiry", actions: [notify(before: "P6D")], expiry: "P1Y",
                   refusal: "Trigger must be at least 7 days before expiry"),
        PolicyCase(label: "expiry of 27 days", actions: [], expiry: "P27D",
                   refusal: "Expiry period must be at least 28 days"),
        PolicyCase(label: "expiry of 3 weeks", actions: [rotate(after: "P7D")], expiry: "P3W",
                   refusal: "Expiry period must be at least 28 days"),
        PolicyCase(label: "rotate after expiry", actions: [rotate(after: "P400D")], expiry: "P1Y",
                   refusal: "must be shorter than the expiry time"),
        PolicyCase(label: "notify before the key exists", actions: [notify(before: "P2Y")], expiry: "P1Y",
                   refusal: "must be shorter than the expiry time"),
        PolicyCase(label: "both triggers", actions: [rotate(after: "P90D", before: "P30D")], expiry: "P1Y",
                   refusal: "either timeAfterCreate or timeBeforeExpiry, not both"),
        PolicyCase(label: "no trigger", actions: [rotate()], refusal: "needs a trigger"),
        PolicyCase(label: "two Rotate actions", actions: [rotate(after: "P30D"), rotate(after: "P60D")],
                   refusal: "at most one Rotate and one Notify"),
    ]

    @Test("Key Vault's policy rules", arguments: cases)
    func validation(policy: PolicyCase) throws {
        let expiry = policy.expiry.map(Self.duration)
        if let refusal = policy.refusal {
            let error = try #require(throws: CMKError.self) {
                try Session.validateRotationPolicy(lifetimeActions: policy.actions, expiryTime: expiry)
            }
            #expect(error.message.contains(refusal), "\(error)")
            #expect(error.code == "BadParameter")
            #expect(error.hint?.contains("timeAfterCreate") == true)
        } else {
            #expect(throws: Never.self) {
                try Session.validateRotationPolicy(lifetimeActions: policy.actions, expiryTime: expiry)
            }
        }
    }

    @Test("an invalid policy leaves the key as it was")
    func invalidPolicyChangesNothing() throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.updateRotationPolicy(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                             lifetimeActions: [Self.notify(after: "P30D")],
                                             expiryTime: Self.duration("P1Y"))
        }

        #expect(error.code == "BadParameter")
        #expect(session.world == before)
    }

    @Test("a valid policy is stored and shown; creation time survives updates")
    func validPolicyIsStored() throws {
        let session = CoreFixture.session()
        try session.updateRotationPolicy(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                         lifetimeActions: [Self.rotate(after: "P90D")], expiryTime: nil)
        let later = CoreFixture.session(after: session, seconds: 86_400)

        try later.updateRotationPolicy(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                       lifetimeActions: [Self.rotate(after: "P60D"), Self.notify(before: "P30D")],
                                       expiryTime: Self.duration("P1Y"))

        let (_, policy) = try later.showRotationPolicy(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName)
        #expect(policy.lifetimeActions.map(\.action) == [.rotate, .notify])
        #expect(policy.lifetimeActions.first?.timeAfterCreate?.text == "P60D")
        #expect(policy.expiryTime?.text == "P1Y")
        #expect(policy.createdOn == CoreFixture.start)
        #expect(policy.updatedOn == CoreFixture.start.addingTimeInterval(86_400))
    }

    @Test("a key without a policy shows Key Vault's default: Notify 30 days before expiry")
    func defaultPolicy() throws {
        let session = CoreFixture.session()

        let (key, policy) = try session.showRotationPolicy(vaultName: CoreFixture.policyVault,
                                                           name: CoreFixture.keyName)

        #expect(key.rotationPolicy == nil)
        #expect(policy.lifetimeActions.count == 1)
        #expect(policy.lifetimeActions.first?.action == .notify)
        #expect(policy.lifetimeActions.first?.timeBeforeExpiry?.text == "P30D")
        #expect(policy.expiryTime == nil)
    }
}
