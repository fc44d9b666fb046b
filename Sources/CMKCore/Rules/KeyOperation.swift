/// An operation on a key, with the names each access model and the audit log use for it.
public enum KeyOperation: String, Sendable, CaseIterable {
    case get, list, create, update, delete, recover, purge, rotate
    case wrapKey, unwrapKey, encrypt, decrypt
    case getRotationPolicy, setRotationPolicy

    /// The access-policy permission that grants it.
    public var policyPermission: String {
        switch self {
        case .getRotationPolicy: return "getrotationpolicy"
        case .setRotationPolicy: return "setrotationpolicy"
        default: return rawValue
        }
    }

    /// The RBAC data action that grants it.
    public var dataAction: String {
        let keys = "Microsoft.KeyVault/vaults/keys"
        switch self {
        case .get, .list: return "\(keys)/read"
        case .create: return "\(keys)/create/action"
        case .update: return "\(keys)/update/action"
        case .delete: return "\(keys)/delete"
        case .recover: return "\(keys)/recover/action"
        case .purge: return "\(keys)/purge/action"
        case .rotate: return "\(keys)/rotate/action"
        case .wrapKey: return "\(keys)/wrap/action"
        case .unwrapKey: return "\(keys)/unwrap/action"
        case .encrypt: return "\(keys)/encrypt/action"
        case .decrypt: return "\(keys)/decrypt/action"
        case .getRotationPolicy: return "Microsoft.KeyVault/vaults/keyrotationpolicies/read"
        case .setRotationPolicy: return "Microsoft.KeyVault/vaults/keyrotationpolicies/write"
        }
    }

    /// The operation name in Key Vault's AuditEvent log.
    public var auditName: String {
        switch self {
        case .get: return "KeyGet"
        case .list: return "KeyList"
        case .create: return "KeyCreate"
        case .update: return "KeyUpdate"
        case .delete: return "KeyDelete"
        case .recover: return "KeyRecover"
        case .purge: return "KeyPurge"
        case .rotate: return "KeyRotate"
        case .wrapKey: return "KeyWrap"
        case .unwrapKey: return "KeyUnwrap"
        case .encrypt: return "KeyEncrypt"
        case .decrypt: return "KeyDecrypt"
        case .getRotationPolicy: return "KeyRotationPolicyGet"
        case .setRotationPolicy: return "KeyRotationPolicySet"
        }
    }

    /// The `key_ops` entry a key must carry for this operation, if any.
    public var requiredKeyOp: String? {
        switch self {
        case .wrapKey, .unwrapKey, .encrypt, .decrypt: return rawValue
        default: return nil
        }
    }

    /// Operations that produce ciphertext stop outside a key's nbf/exp window; their inverses keep working.
    public var isBoundByValidityPeriod: Bool { self == .wrapKey || self == .encrypt }

    /// Whether the operation needs the key to exist and be usable (not merely the vault).
    public var usesKeyMaterial: Bool { requiredKeyOp != nil }
}
