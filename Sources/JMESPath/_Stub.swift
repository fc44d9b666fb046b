// TEMPORARY stub until the JMESPath branch merges.
public struct JMESPathExpression: Sendable {
    public let text: String
    public init(_ expression: String) throws { text = expression }
    public func search(_ value: JSONValue) throws -> JSONValue { value }
}
public struct JMESPathError: Error, CustomStringConvertible { public var description: String }
extension JSONValue { public static func parse(bytes: [UInt8]) throws -> JSONValue { .null } }
