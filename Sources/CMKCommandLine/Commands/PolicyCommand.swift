import CMKCore
import Foundation
import JSON

/// `acrcmk policy`: Azure Policy's built-in "Container registries should be encrypted with a customer-managed key".
enum PolicyCommand {
    static var spec: CommandSpec {
        CommandSpec("policy",
                    abstract: "Audit registries against the built-in CMK policy, and assign it (audit or deny).",
                    discussion: "Policy: \"\(Session.cmkPolicyName)\" (\(Session.cmkPolicyDefinitionId)). Under a "
                        + "deny assignment, creating a registry without a customer-managed key fails with "
                        + "RequestDisallowedByPolicy.",
                    subcommands: [audit, assign, list, unassign])
    }

    static var audit: CommandSpec {
        CommandSpec("audit", abstract: "Evaluate the policy over every registry; exit 1 if any is non-compliant.",
                    examples: ["acrcmk policy audit -o json"],
                    handler: { context in
                        try context.perform { session in
                            let results = session.evaluateCMKPolicy()
                            let failing = results.filter { !$0.compliant }.count
                            let value: JSONValue = .array(results.map { result in
                                [
                                    "name": .string(result.registry), "resourceGroup": .string(result.resourceGroup),
                                    "id": .string(result.resourceID),
                                    "complianceState": .string(result.complianceState),
                                    "reason": .string(result.reason),
                                    "policyDefinitionId": .string(Session.cmkPolicyDefinitionId),
                                ]
                            })
                            var text: String
                            if results.isEmpty {
                                text = "No registries to evaluate: compliant."
                            } else {
                                let rows: [JSONValue] = results.map { result in
                                    ["Registry": .string(result.registry),
                                     "ResourceGroup": .string(result.resourceGroup),
                                     "Compliance": .string(result.complianceState), "Reason": .string(result.reason)]
                                }
                                text = OutputRenderer(format: .table, preserveKeyOrder: true).render(.array(rows))
                                let noun = results.count == 1 ? "registry is" : "registries are"
                                text += "\(failing) of \(results.count) \(noun) "
                                    + "non-compliant with \"\(Session.cmkPolicyName)\"."
                            }
                            return CommandOutput(value: value, text: text,
                                                 exitCode: failing == 0 ? ExitCode.success : ExitCode.failure)
                        }
                    })
    }

    /// The options of `policy assign`.
    enum Assign {
        static let effect = Option<String>(
            "effect", valueName: "effect",
            help: "Audit reports non-compliant registries; Deny also refuses to create them.",
            allowedValues: Session.policyEffects)
        static let name = Option<String?>(
            "name", short: "n", valueName: "name",
            help: "The assignment's name (default \(Session.defaultPolicyAssignmentName)).")
    }

    static var assign: CommandSpec {
        CommandSpec("assign", abstract: "Assign the policy to the subscription with an effect.",
                    options: [Assign.effect, Assign.name],
                    examples: ["acrcmk policy assign --effect deny"],
                    handler: { context in
                        try context.perform { session in
                            let assignment = try session.assignPolicy(name: context[Assign.name],
                                                                      effect: context[Assign.effect])
                            return CommandOutput(value: json(assignment, session: session),
                                                 text: "Assigned \"\(Session.cmkPolicyName)\" as '\(assignment.name)' "
                                                     + "with effect \(assignment.effect) at \(assignment.scope).")
                        }
                    })
    }

    static var list: CommandSpec {
        CommandSpec("list", abstract: "List the assignments of the policy.", handler: { context in
            try context.perform { session in
                let assignments = session.world.policyAssignments
                let text = assignments.isEmpty ? "The policy is not assigned: acrcmk policy assign --effect audit|deny"
                    : assignments.map { "\($0.name)  \($0.effect)  \($0.scope)" }.joined(separator: "\n")
                return CommandOutput(value: .array(assignments.map { json($0, session: session) }), text: text)
            }
        })
    }

    static let unassignedName = Option<String?>(
        "name", short: "n", valueName: "name",
        help: "The assignment (default \(Session.defaultPolicyAssignmentName)).")

    static var unassign: CommandSpec {
        CommandSpec("unassign", abstract: "Remove an assignment of the policy.",
                    options: [unassignedName],
                    handler: { context in
                        let name = context[Self.unassignedName] ?? Session.defaultPolicyAssignmentName
                        try context.perform { session in try session.unassignPolicy(name: name) }
                        return CommandOutput(text: "Removed the policy assignment '\(name)'.")
                    })
    }

    /// The shape `az policy assignment show` prints: the assignment, flattened.
    static func json(_ assignment: PolicyAssignment, session: Session) -> JSONValue {
        AzPresenter.azResource(
            ResourceProjection(world: session.world).policyAssignment(assignment), flattening: true,
            resourceGroup: nil)
    }
}
