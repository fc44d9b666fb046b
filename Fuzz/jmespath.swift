import JMESPath
import JSON

/// JMESPath, the `--query` language: lexer, parser and interpreter, through `JMESPathExpression` as `--query`
/// uses it. The input is the query, then optionally a NUL and a JSON document to search; without one (or when it
/// does not parse) the query searches a document shaped like `az acr list` output.
private let registriesDocument = try! JSONValue.parse(#"""
[{"name":"reg1","location":"eastus","sku":{"name":"Premium","tier":"Premium"},
  "encryption":{"status":"enabled","keyVaultProperties":{"keyIdentifier":"https://kv1.vault.azure.net/keys/k1",
  "keyRotationEnabled":true,"versionedKeyIdentifier":"https://kv1.vault.azure.net/keys/k1/0123"}},
  "tags":{"env":"prod","team":"a"},"replications":[1,2.5,-3,null,true,"x"],"createdAt":"2026-01-02T03:04:05Z"},
 {"name":"reg2","location":"westeurope","sku":{"name":"Basic"},"encryption":{"status":"disabled"},"tags":{},
  "replications":[],"createdAt":null}]
"""#)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJMESPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzInput(data, size).parts(maximumParts: 2)
    guard let query = try? JMESPathExpression(String(decoding: parts[0], as: UTF8.self)) else { return 0 }
    let document = parts.count == 2 ? (try? JSONValue.parse(bytes: parts[1])) ?? registriesDocument
        : registriesDocument
    if let result = try? query.search(document) {
        // Rendering is the next thing `--query` does with a result.
        _ = result.serialized(.compact)
    }
    return 0
}
