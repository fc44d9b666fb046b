/// Who calls the vault: the signed-in operator, or a registry through its managed identity.
public struct Principal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case signedInOperator
        /// A registry's identity; Azure counts the registry as a trusted service for the firewall bypass.
        case registry(name: String)
        /// A managed identity calling Key Vault itself (with a token from the identity endpoint), not on behalf of
        /// a registry: not a trusted Azure service.
        case managedIdentity(name: String)
    }

    public var objectId: String
    public var tenantId: String
    public var applicationId: String?
    public var kind: Kind
    public var displayName: String

    public init(objectId: String, tenantId: String, applicationId: String?, kind: Kind, displayName: String) {
        self.objectId = objectId
        self.tenantId = tenantId
        self.applicationId = applicationId
        self.kind = kind
        self.displayName = displayName
    }

    public var isTrustedAzureService: Bool {
        if case .registry = kind { return true }
        return false
    }

    public var registryName: String? {
        if case .registry(let name) = kind { return name }
        return nil
    }

    /// Key Vault's caller text: `appid=<a>;oid=<o>;iss=https://sts.windows.net/<t>/`.
    public var callerDescription: String {
        "appid=\(applicationId ?? objectId);oid=\(objectId);iss=https://sts.windows.net/\(tenantId)/"
    }
}
