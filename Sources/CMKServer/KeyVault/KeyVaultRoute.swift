import Foundation

/// A request addressed to a vault's keys data plane: which vault, the vault URL identifiers are built on, and the
/// operation the path names.
///
/// A vault is addressed by Host, `<vault>.vault.azure.net` or `<vault>.localhost` with any port, as Key Vault's
/// clients address it; identifiers (`kid`) then carry that host and port, so a client that follows one comes back
/// here. Or, with any Host, by a path prefix `/vaults/<vault>/keys/...`, whose identifiers are Azure's
/// `https://<vault>.vault.azure.net/...`.
struct KeyVaultTarget: Equatable {
    var vaultName: String
    /// `https://<host>[:port]`, the base of identifiers in answers.
    var vaultURL: String
    /// The path after the vault, split on `/`: `["keys", "k1", "create"]`.
    var segments: [String]

    /// The target of `request`, or nil when the request is not addressed to a vault (a registry request).
    init?(_ request: HTTPRequest) {
        self.init(path: request.path, host: request.header("host"), scheme: request.scheme)
    }

    init?(path: String, host: String?, scheme: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.first == "vaults", segments.count >= 3, !segments[1].isEmpty,
           ["keys", "deletedkeys"].contains(segments[2].lowercased()) {
            vaultName = segments[1]
            vaultURL = "https://\(segments[1].lowercased()).vault.azure.net"
            segments.removeFirst(2)
        } else if let first = segments.first, ["keys", "deletedkeys"].contains(first.lowercased()),
                  let host, let name = Self.vaultName(host: host) {
            vaultName = name
            vaultURL = "\(scheme)://\(host.lowercased())"
        } else {
            return nil
        }
        segments[0] = segments[0].lowercased()
        // `GET /keys/k1/` (an empty version, as the SDK sends for "the current one") is `GET /keys/k1`.
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        self.segments = segments
    }

    /// The vault a Host header names: `<vault>.vault.azure.net[:port]` or `<vault>.localhost[:port]`.
    static func vaultName(host: String) -> String? {
        var name = host.lowercased()
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]") {
            name = String(name[..<colon])
        }
        for suffix in [".vault.azure.net", ".localhost"] where name.hasSuffix(suffix) {
            let vault = String(name.dropLast(suffix.count))
            return vault.isEmpty || vault.contains(".") ? nil : vault
        }
        return nil
    }
}

/// The keys operations of Key Vault's REST API.
enum KeyVaultRoute: Equatable {
    case listKeys
    case createKey(name: String)
    case importKey(name: String)
    case getKey(name: String, version: String?)
    case updateKey(name: String, version: String?)
    case deleteKey(name: String)
    case listVersions(name: String)
    case rotateKey(name: String)
    case getRotationPolicy(name: String)
    case updateRotationPolicy(name: String)
    case cryptography(name: String, version: String?, operation: CryptographicOperation)
    case listDeletedKeys
    case getDeletedKey(name: String)
    case purgeDeletedKey(name: String)
    case recoverDeletedKey(name: String)

    enum CryptographicOperation: String, CaseIterable {
        case wrapKey = "wrapkey", unwrapKey = "unwrapkey", encrypt, decrypt, sign, verify
    }

    /// Parses method and path segments (`["keys", "k1", "create"]`).
    ///
    /// - Throws: `KeyVaultError` 405 for a method the path does not take, 400 for an unknown path or an operation
    ///   acrcmk does not offer (backup, restore, release, random bytes).
    init(method: String, segments: [String]) throws {
        let method = method.uppercased()
        func unsupported() -> KeyVaultError {
            KeyVaultError(405, "MethodNotAllowed", "The method \(method) is not allowed on /"
                              + segments.joined(separator: "/") + ".")
        }
        let rest = Array(segments.dropFirst())
        if segments.first == "deletedkeys" {
            switch (method, rest.count, rest.last?.lowercased()) {
            case ("GET", 0, _): self = .listDeletedKeys
            case ("GET", 1, _): self = .getDeletedKey(name: rest[0])
            case ("DELETE", 1, _): self = .purgeDeletedKey(name: rest[0])
            case ("POST", 2, "recover"): self = .recoverDeletedKey(name: rest[0])
            case (_, 0...2, _): throw unsupported()
            default: throw Self.unknownPath(segments)
            }
            return
        }
        switch (method, rest.count) {
        case ("GET", 0):
            self = .listKeys
            return
        case (_, 0):
            throw unsupported()
        default:
            break
        }
        let name = rest[0]
        let second = rest.count > 1 ? rest[1].lowercased() : nil
        switch (method, rest.count, second) {
        case ("PUT", 1, _): self = .importKey(name: name)
        case ("GET", 1, _): self = .getKey(name: name, version: nil)
        case ("PATCH", 1, _): self = .updateKey(name: name, version: nil)
        case ("DELETE", 1, _): self = .deleteKey(name: name)
        case ("POST", 2, "create"): self = .createKey(name: name)
        case ("POST", 2, "rotate"): self = .rotateKey(name: name)
        case ("GET", 2, "versions"): self = .listVersions(name: name)
        case ("GET", 2, "rotationpolicy"): self = .getRotationPolicy(name: name)
        case ("PUT", 2, "rotationpolicy"): self = .updateRotationPolicy(name: name)
        case ("POST", 2, let word?) where ["backup", "release"].contains(word):
            throw KeyVaultError(400, "BadParameter", "acrcmk does not offer the \(word) operation.")
        case ("POST", 2, let word?) where CryptographicOperation(rawValue: word) != nil:
            self = .cryptography(name: name, version: nil, operation: CryptographicOperation(rawValue: word)!)
        case ("GET", 2, _): self = .getKey(name: name, version: rest[1])
        case ("PATCH", 2, _): self = .updateKey(name: name, version: rest[1])
        case ("POST", 3, _):
            guard let operation = CryptographicOperation(rawValue: rest[2].lowercased()) else {
                if ["release", "attestation"].contains(rest[2].lowercased()) {
                    throw KeyVaultError(400, "BadParameter", "acrcmk does not offer the \(rest[2]) operation.")
                }
                throw Self.unknownPath(segments)
            }
            self = .cryptography(name: name, version: rest[1].isEmpty ? nil : rest[1], operation: operation)
        case (_, 1...3, _):
            if name.lowercased() == "restore" || name.lowercased() == "rng" {
                throw KeyVaultError(400, "BadParameter", "acrcmk does not offer the \(name) operation.")
            }
            throw unsupported()
        default:
            throw Self.unknownPath(segments)
        }
    }

    private static func unknownPath(_ segments: [String]) -> KeyVaultError {
        KeyVaultError(400, "BadParameter", "The request URI /\(segments.joined(separator: "/")) is not a Key Vault "
                          + "keys operation.")
    }

    /// Whether the request carries a JSON body the operation reads.
    var readsBody: Bool {
        switch self {
        case .createKey, .importKey, .updateKey, .updateRotationPolicy, .cryptography: return true
        default: return false
        }
    }
}
