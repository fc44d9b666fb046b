import CMKCore
import Foundation
import JSON

/// Key Vault's keys data plane (`https://<vault>.vault.azure.net/keys/...`) over the vaults of a state home, for
/// Key Vault's own clients (the Azure SDKs).
///
/// Each request is one unit of work on the same store as the command line. The caller is the principal of a
/// Microsoft Entra token this home issued for `https://vault.azure.net` (the identity endpoint gives them to the
/// operator and to each managed identity); requests without one get Key Vault's challenge. What the caller may do is
/// decided by the same `AccessEvaluator` as for the command line (access policies or RBAC, firewall, soft delete, key
/// state), and every decision is in the vault's audit trail under the caller's name. This type maps HTTP onto the
/// core's calls and the core's answers onto Key Vault's REST shapes (`ResourceProjection+KeyVaultREST`).
final class KeyVaultEndpoint: @unchecked Sendable {
    /// The api-versions accepted: the keys API's 7.x line and the Python SDK's default, 2025-07-01.
    static let apiVersions: Set<String> = ["7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01"]
    /// Request bodies are a few kilobytes (a 4096-bit private JWK is about 3 KiB).
    static let bodyLimit = 256 * 1024

    private let homes: HomePool
    private let tenantLock = NSLock()
    private var tenantId: String?

    init(homes: HomePool) {
        self.homes = homes
    }

    /// The exchange for a request addressed to a vault; nil for any other request.
    func exchange(for request: HTTPRequest) -> HTTPExchange? {
        guard let target = KeyVaultTarget(request) else { return nil }
        do {
            guard let version = request.queryValue("api-version") else {
                throw KeyVaultError.badParameter("The api-version query parameter is missing. Use one of: "
                                                     + Self.apiVersions.sorted().joined(separator: ", ") + ".")
            }
            guard Self.apiVersions.contains(version) else {
                throw KeyVaultError.badParameter("The specified version (\(version)) is not recognized. Consider "
                                                     + "using the latest supported version (2025-07-01).")
            }
            let route = try KeyVaultRoute(method: request.method, segments: target.segments)
            if route.readsBody, request.method != "GET" {
                return .receive(CollectedBody(limit: Self.bodyLimit, answer: { [self] body in
                    answer(request, target: target, route: route, body: body)
                }, refuse: { [self] error in
                    if error is CollectedBody.TooLarge {
                        return KeyVaultError(413, "RequestTooLarge", "The request body is larger than "
                                                 + "\(Self.bodyLimit) bytes.").response
                    }
                    return response(for: error, request: request)
                }))
            }
            return .respond(answer(request, target: target, route: route, body: []))
        } catch {
            return .respond(response(for: error, request: request))
        }
    }

    // MARK: Answering

    private func answer(_ request: HTTPRequest, target: KeyVaultTarget, route: KeyVaultRoute, body: [UInt8])
        -> HTTPResponse
    {
        do {
            return try homes.withHome { home in
                try home.perform { session in
                    let caller = try session.keyVaultCaller(bearer: Self.bearer(request))
                    let json: JSONValue = route.readsBody ? try Self.parse(body) : .null
                    return try KeyVaultOperations(session: session, caller: caller, target: target)
                        .perform(route, body: json)
                }
            }
        } catch {
            return response(for: error, request: request)
        }
    }

    private func response(for error: Error, request: HTTPRequest) -> HTTPResponse {
        var failure: KeyVaultError
        switch error {
        case let error as KeyVaultError: failure = error
        case let error as CMKError: failure = KeyVaultError(error)
        default: failure = KeyVaultError(500, "InternalServerError", "\(error)")
        }
        if failure.status == 401 {
            failure.headers.append(("WWW-Authenticate", challenge()))
        }
        return failure.response
    }

    /// `Bearer authorization="https://login.microsoftonline.com/<tenant>", resource="https://vault.azure.net"`.
    private func challenge() -> String {
        "Bearer authorization=\"https://login.microsoftonline.com/\(tenant())\", "
            + "resource=\"\(Session.keyVaultResource)\""
    }

    /// The home's tenant, read once (it never changes).
    private func tenant() -> String {
        tenantLock.lock()
        defer { tenantLock.unlock() }
        if let tenantId { return tenantId }
        let read = try? homes.withHome { home in try home.perform { $0.world.account.tenantId } }
        tenantId = read
        return read ?? "common"
    }

    static func bearer(_ request: HTTPRequest) -> String? {
        guard let value = request.header("authorization"), value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    static func parse(_ body: [UInt8]) throws -> JSONValue {
        guard !body.isEmpty else { return .object(JSONObject()) }
        do {
            let value = try JSONValue.parse(bytes: body)
            guard case .object = value else { throw KeyVaultError.badParameter("The request body must be a JSON object.") }
            return value
        } catch let error as JSONParseError {
            throw KeyVaultError.badParameter("The request body is not valid JSON: \(error)")
        }
    }
}
