import CMKCrypto
import Foundation

/// Who may do what on a registry's data plane: ACR's token service and its authorization, over the world's role
/// assignments and registry settings.
extension Session {
    /// The key that signs registry and Entra tokens, derived from the platform key: only this home mints them.
    var registryTokenKey: SecureBytes {
        get throws {
            try HKDF.deriveKey(inputKeyMaterial: platformKey, salt: [], info: Array("acrcmk/registry-tokens/v1".utf8),
                               outputByteCount: 32)
        }
    }

    // MARK: Issuing tokens

    /// `az acr login --name R --expose-token`: a refresh token for the signed-in operator.
    public func issueRefreshToken(forRegistry name: String) throws -> (token: String, loginServer: String) {
        let registry = try requireRegistry(name)
        let token = RegistryToken(kind: .refresh, subject: .principal(objectId: world.account.operatorObjectId),
                                  audience: registry.loginServer, issuedAt: now,
                                  lifetime: RegistryToken.refreshLifetime)
        return (try token.encoded(signingKey: registryTokenKey), registry.loginServer)
    }

    /// What Microsoft Entra ID (IMDS, for a managed identity) issues: a token for `resource`, for the managed
    /// identity named by client id, object (principal) id or resource id, or for the operator when none is named.
    ///
    /// - Throws: `CMKError` (`ResourceNotFound`) when no identity matches.
    public func issueEntraToken(clientId: String?, objectId: String?, resourceId: String?,
                                resource: String) throws -> RegistryToken {
        let subject: String
        if clientId == nil && objectId == nil && resourceId == nil {
            subject = world.account.operatorObjectId
        } else if let identity = world.identities.first(where: { identity in
            clientId.map { $0.lowercased() == identity.clientId.lowercased() } ?? true
                && objectId.map { $0.lowercased() == identity.principalId.lowercased() } ?? true
                && resourceId.map { $0.lowercased().hasSuffix("/userassignedidentities/\(identity.name.lowercased())") }
                ?? true
        }) {
            subject = identity.principalId
        } else {
            throw CMKError(.notFound, code: .resourceNotFound, "No managed identity matches the requested "
                           + "identity (client_id, object_id or msi_res_id).",
                           hint: "List identities with: acrcmk az identity list --query \"[].{name:name, "
                               + "clientId:clientId}\"")
        }
        return RegistryToken(kind: .entra, subject: .principal(objectId: subject), audience: resource, issuedAt: now,
                             lifetime: RegistryToken.entraLifetime)
    }

    /// The key tokens are signed with, for a front end that inspects a token it just issued.
    public func registryTokenSigningKey() throws -> SecureBytes {
        try registryTokenKey
    }

    /// A refresh token for `caller` (`offline_token=true` on `/oauth2/token`, as docker asks at login).
    public func issueRefreshToken(for caller: RegistryCaller, registry: Registry) throws -> String {
        try encode(RegistryToken(kind: .refresh, subject: caller, audience: registry.loginServer, issuedAt: now,
                                 lifetime: RegistryToken.refreshLifetime))
    }

    /// Signs a token with this home's key.
    public func encode(_ token: RegistryToken) throws -> String {
        try token.encoded(signingKey: registryTokenKey)
    }

    /// `POST /oauth2/exchange`: an Entra access token becomes an ACR refresh token for the registry `service` names.
    public func exchangeEntraToken(_ text: String, service: String) throws -> String {
        guard let token = RegistryToken.decode(text, signingKey: try registryTokenKey), token.kind == .entra else {
            throw Self.unauthorized("The access token is not a valid Microsoft Entra token issued by this home.")
        }
        guard token.expiresAt > now else {
            throw Self.unauthorized("The Microsoft Entra token expired at \(Timestamp.zulu(token.expiresAt)).")
        }
        guard let registry = registry(forService: service) else {
            throw CMKError(.notFound, code: .nameUnknown, "No registry has the login server '\(service)'.")
        }
        let refresh = RegistryToken(kind: .refresh, subject: token.subject, audience: registry.loginServer,
                                    issuedAt: now, lifetime: RegistryToken.refreshLifetime)
        return try encode(refresh)
    }

    /// Who Basic credentials of `/oauth2/token` name: a refresh token under the null user, or the admin user.
    ///
    /// - Throws: `Unauthorized` for anything else (the message says which part was wrong, not a secret).
    public func registryCaller(user: String, password: String) throws -> RegistryCaller {
        if user == RegistryToken.refreshTokenUser {
            return try registryCaller(refreshToken: password)
        }
        guard let registry = world.registries[key: ResourceName(user)] else {
            throw Self.unauthorized("Unknown user '\(user)': sign in with the admin user (the registry's name) or "
                                    + "with user \(RegistryToken.refreshTokenUser) and a refresh token.")
        }
        guard registry.adminUserEnabled else {
            throw Self.unauthorized("The admin user of registry '\(registry.name)' is disabled.",
                                    hint: "Enable it with: acrcmk az acr update -n \(registry.name) "
                                        + "--admin-enabled true")
        }
        for slot in 0..<2 where try adminPassword(registry, slot: slot) == password {
            return .adminUser(registry: registry.name, password: slot, generation: registry.adminPasswordGeneration(slot))
        }
        throw Self.unauthorized("Wrong password for the admin user of registry '\(registry.name)'.",
                                hint: "Show the current passwords with: acrcmk az acr credential show -n "
                                    + registry.name)
    }

    /// The caller a refresh token speaks for, when it is this home's and current.
    public func registryCaller(refreshToken text: String) throws -> RegistryCaller {
        guard let token = RegistryToken.decode(text, signingKey: try registryTokenKey), token.kind == .refresh else {
            throw Self.unauthorized("The refresh token is not one this registry service issued.",
                                    hint: "Get one with: acrcmk az acr login --name REGISTRY --expose-token")
        }
        guard token.expiresAt > now else {
            throw Self.unauthorized("The refresh token expired at \(Timestamp.zulu(token.expiresAt)).",
                                    hint: "Get a new one with: acrcmk az acr login --name REGISTRY --expose-token")
        }
        return token.subject
    }

    /// `/oauth2/token`: an access token for the scopes asked, each reduced to what the caller may do now (the
    /// distribution spec's token servers grant a subset rather than fail).
    public func issueAccessToken(for caller: RegistryCaller, service: String,
                                 scopes: [RepositoryGrant]) throws -> String {
        let granted: [RepositoryGrant] = scopes.compactMap { scope in
            guard let registry = registry(forService: service) ?? registry(forAddressedName: scope.name) else {
                return nil
            }
            let allowed = registryActions(for: caller, on: registry)
            let actions = scope.actions.filter { action in
                if scope.type == "registry" { return allowed.contains(.pull) }
                if action == "*" { return !allowed.isEmpty }
                return RegistryAction(rawValue: action).map(allowed.contains) ?? false
            }
            return actions.isEmpty ? nil : RepositoryGrant(type: scope.type, name: scope.name, actions: actions)
        }
        let token = RegistryToken(kind: .access, subject: caller, audience: service, access: granted, issuedAt: now,
                                  lifetime: RegistryToken.accessLifetime)
        return try encode(token)
    }

    // MARK: Authorizing a request

    /// Decides a data-plane request: the bearer token must be current and grant `action` on `addressedName` (the
    /// repository as the client named it), and the caller must still hold a role allowing it now.
    ///
    /// - Returns: The caller, for the access log.
    /// - Throws: `RegistryAccessRefusal`: `.challenge` (401: get a token for this scope) or `.denied` (403: the
    ///   caller may not, whatever token it gets).
    public func authorize(bearer: String?, registry: Registry, addressedName: String, scopeType: String = "repository",
                          action: RegistryAction) throws -> RegistryCaller {
        guard let bearer else {
            if action == .pull, registry.anonymousPullEnabled == true {
                return .anonymous
            }
            throw RegistryAccessRefusal.challenge("Authentication required.")
        }
        guard let token = RegistryToken.decode(bearer, signingKey: try registryTokenKey), token.kind == .access else {
            throw RegistryAccessRefusal.challenge("The bearer token is not an access token this registry issued.")
        }
        guard token.expiresAt > now else {
            throw RegistryAccessRefusal.challenge("The access token expired at \(Timestamp.zulu(token.expiresAt)).")
        }
        let allowed = registryActions(for: token.subject, on: registry)
        let inToken = token.access.contains { grant in
            grant.type == scopeType && grant.name == addressedName
                && (grant.actions.contains(action.rawValue) || grant.actions.contains("*"))
        }
        guard allowed.contains(action) else {
            if case .adminUser = token.subject {
                throw RegistryAccessRefusal.challenge("The admin user of registry '\(registry.name)' is disabled or "
                                                      + "its password was renewed.")
            }
            throw RegistryAccessRefusal.denied(missingPermission(action, caller: token.subject, registry: registry))
        }
        guard inToken else {
            throw RegistryAccessRefusal.insufficientScope("The access token does not grant \(action.rawValue) on "
                                                          + "'\(addressedName)'; get one for this scope.")
        }
        return token.subject
    }

    /// True when `bearer` is a current access token of this home (`GET /v2/` answers 200 to it).
    public func isCurrentAccessToken(_ bearer: String) -> Bool {
        guard let key = try? registryTokenKey, let token = RegistryToken.decode(bearer, signingKey: key) else {
            return false
        }
        return token.kind == .access && token.expiresAt > now
    }

    /// What `caller` may do on `registry` now.
    public func registryActions(for caller: RegistryCaller, on registry: Registry) -> Set<RegistryAction> {
        switch caller {
        case .anonymous:
            return registry.anonymousPullEnabled == true ? [.pull] : []
        case .adminUser(let name, let slot, let generation):
            guard ResourceName(name) == registry.resourceName, registry.adminUserEnabled,
                  registry.adminPasswordGeneration(slot) == generation
            else { return [] }
            return Set(RegistryAction.allCases)
        case .principal(let objectId):
            let registryID = registry.id(subscriptionId: world.account.subscriptionId)
            var actions: Set<RegistryAction> = registry.anonymousPullEnabled == true ? [.pull] : []
            for assignment in world.roleAssignments.rows(where: "principal_id", equals: objectId.lowercased())
            where assignment.covers(registryID) {
                actions.formUnion(RegistryAction.granted(byRole: RoleDefinition.find(assignment.roleName)?.name
                                                            ?? assignment.roleName))
            }
            return actions
        }
    }

    private func missingPermission(_ action: RegistryAction, caller: RegistryCaller, registry: Registry) -> String {
        let role: String
        switch action {
        case .pull: role = "AcrPull"
        case .push: role = "AcrPush"
        case .delete: role = "AcrDelete"
        }
        let who: String
        switch caller {
        case .principal(let objectId):
            who = world.identities.first { $0.principalId.lowercased() == objectId.lowercased() }
                .map { "managed identity '\($0.name)' (\(objectId))" }
                ?? (objectId == world.account.operatorObjectId ? "the signed-in operator" : "principal \(objectId)")
        case .adminUser: who = "the admin user"
        case .anonymous: who = "an anonymous caller"
        }
        return "requested access to the resource is denied: \(who) has no role allowing \(action.rawValue) on "
            + "registry '\(registry.name)'. Fix: acrcmk az role assignment create --role \(role) --assignee "
            + "<principal-id> --scope \(registry.id(subscriptionId: world.account.subscriptionId))"
    }

    /// `--anonymous-pull-enabled`: unauthenticated pulls, which ACR offers on Standard and Premium only.
    public func setAnonymousPull(registry name: String, enabled: Bool) throws {
        var registry = try requireRegistry(name)
        if enabled && registry.sku == .basic {
            throw CMKError.badRequest(.badRequest, "Anonymous pull is supported only by the Standard and Premium "
                                          + "SKUs; registry '\(registry.name)' is Basic.",
                                      hint: "Upgrade first: acrcmk az acr update -n \(registry.name) --sku Standard")
        }
        registry.anonymousPullEnabled = enabled
        world.registries[key: registry.resourceName] = registry
    }

    // MARK: Admin user

    /// `az acr credential show`: the admin user's name and two passwords.
    public func adminCredentials(registry name: String) throws -> (username: String, passwords: [String]) {
        let registry = try requireRegistry(name)
        guard registry.adminUserEnabled else {
            throw CMKError.badRequest(.badRequest, "Run 'az acr update -n \(registry.name) --admin-enabled true' to "
                                          + "enable admin first.")
        }
        return (registry.name, try (0..<2).map { try adminPassword(registry, slot: $0) })
    }

    /// `az acr credential renew --password-name password|password2`: a new password in that slot.
    public func renewAdminPassword(registry name: String, slot: Int) throws -> (username: String, passwords: [String]) {
        var registry = try requireRegistry(name)
        _ = try adminCredentials(registry: name)
        var generations = registry.adminPasswordGenerations ?? [0, 0]
        generations[slot] += 1
        registry.adminPasswordGenerations = generations
        world.registries[key: registry.resourceName] = registry
        return try adminCredentials(registry: name)
    }

    /// Passwords are derived, not stored: the token key over the registry's incarnation, slot and generation.
    private func adminPassword(_ registry: Registry, slot: Int) throws -> String {
        let message = Array("admin-password|\(registry.name.lowercased())|".utf8) + registry.contentKeySalt
            + Array("|\(slot)|\(registry.adminPasswordGeneration(slot))".utf8)
        let code = try HMACSHA256.authenticationCode(for: message, key: registryTokenKey)
        return String(Base64URL.encode(code).prefix(42))
    }

    // MARK: Addressing

    /// The registry a token request's `service` names: `<name>.azurecr.io`, `<name>.localhost`, any port.
    public func registry(forService service: String) -> Registry? {
        var host = service.lowercased()
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
            host = String(host[..<colon])
        }
        for suffix in [".azurecr.io", ".localhost"] where host.hasSuffix(suffix) {
            return world.registries[key: ResourceName(host.dropLast(suffix.count))]
        }
        return nil
    }

    /// The registry a repository name addressed by path prefix names (`<registry>/<repository>`).
    public func registry(forAddressedName name: String) -> Registry? {
        guard let slash = name.firstIndex(of: "/") else { return nil }
        return world.registries[key: ResourceName(name[..<slash])]
    }

    static func unauthorized(_ message: String, hint: String? = nil) -> CMKError {
        CMKError(.forbidden, code: .unauthorized, message, hint: hint)
    }
}

/// Why a data-plane request was refused.
public enum RegistryAccessRefusal: Error, Equatable {
    /// 401 with a Bearer challenge: credentials are missing, expired or do not cover the request.
    case challenge(String)
    /// 403 DENIED: the caller may not do this.
    case denied(String)
    /// 403 with a Bearer challenge (RFC 6750's `insufficient_scope`): the caller may do this, but its token does
    /// not say so; a new token for the challenge's scope will.
    case insufficientScope(String)
}

extension Registry {
    /// How many times the admin password in `slot` (0 or 1) was renewed.
    func adminPasswordGeneration(_ slot: Int) -> Int {
        adminPasswordGenerations.map { $0.indices.contains(slot) ? $0[slot] : 0 } ?? 0
    }
}
