import Foundation

/// What a request path asks for, per the OCI distribution specification's endpoints (end-1 … end-13), ACR's
/// token service, and the identity endpoint.
///
/// `name` is the repository as the client addressed it: it may carry the registry as its first segment
/// (`127.0.0.1:5000/<registry>/<repository>`); resolving that is `RegistryAddress`'s job. Parsing is pure and
/// total: any path gives a route or `.unknown`.
public enum RegistryRoute: Equatable, Sendable {
    case base
    case catalog
    case tags(name: String)
    case manifest(name: String, reference: String)
    case blob(name: String, digest: String)
    case uploads(name: String)
    case upload(name: String, id: String)
    case referrers(name: String, digest: String)
    case token
    case exchange
    case identityToken
    case unknown

    public static func parse(_ path: String) -> RegistryRoute {
        switch path {
        case "/v2", "/v2/": return .base
        case "/v2/_catalog": return .catalog
        case "/oauth2/token": return .token
        case "/oauth2/exchange": return .exchange
        case "/metadata/identity/oauth2/token": return .identityToken
        default: break
        }
        guard path.hasPrefix("/v2/") else { return .unknown }
        let rest = path.dropFirst(4)
        if rest.hasSuffix("/tags/list") {
            return named(rest.dropLast("/tags/list".count)).map { .tags(name: $0) } ?? .unknown
        }
        if rest.hasSuffix("/blobs/uploads/") || rest.hasSuffix("/blobs/uploads") {
            let name = rest.hasSuffix("/") ? rest.dropLast("/blobs/uploads/".count) : rest.dropLast("/blobs/uploads".count)
            return named(name).map { .uploads(name: $0) } ?? .unknown
        }
        for (marker, make) in [
            ("/blobs/uploads/", { (name: String, last: String) in RegistryRoute.upload(name: name, id: last) }),
            ("/manifests/", { RegistryRoute.manifest(name: $0, reference: $1) }),
            ("/blobs/", { RegistryRoute.blob(name: $0, digest: $1) }),
            ("/referrers/", { RegistryRoute.referrers(name: $0, digest: $1) }),
        ] as [(String, (String, String) -> RegistryRoute)] {
            guard let range = rest.range(of: marker, options: .backwards) else { continue }
            let last = String(rest[range.upperBound...])
            guard !last.isEmpty, !last.contains("/"), let name = named(rest[..<range.lowerBound]) else {
                return .unknown
            }
            return make(name, last)
        }
        return .unknown
    }

    /// A repository path: non-empty segments, no `.`/`..` segment.
    private static func named(_ text: Substring) -> String? {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return String(text)
    }

    /// The repository name the route addresses, if any.
    public var name: String? {
        switch self {
        case .tags(let name), .manifest(let name, _), .blob(let name, _), .uploads(let name), .upload(let name, _),
             .referrers(let name, _):
            return name
        default:
            return nil
        }
    }
}
