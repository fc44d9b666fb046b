public import CMKCore
public import CMKCrypto
import Foundation
import JSON

/// Key Vault's `unwrapKey` asked of a vault served by another acrcmk process, over Key Vault's REST API, as the
/// registry's identity: the `KeyVaultUnwrapping` port of a registry home (`keyvault.url`).
///
/// Each call first gets a Microsoft Entra token for the caller's managed identity from the vault process's
/// identity endpoint (the Instance Metadata Service's shape: `GET /metadata/identity/oauth2/token` with
/// `Metadata: true`), then posts `{"alg","value"}` to `/vaults/<vault>/keys/<key>/<version>/unwrapkey`. The vault
/// decides there, with its own permissions, key states and audit trail; its refusals come back as Key Vault's
/// error JSON and are read into the same `AccessDenial` codes the in-process vault gives, so commands,
/// `check-health` and drills read the same. A vault that cannot be reached is `VaultUnreachable`, naming the
/// address and the system's words ("connection refused").
public final class RemoteKeyVault: KeyVaultUnwrapping {
    /// The vault process, `https://host:port` (validated by `Session.validatedKeyVaultURL`).
    public let url: String
    /// PEM file of the CA certificates to trust for `url`; nil for the system's trust store.
    public let caFile: String?
    /// Seconds to wait for a connection: a stopped vault answers "refused" at once, an unroutable one waits this.
    public var connectTimeout: Double = 3
    /// Seconds for a whole exchange.
    public var timeout: Double = 15

    /// The api-version of the keys API this client speaks.
    static let apiVersion = "7.5"
    private var tokens: [String: String] = [:]

    public init(url: String, caFile: String?) {
        self.url = url
        self.caFile = caFile
    }

    public func unwrapKey(_ wrapped: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm, as caller: Principal)
        throws -> Result<UnwrappedKey, AccessDenial>
    {
        let token: String
        switch try identityToken(for: caller) {
        case .success(let found): token = found
        case .failure(let denial): return .failure(denial)
        }
        let path = "/vaults/\(Self.escape(key.vaultName))/keys/\(Self.escape(key.keyName))"
            + (key.version.map { "/" + Self.escape($0) } ?? "") + "/unwrapkey?api-version=\(Self.apiVersion)"
        let body = JSONValue.object(JSONObject([
            ("alg", .string(algorithm.rawValue)), ("value", .string(Base64URL.encode(wrapped))),
        ])).serialized(.compact)
        let response: HTTPTransfer.Response
        switch exchange(HTTPTransfer(method: "POST", url: url + path,
                                     headers: ["Authorization: Bearer \(token)", "Content-Type: application/json",
                                               "Accept: application/json"],
                                     body: Array(body.utf8))) {
        case .success(let answer): response = answer
        case .failure(let denial): return .failure(denial)
        }
        let json = try? JSONValue.parse(bytes: response.body)
        guard response.status == 200 else {
            return .failure(try denial(status: response.status, json: json, key: key))
        }
        guard let value = json?["value"]?.stringValue, let plaintext = Base64URL.decode(value) else {
            return .failure(notKeyVault("answered unwrapKey with HTTP 200 but no base64url \"value\""))
        }
        return .success(UnwrappedKey(value: SecureBytes(plaintext), kid: json?["kid"]?.stringValue ?? key.url))
    }

    /// A token for Key Vault's resource, for the caller's managed identity, from the vault process's identity
    /// endpoint; reused for the life of this client (one command).
    private func identityToken(for caller: Principal) throws -> Result<String, AccessDenial> {
        let selector = caller.applicationId.map { "client_id=" + Self.escape($0) }
            ?? "object_id=" + Self.escape(caller.objectId)
        if let token = tokens[selector] { return .success(token) }
        let path = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
            + Self.escape(Session.keyVaultResource) + "&" + selector
        let response: HTTPTransfer.Response
        switch exchange(HTTPTransfer(method: "GET", url: url + path, headers: ["Metadata: true"], body: nil)) {
        case .success(let answer): response = answer
        case .failure(let denial): return .failure(denial)
        }
        let json = try? JSONValue.parse(bytes: response.body)
        guard response.status == 200, let token = json?["access_token"]?.stringValue else {
            if response.status == 400 || response.status == 404, let description = json?["error_description"]?.stringValue {
                return .failure(AccessDenial(
                    .identityNotFound,
                    "The vault's identity endpoint at \(url) issued no token for \(caller.displayName): \(description)"))
            }
            return .failure(notKeyVault("answered the identity endpoint with HTTP \(response.status)"))
        }
        tokens[selector] = token
        return .success(token)
    }

    /// Runs one exchange; a transfer that got no answer is the vault being unreachable, with the cause.
    private func exchange(_ transfer: HTTPTransfer) -> Result<HTTPTransfer.Response, AccessDenial> {
        do {
            return .success(try transfer.perform(caFile: caFile, connectTimeout: connectTimeout, timeout: timeout))
        } catch let failure as HTTPTransfer.Failure {
            let why: String
            switch failure.cause {
            case .connectionRefused: why = "\(failure.detail): no vault server is listening there"
            case .timedOut: why = "timed out: \(failure.detail)"
            case .hostNotFound: why = "host not found: \(failure.detail)"
            case .tls:
                why = "TLS: \(failure.detail); "
                    + (caFile.map { "is \($0) the CA certificate the vault's server uses now?" }
                        ?? "set keyvault.ca-file to the CA certificate it uses (its home's serve-ca.pem)")
            case .other: why = failure.detail
            }
            return .failure(AccessDenial(.vaultUnreachable, "The Key Vault at \(url) could not be reached (\(why))."))
        } catch {
            return .failure(AccessDenial(.vaultUnreachable, "The Key Vault at \(url) could not be reached (\(error))."))
        }
    }

    /// Key Vault's error JSON as the in-process vault's denial: the inner code when it is one of the vault's
    /// stable codes (ForbiddenByPolicy, KeyDisabled, KeyDeleted, ...), else the outer code (KeyNotFound,
    /// VaultNotFound). The vault's message is kept; the fix it appended is dropped (the registry side adds its own).
    ///
    /// - Throws: `CMKError` (BadParameter) when the vault could not decrypt the ciphertext, as the in-process
    ///   vault throws.
    private func denial(status: Int, json: JSONValue?, key: KeyIdentifier) throws -> AccessDenial {
        let error = json?["error"]
        let outer = error?["code"]?.stringValue ?? ""
        let inner = error?["innererror"]?["code"]?.stringValue ?? ""
        var message = error?["message"]?.stringValue ?? ""
        if let fix = message.range(of: " Fix: ", options: .backwards) {
            message = String(message[..<fix.lowerBound])
        }
        if let code = AccessDenial.Code(rawValue: inner) ?? AccessDenial.Code(rawValue: outer) {
            return AccessDenial(code, message)
        }
        if status == 400, outer == "BadParameter" {
            throw CMKError.badRequest(.badParameter, message)
        }
        return notKeyVault("answered unwrapKey with HTTP \(status)" + (outer.isEmpty ? "" : " \(outer)")
                               + (message.isEmpty ? "" : ": \(message)"))
    }

    private func notKeyVault(_ what: String) -> AccessDenial {
        AccessDenial(.vaultUnreachable, "The Key Vault at \(url) \(what), not as Key Vault does.")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return escaped
    }
}

extension RemoteKeyVault {
    /// What puts a vault process behind each session of a home: `url` (e.g. `acrcmk serve --vault-url`) or the
    /// home's `keyvault.url`, trusting `caFile` or the home's `keyvault.ca-file`; nil when neither names one (the
    /// in-process vault answers).
    public static func provider(url: String? = nil, caFile: String? = nil) -> (Session) -> (any KeyVaultUnwrapping)? {
        { session in
            guard let address = url ?? session.world.config[Session.keyVaultURLConfigKey] else { return nil }
            return RemoteKeyVault(url: address, caFile: caFile ?? session.world.config[Session.keyVaultCAFileConfigKey])
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
