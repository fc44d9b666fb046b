import CMKCore
import Foundation
import JSON

/// `acrcmk vault`: a registry home whose Key Vault is served by another acrcmk process.
enum VaultCommand {
    /// A vault process's address, checked by the parser (`https://host:port`, or `http://` on loopback).
    static func vaultURLOption(_ name: String, help: String) -> Option<String?> {
        Option<String?>(name, valueName: "url", help: help, transform: { text throws(ValueConversionError) in
            do {
                return try Session.validatedKeyVaultURL(text)
            } catch {
                throw ValueConversionError.refused((error as? CMKError)?.message ?? "\(error)")
            }
        })
    }

    static let destination = Option<String>(
        "to", valueName: "dir", help: "Where to make the registry home (a path where nothing is yet).")
    static let vaultURL = vaultURLOption(
        "vault-url", help: "Where this home's vault is served: https://<host>:<port> of acrcmk serve on this home.")
        .required()
    static let vaultCA = Option<String?>(
        "vault-ca", valueName: "file",
        help: "PEM CA certificate the registry home trusts for --vault-url (default: this home's serve-ca.pem, which "
            + "acrcmk serve --tls-self-signed rewrites at each start; none: the system's trust store).")

    static var spec: CommandSpec {
        CommandSpec(
            "vault", abstract: "Split a state home: a registry home that uses this home's vault over its REST API.",
            subcommands: [
                CommandSpec(
                    "detach",
                    abstract: "Make a registry home from this one that holds no Key Vault key material.",
                    discussion:
                        "Copies this state home to --to, then removes from the copy every vault and key (private keys "
                        + "included) and its control/vault.key, and sets its keyvault.url (and keyvault.ca-file). "
                        + "The registries of the copy then unwrap their keys through this home's vault, served by "
                        + "acrcmk serve at --vault-url, as their identities: stop that server and their push, pull "
                        + "and check-health fail with VaultUnreachable; start it again and they work. This home is "
                        + "not changed. See docs/server.md, \"A vault in its own process\".",
                    options: [destination, vaultURL, vaultCA],
                    examples: [
                        "acrcmk serve --port 8443 --tls-self-signed",
                        "acrcmk vault detach --to ~/registry-home --vault-url https://127.0.0.1:8443",
                        "acrcmk --home ~/registry-home pull myregistry app:1.0 ./app-layout",
                    ],
                    handler: { context in
                        guard let make = context.services.makeRegistryHome else {
                            throw CommandFailure("This build of acrcmk cannot make a registry home.")
                        }
                        let home = context.settings.home
                        let destination = URL(fileURLWithPath: context[Self.destination]).path
                        let url = context[Self.vaultURL]
                        var caFile = context[Self.vaultCA].map { URL(fileURLWithPath: $0).path }
                        let servedCA = URL(fileURLWithPath: home).appendingPathComponent("serve-ca.pem").path
                        if caFile == nil, url.hasPrefix("https://"), FileManager.default.fileExists(atPath: servedCA) {
                            caFile = servedCA
                        }
                        let removed: Session.DetachedVaults
                        do {
                            removed = try make(home, destination, url, caFile)
                        } catch let error as CMKError {
                            throw CommandFailure(error)
                        }
                        let value: JSONValue = [
                            "registryHome": .string(destination), "keyVaultUrl": .string(url),
                            "keyVaultCaFile": JSONValue(caFile),
                            "vaultsRemoved": .array(removed.vaults.map(JSONValue.string)),
                            "keysRemoved": .number(Double(removed.keys)),
                            "keyVersionsRemoved": .number(Double(removed.keyVersions)),
                        ]
                        let text = """
                            Registry home made at \(destination): its registries unwrap through the vault at \(url)\
                            \(caFile.map { " (trusting \($0))" } ?? "").
                            Removed from it: \(removed.vaults.count) vault(s) (\(removed.vaults.joined(separator: ", "))), \
                            \(removed.keys) key(s), \(removed.keyVersions) key version(s) with their private keys, and \
                            control/vault.key.
                            Serve this home's vault there (acrcmk serve --port <port> --tls-self-signed), then use the \
                            registry home: acrcmk --home \(destination) pull <registry> <repository>:<tag> <destination>
                            """
                        return CommandOutput(value: value, text: text)
                    }),
            ])
    }
}
