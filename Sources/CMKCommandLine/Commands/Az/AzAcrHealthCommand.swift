import CMKCore
import Foundation
import JSON

/// `az acr check-health`: az's stderr report, with the CMK check made for real against the simulated vault.
enum AzAcrHealthCommand {
    static let name = Option<String?>("name", short: "n", help: "The name of the container registry.")
    static let ignoreErrors = Option<Bool>(
        flag: "ignore-errors", help: "Provide all health checks, even if errors are found.")
    static let vnet = Option<String?>("vnet", help: "Virtual network ID (private endpoint DNS check; not simulated).")
    static let repository = Option<String?>("repository", help: "Target repository namespace (not simulated).")

    static var spec: CommandSpec {
        CommandSpec(
            "check-health", abstract: "Gets health information on the environment and optionally a target registry.",
            discussion: "Docker and Helm checks are reported as skipped: the simulation has neither. The CMK check "
                + "resolves the encryption identity like az does, then also tries the registry's key for real.",
            dialect: .az,
            options: [name, ignoreErrors, AzOptions.yes, vnet, repository],
            examples: ["az acr check-health -n myregistry --yes"],
            handler: run)
    }

    static func utcnow(_ date: Date) -> String {
        Timestamp.azString(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "+00:00", with: "")
    }

    @Sendable static func run(_ context: CommandContext) throws -> CommandOutput {
        let ignoreErrors = context[Self.ignoreErrors]
        return try context.perform { session in
            var lines = [
                "Docker daemon status: skipped (not part of the acrcmk simulation)",
                "Azure CLI version: 2.91.0 (acrcmk \(context.services.version))",
            ]
            if let name = context[Self.name] {
                let registry = try session.requireRegistry(name)
                let server = registry.loginServer
                lines += [
                    "DNS lookup to \(server) at IP 127.0.0.1 : OK", "Challenge endpoint https://\(server)/v2/ : OK",
                    "Fetch refresh token for registry '\(server)' : OK",
                    "Fetch access token for registry '\(server)' : OK",
                ]
                if registry.isCMK {
                    let report = try session.checkHealth(registryName: registry.name)
                    if let denial = report.blockingDenial {
                        let message =
                            denial.code == .identityNotFound || denial.code == .identityNotAssigned
                            ? "The identity used for registry '\(registry.name)' encryption doesn't exist."
                            : "The registry '\(registry.name)' cannot use its encryption key (\(denial.code.rawValue)): "
                                + denial.message
                        lines.append("\(utcnow(session.now)) An error occurred: CMK_ERROR\n\(message)")
                        if !ignoreErrors {
                            lines.append("\nPlease refer to https://aka.ms/acr/errors#cmk_error for more information.")
                            context.io.writeError(lines.joined(separator: "\n") + "\n")
                            return CommandOutput(exitCode: 1)
                        }
                    }
                }
            }
            lines.append("Helm version: skipped (not part of the acrcmk simulation)")
            lines.append("\nPlease refer to https://aka.ms/acr/health-check for more information.")
            context.io.writeError(lines.joined(separator: "\n") + "\n")
            return CommandOutput(exitCode: 0)
        }
    }
}
