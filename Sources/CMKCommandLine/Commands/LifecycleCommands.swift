import CMKCore
import Foundation
import JMESPath

/// The lifecycle commands the tool is named for: setup, rotate, revoke, recover, check-health, status.
enum LifecycleCommands {
    static let registry = Option<String>("registry", short: "r", valueName: "name", help: "The registry.")

    static func json(_ steps: [SetupStep]) -> JSONValue {
        .array(
            steps.map {
                [
                    "step": .number(Double($0.step)), "title": .string($0.title),
                    "outcome": .string($0.outcome.rawValue),
                    "detail": .string($0.detail),
                ]
            })
    }

    // MARK: - setup

    /// The options of `setup`.
    enum Setup {
        static let registry = Option<String>(
            "registry", short: "r", valueName: "name", help: "Registry name (5-50 lowercase letters and digits).")
        static let resourceGroup = Option<String?>(
            "resource-group", short: "g", valueName: "name", help: "Resource group (default: <registry>-rg).")
        static let location = Option<String?>(
            "location", short: "l", help: "Location for new resources (default: eastus).")
        static let identity = Option<String?>(
            "identity", valueName: "name", help: "User-assigned identity name (default: <registry>-identity).")
        static let vault = Option<String?>("vault", valueName: "name", help: "Key Vault name (default: kv-<registry>).")
        static let key = Option<String?>("key", valueName: "name", help: "Key name (default: <registry>-cmk).")
        static let keySize = Option<Int?>(
            "key-size", valueName: "bits", help: "RSA key size.", allowedValues: ["2048", "3072", "4096"])
        static let hsm = Option<Bool>(flag: "hsm", help: "Use an RSA-HSM key (makes the vault premium).")
        static let access = Option<SetupRequest.Access?>(
            "access", help: "How the identity gets key access (default: rbac).")
        static let rotation = Option<SetupRequest.Rotation?>(
            "rotation", help: "auto: versionless key id + rotation policy; manual: versioned key id (default: auto).")
        static let firewall = Option<Bool>(
            flag: "firewall", help: "Put the vault behind a firewall (Deny) with the trusted-services bypass.")
        static let dryRun = Option<Bool>(flag: "dry-run", help: "Print the equivalent az runbook and change nothing.")
    }

    static var setup: CommandSpec {
        CommandSpec(
            "setup",
            abstract: "Create a CMK-encrypted Premium registry end to end (the Azure CLI method); safe to re-run.",
            discussion:
                "Creates what is missing: resource group, user-assigned identity, Key Vault with purge protection, "
                + "access for the identity (RBAC role or access policy), an RSA key, and the registry with its data key "
                + "wrapped by the key; then verifies encryption. --dry-run prints the az runbook instead.",
            options: [
                Setup.registry, Setup.resourceGroup, Setup.location, Setup.identity, Setup.vault, Setup.key,
                Setup.keySize, Setup.hsm, Setup.access, Setup.rotation, Setup.firewall, Setup.dryRun,
            ],
            examples: [
                "acrcmk setup --registry myregistry",
                "acrcmk setup --registry myregistry --access policy --rotation manual --dry-run",
            ],
            handler: { context in
                var request = SetupRequest(registry: context[Setup.registry])
                if let value = context[Setup.resourceGroup] { request.resourceGroup = value }
                if let value = context[Setup.location] { request.location = value }
                if let value = context[Setup.identity] { request.identity = value }
                if let value = context[Setup.vault] { request.vault = value }
                if let value = context[Setup.key] { request.key = value }
                if let value = context[Setup.keySize] { request.keySize = value }
                request.hsm = context[Setup.hsm]
                if let value = context[Setup.access] { request.access = value }
                if let value = context[Setup.rotation] { request.rotation = value }
                request.firewall = context[Setup.firewall]
                if context[Setup.dryRun] {
                    try request.validate()
                    let script = SetupRunbook.script(for: request)
                    return CommandOutput(
                        value: .array(script.split(separator: "\n").map { .string(String($0)) }), text: script)
                }
                return try context.perform { session in
                    let steps = try session.setup(request)
                    let changed = steps.filter { $0.outcome == .created || $0.outcome == .changed }.count
                    var lines = steps.map { "\($0.step). \($0.title): \($0.outcome.rawValue) — \($0.detail)" }
                    lines.append(
                        changed == 0
                            ? "Nothing to change: \(request.registry) was already set up as asked."
                            : "Done: \(plural(changed, "step", "steps")) changed state. Check it any time with: acrcmk check-health --registry \(request.registry)"
                    )
                    let encryption = AzPresenter(world: session.world).encryption(
                        try session.requireRegistry(request.registry))
                    lines.append("az acr encryption show --name \(request.registry):")
                    lines.append(encryption.serialized())
                    return CommandOutput(
                        value: [
                            "registry": .string(request.registry), "changed": .number(Double(changed)),
                            "steps": json(steps), "encryption": encryption,
                        ],
                        text: lines.joined(separator: "\n"))
                }
            })
    }

    // MARK: - rotate

    /// The options of `rotate`.
    enum Rotate {
        static let newVersion = Option<Bool>(
            flag: "new-version", help: "Create a new version of the current key, then move the registry to it.")
        static let keyID = Option<String?>(
            "key-id", valueName: "url", help: "Move to this key (versionless = automatic rotation).")
        static let identity = Option<String?>(
            "identity", help: "Switch the encryption identity (name, resource id, client id or [system]).")
        static let auto = Option<Bool>(flag: "auto", help: "Use the versionless key id (automatic rotation).")
        static let manual = Option<Bool>(flag: "manual", help: "Pin the current version (manual rotation).")
    }

    static var rotate: CommandSpec {
        CommandSpec(
            "rotate",
            abstract: "Rotate a registry's key: new key version, another key, another identity, or auto/manual.",
            discussion:
                "Re-wraps the registry's data key; content is not re-encrypted, so the cost does not depend on how "
                + "much the registry holds. Prints the old and new versioned key ids and proves the data key still unwraps.",
            options: [registry, Rotate.newVersion, Rotate.keyID, Rotate.identity, Rotate.auto, Rotate.manual],
            examples: [
                "acrcmk rotate --registry myregistry --new-version", "acrcmk rotate --registry myregistry --manual",
            ],
            handler: { context in
                if context[Rotate.auto], context[Rotate.manual] {
                    throw CommandFailure("--auto and --manual contradict each other; pass one.", category: .usage)
                }
                let request = RotationRequest(
                    registry: context[registry], newVersion: context[Rotate.newVersion],
                    keyIdentifier: context[Rotate.keyID], identity: context[Rotate.identity],
                    mode: context[Rotate.auto] ? .automatic : context[Rotate.manual] ? .manual : .unchanged)
                let outcome = try context.perform { try $0.rotate(request) }
                return rotationOutput(outcome)
            })
    }

    /// What `rotate` prints: the actions, old and new key, rotation mode, identity and the proof.
    private static func rotationOutput(_ outcome: RotationOutcome) -> CommandOutput {
        let new = outcome.encryption
        let lines = outcome.actions.map { "ran: \($0)" } + [
            "old key: \(outcome.before.versionedKeyIdentifier)",
            "new key: \(new.versionedKeyIdentifier)",
            "rotation: \(new.keyRotationEnabled ? "automatic (versionless key id)" : "manual (versioned key id)")",
            "identity: \(new.identity)",
            outcome.dataKeyUnwraps
                ? "proof: the data key unwraps with the new key; content was not re-encrypted."
                : "WARNING: the data key does not unwrap after rotation.",
        ]
        return CommandOutput(
            value: [
                "registry": .string(outcome.after.name),
                "oldVersionedKeyIdentifier": .string(outcome.before.versionedKeyIdentifier),
                "newVersionedKeyIdentifier": .string(new.versionedKeyIdentifier),
                "keyIdentifier": .string(new.keyIdentifier),
                "keyRotationEnabled": .bool(new.keyRotationEnabled),
                "identity": .string(new.identity), "dataKeyUnwraps": .bool(outcome.dataKeyUnwraps),
                "actions": .array(outcome.actions.map(JSONValue.string)),
            ], text: lines.joined(separator: "\n"), exitCode: outcome.dataKeyUnwraps ? 0 : 1)
    }

    // MARK: - revoke and recover

    /// The options of `revoke`.
    enum Revoke {
        static let method = Option<RevocationMethod>("method", short: "m", help: "How to revoke.")
        static let reason = Option<String?>("reason", help: "Why (kept in the revocation record and drill reports).")
        static let yes = Option<Bool>(
            flag: "yes", short: "y", help: "Do not ask for confirmation of irreversible methods.")
    }

    static var revoke: CommandSpec {
        CommandSpec(
            "revoke", abstract: "Revoke a registry's access to its key by one of the documented revocation methods.",
            discussion:
                "Push, pull and listing fail from then on because the data key cannot be unwrapped. purge-key is "
                + "irreversible: it needs --yes or a typed confirmation, and Key Vault refuses it under purge protection.",
            options: [registry, Revoke.method, Revoke.reason, Revoke.yes],
            examples: ["acrcmk revoke --registry myregistry --method access-policy --reason 'suspected breach'"],
            handler: { context in
                let name = context[registry]
                let method = context[Revoke.method]
                if method.isIrreversible, !context[Revoke.yes] {
                    guard context.io.inputIsTerminal else {
                        throw CommandFailure(
                            "--method \(method.rawValue) is irreversible: it will \(method.summary). Pass "
                                + "--yes to confirm.", category: .usage)
                    }
                    context.io.writeError("This will \(method.summary).\nType the registry name to confirm: ")
                    guard context.io.readLine() == name else {
                        throw CommandFailure("Not confirmed; nothing was changed.")
                    }
                }
                return try context.perform { session in
                    let outcome = try session.revoke(
                        registry: name, method: method, reason: context[Revoke.reason])
                    let lines = revocationLines(outcome, registry: name)
                    return CommandOutput(
                        value: [
                            "registry": .string(name), "method": .string(method.rawValue),
                            "reason": JSONValue(outcome.record.reason),
                            "performedBy": .string(outcome.record.performedBy),
                            "performedAt": .string(Timestamp.azString(outcome.record.performedAt)),
                            "actions": .array(outcome.actions.map(JSONValue.string)),
                            "locked": .bool(outcome.denial != nil), "denial": JSONValue(outcome.denial?.code.rawValue),
                            "recoverable": .bool(outcome.isRecoverable),
                        ], text: lines.joined(separator: "\n"), exitCode: outcome.denial == nil ? 1 : 0)
                }
            })
    }

    static let newIdentity = Option<String?>(
        "new-identity", valueName: "name",
        help: "Encrypt with this user-assigned identity from now on (created if missing); for a deleted identity.")

    static var recover: CommandSpec {
        CommandSpec(
            "recover", abstract: "Find what blocks a registry's key and apply the documented recovery procedure.",
            discussion: "With --new-identity NAME the registry moves to that user-assigned identity (in its resource "
                + "group): created if missing, assigned, granted the key, and the registry rotated to it. This is "
                + "the way out after the registry's identity was deleted, which no restore can undo.",
            options: [registry, newIdentity],
            examples: ["acrcmk recover --registry myregistry",
                       "acrcmk recover --registry myregistry --new-identity myregistry-identity2"],
            handler: { context in
                let name = context[registry]
                return try context.perform { session in
                    let outcome = try session.recover(registry: name, newIdentity: context[newIdentity])
                    let lines = recoveryLines(outcome, registry: name)
                    return CommandOutput(
                        value: [
                            "registry": .string(name), "recovered": .bool(outcome.recovered),
                            "actions": .array(outcome.actions.map(JSONValue.string)),
                            "impossible": JSONValue(outcome.impossible),
                            "recommendation": JSONValue(outcome.recommendation),
                        ], text: lines.joined(separator: "\n"), exitCode: outcome.recovered ? 0 : 1)
                }
            })
    }

    /// What `revoke` reports: the actions run, whether the registry is locked, and how to recover.
    static func revocationLines(_ outcome: RevocationOutcome, registry: String) -> [String] {
        var lines = outcome.actions.map { "ran: \($0)" }
        if let denial = outcome.denial {
            lines.append("locked: the registry's data key no longer unwraps (\(denial.code.rawValue)): "
                         + denial.message)
        } else {
            lines.append("WARNING: the data key still unwraps; the registry is not locked by this method.")
        }
        if outcome.isRecoverable {
            lines.append("Recover with: acrcmk recover --registry \(registry)")
        } else {
            lines.append("Recovery is impossible: the key is purged and the data it wrapped is lost for good. "
                         + "Create a new registry with a new key (decision matrix: key compromise).")
        }
        return lines
    }

    /// What `recover` reports: the actions run and the conclusion.
    static func recoveryLines(_ outcome: RecoveryOutcome, registry: String) -> [String] {
        var lines = outcome.actions.map { "ran: \($0)" }
        if outcome.recovered {
            lines.append(
                outcome.actions.isEmpty
                    ? "Nothing blocks \(registry): its data key unwraps."
                    : "Recovered: the data key unwraps again; push and pull work.")
        } else {
            lines.append("Recovery is not possible: \(outcome.impossible ?? "unknown cause")")
            if let recommendation = outcome.recommendation {
                lines.append("Recommended: \(recommendation)")
            }
        }
        return lines
    }

    // MARK: - check-health and status

    /// One finding as `check-health` prints it: `[ERROR] check: code — cause`.
    static func findingLine(_ finding: HealthFinding) -> String {
        "[\(finding.severity.rawValue.uppercased())] \(finding.check): \(finding.code) — \(finding.cause)"
    }

    static func json(_ report: HealthReport) -> JSONValue {
        [
            "registry": .string(report.registry), "cmk": .bool(report.cmk), "verdict": .string(report.verdict),
            "dataKeyUnwraps": JSONValue(report.unwrapSucceeded),
            "findings": .array(
                report.findings.map { finding in
                    [
                        "check": .string(finding.check), "code": .string(finding.code.rawValue),
                        "severity": .string(finding.severity.rawValue),
                        "cause": .string(finding.cause), "fix": JSONValue(finding.fix),
                    ]
                }),
        ]
    }

    /// The severity at which `check-health` fails.
    enum FailOn: String, CaseIterable, ExpressibleByArgument {
        case error, warning

        var severity: HealthFinding.Severity {
            switch self {
            case .error: .error
            case .warning: .warning
            }
        }
    }

    static let failOn = Option<FailOn?>("fail-on", help: "The lowest severity that fails the check (default: error).")

    static var checkHealth: CommandSpec {
        CommandSpec(
            "check-health",
            abstract: "Check a registry's encryption end to end, including a real unwrap of its data key.",
            discussion: "Exit 0 when healthy, 1 on errors (or on warnings with --fail-on warning).",
            options: [registry, failOn],
            handler: { context in
                let name = context[registry]
                let threshold = (context[Self.failOn] ?? .error).severity
                return try context.perform { session in
                    let report = try session.checkHealth(registryName: name)
                    var lines = ["\(report.registry): \(report.verdict)"]
                    for finding in report.findings {
                        lines.append("  " + findingLine(finding))
                        if let fix = finding.fix, finding.severity != .info { lines.append("      fix: \(fix)") }
                    }
                    let failed = (report.worst ?? .info) >= threshold
                    return CommandOutput(
                        value: json(report), text: lines.joined(separator: "\n"), exitCode: failed ? 1 : 0)
                }
            })
    }

    static var status: CommandSpec {
        CommandSpec(
            "status",
            abstract: "Show every registry: SKU, encryption, key, rotation, identity, last rotation, health, content.",
            discussion: "Content counts come from the index without decrypting it, so they show even while a key is "
                + "revoked (registry metrics keep working, as in Azure).",
            handler: { context in
                statusOutput(try context.registryContent().status())
            })
    }

    /// What `status` prints: a row per registry (JSON) and an aligned table (text).
    private static func statusOutput(_ statuses: [RegistryStatus]) -> CommandOutput {
        var lines: [[String]] = [
            ["REGISTRY", "SKU", "ENCRYPTION", "ROTATION", "IDENTITY", "LAST ROTATION", "HEALTH", "REPLICAS", "CONTENT",
             "KEY (VERSIONED)"]
        ]
        let rows: [JSONValue] = statuses.map { status in
            let registry = status.registry, encryption = registry.encryption, counts = status.counts
            let replicas = registry.replications.map { $0.location + (status.replicasBlocked ? " (blocked)" : "") }
            lines.append([
                registry.name, registry.sku.rawValue, encryption == nil ? "disabled" : "enabled",
                status.rotation ?? "-", status.identityName ?? "-",
                encryption.map { Timestamp.azString($0.lastKeyRotationTimestamp).prefix(19) + "Z" } ?? "-",
                status.health.verdict, replicas.isEmpty ? "-" : replicas.joined(separator: ","),
                plural(counts.repositories, "repository", "repositories") + ", " + plural(counts.tags, "tag", "tags"),
                encryption?.versionedKeyIdentifier ?? "-",
            ])
            return [
                "name": .string(registry.name), "resourceGroup": .string(registry.resourceGroup),
                "sku": .string(registry.sku.rawValue),
                "encryption": encryption == nil ? "disabled" : "enabled",
                "versionedKeyIdentifier": JSONValue(encryption?.versionedKeyIdentifier),
                "keyIdentifier": JSONValue(encryption?.keyIdentifier), "rotation": .string(status.rotation ?? "-"),
                "identity": JSONValue(encryption?.identity), "identityName": JSONValue(status.identityName),
                "lastKeyRotationTimestamp": JSONValue(encryption.map { Timestamp.azString($0.lastKeyRotationTimestamp) }),
                "health": .string(status.health.verdict),
                "content": [
                    "repositories": .number(Double(counts.repositories)),
                    "manifests": .number(Double(counts.manifests)), "tags": .number(Double(counts.tags)),
                    "blobs": .number(Double(counts.blobs)),
                ],
                "replicas": .array(registry.replications.map { replica in
                    ["location": .string(replica.location),
                     "status": .string(status.replicasBlocked ? "Syncing blocked" : "Ready")]
                }),
            ]
        }
        let text = rows.isEmpty
            ? "No registries yet. Create one with: acrcmk setup --registry <name>" : TextTable.render(lines)
        return CommandOutput(value: .array(rows), text: text)
    }
}

/// "1 repository", "2 repositories", "0 tags": a count with its noun in the right number.
func plural(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}

/// A plain aligned text table for people.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
