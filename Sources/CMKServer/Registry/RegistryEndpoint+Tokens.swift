import CMKCore
import Foundation
import JSON

/// ACR's token service (`/oauth2/token`, `/oauth2/exchange`) and the identity endpoint that stands in for
/// Microsoft Entra ID / IMDS (`/metadata/identity/oauth2/token`).
extension RegistryEndpoint {
    /// `GET /oauth2/token` (HTTP Basic, or none for anonymous pull) and `POST /oauth2/token` (a form with
    /// `grant_type=refresh_token` or `password`).
    func tokenExchange(_ request: HTTPRequest) throws -> HTTPExchange {
        switch request.method {
        case "GET":
            let scopes = request.query.filter { $0.name == "scope" }.flatMap { $0.value.split(separator: " ") }
                .map(String.init)
            return .respond(try accessToken(request, credentials: try basicCredentials(request),
                                            service: request.queryValue("service") ?? "", scopes: scopes,
                                            offline: request.queryValue("offline_token") == "true"))
        case "POST":
            return .receive(CollectedBody(limit: 64 * 1024, answer: { [self] body in
                do {
                    let form = FormFields(body)
                    let scopes = form.values("scope").flatMap { $0.split(separator: " ") }.map(String.init)
                    let service = form.value("service") ?? ""
                    switch form.value("grant_type") {
                    case "refresh_token":
                        guard let token = form.value("refresh_token") else {
                            throw DistributionError(400, "UNSUPPORTED", "refresh_token is required.")
                        }
                        return try accessToken(request, credentials: .refreshToken(token), service: service,
                                               scopes: scopes, offline: false)
                    case "password":
                        return try accessToken(request, credentials: .basic(form.value("username") ?? "",
                                                                            form.value("password") ?? ""),
                                               service: service, scopes: scopes, offline: false)
                    default:
                        throw DistributionError(400, "UNSUPPORTED", "grant_type must be refresh_token or password.")
                    }
                } catch {
                    return Self.response(for: error, request: request, route: .token)
                }
            }, refuse: { Self.response(for: $0, request: request, route: .token) }))
        default:
            throw DistributionError.unsupported("Use GET or POST for /oauth2/token.")
        }
    }

    /// `POST /oauth2/exchange`: `grant_type=access_token`, `service`, `access_token` (a Microsoft Entra token).
    func refreshTokenExchange(_ request: HTTPRequest) throws -> HTTPExchange {
        guard request.method == "POST" else { throw DistributionError.unsupported("Use POST for /oauth2/exchange.") }
        return .receive(CollectedBody(limit: 64 * 1024, answer: { [self] body in
            do {
                let form = FormFields(body)
                guard let token = form.value("access_token"), form.value("grant_type")?.hasPrefix("access_token") == true
                else {
                    throw DistributionError(400, "UNSUPPORTED", "Send grant_type=access_token, service and "
                                                + "access_token (a Microsoft Entra token).")
                }
                let refresh = try homes.withHome { home in
                    try home.perform { session in
                        try session.exchangeEntraToken(token, service: form.value("service") ?? "")
                    }
                }
                return .json(.object(JSONObject([("refresh_token", .string(refresh))])))
            } catch {
                return Self.response(for: error, request: request, route: .exchange)
            }
        }, refuse: { Self.response(for: $0, request: request, route: .exchange) }))
    }

    /// `GET /metadata/identity/oauth2/token?resource=…[&client_id=…|object_id=…|msi_res_id=…]` with
    /// `Metadata: true`, as Azure's Instance Metadata Service answers a managed identity.
    func identityToken(_ request: HTTPRequest) throws -> HTTPResponse {
        guard request.header("metadata")?.lowercased() == "true" else {
            return .json(.object(JSONObject([
                ("error", .string("invalid_request")),
                ("error_description", .string("Required metadata header not specified")),
            ])), status: 400)
        }
        guard let resource = request.queryValue("resource") else {
            return .json(.object(JSONObject([
                ("error", .string("invalid_request")), ("error_description", .string("resource is required")),
            ])), status: 400)
        }
        do {
            let (token, text) = try homes.withHome { home in
                try home.perform { session -> (RegistryToken, String) in
                    let token = try session.issueEntraToken(
                        clientId: request.queryValue("client_id"), objectId: request.queryValue("object_id"),
                        resourceId: request.queryValue("msi_res_id") ?? request.queryValue("mi_res_id"),
                        resource: resource)
                    return (token, try session.encode(token))
                }
            }
            let lifetime = Int(token.expiresAt.timeIntervalSince(token.issuedAt))
            return .json(.object(JSONObject([
                ("access_token", .string(text)), ("client_id", .string(request.queryValue("client_id") ?? "")),
                ("expires_in", .string(String(lifetime))),
                ("expires_on", .string(String(Int(token.expiresAt.timeIntervalSince1970)))),
                ("ext_expires_in", .string(String(lifetime))),
                ("not_before", .string(String(Int(token.issuedAt.timeIntervalSince1970)))),
                ("resource", .string(resource)), ("token_type", .string("Bearer")),
            ])))
        } catch let error as CMKError {
            return .json(.object(JSONObject([
                ("error", .string("invalid_request")), ("error_description", .string(error.message)),
            ])), status: 400)
        }
    }

    enum Credentials {
        case none
        case basic(String, String)
        case refreshToken(String)
    }

    private func basicCredentials(_ request: HTTPRequest) throws -> Credentials {
        guard let header = request.header("authorization") else { return .none }
        guard header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else {
            throw DistributionError(401, "UNAUTHORIZED", "The Authorization header is not valid HTTP Basic.")
        }
        return .basic(String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    private func accessToken(_ request: HTTPRequest, credentials: Credentials, service: String, scopes: [String],
                             offline: Bool) throws -> HTTPResponse {
        let grants = scopes.compactMap(RepositoryGrant.parse(scope:))
        let (access, refresh): (String, String?) = try homes.withHome { home in
            try home.perform { session in
                let caller: RegistryCaller
                switch credentials {
                case .none: caller = .anonymous
                case .basic(let user, let password): caller = try session.registryCaller(user: user, password: password)
                case .refreshToken(let token): caller = try session.registryCaller(refreshToken: token)
                }
                let access = try session.issueAccessToken(for: caller, service: service, scopes: grants)
                if case .none = credentials, !grants.isEmpty,
                   RegistryToken.decode(access, signingKey: try session.registryTokenSigningKey())?.access.isEmpty ?? true {
                    throw DistributionError(401, "UNAUTHORIZED", "authentication required: sign in with the admin "
                                                + "user or a refresh token (acrcmk az acr login --name REGISTRY "
                                                + "--expose-token).")
                }
                var refresh: String?
                if offline, case .principal = caller, let registry = session.registry(forService: service) {
                    refresh = try session.issueRefreshToken(for: caller, registry: registry)
                }
                return (access, refresh)
            }
        }
        var fields: [(String, JSONValue)] = [
            ("access_token", .string(access)), ("token", .string(access)),
            ("expires_in", .number(RegistryToken.accessLifetime)),
        ]
        if let refresh { fields.append(("refresh_token", .string(refresh))) }
        return .json(.object(JSONObject(fields)))
    }
}

/// `application/x-www-form-urlencoded` fields, decoded by Foundation's URL parser.
///
/// The body is the client's: it is handed to the failable `URLComponents(string:)`, which refuses or encodes what
/// is not a valid query. (Setting `percentEncodedQuery` instead traps on a byte outside the allowed set, so one
/// POST with a raw non-ASCII byte stopped the whole server; the registry-request fuzz target found it.)
struct FormFields {
    private var items: [URLQueryItem] = []

    init(_ body: [UInt8]) {
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
        items = URLComponents(string: "?" + text)?.queryItems ?? []
    }

    func value(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.compactMap(\.value)
    }

    /// Every field in order (a value-less field reads as empty).
    var all: [(name: String, value: String)] {
        items.map { ($0.name, $0.value ?? "") }
    }
}
