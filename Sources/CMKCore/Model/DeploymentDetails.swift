import JSON

/// One parameter of a deployment as az reports it: declared type and final value.
public struct DeploymentParameter: Sendable, Codable, Equatable {
    public var name: String
    /// As the template declares it: `String`, `securestring`, `Int`, ...
    public var type: String
    /// `nil` for secure parameters, whose values are never kept.
    public var value: JSONValue?

    public init(name: String, type: String, value: JSONValue?) {
        self.name = name
        self.type = type
        self.value = value
    }

    public var isSecure: Bool { type.lowercased().hasPrefix("secure") }
}

/// One entry of a template's `outputs`, evaluated after every resource was deployed.
public struct DeploymentOutput: Sendable, Codable, Equatable {
    public var name: String
    public var type: String
    public var value: JSONValue

    public init(name: String, type: String, value: JSONValue) {
        self.name = name
        self.type = type
        self.value = value
    }
}

/// A deployed resource and the resources it was ordered after (explicit `dependsOn` and implicit references).
public struct DeploymentDependency: Sendable, Codable, Equatable {
    public var id: String
    public var dependsOn: [String]

    public init(id: String, dependsOn: [String]) {
        self.id = id
        self.dependsOn = dependsOn
    }
}
