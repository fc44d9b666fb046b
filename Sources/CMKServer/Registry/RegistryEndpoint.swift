import CMKCore
import Foundation
import JSON

/// The OCI distribution API and ACR's token service for every registry of a state home.
///
/// Each request is its own unit of work on the same store as the command line: it is authorized against the
/// current role assignments and registry settings, and every request that touches content unwraps the registry's
/// DEK through the vault as the registry's identity (audited), so a revocation shows at the next request as 403
/// DENIED with the precise cause. The rules are the core's (`Session.authorize`, `RegistryContent`); this type
/// maps HTTP onto them.
public final class RegistryEndpoint: HTTPHandler, @unchecked Sendable {
    let homes: HomePool
    let uploads: BlobUploads
    /// Key Vault's keys API, for requests addressed to a vault.
    let keyVault: KeyVaultEndpoint
    let accessLog: AccessLog?
    /// How long unwrapped content keys are reused (rehearses Azure's propagation delay); nil: every request.
    let keyCacheTTL: TimeInterval?
    private let keyCache = KeyCache()
    /// The web console at `/`, when the server has one.
    var console: ConsoleEndpoint?

    public init(openHome: @escaping @Sendable () throws -> any ContentHome, accessLog: AccessLog?,
                keyCacheTTL: TimeInterval?, uploadIdleTimeout: TimeInterval = 600) {
        homes = HomePool(open: openHome)
        keyVault = KeyVaultEndpoint(homes: homes)
        uploads = BlobUploads(idleTimeout: uploadIdleTimeout)
        self.accessLog = accessLog
        self.keyCacheTTL = keyCacheTTL
    }

    /// Ends every upload in progress (the server stops): their temporary objects are discarded.
    public func shutdown() {
        uploads.cancelAll()
    }

    /// Cancels uploads left idle; the server calls it periodically.
    public func expireIdleUploads() {
        uploads.expireIdle()
    }

    public func completed(_ record: HTTPExchangeRecord) {
        accessLog?.write(record)
    }

    public func exchange(for request: HTTPRequest) -> HTTPExchange {
        if let console, ConsoleEndpoint.handles(request.path) {
            return console.exchange(for: request)
        }
        if let exchange = keyVault.exchange(for: request) {
            return exchange
        }
        let route = RegistryRoute.parse(request.path)
        do {
            switch route {
            case .token: return try tokenExchange(request)
            case .exchange: return try refreshTokenExchange(request)
            case .identityToken: return .respond(try identityToken(request))
            case .base: return .respond(try base(request))
            case .catalog: return .respond(try catalog(request))
            case .unknown:
                return .respond(DistributionError(404, "NAME_UNKNOWN", "No such endpoint: \(request.method) "
                                                      + "\(request.path)").response)
            default: return try repositoryExchange(request, route: route)
            }
        } catch let error as DistributionError {
            return .respond(error.response)
        } catch {
            return .respond(Self.response(for: error, request: request, route: route))
        }
    }

    // MARK: Addressing and authorization

    /// A repository request resolved to a registry and authorized.
    struct Access {
        var registry: Registry
        /// The repository inside the registry.
        var repository: String
        /// The repository as the client named it (with the registry prefix in path addressing).
        var addressedName: String
        var caller: RegistryCaller
    }

    /// Resolves the registry (by Host, else by the name's first segment) and decides the request.
    func access(_ request: HTTPRequest, name: String, action: RegistryAction) throws -> Access {
        try homes.withHome { home in
            try home.perform { session -> Access in
                let (registry, repository) = try Self.resolve(request, name: name, session: session)
                guard ImageReference.isValidRepository(repository) else {
                    throw DistributionError.nameInvalid(name)
                }
                do {
                    let caller = try session.authorize(bearer: Self.bearer(request), registry: registry,
                                                       addressedName: name, action: action)
                    return Access(registry: registry, repository: repository, addressedName: name, caller: caller)
                } catch let refusal as RegistryAccessRefusal {
                    throw Self.refusal(refusal, request: request, registry: registry, scope: "repository:\(name):"
                                       + (action == .pull ? "pull" : action == .push ? "pull,push" : "delete"))
                }
            }
        }
    }

    static func resolve(_ request: HTTPRequest, name: String, session: Session) throws -> (Registry, String) {
        if let host = request.header("host"), let registry = session.registry(forService: host) {
            return (registry, name)
        }
        guard let slash = name.firstIndex(of: "/"),
              let registry = session.world.registries[key: ResourceName(name[..<slash])]
        else {
            throw DistributionError(404, "NAME_UNKNOWN", "No registry is addressed by '\(name)': use "
                                        + "<host>/<registry>/<repository>, or the host <registry>.localhost.")
        }
        return (registry, String(name[name.index(after: slash)...]))
    }

    static func bearer(_ request: HTTPRequest) -> String? {
        guard let value = request.header("authorization"), value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// 401 with ACR's challenge, or 403 DENIED.
    static func refusal(_ refusal: RegistryAccessRefusal, request: HTTPRequest, registry: Registry?,
                        scope: String?) -> DistributionError {
        switch refusal {
        case .denied(let message):
            return DistributionError(403, "DENIED", message)
        case .challenge(let message):
            var error = DistributionError(401, "UNAUTHORIZED", "authentication required: \(message)")
            error.headers = [("WWW-Authenticate", challenge(request, registry: registry, scope: scope))]
            return error
        case .insufficientScope(let message):
            var error = DistributionError(403, "DENIED", "insufficient scope: \(message)")
            error.headers = [("WWW-Authenticate", challenge(request, registry: registry, scope: scope)
                                + ",error=\"insufficient_scope\"")]
            return error
        }
    }

    /// `Bearer realm="<this server>/oauth2/token",service="<login server or host>",scope="…"`.
    static func challenge(_ request: HTTPRequest, registry: Registry?, scope: String?) -> String {
        let host = request.header("host") ?? "127.0.0.1"
        var value = "Bearer realm=\"\(request.scheme)://\(host)/oauth2/token\",service=\"\(registry?.loginServer ?? host)\""
        if let scope {
            value += ",scope=\"\(scope)\""
        }
        return value
    }

    static func response(for error: Error, request: HTTPRequest, route: RegistryRoute) -> HTTPResponse {
        switch error {
        case let error as DistributionError:
            return error.response
        case let error as CMKError:
            var uploadContext = false
            if case .manifest = route, request.method == "PUT" { uploadContext = true }
            return DistributionError(error, uploadContext: uploadContext).response
        case let refusal as RegistryAccessRefusal:
            return Self.refusal(refusal, request: request, registry: nil, scope: nil).response
        case is CollectedBody.TooLarge:
            return DistributionError(413, "SIZE_INVALID", "The request body is larger than allowed.").response
        default:
            return DistributionError(500, "UNKNOWN", "\(error)").response
        }
    }

    // MARK: Content keys

    /// The registry's keys for one request, unwrapped through the vault (or reused within the cache TTL).
    func keys(_ content: RegistryContent, registry: String, action: String) throws -> ContentKeys {
        guard let keyCacheTTL else {
            return try content.requestKeys(registry: registry, action: action)
        }
        if let cached = keyCache.keys(for: registry, maximumAge: keyCacheTTL) {
            return cached
        }
        let keys = try content.requestKeys(registry: registry, action: action)
        keyCache.store(keys, for: registry)
        return keys
    }

    // MARK: Base and catalog

    private func base(_ request: HTTPRequest) throws -> HTTPResponse {
        let valid: Bool = try homes.withHome { home in
            try home.perform { session in
                guard let bearer = Self.bearer(request) else { return false }
                return session.isCurrentAccessToken(bearer)
            }
        }
        guard valid else {
            let registry: Registry? = try homes.withHome { home in
                try home.perform { session in request.header("host").flatMap(session.registry(forService:)) }
            }
            throw Self.refusal(.challenge("Authentication required."), request: request, registry: registry, scope: nil)
        }
        return HTTPResponse.json(.object(JSONObject()), status: 200).adding("Docker-Distribution-API-Version",
                                                                            "registry/2.0")
    }

    private func catalog(_ request: HTTPRequest) throws -> HTTPResponse {
        guard request.method == "GET" else { throw DistributionError.unsupported("Use GET for the catalog.") }
        let hostRegistry: Registry? = try homes.withHome { home in
            try home.perform { session in request.header("host").flatMap(session.registry(forService:)) }
        }
        var names: [String] = []
        let registries: [Registry] = try homes.withHome { home in
            try home.perform { session in hostRegistry.map { [$0] } ?? Array(session.world.registries) }
        }
        var refused: RegistryAccessRefusal?
        for registry in registries {
            do {
                _ = try homes.withHome { home in
                    try home.perform { session in
                        try session.authorize(bearer: Self.bearer(request), registry: registry, addressedName: "catalog",
                                              scopeType: "registry", action: .pull)
                    }
                }
                let repositories = try homes.withHome { home in
                    try RegistryContent(home: home).repositories(in: registry.name)
                }
                names += repositories.map { hostRegistry == nil ? "\(registry.name)/\($0.name)" : $0.name }
            } catch let refusal as RegistryAccessRefusal {
                refused = refused ?? refusal
            } catch let error as CMKError where hostRegistry == nil && error.category == .forbidden {
                continue  // A locked registry's repositories are not listable; the others are.
            }
        }
        if names.isEmpty, let refused {
            throw Self.refusal(refused, request: request, registry: hostRegistry, scope: "registry:catalog:*")
        }
        let page = try Paging(request).apply(names.sorted())
        var response = HTTPResponse.json(.object(JSONObject([("repositories", .array(page.items.map { .string($0) }))])))
        if let last = page.nextLast {
            response.setHeader("Link", "</v2/_catalog?n=\(page.limit!)&last=\(Paging.escape(last))>; rel=\"next\"")
        }
        return response
    }

    // MARK: Repository requests

    private func repositoryExchange(_ request: HTTPRequest, route: RegistryRoute) throws -> HTTPExchange {
        guard let name = route.name else { throw DistributionError(404, "NAME_UNKNOWN", "No repository named.") }
        switch (route, request.method) {
        case (.tags, "GET"):
            return .respond(try tags(request, name: name))
        case (.manifest(_, let reference), "GET"), (.manifest(_, let reference), "HEAD"):
            return .respond(try manifest(request, name: name, reference: reference))
        case (.manifest(_, let reference), "PUT"):
            return try putManifest(request, name: name, reference: reference)
        case (.manifest(_, let reference), "DELETE"):
            return .respond(try deleteManifest(request, name: name, reference: reference))
        case (.blob(_, let digest), "GET"), (.blob(_, let digest), "HEAD"):
            return .respond(try blob(request, name: name, digest: digest))
        case (.blob, "DELETE"):
            _ = try access(request, name: name, action: .delete)
            throw DistributionError.unsupported("Azure Container Registry does not delete blobs through the API; "
                                                    + "delete the manifests that reference them.")
        case (.uploads, "POST"):
            return try startUpload(request, name: name)
        case (.upload(_, let id), "PATCH"):
            return try patchUpload(request, name: name, id: id)
        case (.upload(_, let id), "PUT"):
            return try finishUpload(request, name: name, id: id)
        case (.upload(_, let id), "GET"):
            return .respond(try uploadStatus(request, name: name, id: id))
        case (.upload(_, let id), "DELETE"):
            return .respond(try cancelUpload(request, name: name, id: id))
        case (.referrers(_, let digest), "GET"):
            return .respond(try referrers(request, name: name, digest: digest))
        default:
            throw DistributionError.unsupported("\(request.method) is not supported on \(request.path).")
        }
    }
}

extension HTTPResponse {
    func adding(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}

/// Unwrapped content keys kept for `--key-cache-ttl`.
final class KeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (keys: ContentKeys, at: Date)] = [:]

    func keys(for registry: String, maximumAge: TimeInterval) -> ContentKeys? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[registry.lowercased()], Date().timeIntervalSince(entry.at) < maximumAge else {
            return nil
        }
        return entry.keys
    }

    func store(_ keys: ContentKeys, for registry: String) {
        lock.lock()
        entries[registry.lowercased()] = (keys, Date())
        lock.unlock()
    }
}

/// `?n=&last=` pagination of tag and catalog lists.
struct Paging {
    var limit: Int?
    var last: String?

    init(_ request: HTTPRequest) throws {
        if let text = request.queryValue("n") {
            guard let value = Int(text), value >= 0 else {
                throw DistributionError(400, "PAGINATION_NUMBER_INVALID", "n must be a non-negative integer.")
            }
            limit = value
        }
        last = request.queryValue("last")
    }

    /// The page's items, and the `last` of the next page when there is one.
    func apply(_ sorted: [String]) -> (items: [String], nextLast: String?, limit: Int?) {
        let after = last.map { last in sorted.filter { $0 > last } } ?? sorted
        guard let limit, after.count > limit else { return (after, nil, limit) }
        let items = Array(after.prefix(limit))
        return (items, items.last, limit)
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+")))
            ?? text
    }
}
