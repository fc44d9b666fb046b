@_spi(KeySealing) import CMKCrypto
import Foundation
import JSON
import Testing

@testable import CMKCore

/// The keys data plane by a named caller, as the REST API uses it: who a bearer token names, what the caller may
/// do, JSON Web Key import, and the REST shapes.
struct KeyVaultRESTTests {
    private func token(_ session: Session, clientId: String? = nil, resource: String = Session.keyVaultResource)
        throws -> String
    {
        try session.encode(session.issueEntraToken(clientId: clientId, objectId: nil, resourceId: nil,
                                                   resource: resource))
    }

    @Test func aVaultTokenNamesTheOperatorOrTheIdentityAndNothingElseIsAccepted() throws {
        let session = CoreFixture.session()
        #expect(try session.keyVaultCaller(bearer: token(session)) == session.signedInOperator)
        #expect(try session.keyVaultCaller(bearer: token(session, resource: "https://vault.azure.net/.default"))
                    == session.signedInOperator)
        let identity = session.fixtureIdentity
        let caller = try session.keyVaultCaller(bearer: token(session, clientId: identity.clientId))
        #expect(caller.objectId == identity.principalId)
        #expect(caller.kind == .managedIdentity(name: identity.name))
        #expect(!caller.isTrustedAzureService)

        for bearer in [nil, "not-a-token", try token(session, resource: "https://management.azure.com/")] {
            #expect(throws: CMKError.self) { try session.keyVaultCaller(bearer: bearer) }
        }
        // Tokens count on the simulated clock.
        let later = CoreFixture.session(after: session, seconds: RegistryToken.entraLifetime + 1)
        let expired = try token(session)
        #expect { try later.keyVaultCaller(bearer: expired) } throws: { error in
            (error as? CMKError)?.code == .unauthorized
        }
    }

    @Test func theCallerIsEvaluatedAsTheCommandLineEvaluatesIt() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let identity = session.fixtureIdentity
        let caller = try session.keyVaultCaller(bearer: token(session, clientId: identity.clientId))
        // get, wrapKey, unwrapKey granted by the access policy; create is not.
        let dek = Array(repeating: UInt8(7), count: 32)
        let wrapped = try session.wrapKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                          algorithm: .rsaOAEP256, plaintext: dek, as: caller)
        let opened = try session.unwrapKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                           version: nil, algorithm: .rsaOAEP256, ciphertext: wrapped.ciphertext,
                                           as: caller)
        #expect(opened.plaintext.withUnsafeBytes { Array($0) } == dek)
        // Too long for a 2048-bit key with OAEP-256: the caller's mistake, not a crash.
        #expect { try session.wrapKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                      algorithm: .rsaOAEP256, plaintext: Array(repeating: 1, count: 300), as: caller) }
            throws: { ($0 as? CMKError)?.code == .badParameter }
        #expect { try session.createKey(KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "k2"), as: caller) }
            throws: { ($0 as? CMKError)?.code?.rawValue == "ForbiddenByPolicy" }
        #expect(session.auditEvents.contains {
            $0.operationName == "KeyCreate" && $0.callerObjectId == identity.principalId
                && $0.resultSignature == "Forbidden"
        })
    }

    @Test func anRSAPrivateJWKImportsAndAMismatchedOneIsRefused() throws {
        let session = CoreFixture.session()
        let privateKey = try RSAPrivateKey.generate(bitCount: 2048)
        let pem = String(decoding: privateKey.pemRepresentation.withUnsafeBytes { Array($0) }, as: UTF8.self)
        #expect(pem.contains("PRIVATE KEY"))
        // The JWK members, from OpenSSL's own text of the key (`openssl pkey -text`), via the test's CLI.
        let members = try Self.jwkMembers(pem: pem)
        let (_, version) = try session.importKey(
            vaultName: CoreFixture.rbacVault, name: "imported", jwk: RSAPrivateJSONWebKey(members: members),
            hsm: false, operations: ["unwrapKey"], enabled: true, notBefore: nil, expires: nil, tags: nil)
        #expect(version.publicJWK?.n == privateKey.publicKey.jwk.n)
        #expect(version.keyOps == ["unwrapKey"])
        var wrong = members
        wrong["d"] = members["dp"]
        #expect { try session.importKey(vaultName: CoreFixture.rbacVault, name: "bad",
                                        jwk: RSAPrivateJSONWebKey(members: wrong), hsm: false, operations: nil,
                                        enabled: true, notBefore: nil, expires: nil, tags: nil) }
            throws: { ($0 as? CMKError)?.code == .badParameter }
        var missing = members
        missing["qi"] = nil
        #expect { try session.importKey(vaultName: CoreFixture.rbacVault, name: "bad",
                                        jwk: RSAPrivateJSONWebKey(members: missing), hsm: false, operations: nil,
                                        enabled: true, notBefore: nil, expires: nil, tags: nil) }
            throws: { ($0 as? CMKError)?.code == .badParameter }
    }

    @Test func restShapesUseUnixSecondsSnakeCaseAndTheAddressedVaultURL() throws {
        let session = CoreFixture.session()
        let key = try #require(session.world.keys[key: "\(CoreFixture.rbacVault)/\(CoreFixture.keyName)"])
        let projection = ResourceProjection(world: session.world)
        let bundle = projection.restKeyBundle(key, key.current, vaultURL: "https://kvrbac.vault.azure.net:8443")
        let jwk = try #require(bundle["key"]?.objectValue)
        #expect(jwk["kid"]?.stringValue
                    == "https://kvrbac.vault.azure.net:8443/keys/\(key.name)/\(key.current.version)")
        #expect(jwk["key_ops"]?.arrayValue?.count == 6)
        #expect(jwk["n"]?.stringValue == key.current.publicJWK?.n)
        #expect(jwk["d"] == nil)
        guard case .number(let created)? = bundle["attributes"]?["created"] else {
            Issue.record("created is not Unix seconds")
            return
        }
        #expect(created == key.current.created.timeIntervalSince1970.rounded(.down))
        #expect(bundle["recoveryId"] == nil)
        let item = projection.restKeyItem(key, key.current, versioned: false)
        #expect(item["kid"]?.stringValue == "https://kvrbac.vault.azure.net/keys/\(key.name)")
    }

    /// n, e, d, p, q, dp, dq, qi of a PEM private key, read with the openssl command.
    private static func jwkMembers(pem: String) throws -> [String: String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jwk-\(UUID()).pem")
        try Data(pem.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "pkey", "-in", file.path, "-noout", "-text"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let names = ["modulus": "n", "privateExponent": "d", "prime1": "p", "prime2": "q", "exponent1": "dp",
                     "exponent2": "dq", "coefficient": "qi"]
        var members: [String: String] = ["e": "AQAB"]
        var current: String?
        var hex = ""
        func flush() {
            if let current, let name = names[current] {
                var bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
                    let start = hex.index(hex.startIndex, offsetBy: offset)
                    return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
                }
                while bytes.first == 0 { bytes.removeFirst() }
                members[name] = Base64URL.encode(bytes)
            }
            hex = ""
        }
        for line in text.split(separator: "\n") {
            if line.hasPrefix(" ") {
                hex += line.filter { $0.isHexDigit }
            } else {
                flush()
                current = line.split(separator: ":").first.map(String.init)
            }
        }
        flush()
        return members
    }
}
