/// The whole command tree: acrcmk's own commands and the `az` surface.
enum CommandTree {
    static func root() -> CommandSpec {
        CommandExamples.fill(rootDeclarations())
    }

    private static func rootDeclarations() -> CommandSpec {
        CommandSpec(
            CommandLineTool.program,
            abstract: "Rehearse Azure Container Registry encryption with customer-managed keys, for real.",
            discussion: """
            acrcmk simulates registries, managed identities, Key Vaults and RSA keys, and seals registry
            content with AES-256 data keys wrapped by RSA key-encryption keys. State lives in the state home
            (--home, $ACRCMK_HOME, or ~/.acrcmk).
            """,
            subcommands: [
                LifecycleCommands.setup,
                LifecycleCommands.rotate,
                LifecycleCommands.revoke,
                LifecycleCommands.recover,
                LifecycleCommands.checkHealth,
                LifecycleCommands.status,
                DrillCommand.spec,
            ] + ContentCommands.specs + [
                ServeCommand.spec,
                VaultCommand.spec,
                ClockCommand.spec,
                AuditCommand.spec,
                AlertCommand.spec,
                PolicyCommand.spec,
                TaskCommand.spec,
                ConfigCommand.spec,
                QueryCommand.spec,
                ShellCompletion.completionSpec,
                ShellCompletion.manSpec,
                AzCommands.spec,
            ]
        )
    }
}
