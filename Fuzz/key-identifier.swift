import CMKCore

/// Key Vault key identifiers (`https://<vault>.vault.azure.net/keys/<name>[/<version>]`), as `--key-encryption-key`,
/// templates and stored registries name keys. What parses must print as a URL that parses to the same key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyIdentifier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let identifier = KeyIdentifier.parse(FuzzInput(data, size).text) else { return 0 }
    precondition(KeyIdentifier.parse(identifier.url) == identifier, "\(identifier.url) does not read back")
    precondition(KeyIdentifier.parse(identifier.versionless)?.version == nil, "a versionless URL has a version")
    return 0
}
