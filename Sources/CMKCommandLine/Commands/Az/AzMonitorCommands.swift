import CMKCore
import Foundation
import JSON

/// `az monitor diagnostic-settings`: what turns on retained audit logs for a Key Vault (seed 000).
enum AzMonitorCommands {
    static var spec: CommandSpec {
        CommandSpec("monitor", abstract: "Manage the Azure Monitor Service.", dialect: .az, subcommands: [
            CommandSpec("diagnostic-settings", abstract: "Manage service diagnostic settings.",
                        discussion: "A Key Vault's audit events are retained (and shown by `acrcmk audit`) only "
                            + "from the time a setting sends its AuditEvent category somewhere.", dialect: .az,
                        subcommands: [create, list, show, delete]),
        ])
    }

    private static let resource = OptionSpec("resource", valueName: "resource",
                                             help: "Name or ID of the target resource.", required: true)
    /// Accepted for az compatibility: the simulation finds the resource from its id or name alone.
    private static let locators: [OptionSpec] = [
        AzOptions.resourceGroup,
        OptionSpec("resource-type", valueName: "type", help: "Target resource type, e.g. Microsoft.KeyVault/vaults."),
        OptionSpec("resource-namespace", valueName: "namespace", help: "Target resource provider namespace."),
    ]

    static var create: CommandSpec {
        CommandSpec("create", abstract: "Create diagnostic settings for the specified resource.", dialect: .az,
                    options: [AzOptions.name("The name of the diagnostic setting."), resource] + locators + [
                        OptionSpec("logs", valueName: "logs",
                                   help: "JSON encoded list of logs settings: '[{\"category\": \"AuditEvent\", "
                                       + "\"enabled\": true, \"retentionPolicy\": {\"enabled\": true, "
                                       + "\"days\": 90}}]'."),
                        OptionSpec("metrics", valueName: "metrics",
                                   help: "JSON encoded list of metric settings: '[{\"category\": \"AllMetrics\", "
                                       + "\"enabled\": true}]'."),
                        OptionSpec("workspace", valueName: "workspace",
                                   help: "Name or ID of the Log Analytics workspace."),
                        OptionSpec("storage-account", valueName: "account", help: "Name or ID of the storage account."),
                        OptionSpec("event-hub", valueName: "hub", help: "Name or ID of the event hub."),
                        OptionSpec("event-hub-rule", valueName: "rule", help: "Resource ID of the event hub rule."),
                    ],
                    examples: ["az monitor diagnostic-settings create --name SecurityAudit --resource <key-vault-id> "
                        + "--logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]' --workspace <workspace-id>"],
                    handler: { context in
                        var request = DiagnosticSettingRequest(name: context.required("name"),
                                                               resource: context.required("resource"))
                        request.logs = try categories(context, "logs")
                        request.metrics = try categories(context, "metrics")
                        request.workspace = context.arguments.string("workspace")
                        request.storageAccount = context.arguments.string("storage-account")
                        request.eventHub = context.arguments.string("event-hub")
                            ?? context.arguments.string("event-hub-rule")
                        return try context.perform { session in
                            let setting = try session.createDiagnosticSetting(request)
                            return CommandOutput(present(setting, world: session.world))
                        }
                    })
    }

    static var list: CommandSpec {
        CommandSpec("list", abstract: "Get the list of diagnostic settings for the specified resource.", dialect: .az,
                    options: [resource] + locators,
                    handler: { context in
                        try context.perform { session in
                            let settings = try session.listDiagnosticSettings(resource: context.required("resource"))
                            return CommandOutput(.array(settings.map { present($0, world: session.world) }))
                        }
                    })
    }

    static var show: CommandSpec {
        CommandSpec("show", abstract: "Get the diagnostic setting for the specified resource.", dialect: .az,
                    options: [AzOptions.name("The name of the diagnostic setting."), resource] + locators,
                    handler: { context in
                        try context.perform { session in
                            CommandOutput(present(try session.showDiagnosticSetting(
                                name: context.required("name"), resource: context.required("resource")),
                                                  world: session.world))
                        }
                    })
    }

    static var delete: CommandSpec {
        CommandSpec("delete", abstract: "Delete the diagnostic setting of the specified resource.", dialect: .az,
                    options: [AzOptions.name("The name of the diagnostic setting."), resource] + locators,
                    handler: { context in
                        try context.perform { session in
                            try session.deleteDiagnosticSetting(name: context.required("name"),
                                                                resource: context.required("resource"))
                        }
                        return .empty
                    })
    }

    /// Parses `--logs` / `--metrics`: a JSON list of `{category|categoryGroup, enabled, retentionPolicy}`.
    static func categories(_ context: CommandContext, _ option: String) throws -> [DiagnosticCategorySetting] {
        guard let text = context.arguments.string(option) else { return [] }
        let example = "[{\"category\": \"AuditEvent\", \"enabled\": true}]"
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw CommandFailure("argument --\(option): invalid JSON: \(error). Expected e.g. '\(example)'.",
                                 category: .usage)
        }
        let entries: [JSONValue]
        if let array = value.arrayValue {
            entries = array
        } else if value.objectValue != nil {
            entries = [value]
        } else {
            throw CommandFailure("argument --\(option): expected a JSON list such as '\(example)'.", category: .usage)
        }
        return try entries.map { entry in
            guard let object = entry.objectValue else {
                throw CommandFailure("argument --\(option): each entry must be an object such as '\(example)'.",
                                     category: .usage)
            }
            let retention = object["retentionPolicy"]?.objectValue
            var days: Int?
            if retention?["enabled"] == .bool(true), case .number(let number)? = retention?["days"] {
                days = Int(number)
            }
            return DiagnosticCategorySetting(
                category: object["category"]?.stringValue, categoryGroup: object["categoryGroup"]?.stringValue,
                enabled: object["enabled"] != .bool(false), retentionDays: days)
        }
    }

    /// A diagnostic setting as az prints it: flattened, with the group of the resource it watches (`null` for
    /// a resource outside any group).
    static func present(_ setting: DiagnosticSetting, world: World) -> JSONValue {
        let parts = setting.resourceID.split(separator: "/").map(String.init)
        let resourceGroup = parts.firstIndex { $0.lowercased() == "resourcegroups" }.map { parts[$0 + 1] }
        return AzPresenter.azResource(
            ResourceProjection(world: world).diagnosticSetting(setting), flattening: true,
            resourceGroup: JSONValue(resourceGroup))
    }
}
