import Foundation
import JSON

/// What Azure returns for each simulated resource, built in one place for every reader.
///
/// Each control-plane function gives the ARM resource as `GET` on its id returns it: `id`, `name`, `type`,
/// `location`, `tags`, `sku`, `identity`, `systemData` at the top and the rest under `properties`. ARM
/// template deployments return it from `reference(id, version, 'Full')` (and its `properties` from
/// `reference(id)`); the command line prints it as az does, flattening `properties` where az's SDK model
/// flattens them. Key Vault's data plane has its own shapes (`keyBundle`, `keyItem`, `rotationPolicy`), as
/// Key Vault's REST API does.
///
/// Fields are those az's SDK models print, unset ones as `null` (ARM itself leaves most of them out); times
/// are ISO 8601 as az prints them, except Key Vault key attributes under ARM, which are Unix seconds as ARM
/// returns them.
public struct ResourceProjection {
    /// Where the account (subscription, tenant, operator) and related resources are read.
    public let world: World

    public init(world: World) {
        self.world = world
    }

    var subscriptionId: String { world.account.subscriptionId }

    // MARK: - Values

    /// A time as az prints it (`2026-11-23T00:00:00+00:00`), or `null`.
    public static func time(_ date: Date?) -> JSONValue { JSONValue(date.map(Timestamp.azString)) }

    /// Tags sorted by name, or `null`.
    public static func tags(_ tags: [String: String]?) -> JSONValue {
        guard let tags else { return .null }
        return .object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }

    /// A list of strings.
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// ARM's `systemData`: the operator created and last modified the resource at `created`.
    public func systemData(created: Date) -> JSONValue {
        [
            "createdAt": Self.time(created), "createdBy": .string(world.account.operatorName), "createdByType": "User",
            "lastModifiedAt": Self.time(created), "lastModifiedBy": .string(world.account.operatorName),
            "lastModifiedByType": "User",
        ]
    }

    // MARK: - Resource groups, identities, role assignments

    /// `Microsoft.Resources/resourceGroups`.
    public func resourceGroup(_ group: ResourceGroup) -> JSONValue {
        [
            "id": .string("/subscriptions/\(subscriptionId)/resourceGroups/\(group.name)"),
            "location": .string(group.location), "managedBy": nil, "name": .string(group.name),
            "properties": ["provisioningState": "Succeeded"], "tags": Self.tags(group.tags),
            "type": "Microsoft.Resources/resourceGroups",
        ]
    }

    /// `Microsoft.ManagedIdentity/userAssignedIdentities`; `tags` only when the identity has some.
    public func identity(_ identity: ManagedIdentity) -> JSONValue {
        var object: JSONObject = [
            "id": .string(identity.id(subscriptionId: subscriptionId)), "location": .string(identity.location),
            "name": .string(identity.name),
            "properties": [
                "clientId": .string(identity.clientId), "principalId": .string(identity.principalId),
                "tenantId": .string(identity.tenantId),
            ],
            "type": .string(ManagedIdentity.resourceType),
        ]
        // ARM returns an identity's tags even when there are none (`{}`), as az's documented output shows.
        object["tags"] = Self.tags(identity.tags ?? [:])
        return .object(object)
    }

    /// `Microsoft.Authorization/roleAssignments`.
    public func roleAssignment(_ assignment: RoleAssignment) -> JSONValue {
        let definition = RoleDefinition.find(assignment.roleName)
        return [
            "id": .string(assignment.id), "name": .string(assignment.name),
            "properties": [
                "condition": JSONValue(assignment.condition),
                "conditionVersion": JSONValue(assignment.condition.map { _ in "2.0" }),
                "createdBy": JSONValue(assignment.createdBy), "createdOn": Self.time(assignment.createdOn),
                "delegatedManagedIdentityResourceId": nil, "description": JSONValue(assignment.description),
                "principalId": .string(assignment.principalId),
                "principalType": .string(assignment.principalType),
                "roleDefinitionId": JSONValue(definition?.definitionId(subscriptionId: subscriptionId)),
                "scope": .string(assignment.scope),
                "updatedBy": JSONValue(assignment.createdBy), "updatedOn": Self.time(assignment.createdOn),
            ],
            "type": .string(RoleAssignment.resourceType),
        ]
    }
}
