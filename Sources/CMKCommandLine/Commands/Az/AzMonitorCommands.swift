import CMKCore
import Foundation
import JSON

/// `az monitor diagnostic-settings`: what turns on retained audit logs for a Key Vault (Microsoft's revocation guide).
enum AzMonitorCommands {
    static var spec: CommandSpec {
        CommandSpec("monitor", abstract: "Manage the Azure Monitor Service.", dialect: .az, subcommands: [
            CommandSpec("diagnostic-settings", abstract: "Manage service diagnostic settings.",
                        discussion: "A Key Vault's audit events are retained (and shown by `acrcmk audit`) only "
                            + "from the time a setting sends its AuditEvent category somewhere.", dialect: .az,
                        subcommands: [create, list, show, delete]),
        ])
    }

    private static let resource = Option<String>(
        "resource", valueName: "resource", help: "Name or ID of the target resource.")
    private static let settingName = AzOptions.name("The name of the diagnostic setting.")
    /// Accepted for az compatibility: the simulation finds the resource from its id or name alone.
    private static let locators: [any CommandOption] = [
        AzOptions.resourceGroup,
        Option<String?>(
            "resource-type", valueName: "type", help: "Target resource type, e.g. Microsoft.KeyVault/vaults."),
        Option<String?>("resource-namespace", valueName: "namespace", help: "Target resource provider namespace."),
    ]

    /// The options of `az monitor diagnostic-settings create`.
    private enum Create {
        static let logs = Option<[DiagnosticCategorySetting]?>(
            "logs", valueName: "logs",
            help: "JSON encoded list of logs settings: '[{\"category\": \"AuditEvent\", "
                + "\"enabled\": true, \"retentionPolicy\": {\"enabled\": true, \"days\": 90}}]'.",
            transform: categories)
        static let metrics = Option<[DiagnosticCategorySetting]?>(
            "metrics", valueName: "metrics",
            help: "JSON encoded list of metric settings: '[{\"category\": \"AllMetrics\", \"enabled\": true}]'.",
            transform: categories)
        static let workspace = Option<String?>(
            "workspace", valueName: "workspace", help: "Name or ID of the Log Analytics workspace.")
        static let storageAccount = Option<String?>(
            "storage-account", valueName: "account", help: "Name or ID of the storage account.")
        static let eventHub = Option<String?>("event-hub", valueName: "hub", help: "Name or ID of the event hub.")
        static let eventHubRule = Option<String?>(
            "event-hub-rule", valueName: "rule", help: "Resource ID of the event hub rule.")
    }

    static var create: CommandSpec {
        CommandSpec("create", abstract: "Create diagnostic settings for the specified resource.", dialect: .az,
                    options: [settingName, resource] + locators + [
                        Create.logs, Create.metrics, Create.workspace, Create.storageAccount, Create.eventHub,
                        Create.eventHubRule,
                    ],
                    examples: ["az monitor diagnostic-settings create --name SecurityAudit --resource <key-vault-id> "
                        + "--logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]' --workspace <workspace-id>"],
                    handler: { context in
                        var request = DiagnosticSettingRequest(name: context[settingName],
                                                               resource: context[resource])
                        request.logs = context[Create.logs] ?? []
                        request.metrics = context[Create.metrics] ?? []
                        request.workspace = context[Create.workspace]
                        request.storageAccount = context[Create.storageAccount]
                        request.eventHub = context[Create.eventHub] ?? context[Create.eventHubRule]
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
                            let settings = try session.listDiagnosticSettings(resource: context[resource])
                            return CommandOutput(.array(settings.map { present($0, world: session.world) }))
                        }
                    })
    }

    static var show: CommandSpec {
        CommandSpec("show", abstract: "Get the diagnostic setting for the specified resource.", dialect: .az,
                    options: [settingName, resource] + locators,
                    handler: { context in
                        try context.perform { session in
                            CommandOutput(present(try session.showDiagnosticSetting(
                                name: context[settingName], resource: context[resource]),
                                                  world: session.world))
                        }
                    })
    }

    static var delete: CommandSpec {
        CommandSpec("delete", abstract: "Delete the diagnostic setting of the specified resource.", dialect: .az,
                    options: [settingName, resource] + locators,
                    handler: { context in
                        try context.perform { session in
                            try session.deleteDiagnosticSetting(name: context[settingName],
                                                                resource: context[resource])
                        }
                        return .empty
                    })
    }

    /// Parses a `--logs` / `--metrics` value: a JSON list of `{category|categoryGroup, enabled, retentionPolicy}`.
    ///
    /// - Throws: `ValueConversionError` in argparse's `ArgumentTypeError` form ("argument --logs: invalid JSON: …").
    @Sendable static func categories(_ text: String) throws(ValueConversionError) -> [DiagnosticCategorySetting] {
        let example = "[{\"category\": \"AuditEvent\", \"enabled\": true}]"
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw .refused("invalid JSON: \(error). Expected e.g. '\(example)'.")
        }
        let entries: [JSONValue]
        if let array = value.arrayValue {
            entries = array
        } else if value.objectValue != nil {
            entries = [value]
        } else {
            throw .refused("expected a JSON list such as '\(example)'.")
        }
        var settings: [DiagnosticCategorySetting] = []
        for entry in entries {
            guard let object = entry.objectValue else {
                throw .refused("each entry must be an object such as '\(example)'.")
            }
            let retention = object["retentionPolicy"]?.objectValue
            var days: Int?
            if retention?["enabled"] == .bool(true), case .number(let number)? = retention?["days"] {
                days = Int(number)
            }
            settings.append(
                DiagnosticCategorySetting(
                    category: object["category"]?.stringValue, categoryGroup: object["categoryGroup"]?.stringValue,
                    enabled: object["enabled"] != .bool(false), retentionDays: days))
        }
        return settings
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
