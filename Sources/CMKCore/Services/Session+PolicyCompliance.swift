import Foundation

/// How one registry fares against the built-in CMK policy.
public struct PolicyComplianceResult: Sendable, Equatable {
    public var registry: String
    public var resourceGroup: String
    public var resourceID: String
    public var compliant: Bool
    /// Why, in words an operator can act on.
    public var reason: String

    /// Azure Policy's `complianceState`.
    public var complianceState: String { compliant ? "Compliant" : "NonCompliant" }
}

/// Assigning and evaluating Azure Policy's built-in "Container registries should be encrypted with a customer-managed
/// key"; `enforcePolicyAssignments` (Session+Policy) applies a `deny` assignment when a registry is created.
extension Session {
    /// The built-in definition's id in Azure.
    public static let cmkPolicyDefinitionId =
        "/providers/Microsoft.Authorization/policyDefinitions/5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580"
    public static let defaultPolicyAssignmentName = "acr-cmk-required"
    /// The effects the built-in definition allows; `Disabled` is accepted as Azure does, and enforces nothing.
    public static let policyEffects = ["Audit", "Deny", "Disabled"]

    /// Assigns the CMK policy at subscription scope with an effect; an existing assignment of that name is replaced.
    ///
    /// - Throws: `CMKError` (usage) for an effect other than Audit, Deny or Disabled.
    @discardableResult
    public func assignPolicy(name: String?, effect: String) throws -> PolicyAssignment {
        guard let canonical = Self.policyEffects.first(where: { $0.lowercased() == effect.lowercased() }) else {
            throw CMKError.usage("The effect '\(effect)' is not allowed by the policy definition; use one of: "
                + Self.policyEffects.joined(separator: ", ") + ".")
        }
        let assignmentName = name ?? Self.defaultPolicyAssignmentName
        guard !assignmentName.isEmpty, assignmentName.count <= 64,
              !assignmentName.contains(where: { "<>*%&:\\?.+/".contains($0) })
        else {
            throw CMKError.usage("The policy assignment name '\(assignmentName)' is invalid: use up to 64 characters, "
                + "without <>*%&:\\?.+/ or control characters.")
        }
        let assignment = PolicyAssignment(name: assignmentName, effect: canonical,
                                          scope: world.account.subscriptionPath, createdAt: now)
        world.policyAssignments.removeAll { $0.resourceName == ResourceName(assignmentName) }
        world.policyAssignments.append(assignment)
        return assignment
    }

    public func unassignPolicy(name: String) throws {
        let name = ResourceName(name)
        guard world.policyAssignments.contains(where: { $0.resourceName == name }) else {
            throw CMKError(.notFound, code: .policyAssignmentNotFound,
                           "The policy assignment '\(name)' is not found.", hint: "acrcmk policy list")
        }
        world.policyAssignments.removeAll { $0.resourceName == name }
    }

    /// Evaluates the built-in definition over every registry, in name order.
    ///
    /// The definition checks configuration (`encryption.status`), not key reachability: a CMK registry whose key is
    /// revoked is still compliant, and the reason says so, since check-health is what reports that.
    public func evaluateCMKPolicy() -> [PolicyComplianceResult] {
        world.registries.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { registry in
            let id = registry.id(subscriptionId: world.account.subscriptionId)
            guard let encryption = registry.encryption else {
                var reason = "encryption.status is disabled: content is encrypted with a service-managed key only. "
                    + "CMK can only be chosen when a registry is created"
                reason += registry.sku == .premium
                    ? "; create a new registry with --identity and --key-encryption-key and move the content."
                    : " and needs the Premium SKU (this one is \(registry.sku.rawValue)); create a new Premium "
                        + "registry with --identity and --key-encryption-key and move the content."
                return PolicyComplianceResult(registry: registry.name, resourceGroup: registry.resourceGroup,
                                              resourceID: id, compliant: false, reason: reason)
            }
            return PolicyComplianceResult(registry: registry.name, resourceGroup: registry.resourceGroup,
                                          resourceID: id, compliant: true,
                                          reason: "encryption.status is enabled with key \(encryption.keyIdentifier).")
        }
    }
}
