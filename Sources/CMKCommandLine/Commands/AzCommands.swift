/// `acrcmk az …`: the az commands of the seed runbooks, with az's flags, JSON shapes and errors.
enum AzCommands {
    static var spec: CommandSpec {
        AzCompatibility.extend(declarations)
    }

    private static var declarations: CommandSpec {
        CommandSpec(
            "az",
            abstract: "Run az commands against the simulated Azure: `az() { acrcmk az \"$@\"; }` replays a runbook.",
            discussion:
                "Flags, JSON output, error texts and exit codes follow az 2.91 (0 ok, 1 error, 2 usage, 3 not found).",
            dialect: .az,
            subcommands: [
                AzGroupCommands.account, AzGroupCommands.group, AzGroupCommands.identity, AzKeyVaultCommands.spec,
                AzRoleCommands.spec, AzAcrCommands.spec, AzMonitorCommands.spec,
                AzDeploymentCommands.spec, version,
            ]
        )
    }

    /// The az release whose commands, flags, output and errors acrcmk follows.
    static let azureCLIVersion = "2.91.0"

    /// `az version`: the versions as JSON, as az prints them (runbooks start with it).
    static var version: CommandSpec {
        CommandSpec(
            "version", abstract: "Show the versions of Azure CLI modules and extensions in JSON format by default "
                + "or format configured by --output.",
            discussion: "`az --version` prints the same as text, with the acrcmk release that simulates it.",
            dialect: .az,
            examples: ["az version", "az version --query '\"azure-cli\"' -o tsv"],
            handler: { _ in
                CommandOutput(value: [
                    "azure-cli": .string(azureCLIVersion), "azure-cli-core": .string(azureCLIVersion),
                    "azure-cli-telemetry": "1.1.0", "extensions": [:],
                ])
            })
    }

    /// `az --version`: az's text form, plus the acrcmk release that simulates it.
    static func versionText(acrcmk: String) -> String {
        func line(_ name: String, _ version: String) -> String {
            name.padding(toLength: 40 - version.count, withPad: " ", startingAt: 0) + version
        }
        return [line("azure-cli", azureCLIVersion), "", line("core", azureCLIVersion), line("telemetry", "1.1.0"), "",
                "Simulated by acrcmk \(acrcmk): the az commands listed in acrcmk's docs/commands.md.", ""]
            .joined(separator: "\n")
    }
}
