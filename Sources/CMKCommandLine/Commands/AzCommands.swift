/// `acrcmk az …`: the az commands of the seed runbooks, with az's flags, JSON shapes and errors.
enum AzCommands {
    static var spec: CommandSpec {
        CommandSpec(
            "az",
            abstract: "Run az commands against the simulated Azure: `az() { acrcmk az \"$@\"; }` replays a runbook.",
            discussion:
                "Flags, JSON output, error texts and exit codes follow az 2.91 (0 ok, 1 error, 2 usage, 3 not found).",
            dialect: .az,
            subcommands: [
                AzGroupCommands.account, AzGroupCommands.group, AzGroupCommands.identity, AzKeyVaultCommands.spec,
                AzRoleCommands.spec, AzAcrCommands.spec, AzMonitorCommands.spec,
                AzDeploymentCommands.spec,
            ]
        )
    }
}
