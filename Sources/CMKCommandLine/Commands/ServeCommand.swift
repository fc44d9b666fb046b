import CMKCore
import Foundation

/// What `acrcmk serve` was asked for; the executable starts the server (CMKServer) with it.
public struct ServeSettings: Sendable {
    public var home: String
    public var address: String
    public var port: UInt16
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Make a CA and a server certificate for this run; the CA certificate is written where `Listening on` says.
    public var tlsSelfSigned: Bool
    public var accessLogPath: String?
    public var keyCacheTTL: TimeInterval?
    /// The vault process the registries of this home unwrap through, overriding the home's `keyvault.url`.
    public var vaultURL: String? = nil
    /// The CA certificate file to trust for `vaultURL`, overriding the home's `keyvault.ca-file`.
    public var vaultCAFile: String? = nil
}

/// A registry server started for the duration of a command (a drill's real clients talk to it).
public struct RunningServer: Sendable {
    /// `127.0.0.1:<port>`.
    public var host: String
    public var stop: @Sendable () -> Void

    public init(host: String, stop: @escaping @Sendable () -> Void) {
        self.host = host
        self.stop = stop
    }
}

/// `acrcmk serve`: every simulated registry as a real OCI registry endpoint with ACR's token authentication.
enum ServeCommand {
    static let address = Option<String?>("address", valueName: "ip", help: "Address to listen on (default: 127.0.0.1).")
    static let port = Option<Int?>("port", short: "p", help: "Port to listen on (default: 5000; 0 picks a free one).")
    static let tlsCert = Option<String?>("tls-cert", valueName: "file", help: "PEM certificate (chain) for HTTPS.")
    static let tlsKey = Option<String?>("tls-key", valueName: "file", help: "PEM private key for HTTPS.")
    static let tlsSelfSigned = Option<Bool>(
        flag: "tls-self-signed",
        help: "Serve HTTPS with a certificate made for this run; its CA certificate is written to <home>/serve-ca.pem "
            + "for clients to trust.")
    static let insecureRemote = Option<Bool>(
        flag: "allow-insecure-remote", help: "Allow a non-loopback address without TLS (tokens travel in clear).")
    static let accessLog = Option<String?>("access-log", valueName: "file",
                                           help: "Append one JSON line per request to this file.")
    static let keyCacheTTL = Option<Int?>(
        "key-cache-ttl", valueName: "seconds",
        help: "Reuse unwrapped content keys this long, to rehearse how long a revocation takes to show (default: off).")
    static let vaultURL = VaultCommand.vaultURLOption(
        "vault-url",
        help: "Unwrap the registries' keys through the Key Vault served by another acrcmk process at this address "
            + "(https://host:port), as each registry's identity; overrides the home's keyvault.url.")
    static let vaultCA = Option<String?>(
        "vault-ca", valueName: "file",
        help: "PEM CA certificate to trust for --vault-url (e.g. the vault home's serve-ca.pem); overrides the home's "
            + "keyvault.ca-file.")

    static var spec: CommandSpec {
        CommandSpec(
            "serve",
            abstract: "Serve every registry of the state home as an OCI registry (docker, podman, skopeo, oras).",
            discussion:
                "Listens on loopback and answers the OCI distribution API with ACR's authentication: clients get a "
                + "Bearer challenge and sign in with a refresh token (acrcmk az acr login --name R --expose-token, "
                + "user 00000000-0000-0000-0000-000000000000), the admin user, or an identity token. A registry is "
                + "addressed as <host>:<port>/<registry>/<repository>, or by the host <registry>.localhost. Every "
                + "request that touches content unwraps the registry's key through the vault, so a revocation "
                + "shows at the next request as 'denied' with its cause. Runs until Ctrl-C or SIGTERM. See "
                + "docs/server.md.",
            options: [address, port, tlsCert, tlsKey, tlsSelfSigned, insecureRemote, accessLog, keyCacheTTL, vaultURL,
                      vaultCA],
            examples: [
                "acrcmk serve --port 5000",
                "TOKEN=$(acrcmk az acr login --name myregistry --expose-token --query accessToken -o tsv)",
                "skopeo copy --dest-tls-verify=false --dest-creds 00000000-0000-0000-0000-000000000000:$TOKEN "
                    + "oci:./image:1.0 docker://127.0.0.1:5000/myregistry/app:1.0",
            ],
            handler: { context in
                guard let serve = context.services.serve else {
                    throw CommandFailure("This build of acrcmk has no registry server.")
                }
                let address = context[ServeCommand.address] ?? "127.0.0.1"
                let port = context[ServeCommand.port] ?? 5000
                guard (0...65535).contains(port) else {
                    throw CommandFailure("--port must be between 0 and 65535, not \(port).", category: .usage)
                }
                let cert = context[tlsCert]
                let key = context[tlsKey]
                guard (cert == nil) == (key == nil) else {
                    throw CommandFailure("--tls-cert and --tls-key go together: give both, or neither for plain HTTP.",
                                         category: .usage)
                }
                let selfSigned = context[tlsSelfSigned]
                if selfSigned && cert != nil {
                    throw CommandFailure("--tls-self-signed makes its own certificate: drop --tls-cert and --tls-key, "
                                             + "or drop --tls-self-signed.", category: .usage)
                }
                let loopback = address == "::1" || address.hasPrefix("127.") || address == "localhost"
                if !loopback && cert == nil && !selfSigned && !context[insecureRemote] {
                    throw CommandFailure(
                        "Refusing to serve on '\(address)' without TLS: tokens and content would cross the network in "
                            + "clear.", hint: "Give --tls-cert and --tls-key (or --tls-self-signed), or "
                                + "--allow-insecure-remote if you mean it.",
                        category: .usage)
                }
                if let ttl = context[keyCacheTTL], ttl < 0 {
                    throw CommandFailure("--key-cache-ttl must be 0 or more seconds.", category: .usage)
                }
                let vault = context[vaultURL]
                let vaultCAFile = context[vaultCA].map { URL(fileURLWithPath: $0).path }
                if vaultCAFile != nil && vault == nil {
                    throw CommandFailure("--vault-ca goes with --vault-url.", category: .usage)
                }
                try serve(ServeSettings(
                    home: context.settings.home, address: address == "localhost" ? "127.0.0.1" : address,
                    port: UInt16(port), tlsCertificatePath: cert, tlsKeyPath: key, tlsSelfSigned: selfSigned,
                    accessLogPath: context[accessLog], keyCacheTTL: context[keyCacheTTL].map(TimeInterval.init),
                    vaultURL: vault, vaultCAFile: vaultCAFile),
                    context.io)
                return CommandOutput()
            })
    }
}
