import CMKCore
import CMKCrypto
import Foundation

/// OCI image layouts: `index.json`, image indexes (nested up to `OCIImageLayout.maximumIndexDepth`) and
/// manifests, read by a push and an import into a registry, as `acrcmk push`/`import` do.
///
/// The input is `index.json`, then NUL-separated blobs, each stored under its own sha256 digest (the seeds name
/// them so). Each run pushes into a fresh in-memory home holding the service-managed registry `fuzzreg`.
private let platformKey = SecureBytes([UInt8](repeating: 7, count: 32))
private let vaultMasterKey = SecureBytes([UInt8](repeating: 9, count: 32))
private let start = Date(timeIntervalSince1970: 1_795_428_000)

private let registryWorld: World = {
    let session = Session(world: World(account: Account.generate()), wallClock: start, platformKey: platformKey,
                          vaultMasterKey: vaultMasterKey)
    try! session.createGroup(name: "rg", location: "East US", tags: nil)
    try! session.createRegistry(RegistryCreateRequest(name: "fuzzreg", resourceGroup: "rg", sku: .basic))
    return session.world
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOCILayout(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzInput(data, size).parts()
    let layout = InMemoryImageLayout()
    for blob in parts.dropFirst() {
        layout.addBlob(blob, mediaType: "application/octet-stream")
    }
    // Committing as a pull would sets index.json to the bytes given, well-formed or not.
    try! layout.commit(index: parts[0])
    let home = InMemoryContentHome(
        state: InMemoryStateStore(world: registryWorld, wallClock: { start }, platformKey: platformKey,
                                  vaultMasterKey: vaultMasterKey),
        memory: InMemoryContentStore(wallClock: { start }))
    let content = RegistryContent(home: home)
    _ = try? content.push(.imageLayout(layout), to: "fuzzreg", as: ImageReference(parsing: "repo:v1"))
    _ = try? content.importLayout(layout, into: "fuzzreg", repository: "imported")
    return 0
}
