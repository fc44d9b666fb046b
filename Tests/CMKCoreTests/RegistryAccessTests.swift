import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// ACR's data-plane authorization: tokens say who the caller is and what it asked for; the roles and registry
/// settings of the moment decide.
struct RegistryAccessTests {
    private func registrySession() throws -> (Session, Registry) {
        let session = try CoreFixture.pinnedRegistrySession()
        return (session, try session.requireRegistry("cmkreg"))
    }

    private func accessToken(_ session: Session, caller: RegistryCaller, scope: String) throws -> String {
        try session.issueAccessToken(for: caller, service: "cmkreg.azurecr.io",
                                     scopes: [RepositoryGrant.parse(scope: scope)!])
    }

    @Test func theOperatorsRefreshTokenBecomesAnAccessTokenThatAuthorizesPushAndPull() throws {
        let (session, registry) = try registrySession()
        let refresh = try session.issueRefreshToken(forRegistry: "cmkreg").token
        let caller = try session.registryCaller(user: RegistryToken.refreshTokenUser, password: refresh)
        #expect(caller == .principal(objectId: session.world.account.operatorObjectId))
        let token = try accessToken(session, caller: caller, scope: "repository:app:pull,push")
        #expect(try session.authorize(bearer: token, registry: registry, addressedName: "app", action: .push) == caller)
        #expect(try session.authorize(bearer: token, registry: registry, addressedName: "app", action: .pull) == caller)
        // Another repository is not in the token: a new token for that scope is needed.
        #expect(throws: RegistryAccessRefusal.self) {
            try session.authorize(bearer: token, registry: registry, addressedName: "other", action: .pull)
        }
    }

    @Test func noTokenIsAChallengeAndAForeignOrTamperedTokenIsRefused() throws {
        let (session, registry) = try registrySession()
        #expect(throws: RegistryAccessRefusal.challenge("Authentication required.")) {
            try session.authorize(bearer: nil, registry: registry, addressedName: "app", action: .pull)
        }
        let token = try accessToken(session, caller: .principal(objectId: session.world.account.operatorObjectId),
                                    scope: "repository:app:pull")
        var tampered = Array(token.utf8)
        tampered[tampered.count / 2] ^= 1
        let foreignKey = SecureBytes.random(count: 32)
        let foreign = try RegistryToken(kind: .access, subject: .principal(objectId: "x"), audience: "cmkreg.azurecr.io",
                                        access: [RepositoryGrant(type: "repository", name: "app", actions: ["pull"])],
                                        issuedAt: session.now, lifetime: 3600).encoded(signingKey: foreignKey)
        for bearer in [String(decoding: tampered, as: UTF8.self), foreign, "garbage", ""] {
            #expect(throws: RegistryAccessRefusal.self) {
                try session.authorize(bearer: bearer, registry: registry, addressedName: "app", action: .pull)
            }
        }
    }

    @Test func tokensExpireOnTheSimulatedClock() throws {
        let (session, registry) = try registrySession()
        let refresh = try session.issueRefreshToken(forRegistry: "cmkreg").token
        let token = try accessToken(session, caller: .principal(objectId: session.world.account.operatorObjectId),
                                    scope: "repository:app:pull")
        let later = CoreFixture.session(after: session, seconds: RegistryToken.accessLifetime + 1)
        #expect(throws: RegistryAccessRefusal.self) {
            try later.authorize(bearer: token, registry: registry, addressedName: "app", action: .pull)
        }
        // The refresh token lives three hours.
        _ = try later.registryCaller(refreshToken: refresh)
        let muchLater = CoreFixture.session(after: session, seconds: RegistryToken.refreshLifetime + 1)
        #expect(throws: CMKError.self) { try muchLater.registryCaller(refreshToken: refresh) }
    }

    @Test func anAcrPullIdentityPullsButIsDeniedPushAndRemovingTheRoleRevokesAtOnce() throws {
        let (session, registry) = try registrySession()
        let identity = session.fixtureIdentity
        let assignment = session.roleAssignment("AcrPull", principalId: identity.principalId,
                                                scope: registry.id(subscriptionId: session.world.account.subscriptionId))
        session.world.roleAssignments.append(assignment)
        let caller = RegistryCaller.principal(objectId: identity.principalId)
        #expect(session.registryActions(for: caller, on: registry) == [.pull])
        let token = try accessToken(session, caller: caller, scope: "repository:app:pull,push")
        // The token server grants the subset the roles allow.
        let decoded = try #require(RegistryToken.decode(token, signingKey: try session.registryTokenSigningKey()))
        #expect(decoded.access.first?.actions == ["pull"])
        #expect(try session.authorize(bearer: token, registry: registry, addressedName: "app", action: .pull) == caller)
        do {
            _ = try session.authorize(bearer: token, registry: registry, addressedName: "app", action: .push)
            Issue.record("push was allowed")
        } catch RegistryAccessRefusal.denied(let message) {
            #expect(message.contains("managed identity '\(identity.name)'"))
            #expect(message.contains("--role AcrPush"))
        }
        session.world.roleAssignments.removeAll { $0.name == assignment.name }
        #expect(throws: RegistryAccessRefusal.self) {
            try session.authorize(bearer: token, registry: registry, addressedName: "app", action: .pull)
        }
    }

    @Test func theAdminUserWorksOnlyWhileEnabledAndARenewedPasswordInvalidatesItsTokens() throws {
        let (session, registry) = try registrySession()
        #expect(throws: CMKError.self) { try session.adminCredentials(registry: "cmkreg") }
        _ = try session.updateRegistry(name: "cmkreg", resourceGroup: nil, sku: nil, adminEnabled: true,
                                       defaultAction: nil, publicNetworkEnabled: nil, tags: nil)
        let credentials = try session.adminCredentials(registry: "cmkreg")
        #expect(credentials.username == "cmkreg")
        #expect(Set(credentials.passwords).count == 2)
        #expect(throws: CMKError.self) { try session.registryCaller(user: "cmkreg", password: "wrong") }
        let caller = try session.registryCaller(user: "cmkreg", password: credentials.passwords[0])
        let token = try accessToken(session, caller: caller, scope: "repository:app:pull,push")
        #expect(try session.authorize(bearer: token, registry: try session.requireRegistry("cmkreg"),
                                      addressedName: "app", action: .push) == caller)
        let renewed = try session.renewAdminPassword(registry: "cmkreg", slot: 0)
        #expect(renewed.passwords[0] != credentials.passwords[0])
        #expect(renewed.passwords[1] == credentials.passwords[1])
        #expect(throws: RegistryAccessRefusal.self) {
            try session.authorize(bearer: token, registry: try session.requireRegistry("cmkreg"),
                                  addressedName: "app", action: .pull)
        }
        _ = registry
    }

    @Test func anonymousPullNeedsTheSettingAndAStandardOrPremiumRegistry() throws {
        let (session, registry) = try registrySession()
        #expect(throws: RegistryAccessRefusal.self) {
            try session.authorize(bearer: nil, registry: registry, addressedName: "app", action: .pull)
        }
        try session.setAnonymousPull(registry: "cmkreg", enabled: true)
        let open = try session.requireRegistry("cmkreg")
        #expect(try session.authorize(bearer: nil, registry: open, addressedName: "app", action: .pull) == .anonymous)
        #expect(throws: RegistryAccessRefusal.self) {
            try session.authorize(bearer: nil, registry: open, addressedName: "app", action: .push)
        }
        try session.createRegistry(RegistryCreateRequest(name: "basicreg", resourceGroup: CoreFixture.group, sku: .basic))
        #expect(throws: CMKError.self) { try session.setAnonymousPull(registry: "basicreg", enabled: true) }
    }

    @Test func identityTokensAreIssuedForKnownIdentitiesAndExchangedForARefreshToken() throws {
        let (session, _) = try registrySession()
        let identity = session.fixtureIdentity
        let entra = try session.issueEntraToken(clientId: identity.clientId, objectId: nil, resourceId: nil,
                                                resource: "https://management.azure.com/")
        #expect(entra.subject == .principal(objectId: identity.principalId))
        #expect(throws: CMKError.self) {
            try session.issueEntraToken(clientId: "00000000-1111-2222-3333-444444444444", objectId: nil,
                                        resourceId: nil, resource: "https://management.azure.com/")
        }
        let refresh = try session.exchangeEntraToken(try session.encode(entra), service: "cmkreg.azurecr.io")
        #expect(try session.registryCaller(refreshToken: refresh) == .principal(objectId: identity.principalId))
        // An ACR refresh token is not an Entra token.
        #expect(throws: CMKError.self) { try session.exchangeEntraToken(refresh, service: "cmkreg.azurecr.io") }
    }

    @Test func scopesParseAsTheDistributionSpecWritesThem() {
        #expect(RepositoryGrant.parse(scope: "repository:team/app:pull,push")
                    == RepositoryGrant(type: "repository", name: "team/app", actions: ["pull", "push"]))
        #expect(RepositoryGrant.parse(scope: "registry:catalog:*")
                    == RepositoryGrant(type: "registry", name: "catalog", actions: ["*"]))
        for bad in ["", "repository", "repository:app", "repository::pull", "user:app:pull", "repository:app:"] {
            #expect(RepositoryGrant.parse(scope: bad) == nil, "\(bad)")
        }
    }
}
