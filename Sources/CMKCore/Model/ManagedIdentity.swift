/// A user-assigned managed identity: what a CMK registry authenticates to Key Vault as.
public struct ManagedIdentity: Sendable, Codable, Equatable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var clientId: String
    public var principalId: String
    public var tenantId: String
    public var tags: [String: String]?

    public init(name: String, resourceGroup: String, location: String, clientId: String, principalId: String,
                tenantId: String, tags: [String: String]? = nil) {
        self.name = name
        self.resourceGroup = resourceGroup
        self.location = location
        self.clientId = clientId
        self.principalId = principalId
        self.tenantId = tenantId
        self.tags = tags
    }

    public static let resourceType = "Microsoft.ManagedIdentity/userAssignedIdentities"

    /// ARM's id; identity ids are written with a lowercase `resourcegroups`, as az prints them.
    public func id(subscriptionId: String) -> String {
        "/subscriptions/\(subscriptionId)/resourcegroups/\(resourceGroup)/providers/\(Self.resourceType)/\(name)"
    }
}
