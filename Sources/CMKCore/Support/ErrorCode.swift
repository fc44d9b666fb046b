/// A stable error code, as az prints it in `ERROR: (Code) message` and scripts match on.
///
/// A struct with static members rather than a closed enum: the set grows with every feature, and a vault's denial
/// codes (`AccessDenial.Code`) map into it. Compare with `==` against a member; the raw value is what is printed.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static let alertNotFound: ErrorCode = "AlertNotFound"
    public static let alreadyInUse: ErrorCode = "AlreadyInUse"
    public static let alreadyRevoked: ErrorCode = "AlreadyRevoked"
    public static let badParameter: ErrorCode = "BadParameter"
    public static let badRequest: ErrorCode = "BadRequest"
    public static let blobMissing: ErrorCode = "BlobMissing"
    public static let blockedForEncryptionEnabledRegistry: ErrorCode = "BlockedForEncryptionEnabledRegistry"
    public static let cmkNotSupported: ErrorCode = "CMKNotSupported"
    public static let clientRefused: ErrorCode = "ClientRefused"
    public static let conflict: ErrorCode = "Conflict"
    public static let conflictError: ErrorCode = "ConflictError"
    public static let contentConflict: ErrorCode = "ContentConflict"
    public static let contentIndexTampered: ErrorCode = "ContentIndexTampered"
    public static let contentMissing: ErrorCode = "ContentMissing"
    public static let contentTampered: ErrorCode = "ContentTampered"
    public static let contentTooLarge: ErrorCode = "ContentTooLarge"
    public static let contentUnreadable: ErrorCode = "ContentUnreadable"
    public static let contentUnavailable: ErrorCode = "ContentUnavailable"
    public static let deploymentNotFound: ErrorCode = "DeploymentNotFound"
    public static let digestInvalid: ErrorCode = "DigestInvalid"
    public static let digestMismatch: ErrorCode = "DigestMismatch"
    public static let fileNotFound: ErrorCode = "FileNotFound"
    public static let fileUnreadable: ErrorCode = "FileUnreadable"
    public static let forbidden: ErrorCode = "Forbidden"
    public static let invalidEncryption: ErrorCode = "InvalidEncryption"
    public static let invalidEncryptionIdentity: ErrorCode = "InvalidEncryptionIdentity"
    public static let invalidKeyIdentifier: ErrorCode = "InvalidKeyIdentifier"
    public static let invalidKeyType: ErrorCode = "InvalidKeyType"
    public static let invalidParameterFile: ErrorCode = "InvalidParameterFile"
    public static let invalidResourceGroup: ErrorCode = "InvalidResourceGroup"
    public static let invalidResourceGroupLocation: ErrorCode = "InvalidResourceGroupLocation"
    public static let locationNotAvailable: ErrorCode = "LocationNotAvailableForResourceGroup"
    public static let invalidResourceId: ErrorCode = "InvalidResourceId"
    public static let invalidResourceName: ErrorCode = "InvalidResourceName"
    public static let invalidRoleAssignment: ErrorCode = "InvalidRoleAssignment"
    public static let invalidScope: ErrorCode = "InvalidScope"
    public static let invalidSku: ErrorCode = "InvalidSku"
    public static let invalidTaskName: ErrorCode = "InvalidTaskName"
    public static let invalidTemplate: ErrorCode = "InvalidTemplate"
    public static let keyExpired: ErrorCode = "KeyExpired"
    public static let keyMaterialCorrupt: ErrorCode = "KeyMaterialCorrupt"
    public static let keyMaterialMissing: ErrorCode = "KeyMaterialMissing"
    public static let keyNotFound: ErrorCode = "KeyNotFound"
    public static let vaultKeyMaterialAbsent: ErrorCode = "VaultKeyMaterialAbsent"
    public static let localFilesUnavailable: ErrorCode = "LocalFilesUnavailable"
    public static let manifestInvalid: ErrorCode = "ManifestInvalid"
    public static let manifestTooLarge: ErrorCode = "ManifestTooLarge"
    public static let manifestUnknown: ErrorCode = "ManifestUnknown"
    public static let methodNotAllowed: ErrorCode = "MethodNotAllowed"
    public static let methodNotApplicable: ErrorCode = "MethodNotApplicable"
    public static let noRegisteredProviderFound: ErrorCode = "NoRegisteredProviderFound"
    public static let noTags: ErrorCode = "NoTags"
    public static let notAnOCILayout: ErrorCode = "NotAnOCILayout"
    public static let notLocked: ErrorCode = "NotLocked"
    public static let outputExists: ErrorCode = "OutputExists"
    public static let outputUnwritable: ErrorCode = "OutputUnwritable"
    public static let policyAssignmentNotFound: ErrorCode = "PolicyAssignmentNotFound"
    public static let probeMismatch: ErrorCode = "ProbeMismatch"
    public static let recoveryImpossible: ErrorCode = "RecoveryImpossible"
    public static let replicationNotFound: ErrorCode = "ReplicationNotFound"
    public static let repositoryNotFound: ErrorCode = "RepositoryNotFound"
    public static let requestDisallowedByPolicy: ErrorCode = "RequestDisallowedByPolicy"
    public static let resourceGroupNotFound: ErrorCode = "ResourceGroupNotFound"
    public static let resourceNotFound: ErrorCode = "ResourceNotFound"
    public static let setupConflict: ErrorCode = "SetupConflict"
    public static let sizeMismatch: ErrorCode = "SizeMismatch"
    public static let stateHomeUnavailable: ErrorCode = "StateHomeUnavailable"
    public static let stateUnreadable: ErrorCode = "StateUnreadable"
    public static let tagNotFound: ErrorCode = "TagNotFound"
    public static let taskLogExpired: ErrorCode = "TaskLogExpired"
    public static let taskRunNotFound: ErrorCode = "TaskRunNotFound"
    public static let unauthorized: ErrorCode = "Unauthorized"
    public static let blobUploadUnknown: ErrorCode = "BlobUploadUnknown"
    public static let blobUploadInvalid: ErrorCode = "BlobUploadInvalid"
    public static let unsupportedMediaType: ErrorCode = "UnsupportedMediaType"
    public static let vaultAlreadyExists: ErrorCode = "VaultAlreadyExists"
    public static let vaultDeleted: ErrorCode = "VaultDeleted"
    public static let vaultNameNotValid: ErrorCode = "VaultNameNotValid"

    // Spelled in capitals, as check-health findings and the OCI distribution specification spell them.
    public static let cmkNotEnabled: ErrorCode = "CMK_NOT_ENABLED"
    public static let keyExpiringSoon: ErrorCode = "KEY_EXPIRING_SOON"
    public static let keyVersionBehind: ErrorCode = "KEY_VERSION_BEHIND"
    public static let nameUnknown: ErrorCode = "NAME_UNKNOWN"
    public static let noRotationPolicy: ErrorCode = "NO_ROTATION_POLICY"
    public static let ok: ErrorCode = "OK"
    public static let purgeProtectionDisabled: ErrorCode = "PURGE_PROTECTION_DISABLED"
}

extension AccessDenial.Code {
    /// The denial as an error code.
    public var errorCode: ErrorCode { ErrorCode(rawValue: rawValue) }
}
