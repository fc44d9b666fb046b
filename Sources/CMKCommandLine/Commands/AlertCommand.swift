import CMKCore
import Foundation
import JSON

/// `acrcmk alert`: alerts on Key Vault audit events, so that a revocation by any path is noticed.
enum AlertCommand {
    static var spec: CommandSpec {
        CommandSpec("alert", abstract: "Create alerts on Key Vault audit events and see which fired.",
                    discussion: "An alert fires for every matching event of its vault from its creation on: "
                        + "UnwrapDenied matches KeyUnwrap calls that were refused; the other operations match "
                        + "successful calls of that name (KeyPurge includes purges when retention ends).",
                    subcommands: [create, list, fired, delete])
    }

    /// The options of `alert create`.
    enum Create {
        static let name = Option<String>("name", short: "n", valueName: "name", help: "The alert's name.")
        static let vault = Option<String>("vault", valueName: "name", help: "The Key Vault to watch.")
        static let operation = Option<String>(
            "operation", valueName: "operation", help: "The operation that fires the alert.",
            allowedValues: Session.alertOperations)
    }

    static var create: CommandSpec {
        CommandSpec("create", abstract: "Create an alert on one operation of a Key Vault.",
                    options: [Create.name, Create.vault, Create.operation],
                    examples: ["acrcmk alert create --name kv-access-changed --vault kv1cmk "
                        + "--operation VaultAccessPolicyChange"],
                    handler: { context in
                        try context.perform { session in
                            let rule = try session.createAlert(name: context[Create.name],
                                                               vaultName: context[Create.vault],
                                                               operation: context[Create.operation])
                            if !session.auditRetained(vaultName: rule.vaultName) {
                                context.warn("Key Vault '\(rule.vaultName)' has no diagnostic setting sending its "
                                    + "AuditEvent logs. In Azure a log alert reads those logs, so create one too: az "
                                    + "monitor diagnostic-settings create --name audit --resource "
                                    + "\(session.requireVaultID(rule.vaultName)) --logs '[{\"category\": "
                                    + "\"AuditEvent\", \"enabled\": true}]' --workspace <workspace-id>")
                            }
                            let text = "Alert '\(rule.name)' fires on \(rule.operation) in Key Vault "
                                + "'\(rule.vaultName)' from \(Timestamp.azString(rule.createdAt))."
                            return CommandOutput(value: json(rule, events: nil), text: text)
                        }
                    })
    }

    static var list: CommandSpec {
        CommandSpec("list", abstract: "List alerts and how often each fired.", handler: { context in
            try context.performWithAuditTrail(AuditFilter()) { session, events in
                let alerts = try session.evaluateAlerts(over: events)
                let rows: [JSONValue] = alerts.map { alert in
                    [
                        "Name": .string(alert.rule.name), "Vault": .string(alert.rule.vaultName),
                        "Operation": .string(alert.rule.operation),
                        "Created": .string(Timestamp.azString(alert.rule.createdAt)),
                        "Fired": .string(String(alert.events.count)),
                    ]
                }
                let text = alerts.isEmpty ? "No alerts. Create one with: acrcmk alert create --name <name> "
                    + "--vault <vault> --operation <operation>"
                    : OutputRenderer(format: .table, preserveKeyOrder: true).render(.array(rows))
                return CommandOutput(value: .array(alerts.map { json($0.rule, events: $0.events) }), text: text)
            }
        })
    }

    static let firedName = Option<String?>(
        "name", short: "n", valueName: "name", help: "Only this alert (shown even if it has not fired).")

    static var fired: CommandSpec {
        CommandSpec("fired", abstract: "Show the alerts that fired, with the events that triggered them.",
                    options: [firedName],
                    handler: { context in
                        let name = context[Self.firedName]
                        return try context.performWithAuditTrail(AuditFilter()) { session, events in
                            var alerts = try session.evaluateAlerts(over: events, name: name)
                            if name == nil { alerts = alerts.filter { !$0.events.isEmpty } }
                            var lines: [String] = []
                            for alert in alerts {
                                let rule = alert.rule
                                if alert.events.isEmpty {
                                    lines.append("Alert '\(rule.name)' (\(rule.operation) in \(rule.vaultName)) has "
                                        + "not fired since \(Timestamp.azString(rule.createdAt)).")
                                    continue
                                }
                                lines.append("Alert '\(rule.name)' (\(rule.operation) in \(rule.vaultName)) fired "
                                    + "\(plural(alert.events.count, "time", "times")):")
                                lines += alert.events.map { "  " + AuditCommand.line($0) }
                            }
                            if lines.isEmpty { lines = ["No alert has fired."] }
                            return CommandOutput(value: .array(alerts.map { json($0.rule, events: $0.events) }),
                                                 text: lines.joined(separator: "\n"))
                        }
                    })
    }

    static let deletedName = Option<String>("name", short: "n", valueName: "name", help: "The alert.")

    static var delete: CommandSpec {
        CommandSpec("delete", abstract: "Delete an alert.",
                    options: [deletedName],
                    handler: { context in
                        let name = context[Self.deletedName]
                        try context.perform { session in try session.deleteAlert(name: name) }
                        return CommandOutput(text: "Alert '\(name)' deleted.")
                    })
    }

    static func json(_ rule: AlertRule, events: [AuditEvent]?) -> JSONValue {
        var object: JSONObject = [
            "name": .string(rule.name), "vault": .string(rule.vaultName), "operation": .string(rule.operation),
            "createdAt": .string(Timestamp.azString(rule.createdAt)),
        ]
        if let events {
            object["fired"] = .bool(!events.isEmpty)
            object["count"] = .number(Double(events.count))
            object["events"] = .array(events.map(AuditCommand.json))
        }
        return .object(object)
    }
}

extension Session {
    /// A live vault's resource id, for hints.
    fileprivate func requireVaultID(_ name: String) -> String {
        world.vaults[key: ResourceName(name)]?
            .id(subscriptionId: world.account.subscriptionId) ?? "<vault-id>"
    }
}
