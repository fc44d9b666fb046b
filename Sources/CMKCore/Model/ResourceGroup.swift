/// A resource group: a name and a location that resources in it default to.
public struct ResourceGroup: Sendable, Codable, Equatable {
    public var name: String
    public var location: String
    public var tags: [String: String]?

    public init(name: String, location: String, tags: [String: String]? = nil) {
        self.name = name
        self.location = location
        self.tags = tags
    }
}
