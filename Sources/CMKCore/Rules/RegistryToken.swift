import CMKCrypto
import Foundation

/// The bearer tokens of the registry endpoint, as Microsoft Entra ID and ACR issue them: JWTs (HS256 here, signed
/// with a key derived from the installation's platform key, so only this home's control side mints them).
///
/// - `entra`: what Microsoft Entra ID (or IMDS, for a managed identity) gives a principal for a resource; ACR's
///   `/oauth2/exchange` turns it into a refresh token.
/// - `refresh`: an ACR refresh token (`az acr login --expose-token`, `/oauth2/exchange`), used as the password of
///   user `00000000-0000-0000-0000-000000000000`.
/// - `access`: an ACR access token for named repositories and actions, what `/oauth2/token` returns.
///
/// A token says who the caller is and what it asked for; what the caller may do is decided again at every
/// request from the current role assignments and registry settings, so removing a role or disabling the admin
/// user takes effect at once, as in ACR.
public struct RegistryToken: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case entra, refresh, access
    }

    public var kind: Kind
    /// Who the token speaks for.
    public var subject: RegistryCaller
    /// The registry's login server it was issued for (refresh and access tokens), or the Entra resource.
    public var audience: String
    /// For access tokens: the repositories and actions granted, as the client named them.
    public var access: [RepositoryGrant]
    public var issuedAt: Date
    public var expiresAt: Date
    public var id: String

    public init(kind: Kind, subject: RegistryCaller, audience: String, access: [RepositoryGrant] = [],
                issuedAt: Date, lifetime: TimeInterval, id: String = Identifiers.guid()) {
        self.kind = kind
        self.subject = subject
        self.audience = audience
        self.access = access
        self.issuedAt = issuedAt
        self.expiresAt = issuedAt.addingTimeInterval(lifetime)
        self.id = id
    }

    /// Lifetimes. Microsoft documents 3 hours for the refresh token `az acr login --expose-token` prints; the
    /// access token's and Entra token's lifetimes are not published for ACR, and acrcmk uses one hour, Entra's
    /// usual default. All count on the simulated clock, so `acrcmk clock advance 4h` expires them.
    public static let refreshLifetime: TimeInterval = 3 * 3600
    public static let accessLifetime: TimeInterval = 3600
    public static let entraLifetime: TimeInterval = 3600

    /// The user name that goes with a refresh token used as a password.
    public static let refreshTokenUser = "00000000-0000-0000-0000-000000000000"

    // MARK: Wire form

    private struct Header: Codable {
        var alg = "HS256"
        var typ = "JWT"
    }

    /// `header.payload.signature`, base64url without padding.
    public func encoded(signingKey: SecureBytes) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        let signingInput = Base64URL.encode(Array(try encoder.encode(Header()))) + "."
            + Base64URL.encode(Array(try encoder.encode(self)))
        let signature = try HMACSHA256.authenticationCode(for: Array(signingInput.utf8), key: signingKey)
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The token `text` encodes, when its signature is this home's; nil for anything else (expiry is not checked).
    public static func decode(_ text: String, signingKey: SecureBytes) -> RegistryToken? {
        guard text.utf8.count <= 16 * 1024 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Base64URL.decode(String(parts[2])),
              let payload = Base64URL.decode(String(parts[1])),
              (try? HMACSHA256.isValid(signature, for: Array("\(parts[0]).\(parts[1])".utf8), key: signingKey))
                == true
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(RegistryToken.self, from: Data(payload))
    }
}

/// Who calls the registry.
public enum RegistryCaller: Sendable, Equatable, Codable {
    /// A Microsoft Entra principal: the signed-in operator or a managed identity, by object id.
    case principal(objectId: String)
    /// The registry's admin user, with the generation of the password it signed in with.
    case adminUser(registry: String, password: Int, generation: Int)
    /// No credentials: only pulls of registries with anonymous pull enabled.
    case anonymous

    /// How the access log and the audit name the caller.
    public var logName: String {
        switch self {
        case .principal(let objectId): return objectId
        case .adminUser(let registry, _, _): return registry
        case .anonymous: return "anonymous"
        }
    }
}

/// What a registry lets a caller do, as the distribution spec's token scopes name it.
public enum RegistryAction: String, Sendable, Codable, CaseIterable, Comparable {
    case pull, push, delete

    public static func < (lhs: RegistryAction, rhs: RegistryAction) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What each built-in role grants on a registry (roles that are not about registries grant nothing).
    public static func granted(byRole role: String) -> Set<RegistryAction> {
        switch role.lowercased() {
        case "owner", "contributor": return [.pull, .push, .delete]
        case "acrpush": return [.pull, .push]
        case "acrpull": return [.pull]
        case "acrdelete": return [.delete]
        default: return []
        }
    }
}

/// Actions granted on one repository (or `registry:catalog:*`), as the client named it.
public struct RepositoryGrant: Sendable, Equatable, Codable {
    /// `repository` or `registry`.
    public var type: String
    public var name: String
    public var actions: [String]

    public init(type: String, name: String, actions: [String]) {
        self.type = type
        self.name = name
        self.actions = actions
    }

    /// Parses a token request's `scope` (`repository:team/app:pull,push`, `registry:catalog:*`); nil when
    /// malformed. The name may itself contain colons only in a port (`host:5000/app`), which the spec forbids in
    /// repository names, so the type is before the first colon and the actions after the last.
    public static func parse(scope: String) -> RepositoryGrant? {
        guard let first = scope.firstIndex(of: ":"), let last = scope.lastIndex(of: ":"), first < last else {
            return nil
        }
        let type = String(scope[..<first])
        let name = String(scope[scope.index(after: first)..<last])
        let actions = scope[scope.index(after: last)...].split(separator: ",").map(String.init)
        guard ["repository", "registry"].contains(type), !name.isEmpty, !actions.isEmpty else { return nil }
        return RepositoryGrant(type: type, name: name, actions: actions)
    }
}
