import Foundation
import JSON
import Testing

@testable import CMKCore

/// `ResourceProjection` gives each resource as ARM returns it: the envelope at the top, the rest in `properties`.
@Suite("Resource projection")
struct ResourceProjectionTests {
    /// The fields ARM keeps outside `properties`.
    static let envelope: Set<String> = [
        "id", "name", "type", "location", "tags", "sku", "identity", "systemData", "managedBy", "properties",
    ]

    static func resources() throws -> [(label: String, type: String, resource: JSONValue)] {
        let session = CoreFixture.session()
        _ = try session.createRegistry(
            RegistryCreateRequest(name: "plainreg", resourceGroup: CoreFixture.group, sku: .basic))
        let world = session.world
        let projection = ResourceProjection(world: world)
        let key = try #require(world.keys.first { $0.vaultName == CoreFixture.policyVault && $0.name == "k1" })
        let ecKey = try #require(world.keys.first { $0.name == CoreFixture.ecKeyName })
        return [
            ("group", "Microsoft.Resources/resourceGroups",
             projection.resourceGroup(try #require(world.resourceGroups.first))),
            ("identity", ManagedIdentity.resourceType, projection.identity(session.fixtureIdentity)),
            ("vault", KeyVault.resourceType,
             projection.vault(try #require(world.vaults[key: ResourceName(CoreFixture.policyVault)]))),
            ("key", KeyVault.resourceType + "/keys", projection.key(key)),
            ("EC key", KeyVault.resourceType + "/keys", projection.key(ecKey)),
            ("role assignment", RoleAssignment.resourceType,
             projection.roleAssignment(try #require(world.roleAssignments.first))),
            ("registry", Registry.resourceType, projection.registry(try #require(world.registries[key: "plainreg"]))),
        ]
    }

    @Test func everyResourceHasARMsEnvelope() throws {
        for (label, type, resource) in try Self.resources() {
            let object = try #require(resource.objectValue, "\(label)")
            #expect(Set(object.keys).isSubset(of: Self.envelope), "\(label): \(object.keys)")
            #expect(object["type"] == .string(type), "\(label)")
            let id = try #require(object["id"]?.stringValue)
            #expect(id.hasSuffix("/" + (object["name"]?.stringValue ?? "?")), "\(label): \(id)")
            #expect(object["properties"]?.objectValue?.isEmpty == false, "\(label) has properties")
        }
    }

    @Test func keysUnderARMUseUnixSecondsAndNameTheCurve() throws {
        let resources = try Self.resources()
        let rsa = try #require(resources.first { $0.label == "key" }?.resource)
        let ec = try #require(resources.first { $0.label == "EC key" }?.resource)
        let created = rsa[ignoringCase: "properties", "attributes", "created"]
        #expect(created == .number(CoreFixture.start.timeIntervalSince1970))
        #expect(rsa[ignoringCase: "properties", "attributes", "exp"] == .null)
        #expect(rsa[ignoringCase: "properties", "curveName"] == nil)
        #expect(rsa[ignoringCase: "properties", "keySize"] == 2048)
        #expect(ec[ignoringCase: "properties", "curveName"]?.stringValue != nil)
        #expect(ec[ignoringCase: "properties", "kty"] == "EC")
    }

    @Test func registryWithoutCMKOrIdentity() throws {
        let registry = try #require(try Self.resources().first { $0.label == "registry" }?.resource)
        #expect(registry["identity"] == .null)
        let encryption = registry[ignoringCase: "properties", "encryption"]
        #expect(encryption == ["keyVaultProperties": nil, "status": "disabled"])
        #expect(registry[ignoringCase: "properties", "networkRuleSet"] == .null)
        #expect(registry["sku"] == ["name": "Basic", "tier": "Basic"])
    }
}
