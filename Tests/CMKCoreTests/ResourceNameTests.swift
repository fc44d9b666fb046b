import Foundation
import Testing

@testable import CMKCore

/// `ResourceName`: ARM's names keep their spelling and compare case-insensitively, in memory, in JSON and as keys.
@Suite("Resource names")
struct ResourceNameTests {
    @Test("Names differing only in case are equal", arguments: [
        ("CmkReg", "cmkreg"), ("KV-Prod-01", "kv-prod-01"), ("rg/Identity", "RG/identity"), ("abc", "abc"),
        ("Ünïcödé-Gruppe", "üNÏCÖDÉ-gruppe"),
    ])
    func equalAcrossCase(_ pair: (String, String)) {
        let (first, second) = (ResourceName(pair.0), ResourceName(pair.1))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }

    @Test("Different names are different", arguments: [("cmkreg", "cmkreg2"), ("kv1", "kv-1"), ("rg/a", "rg/b")])
    func differentNames(_ pair: (String, String)) {
        #expect(ResourceName(pair.0) != ResourceName(pair.1))
    }

    @Test("A name keeps the spelling it was given")
    func spellingPreserved() {
        let name = ResourceName("MyRegistry")
        #expect(name.spelling == "MyRegistry")
        #expect(name.description == "MyRegistry")
        #expect("\(name)" == "MyRegistry")
        #expect(name.folded == "myregistry")
        let literal: ResourceName = "Vault-\(1)"
        #expect(literal.spelling == "Vault-1")
    }

    @Test("A dictionary keyed by names finds a key under another case and keeps the first spelling")
    func dictionaryKeys() {
        var tags: [ResourceName: Int] = ["Prod": 1]
        tags["PROD", default: 0] += 1
        #expect(tags.count == 1)
        #expect(tags["prod"] == 2)
        #expect(tags.keys.first?.spelling == "Prod")
    }

    @Test("Folding is the one earlier state homes keyed their rows by (String.lowercased)")
    func foldMatchesStoredKeys() {
        for spelling in ["CmkReg", "KV-Prod-01", "Ünïcödé", "ΣΟΦΙΑ", "Straße"] {
            #expect(ResourceName(spelling).folded == spelling.lowercased())
        }
    }

    @Test("Codable as a plain string, in both directions")
    func codableAsPlainString() throws {
        struct Holder: Codable, Equatable { var name: ResourceName }
        let encoded = try RowCodec.encode(Holder(name: "MyVault"))
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"name":"MyVault"}"#)
        let decoded = try RowCodec.decode(Holder.self, from: Array(#"{"name":"MYVAULT"}"#.utf8))
        #expect(decoded.name == "myvault")
        #expect(decoded.name.spelling == "MYVAULT")
        let names = try JSONDecoder().decode([ResourceName].self, from: Data(#"["A","b"]"#.utf8))
        #expect(names.map(\.spelling) == ["A", "b"])
        #expect(try JSONEncoder().encode(names) == Data(#"["A","b"]"#.utf8))
    }

    @Test("A table finds a row by a differently-cased name, and the row keeps its spelling")
    func tableLookupAcrossCase() throws {
        var registries: ResourceTable<Registry> = [ResourceTableTests.registry("ContosoReg")]
        let found = try #require(registries[key: "CONTOSOREG"])
        #expect(found.name == "ContosoReg")
        #expect(found.resourceName == "contosoreg")
        #expect(found.naturalKey == found.resourceName)
        #expect(registries[key: ResourceName("contosoreg")] == found)
        #expect(registries[key: "contoso"] == nil)

        registries[key: "contosoREG"] = nil
        #expect(registries.isEmpty)
        #expect(try registries.changes().isEmpty)
    }

    @Test("Composite keys: an identity in its group, a key in its vault")
    func compositeKeys() {
        let identity = ManagedIdentity(
            name: "Id-One", resourceGroup: "RG-Main", location: "eastus", clientId: "c", principalId: "p",
            tenantId: "t")
        let identities: ResourceTable<ManagedIdentity> = [identity]
        #expect(identities[group: "rg-main", name: "ID-ONE"]?.name == "Id-One")
        #expect(identities[key: "RG-MAIN/id-one"] != nil)
        #expect(identities[group: "other", name: "Id-One"] == nil)
        #expect(ResourceName(path: "RG-Main", "Id-One") == "rg-main/id-one")
    }
}
