import JSON

/// Azure Policy's built-in "Container registries should be encrypted with a customer-managed key".
extension Session {
    public static let cmkPolicyName = "Container registries should be encrypted with a customer-managed key"

    /// Under a `deny` assignment, creating a registry without CMK fails as Azure Policy fails it.
    func enforcePolicyAssignments(registryName: String, cmk: Bool) throws {
        guard !cmk, let assignment = world.policyAssignments.first(where: { $0.effect.lowercased() == "deny" }) else {
            return
        }
        let identifiers: JSONValue = [
            [
                "policyAssignment": ["name": .string(assignment.name)],
                "policyDefinition": ["name": .string(Self.cmkPolicyName)],
            ]
        ]
        throw CMKError.badRequest(
            .requestDisallowedByPolicy,
            "Resource '\(registryName)' was disallowed by policy. "
                + "Policy identifiers: '\(identifiers.serialized(.compact))'.",
            hint: "Create the registry with --sku Premium --identity <identity> --key-encryption-key <key-url>.")
    }
}
