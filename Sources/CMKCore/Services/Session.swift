import CMKCrypto
import Foundation

/// One command's unit of work: the world as loaded, the simulated time, and the audit events it records.
///
/// The control plane, the vault data plane and the registry services are extensions of `Session`; they change
/// `world` with pure rules. The store persists the result.
public final class Session {
    public var world: World
    /// The simulated time of this command.
    public private(set) var now: Date
    public private(set) var auditEvents: [AuditEvent] = []
    /// Lines describing what the scheduler did while time passed, for `clock advance` and `--verbose`.
    public internal(set) var scheduledEvents: [ScheduledEvent] = []
    /// The installation's platform key: the platform layer of registry content.
    let platformKey: SecureBytes
    /// The simulated Key Vault's master key: seals every key version's private key at rest. Nil in a registry home
    /// whose vault is served by another process (`keyvault.url`): such a home holds no vault key material.
    let vaultMasterKey: SecureBytes?
    /// The Key Vault data plane the registry side asks for data-encryption keys: the in-process vault of this
    /// session unless a caller puts another behind the same port (a vault served by another process).
    public lazy var keyVault: any KeyVaultUnwrapping = InProcessKeyVault(session: self)

    public init(world: World, wallClock: Date, platformKey: SecureBytes, vaultMasterKey: SecureBytes?) {
        self.world = world
        self.now = wallClock.addingTimeInterval(world.account.clockOffset)
        self.platformKey = platformKey
        self.vaultMasterKey = vaultMasterKey
    }

    /// A session over the installation's keys as the store loaded them.
    ///
    /// - Parameters:
    ///   - world: The world as loaded.
    ///   - wallClock: Real time; the simulated time is this plus the world's clock offset.
    ///   - platformKey: The installation's platform key.
    ///   - vaultMasterKey: The simulated Key Vault's master key; nil in a home without a vault of its own.
    public convenience init(world: World, wallClock: Date, platformKey: PlatformKey, vaultMasterKey: VaultMasterKey?) {
        self.init(world: world, wallClock: wallClock, platformKey: platformKey.secret,
                  vaultMasterKey: vaultMasterKey?.secret)
    }

    /// The signed-in operator: Owner and Key Vault Administrator at subscription scope.
    public var signedInOperator: Principal {
        Principal(objectId: world.account.operatorObjectId, tenantId: world.account.tenantId, applicationId: nil,
                  kind: .signedInOperator, displayName: world.account.operatorName)
    }

    func record(_ event: AuditEvent) {
        auditEvents.append(event)
    }

    /// Forgets the audit events recorded after the first `count` (an observation that is not a vault call).
    func discardAuditEvents(after count: Int) {
        auditEvents.removeSubrange(count...)
    }

    /// Names the key version an operation produced (a rotation's new version) in the event that authorized it.
    func amendLastAudit(operation: String, keyId: String) {
        guard let index = auditEvents.lastIndex(where: { $0.operationName == operation }) else { return }
        auditEvents[index].keyId = keyId
    }

    /// Moves the simulated clock; the scheduler runs what fell due on the way.
    func setNow(_ date: Date) {
        now = date
    }
}

/// Something the scheduler did when simulated time passed.
public struct ScheduledEvent: Sendable, Equatable {
    public var time: Date
    public var kind: String
    public var resource: String
    public var detail: String

    public init(time: Date, kind: String, resource: String, detail: String) {
        self.time = time
        self.kind = kind
        self.resource = resource
        self.detail = detail
    }
}
