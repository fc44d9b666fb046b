import Foundation

/// One vault operation, allowed or denied, as Key Vault's AuditEvent log records it.
public struct AuditEvent: Sendable, Codable, Equatable {
    public var time: Date
    public var vaultName: String
    /// Key Vault's operation names: `KeyWrap`, `KeyUnwrap`, `KeyGet`, `KeyCreate`, `VaultAccessPolicyChange`, ...
    public var operationName: String
    /// `OK`, or the denial: `Forbidden`, `NotFound`, ...
    public var resultSignature: String
    public var callerObjectId: String
    /// Who the caller is in words: the operator, or `registry reg1 (identity id1)`.
    public var caller: String
    public var keyId: String?
    /// The stable denial code (ForbiddenByPolicy, KeyDisabled, ...) or a note.
    public var detail: String?
    /// The registry on whose behalf the call was made, if any.
    public var registry: String?

    public init(time: Date, vaultName: String, operationName: String, resultSignature: String, callerObjectId: String,
                caller: String, keyId: String?, detail: String?, registry: String?) {
        self.time = time
        self.vaultName = vaultName
        self.operationName = operationName
        self.resultSignature = resultSignature
        self.callerObjectId = callerObjectId
        self.caller = caller
        self.keyId = keyId
        self.detail = detail
        self.registry = registry
    }

    public var succeeded: Bool { resultSignature == "OK" }
}
