@testable import CMKCore
import CMKCrypto
import Foundation

@testable import CMKServer

/// What `acrcmk serve` does with one request once libmicrohttpd has parsed it: routing (OCI distribution paths, the
/// token service, the identity endpoint, Key Vault's keys API by path and by Host), Basic and Bearer credentials,
/// query arguments, Range, upload sessions, manifests and form bodies, through `RegistryEndpoint.exchange(for:)`,
/// as the server calls it.
///
/// The input is a credentials byte, then `METHOD /path?query`, a NUL, header lines (`Name: value`), a NUL and the
/// body. The credentials byte picks one of: none, the admin user (Basic), an access token for `app` (pull, push,
/// delete), a refresh token (Basic, the null user), a forged token, an Entra token for Key Vault. Each run starts
/// from the same home: a CMK registry `fuzzreg` (Premium, admin user enabled) holding `app:v1`.
///
/// Beyond not crashing, three properties hold for every request: no answer is a 500 (an error the server did not
/// expect); a streamed body produces exactly the length its header announced; and a request without valid
/// credentials changes nothing and never gets content (no 2xx on a repository or catalog route).
private let platformKey = SecureBytes([UInt8](repeating: 7, count: 32))
private let vaultMasterKey = SecureBytes([UInt8](repeating: 9, count: 32))
private let start = Date(timeIntervalSince1970: 1_795_428_000)

private struct Fixture {
    var world: World
    var content: InMemoryContentStore
    var credentials: [String?]
}

private let fixture: Fixture = {
    let home = InMemoryContentHome(
        state: InMemoryStateStore(world: World(account: Account.generate()), wallClock: { start },
                                  platformKey: platformKey, vaultMasterKey: vaultMasterKey),
        memory: InMemoryContentStore(wallClock: { start }))
    let credentials = try! home.perform { session -> [String?] in
        try session.createGroup(name: "rg", location: "East US", tags: nil)
        let identity = try session.createIdentity(name: "fuzzid", resourceGroup: "rg", location: nil, tags: nil)
        var vault = VaultCreateRequest(name: "fuzzkv", resourceGroup: "rg")
        vault.enableRbacAuthorization = false
        try session.createVault(vault)
        try session.setPolicy(vaultName: "fuzzkv", resourceGroup: nil, objectId: identity.principalId,
                              applicationId: nil, keys: ["get", "wrapKey", "unwrapKey"], secrets: nil,
                              certificates: nil, storage: nil)
        try session.setPolicy(vaultName: "fuzzkv", resourceGroup: nil,
                              objectId: session.world.account.operatorObjectId, applicationId: nil, keys: ["all"],
                              secrets: nil, certificates: nil, storage: nil)
        let (key, _) = try session.createKey(KeyCreateRequest(vaultName: "fuzzkv", name: "fuzzkey"))
        var registry = RegistryCreateRequest(name: "fuzzreg", resourceGroup: "rg", sku: .premium)
        registry.identity = "fuzzid"
        registry.keyEncryptionKey = key.versionlessIdentifier
        registry.adminEnabled = true
        let created = try session.createRegistry(registry)
        let operatorCaller = RegistryCaller.principal(objectId: session.world.account.operatorObjectId)
        let admin = try session.adminCredentials(registry: "fuzzreg")
        let access = try session.issueAccessToken(
            for: operatorCaller, service: created.loginServer,
            scopes: ["app", "fuzzreg/app"].map { RepositoryGrant(type: "repository", name: $0,
                                                                 actions: ["pull", "push", "delete"]) }
                + [RepositoryGrant(type: "registry", name: "catalog", actions: ["*"])])
        let refresh = try session.issueRefreshToken(forRegistry: "fuzzreg").token
        let entra = try session.encode(session.issueEntraToken(clientId: nil, objectId: nil, resourceId: nil,
                                                               resource: Session.keyVaultResource))
        return [nil, "Basic " + Data("\(admin.username):\(admin.passwords[0])".utf8).base64EncodedString(),
                "Bearer " + access, "Basic " + Data("\(RegistryToken.refreshTokenUser):\(refresh)".utf8)
                    .base64EncodedString(),
                "Bearer " + String(access.reversed()), "Bearer " + entra]
    }
    let layout = InMemoryImageLayout()
    let config = layout.addBlob(Array(#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}"#.utf8),
                                mediaType: "application/vnd.oci.image.config.v1+json")
    let layer = layout.addBlob(Array("layer bytes".utf8), mediaType: "application/vnd.oci.image.layer.v1.tar")
    // Compact, in this order: the seeds name this manifest by the digest of the same bytes.
    func described(_ blob: OCIDescriptor) -> String {
        #"{"mediaType":"\#(blob.mediaType)","digest":"\#(blob.digest)","size":\#(blob.size)}"#
    }
    let manifest = #"{"schemaVersion":2,"mediaType":"\#(OCIMediaType.imageManifest)","#
        + #""config":\#(described(config)),"layers":[\#(described(layer))]}"#
    var descriptor = layout.addBlob(Array(manifest.utf8), mediaType: OCIMediaType.imageManifest)
    descriptor.annotations = [OCIMediaType.refNameAnnotation: "v1"]
    try! layout.setIndex(OCIImageIndex(manifests: [descriptor]))
    _ = try! RegistryContent(home: home).push(.imageLayout(layout), to: "fuzzreg",
                                             as: ImageReference(parsing: "app:v1"))
    return Fixture(world: home.state.world, content: home.memory, credentials: credentials)
}()
private let seededIndex = fixture.content.index
private let seededScope = seededIndex.keys.first!
private let seededCounts = try! fixture.content.counts(scope: seededScope)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistryRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let credentialsChoice = Int(data[0]) % fixture.credentials.count
    let parts = FuzzInput(data + 1, size - 1).parts(maximumParts: 3)
    let requestLine = String(decoding: parts[0], as: UTF8.self)
    let headerLines = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
    let body = parts.count > 2 ? parts[2] : []

    let words = requestLine.split(separator: " ", maxSplits: 1)
    guard words.count == 2 else { return 0 }
    let target = words[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    var headers: [String: String] = [:]
    for line in headerLines.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let credentials = fixture.credentials[credentialsChoice]
    headers["Authorization"] = credentials
    let request = HTTPRequest(method: String(words[0]), path: String(target[0]),
                              query: target.count > 1 ? queryArguments(target[1]) : [], headers: headers)

    let home = InMemoryContentHome(
        state: InMemoryStateStore(world: fixture.world, wallClock: { start }, platformKey: platformKey,
                                  vaultMasterKey: vaultMasterKey),
        memory: fixture.content.copy())
    let endpoint = RegistryEndpoint(openHome: { home }, accessLog: nil, keyCacheTTL: nil)

    let response: HTTPResponse
    switch endpoint.exchange(for: request) {
    case .respond(let answer):
        response = answer
    case .receive(let receiver):
        do {
            // Two pieces, as a body arrives over the network.
            let half = body.count / 2
            try body[..<half].withUnsafeBytes { try receiver.receive($0) }
            try body[half...].withUnsafeBytes { try receiver.receive($0) }
            response = receiver.finish()
        } catch {
            response = receiver.failure(error)
            receiver.abandon()
        }
    }
    endpoint.shutdown()
    precondition(response.status < 500, "\(request.method) \(request.path) answered \(response.status)")
    if case .stream(let length, let producer) = response.body, request.method != "HEAD" {
        var produced: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try! buffer.withUnsafeMutableBytes { try producer.produce(into: $0) }
            if count == 0 { break }
            produced += Int64(count)
        }
        producer.close()
        precondition(produced == length, "a streamed body announced \(length) bytes and produced \(produced)")
    }
    let isVaultRequest = KeyVaultTarget(request) != nil
    let signedIn = isVaultRequest ? credentialsChoice == 5 : [1, 2, 3].contains(credentialsChoice)
    guard !signedIn else { return 0 }
    precondition(home.state.world == fixture.world, "a request without valid credentials changed the world")
    precondition(home.memory.index.keys == seededIndex.keys
                     && (try! home.memory.counts(scope: seededScope)) == seededCounts
                     && (try! home.memory.objectIDsOnDisk()) == (try! fixture.content.objectIDsOnDisk()),
                 "a request without valid credentials changed the content")
    let readsContent: Bool
    switch RegistryRoute.parse(request.path) {
    case .catalog, .tags, .manifest, .blob, .uploads, .upload, .referrers: readsContent = true
    default: readsContent = isVaultRequest
    }
    precondition(!readsContent || !(200..<300).contains(response.status),
                 "\(request.method) \(request.path) without valid credentials answered \(response.status)")
    return 0
}

/// `a=1&b=2`, percent-decoded as libmicrohttpd hands query arguments over.
private func queryArguments(_ text: Substring) -> [(name: String, value: String)] {
    text.split(separator: "&").map { pair in
        let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let decode = { (side: Substring) in side.removingPercentEncoding ?? String(side) }
        return (decode(sides[0]), sides.count > 1 ? decode(sides[1]) : "")
    }
}
