import CMKCore
import Foundation
import JSON

/// `acrcmk audit`: the retained Key Vault audit events, filtered.
enum AuditCommand {
    /// `--since`: a time, or a duration counted back from the simulated now (known once the state home is open).
    enum Since: ExpressibleByArgument {
        case time(Date)
        case ago(ISODuration)

        init(argument: String) throws(ValueConversionError) {
            if let date = Timestamp.parse(argument) {
                self = .time(date)
            } else if let duration = try? ISODuration(argument) {
                self = .ago(duration)
            } else {
                throw .invalid(
                    "time", reason: "Give a time such as 2027-01-01T00:00:00Z or a duration such as PT1H or P7D.")
            }
        }

        func date(now: Date) -> Date {
            switch self {
            case .time(let date): date
            case .ago(let duration): duration.subtracted(from: now)
            }
        }
    }

    /// `--result`: only denied or only successful calls.
    enum Outcome: String, CaseIterable, ExpressibleByArgument {
        case denied, ok
    }

    static let vault = Option<String?>("vault", valueName: "name", help: "Only events of this Key Vault.")
    static let registry = Option<String?>(
        "registry", short: "r", valueName: "name", help: "Only calls made on behalf of this registry.")
    static let operation = Option<String?>(
        "operation", valueName: "name", help: "Only this operation (KeyUnwrap, KeyDelete, ...).")
    static let since = Option<Since?>(
        "since", valueName: "time",
        help: "Only events at or after a time (2027-01-01T00:00:00Z) or a duration ago (PT1H, P7D).")
    static let result = Option<Outcome?>(
        "result", valueName: "result", help: "Only denied or only successful calls.")

    static var spec: CommandSpec {
        CommandSpec(
            "audit",
            abstract: "Show retained Key Vault audit events (who used or changed which key, allowed or denied).",
            discussion: """
            Key Vault records every call, but events are retained (and shown here) only while a diagnostic
            setting sends the vault's AuditEvent category somewhere, from the moment it was created:
              az monitor diagnostic-settings create --name audit --resource <vault-id> \\
                --logs '[{"category": "AuditEvent", "enabled": true}]' --workspace <workspace-id>
            Events from before that, or after the setting was deleted, are not shown.
            """,
            options: [vault, registry, operation, since, result],
            examples: ["acrcmk audit --vault kv1cmk --result denied",
                       "acrcmk audit --registry reg1cmk --since PT1H -o json"],
            handler: run)
    }

    private static func run(_ context: CommandContext) throws -> CommandOutput {
        let vault = context[Self.vault]
        let result = context[Self.result]
        let filter = AuditFilter(vaultName: vault, registry: context[Self.registry],
                                 operationName: context[Self.operation], deniedOnly: result == .denied)
        return try context.performWithAuditTrail(filter) { session, events in
            try session.requireAuditSubjects(vault: vault, registry: context[Self.registry], matched: events)
            let since = context[Self.since]?.date(now: session.now)
            var selected = events.filter { event in since.map { event.time >= $0 } ?? true }
            if result == .ok { selected = selected.filter(\.succeeded) }
            let retained = selected.filter(session.isRetained)
            warnAboutUnretained(selected.filter { !session.isRetained($0) }, askedVault: vault, session: session,
                                context: context)
            return CommandOutput(value: .array(retained.map(json)), text: text(retained))
        }
    }

    private static func warnAboutUnretained(_ hidden: [AuditEvent], askedVault: String?, session: Session,
                                            context: CommandContext) {
        var vaults = Dictionary(grouping: hidden, by: \.vaultName).mapValues(\.count)
        if let askedVault, vaults[askedVault.lowercased()] == nil, !session.auditRetained(vaultName: askedVault) {
            vaults[askedVault.lowercased()] = 0
        }
        for (name, count) in vaults.sorted(by: { $0.key < $1.key }) {
            let retainedNow = session.auditRetained(vaultName: name)
            var message = count == 0 ? "Key Vault '\(name)' has no diagnostic setting sending its AuditEvent logs: "
                + "its events are recorded but not retained, so none are shown."
                : "\(plural(count, "event", "events")) of Key Vault '\(name)' \(count == 1 ? "is" : "are") not shown: no diagnostic setting sent its AuditEvent "
                    + "logs at the time (or their retention passed)."
            if !retainedNow {
                let id = session.world.vaults[key: ResourceName(name)]?
                    .id(subscriptionId: session.world.account.subscriptionId) ?? "<vault-id>"
                message += " Enable retention with: az monitor diagnostic-settings create --name audit --resource "
                    + "\(id) --logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]' --workspace <workspace-id>"
            }
            context.warn(message)
        }
    }

    private static func text(_ events: [AuditEvent]) -> String {
        guard !events.isEmpty else { return "No retained audit events match." }
        let rows: [JSONValue] = events.map { event in
            [
                "Time": .string(Timestamp.azString(event.time)), "Vault": .string(event.vaultName),
                "Operation": .string(event.operationName), "Result": .string(event.resultSignature),
                "Caller": .string(event.caller), "Detail": .string(event.detail ?? ""),
            ]
        }
        return OutputRenderer(format: .table, preserveKeyOrder: true).render(.array(rows))
    }

    /// One audit event as a line of text, for alert reports.
    static func line(_ event: AuditEvent) -> String {
        var text = "\(Timestamp.azString(event.time))  \(event.operationName)  \(event.resultSignature)  "
            + event.caller
        if let keyId = event.keyId { text += "  \(keyId)" }
        if let detail = event.detail { text += "  (\(detail))" }
        return text
    }

    static func json(_ event: AuditEvent) -> JSONValue {
        [
            "time": .string(Timestamp.azString(event.time)), "vault": .string(event.vaultName),
            "operationName": .string(event.operationName), "resultSignature": .string(event.resultSignature),
            "caller": .string(event.caller), "callerObjectId": .string(event.callerObjectId),
            "registry": JSONValue(event.registry), "keyId": JSONValue(event.keyId), "detail": JSONValue(event.detail),
        ]
    }
}

extension CommandContext {
    /// Runs `body` in one transaction with the audit events the filter selects: those stored, plus those this
    /// command's session recorded (the scheduler may have run on the way in).
    func performWithAuditTrail<T>(_ filter: AuditFilter, _ body: (Session, [AuditEvent]) throws -> T) throws -> T {
        let store = try openStore()
        let stored = try store.auditEvents(filter)
        do {
            return try store.perform { session in
                try body(session, stored + session.auditEvents.filter(filter.matches))
            }
        } catch let error as CMKError {
            throw CommandFailure(error)
        }
    }
}
