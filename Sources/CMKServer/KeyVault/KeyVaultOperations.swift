import CMKCore
import Foundation
import JSON

/// One keys request inside its unit of work: reads the request body as Key Vault's REST API defines it, calls the
/// core as the caller, and answers with Key Vault's REST shapes.
struct KeyVaultOperations {
    let session: Session
    let caller: Principal
    let target: KeyVaultTarget

    private var vault: String { target.vaultName }
    private var projection: ResourceProjection { ResourceProjection(world: session.world) }

    func perform(_ route: KeyVaultRoute, body: JSONValue) throws -> HTTPResponse {
        switch route {
        case .listKeys:
            let keys = try session.listKeys(vaultName: vault, as: caller).sorted { $0.name < $1.name }
            return page(keys.map { projection.restKeyItem($0, $0.current, versioned: false, vaultURL: target.vaultURL) })
        case .createKey(let name):
            return try createKey(name, body: body)
        case .importKey(let name):
            return try importKey(name, body: body)
        case .getKey(let name, let version):
            let (key, keyVersion) = try session.showKey(vaultName: vault, name: name, version: version, as: caller)
            return bundle(key, keyVersion)
        case .updateKey(let name, let version):
            var update = KeyAttributesUpdate()
            let attributes = body["attributes"]
            update.enabled = try Self.bool(attributes?["enabled"], "attributes.enabled")
            update.notBefore = try Self.date(attributes?["nbf"], "attributes.nbf")
            update.expires = try Self.date(attributes?["exp"], "attributes.exp")
            update.operations = try Self.strings(body["key_ops"], "key_ops")
            update.tags = try Self.tags(body["tags"])
            let (key, keyVersion) = try session.setKeyAttributes(vaultName: vault, name: name, version: version,
                                                                 update, as: caller)
            return bundle(key, keyVersion)
        case .deleteKey(let name):
            let key = try session.deleteKey(vaultName: vault, name: name, as: caller)
            return bundle(key, key.current)
        case .listVersions(let name):
            let (key, versions) = try session.listKeyVersions(vaultName: vault, name: name, as: caller)
            return page(versions.map { projection.restKeyItem(key, $0, versioned: true, vaultURL: target.vaultURL) })
        case .rotateKey(let name):
            let (key, keyVersion) = try session.rotateKey(vaultName: vault, name: name, as: caller)
            return bundle(key, keyVersion)
        case .getRotationPolicy(let name):
            let (key, policy) = try session.showRotationPolicy(vaultName: vault, name: name, as: caller)
            return .json(projection.restRotationPolicy(key, policy, vaultURL: target.vaultURL))
        case .updateRotationPolicy(let name):
            return try updateRotationPolicy(name, body: body)
        case .cryptography(let name, let version, let operation):
            return try cryptography(operation, name: name, version: version, body: body)
        case .listDeletedKeys:
            let keys = try session.listDeletedKeys(vaultName: vault, as: caller).sorted { $0.name < $1.name }
            return page(keys.map { projection.restKeyItem($0, $0.current, versioned: false, vaultURL: target.vaultURL) })
        case .getDeletedKey(let name):
            let key = try session.showDeletedKey(vaultName: vault, name: name, as: caller)
            return bundle(key, key.current)
        case .purgeDeletedKey(let name):
            try session.purgeKey(vaultName: vault, name: name, as: caller)
            return HTTPResponse(status: 204)
        case .recoverDeletedKey(let name):
            let key = try session.recoverKey(vaultName: vault, name: name, as: caller)
            return bundle(key, key.current)
        }
    }

    // MARK: Operations with a body

    private func createKey(_ name: String, body: JSONValue) throws -> HTTPResponse {
        guard let kty = try Self.string(body["kty"], "kty") else {
            throw KeyVaultError.badParameter("The key type (kty) is required: RSA or RSA-HSM.")
        }
        guard let keyType = KeyType(azName: kty) else {
            throw KeyVaultError.badParameter("Invalid key type '\(kty)'. Use RSA or RSA-HSM.")
        }
        if !keyType.isRSA, keyType != .oct, keyType != .octHSM {
            throw KeyVaultError.badParameter("acrcmk's vault makes RSA and RSA-HSM keys only: an EC key would have no "
                                                 + "key material to sign with here, and a registry cannot use one.")
        }
        if let exponent = try Self.number(body["public_exponent"], "public_exponent"), exponent != 65537 {
            throw KeyVaultError.badParameter("Only the public exponent 65537 is supported.")
        }
        var request = KeyCreateRequest(vaultName: vault, name: name)
        request.keyType = keyType
        request.size = try Self.number(body["key_size"], "key_size").map { Int($0) }
        request.curve = try Self.string(body["crv"], "crv")
        request.operations = try Self.strings(body["key_ops"], "key_ops")
        let attributes = body["attributes"]
        request.disabled = try Self.bool(attributes?["enabled"], "attributes.enabled") == false
        request.notBefore = try Self.date(attributes?["nbf"], "attributes.nbf")
        request.expires = try Self.date(attributes?["exp"], "attributes.exp")
        request.tags = try Self.tags(body["tags"])
        let (key, version) = try session.createKey(request, as: caller)
        return bundle(key, version)
    }

    private func importKey(_ name: String, body: JSONValue) throws -> HTTPResponse {
        guard let jwk = body["key"], case .object = jwk else {
            throw KeyVaultError.badParameter("The key to import (key, a JSON Web Key) is required.")
        }
        let kty = try Self.string(jwk["kty"], "key.kty") ?? ""
        guard let keyType = KeyType(azName: kty), keyType.isRSA else {
            throw KeyVaultError.badParameter("acrcmk imports RSA keys only; key.kty is '\(kty)'.")
        }
        var members: [String: String] = [:]
        for name in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
            members[name] = try Self.string(jwk[name], "key.\(name)")
        }
        let attributes = body["attributes"]
        let hsm = try Self.bool(body["Hsm"] ?? body["hsm"], "Hsm") ?? false
        let (key, version) = try session.importKey(
            vaultName: vault, name: name, jwk: RSAPrivateJSONWebKey(members: members), hsm: hsm || keyType == .rsaHSM,
            operations: try Self.strings(jwk["key_ops"], "key.key_ops"),
            enabled: try Self.bool(attributes?["enabled"], "attributes.enabled") ?? true,
            notBefore: try Self.date(attributes?["nbf"], "attributes.nbf"),
            expires: try Self.date(attributes?["exp"], "attributes.exp"), tags: try Self.tags(body["tags"]),
            as: caller)
        return bundle(key, version)
    }

    private func updateRotationPolicy(_ name: String, body: JSONValue) throws -> HTTPResponse {
        func duration(_ value: JSONValue?, _ field: String) throws -> ISODuration? {
            guard let text = try Self.string(value, field) else { return nil }
            do {
                return try ISODuration(text)
            } catch {
                throw KeyVaultError.badParameter("\(field) '\(text)' is not an ISO 8601 duration (P90D, P1Y, ...).")
            }
        }
        var actions: [RotationPolicy.LifetimeAction] = []
        for (index, item) in (body["lifetimeActions"]?.arrayValue ?? []).enumerated() {
            let field = "lifetimeActions[\(index)]"
            guard let type = try Self.string(item["action"]?["type"], "\(field).action.type"),
                  let action = [RotationPolicy.LifetimeAction.Action.rotate, .notify]
                      .first(where: { $0.rawValue.lowercased() == type.lowercased() })
            else {
                throw KeyVaultError.badParameter("\(field).action.type must be Rotate or Notify.")
            }
            actions.append(RotationPolicy.LifetimeAction(
                action: action, timeAfterCreate: try duration(item["trigger"]?["timeAfterCreate"],
                                                              "\(field).trigger.timeAfterCreate"),
                timeBeforeExpiry: try duration(item["trigger"]?["timeBeforeExpiry"],
                                               "\(field).trigger.timeBeforeExpiry")))
        }
        let expiry = try duration(body["attributes"]?["expiryTime"], "attributes.expiryTime")
        let (key, policy) = try session.updateRotationPolicy(vaultName: vault, name: name, lifetimeActions: actions,
                                                             expiryTime: expiry, as: caller)
        return .json(projection.restRotationPolicy(key, policy, vaultURL: target.vaultURL))
    }

    private func cryptography(_ operation: KeyVaultRoute.CryptographicOperation, name: String, version: String?,
                              body: JSONValue) throws -> HTTPResponse {
        guard operation != .sign, operation != .verify else {
            throw KeyVaultError.badParameter("acrcmk's vault does not offer \(operation.rawValue): it simulates the "
                                                 + "keys a registry uses, for wrapKey, unwrapKey, encrypt and decrypt.")
        }
        let algorithmName = try Self.string(body["alg"], "alg") ?? ""
        guard let algorithm = KeyEncryptionAlgorithm(rawValue: algorithmName) else {
            throw KeyVaultError.badParameter("Algorithm '\(algorithmName)' is not supported for \(operation.rawValue) "
                                                 + "here: use RSA-OAEP, RSA-OAEP-256 or RSA1_5.")
        }
        guard let text = try Self.string(body["value"], "value"), let value = Base64URLText.decode(text) else {
            throw KeyVaultError.badParameter("value (base64url) is required.")
        }
        let result: [UInt8]
        let kid: String
        switch operation {
        case .wrapKey, .encrypt:
            let call = operation == .wrapKey ? session.wrapKey : session.encrypt
            (result, kid) = try call(vault, name, version, algorithm, value, caller)
        case .unwrapKey, .decrypt:
            let call = operation == .unwrapKey ? session.unwrapKey : session.decrypt
            let opened = try call(vault, name, version, algorithm, value, caller)
            result = opened.plaintext.withUnsafeBytes { Array($0) }
            kid = opened.kid
        case .sign, .verify:
            preconditionFailure("refused above")
        }
        return .json(["kid": .string(rebase(kid)), "value": .string(Base64URLText.encode(result))])
    }

    // MARK: Answers

    private func bundle(_ key: VaultKey, _ version: KeyVersion) -> HTTPResponse {
        .json(projection.restKeyBundle(key, version, vaultURL: target.vaultURL))
    }

    private func page(_ items: [JSONValue]) -> HTTPResponse {
        .json(["value": .array(items), "nextLink": nil])
    }

    /// A key id of the core (`https://<vault>.vault.azure.net/...`) on the URL this vault was addressed by.
    private func rebase(_ kid: String) -> String {
        let canonical = ResourceProjection.canonicalVaultURL(vault.lowercased())
        guard kid.lowercased().hasPrefix(canonical) else { return kid }
        return target.vaultURL + kid.dropFirst(canonical.count)
    }

    // MARK: Reading the body

    static func string(_ value: JSONValue?, _ field: String) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw KeyVaultError.badParameter("\(field) must be a string.")
        }
    }

    static func bool(_ value: JSONValue?, _ field: String) throws -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw KeyVaultError.badParameter("\(field) must be true or false.")
        }
    }

    static func number(_ value: JSONValue?, _ field: String) throws -> Double? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)?: return number
        default: throw KeyVaultError.badParameter("\(field) must be a number.")
        }
    }

    /// Unix seconds, as Key Vault's attributes carry times.
    static func date(_ value: JSONValue?, _ field: String) throws -> Date? {
        try number(value, field).map { Date(timeIntervalSince1970: $0) }
    }

    static func strings(_ value: JSONValue?, _ field: String) throws -> [String]? {
        switch value {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.map { item in
                guard case .string(let text) = item else {
                    throw KeyVaultError.badParameter("\(field) must be a list of strings.")
                }
                return text
            }
        default: throw KeyVaultError.badParameter("\(field) must be a list of strings.")
        }
    }

    static func tags(_ value: JSONValue?) throws -> [String: String]? {
        switch value {
        case nil, .null?: return nil
        case .object(let object)?:
            var tags: [String: String] = [:]
            for (key, item) in object {
                guard case .string(let text) = item else { throw KeyVaultError.badParameter("tags must be strings.") }
                tags[key] = text
            }
            return tags
        default: throw KeyVaultError.badParameter("tags must be an object of strings.")
        }
    }
}
