/// The name of an Azure resource: kept as spelled, compared case-insensitively.
///
/// ARM treats `MyRegistry` and `myregistry` as the same resource and shows the spelling it was created with. A
/// `ResourceName` does the same: `==` and `hash(into:)` use `folded`, `description` and `Codable` use `spelling`.
/// It encodes as a plain JSON string, so stored state and output do not change when a field or key becomes one.
///
/// Folding is Swift's `lowercased()` (Unicode's default, locale-independent lowercase mapping), and folded forms
/// compare with `String`'s `==` (canonical equivalence). For ASCII, the only characters Azure allows in registry,
/// vault, key and identity names, this is exactly ARM's ordinal case-insensitive rule. Beyond ASCII (resource group
/// and deployment names may hold Unicode letters) it can differ from .NET's `OrdinalIgnoreCase`: `"é"` precomposed
/// and decomposed are equal here, and full mappings such as `"İ"` → `"i̇"` apply. This fold is kept on purpose:
/// it is the one state homes written by earlier versions used for their table keys, so they keep working.
public struct ResourceName: Sendable {
    /// The name as it was given.
    public let spelling: String
    /// The form names are compared by, and a row's key in its table: the spelling lowercased.
    public let folded: String

    /// A name spelled as `spelling`.
    public init(_ spelling: some StringProtocol) {
        self.spelling = String(spelling)
        folded = self.spelling.lowercased()
    }

    /// The path `first/second/...` of a resource nested in another (a key in its vault, an identity in its group),
    /// compared case-insensitively as a whole.
    public init(path components: ResourceName...) {
        self.init(components.map(\.spelling).joined(separator: "/"))
    }
}

extension ResourceName: Hashable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.folded == rhs.folded
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(folded)
    }
}

extension ResourceName: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension ResourceName: CustomStringConvertible {
    public var description: String { spelling }
}

extension ResourceName: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spelling)
    }
}

/// A resource ARM knows by its name. The `name` field stays a `String`, stored and shown as given; `resourceName` is
/// that name as ARM compares it.
public protocol NamedResource {
    var name: String { get }
}

extension NamedResource {
    /// The name, compared case-insensitively.
    public var resourceName: ResourceName { ResourceName(name) }
}

extension ResourceGroup: NamedResource {}
extension ManagedIdentity: NamedResource {}
extension KeyVault: NamedResource {}
extension VaultKey: NamedResource {}
extension Registry: NamedResource {}
extension Replication: NamedResource {}
extension RoleAssignment: NamedResource {}
extension DiagnosticSetting: NamedResource {}
extension AlertRule: NamedResource {}
extension Deployment: NamedResource {}
extension PolicyAssignment: NamedResource {}
