import CMKCore
import CMKCrypto
import Foundation
import JSON

/// `az deployment group create`: template parsing, parameter checking, planning (names, `dependsOn`, the
/// `reference()`/`resourceId()` graph, cycles) and applying, all or nothing, through `Session.deployTemplate`.
/// The input is the template, then optionally a NUL and a parameters file.
///
/// Each run starts from the same world: a resource group `rg`, nothing else. Templates that create keys run RSA
/// key generation and so run slowly; that is the product's cost, not the target's.
private let platformKey = SecureBytes([UInt8](repeating: 7, count: 32))
private let vaultMasterKey = SecureBytes([UInt8](repeating: 9, count: 32))
private let start = Date(timeIntervalSince1970: 1_795_428_000)

private let emptyWorld: World = {
    let session = Session(world: World(account: Account.generate()), wallClock: start, platformKey: platformKey,
                          vaultMasterKey: vaultMasterKey)
    try! session.createGroup(name: "rg", location: "East US", tags: nil)
    return session.world
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeployment(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzInput(data, size).textParts(maximumParts: 2)
    var parameters: [DeploymentParameterArgument] = []
    if parts.count == 2 {
        guard let file = try? DeploymentParameterArgument.parseFile(parts[1]) else { return 0 }
        parameters = file
    }
    let session = Session(world: emptyWorld, wallClock: start, platformKey: platformKey,
                          vaultMasterKey: vaultMasterKey)
    let request = DeploymentRequest(resourceGroup: "rg", name: "fuzz", templateText: parts[0],
                                    templateFile: "fuzz.json", parameters: parameters)
    do {
        try session.deployTemplate(request)
    } catch {
        precondition(session.world == emptyWorld, "a failed deployment left the world changed: \(error)")
    }
    return 0
}
