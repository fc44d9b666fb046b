/// Why the vault refused a call (or, for a vault in another process, could not be asked): one stable code per cause,
/// in the order permission evaluation checks them.
public struct AccessDenial: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case identityNotFound = "IdentityNotFound"
        case identityNotAssigned = "IdentityNotAssigned"
        case vaultNotFound = "VaultNotFound"
        case vaultDeleted = "VaultDeleted"
        case forbiddenByFirewall = "ForbiddenByFirewall"
        case forbiddenByPolicy = "ForbiddenByPolicy"
        case forbiddenByRbac = "ForbiddenByRbac"
        case keyNotFound = "KeyNotFound"
        case keyDeleted = "KeyDeleted"
        case keyPurged = "KeyPurged"
        case keyDisabled = "KeyDisabled"
        case keyExpired = "KeyExpired"
        case keyNotYetValid = "KeyNotYetValid"
        case keyTypeNotSupported = "KeyTypeNotSupported"
        case operationNotAllowed = "OperationNotAllowed"
        /// The vault is served by another process (`keyvault.url`) that did not answer: stopped, unreachable,
        /// or not speaking Key Vault's API. Not a decision of the vault, but the registry's key is out of reach all
        /// the same.
        case vaultUnreachable = "VaultUnreachable"

        /// The result signature an audit event records.
        public var resultSignature: String {
            switch self {
            case .vaultNotFound, .keyNotFound, .keyPurged, .identityNotFound: return "NotFound"
            case .keyTypeNotSupported, .operationNotAllowed: return "BadRequest"
            case .vaultUnreachable: return "ServiceUnavailable"
            default: return "Forbidden"
            }
        }

        /// Whether the cause is the key being out of reach for good.
        public var isPermanent: Bool { self == .keyPurged }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "(\(code.rawValue)) \(message)" }

    /// The same refusal as a general error, for commands that surface it.
    public var asError: CMKError {
        let category: CMKError.Category
        switch code.resultSignature {
        case "NotFound": category = .notFound
        case "BadRequest": category = .badRequest
        default: category = .forbidden
        }
        return CMKError(category, code: code.errorCode, message)
    }
}
