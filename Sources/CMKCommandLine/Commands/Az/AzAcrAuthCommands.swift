import CMKCore
import JSON

/// `az acr login` and `az acr credential`: how clients of `acrcmk serve` get credentials.
enum AzAcrAuthCommands {
    static let exposeToken = Option<Bool>(
        flag: "expose-token", short: "t",
        help: "Print an access token instead of running 'docker login' (the token is a refresh token for user "
            + "00000000-0000-0000-0000-000000000000).")

    static var login: CommandSpec {
        CommandSpec(
            "login", abstract: "Log in to an Azure Container Registry through the Docker CLI.",
            discussion:
                "acrcmk runs no docker daemon: use --expose-token and pass the token to your client, as the "
                + "examples show. The token is valid for 3 hours (on the simulated clock).", dialect: .az,
            options: [AzAcrCommands.registryName, AzOptions.resourceGroup, exposeToken],
            examples: [
                "az acr login --name myregistry --expose-token",
                "TOKEN=$(acrcmk az acr login -n myregistry --expose-token --query accessToken -o tsv)",
                "podman login --tls-verify=false -u 00000000-0000-0000-0000-000000000000 -p $TOKEN 127.0.0.1:5000",
            ],
            handler: { context in
                guard context[exposeToken] else {
                    throw CommandFailure(
                        "acrcmk cannot run 'docker login' for you.",
                        hint: "Use: acrcmk az acr login --name \(context[AzAcrCommands.registryName]) --expose-token, "
                            + "then sign in with user 00000000-0000-0000-0000-000000000000 and the accessToken as "
                            + "the password (see docs/server.md).", category: .usage)
                }
                return try context.perform { session in
                    let (token, loginServer) = try session.issueRefreshToken(
                        forRegistry: context[AzAcrCommands.registryName])
                    context.warn("You can perform manual login using the provided access token below, for example: "
                                 + "'docker login loginServer -u 00000000-0000-0000-0000-000000000000 -p accessToken'")
                    return CommandOutput(["accessToken": .string(token), "loginServer": .string(loginServer)])
                }
            })
    }

    /// `--password-name` of `az acr credential renew`.
    enum PasswordName: String, CaseIterable, ExpressibleByArgument {
        case password, password2
    }

    static let passwordName = Option<PasswordName>("password-name", help: "The name of password to regenerate.")

    static var credential: CommandSpec {
        CommandSpec(
            "credential", abstract: "Manage login credentials for Azure Container Registries.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "show", abstract: "Get the login credentials for an Azure Container Registry.", dialect: .az,
                    options: [AzAcrCommands.registryName, AzOptions.resourceGroup],
                    examples: ["az acr credential show -n myregistry"],
                    handler: { context in
                        try context.perform { session in
                            CommandOutput(json(try session.adminCredentials(
                                registry: context[AzAcrCommands.registryName])))
                        }
                    }),
                CommandSpec(
                    "renew", abstract: "Regenerate login credentials for an Azure Container Registry.", dialect: .az,
                    options: [AzAcrCommands.registryName, AzOptions.resourceGroup, passwordName],
                    examples: ["az acr credential renew -n myregistry --password-name password2"],
                    handler: { context in
                        try context.perform { session in
                            CommandOutput(json(try session.renewAdminPassword(
                                registry: context[AzAcrCommands.registryName],
                                slot: context[passwordName] == .password ? 0 : 1)))
                        }
                    }),
            ])
    }

    /// az's shape: `{"passwords": [{"name": "password", "value": …}, …], "username": …}`.
    static func json(_ credentials: (username: String, passwords: [String])) -> JSONValue {
        [
            "passwords": .array(zip(["password", "password2"], credentials.passwords).map { name, value in
                ["name": .string(name), "value": .string(value)]
            }),
            "username": .string(credentials.username),
        ]
    }
}
