/// An ARM resource id taken apart: `/subscriptions/<sub>/resourceGroups/<rg>/providers/<ns>/<type>/<name>/...`.
public struct TemplateResourceID: Sendable, Equatable, CustomStringConvertible {
    public var subscriptionId: String
    public var resourceGroup: String?
    /// The full type, e.g. `Microsoft.KeyVault/vaults/keys`.
    public var type: String
    /// One name per type segment after the namespace, e.g. `["kv1", "key1"]`.
    public var names: [String]

    public init(subscriptionId: String, resourceGroup: String?, type: String, names: [String]) {
        self.subscriptionId = subscriptionId
        self.resourceGroup = resourceGroup
        self.type = type
        self.names = names
    }

    /// The id as `resourceId()` writes it.
    public var description: String {
        let typeParts = type.split(separator: "/").map(String.init)
        var path = "/subscriptions/\(subscriptionId)"
        if let resourceGroup { path += "/resourceGroups/\(resourceGroup)" }
        path += "/providers/\(typeParts.first ?? "")"
        for (segment, name) in zip(typeParts.dropFirst(), names) { path += "/\(segment)/\(name)" }
        return path
    }

    /// `type/name1/name2`: how ARM names a resource in messages.
    public var qualifiedName: String { "\(type)/\(names.joined(separator: "/"))" }

    /// Parses a resource id; `nil` unless it names a provider resource.
    public static func parse(_ text: String) -> TemplateResourceID? {
        let parts = text.split(separator: "/").map(String.init)
        let lower = parts.map { $0.lowercased() }
        guard parts.count >= 4, lower[0] == "subscriptions", let providers = lower.firstIndex(of: "providers"),
              providers + 3 < parts.count + 1
        else { return nil }
        let group = lower.firstIndex(of: "resourcegroups").flatMap { $0 + 1 < providers ? parts[$0 + 1] : nil }
        let rest = Array(parts[(providers + 1)...])
        guard rest.count >= 3, rest.count % 2 == 1 else { return nil }
        var typeSegments = [rest[0]]
        var names: [String] = []
        var index = 1
        while index + 1 < rest.count {
            typeSegments.append(rest[index])
            names.append(rest[index + 1])
            index += 2
        }
        return TemplateResourceID(subscriptionId: parts[1], resourceGroup: group,
                                  type: typeSegments.joined(separator: "/"), names: names)
    }

    /// Whether two ids name the same resource (ARM compares case-insensitively).
    public func matches(_ other: TemplateResourceID) -> Bool {
        description.lowercased() == other.description.lowercased()
    }
}
