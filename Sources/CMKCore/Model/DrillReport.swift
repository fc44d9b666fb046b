/// What a revocation drill (Microsoft's revocation guide's "Test Revocation Procedures") did and saw, as typed values; front ends
/// render it (a Markdown report, JSON).
public struct DrillReport: Sendable {
    public var registry: String
    public var method: RevocationMethod
    /// The registry's encryption before the drill, as `az acr encryption show` reports it; nil without CMK.
    public var encryptionBefore: RegistryEncryption?
    /// Every step, in order, timed.
    public var timeline: [DrillStep]
    /// Every operation of Microsoft's revocation guide's impact tables, tried while the key was revoked.
    public var impacts: [DrillImpact]
    /// What the revocation did and the denial that proves the lockout.
    public var revocation: RevocationOutcome
    /// `check-health` while revoked; nil when it could not run.
    public var lockCheck: HealthReport?
    /// What recovery did; nil when it failed with an error (its timeline step says which).
    public var recovery: RecoveryOutcome?
    /// After recovery, whether the probe pulled back byte-identical; nil when recovery failed.
    public var probeIdentical: Bool?
    /// When recovery failed, `check-health` afterwards.
    public var accessCheck: HealthReport?
    /// Microsoft's revocation guide's decision matrix for the method.
    public var recommendation: DrillRecommendation
    /// The real client the push, pull and list probes went through ("skopeo"); nil: acrcmk's own.
    public var client: String? = nil

    /// Whether recovery brought the data key back.
    public var recovered: Bool { recovery?.recovered == true }
    /// Whether every observed impact is what Microsoft's revocation guide's tables say.
    public var allMatch: Bool { impacts.allSatisfy(\.matches) }
}

/// One step of a drill.
public struct DrillStep: Sendable {
    public enum Action: Sendable, Equatable {
        case documentCurrentState
        case pushProbe
        case addReplica(location: String)
        case revoke(RevocationMethod)
        case recover
        case verifyProbePull
        case verifyAccess
        /// In place: the probe repository goes again.
        case removeProbe

        /// The step as the report names it.
        public var title: String {
            switch self {
            case .documentCurrentState: return "Document current state"
            case .pushProbe: return "Push probe artifact"
            case .addReplica(let location): return "Add a replica in \(location) (scratch copy)"
            case .revoke(let method): return "Execute revocation (\(method.rawValue))"
            case .recover: return "Execute recovery"
            case .verifyProbePull: return "Verify probe pulls"
            case .verifyAccess: return "Verify access"
            case .removeProbe: return "Remove the probe repository (in place)"
            }
        }
    }

    public var action: Action
    /// Why the step failed; nil when it succeeded.
    public var failure: CMKError?
    public var seconds: Double

    public var succeeded: Bool { failure == nil }
}

/// One row of Microsoft's revocation guide's impact tables: an operation tried while the key was revoked.
public struct DrillImpact: Sendable {
    /// The operations of the two tables, named as Microsoft's revocation guide names them.
    public enum Operation: String, Sendable, CaseIterable {
        case dockerPush = "docker push"
        case dockerPull = "docker pull"
        case repositoryList = "az acr repository list"
        case artifactStreaming = "Artifact streaming"
        case tasks = "ACR Tasks"
        case geoReplicationSync = "Geo-replication sync"
        case registryShow = "az acr show"
        case encryptionShow = "az acr encryption show"
        case registryUpdate = "az acr update"
        case registryMetrics = "Registry metrics"
        case dataKeyUnwrap = "Data key unwrap (check-health)"
    }

    /// What an operation did.
    public enum Availability: String, Sendable {
        case blocked = "Blocked"
        case works = "Works"
    }

    /// What Microsoft's revocation guide's tables say it should do.
    public enum Expectation: String, Sendable {
        case blocked = "Blocked"
        case works = "Works"
        /// Not observable here (geo-replication without a replica).
        case notApplicable = "n/a"
    }

    public var operation: Operation
    public var expected: Expectation
    public var observed: Availability
    /// What was observed, as the operation returned it.
    public var evidence: DrillEvidence
    public var seconds: Double

    public var matches: Bool { expected == .notApplicable || expected.rawValue == observed.rawValue }
    /// The observed result code: the error's, the vault's denial's or the failing health check's; nil when the
    /// operation worked.
    public var code: ErrorCode? { evidence.code }
}

/// What an operation of a drill returned.
public enum DrillEvidence: Sendable {
    /// It worked and has nothing to show.
    case none
    /// It failed with this error.
    case failed(CMKError)
    /// A task run was recorded; `denial` says whether the vault blocked it.
    case taskRun(TaskRunOutcome)
    /// The replicas' sync status; nil when the registry has none.
    case replication(ReplicationStatus?)
    /// What `check-health` found.
    case health(HealthReport)

    /// The result code it carries, when the operation was refused.
    public var code: ErrorCode? {
        switch self {
        case .none: return nil
        case .failed(let error): return error.code
        case .taskRun(let outcome): return outcome.denial?.code.errorCode
        case .replication(let status):
            return status?.isBlocked == true ? ErrorCode(rawValue: Session.replicaBlockedStatus) : nil
        case .health(let report):
            return report.isHealthy ? nil : report.findings.first { $0.severity == .error }?.code
        }
    }
}

/// Microsoft's revocation guide's decision matrix: the scenario a revocation method answers, the action, and the way back.
public struct DrillRecommendation: Sendable, Equatable {
    public var scenario: String
    public var action: String
    public var recovery: String

    /// The matrix row of `method`.
    public static func forMethod(_ method: RevocationMethod) -> DrillRecommendation {
        switch method {
        case .accessPolicy, .roleAssignment:
            return DrillRecommendation(scenario: "Suspected breach",
                                       action: "Remove access policy (or role assignment)",
                                       recovery: "Restore policy after investigation")
        case .disableKey, .firewall:
            return DrillRecommendation(scenario: "Compliance hold", action: "Remove access (here: \(method.rawValue))",
                                       recovery: "Restore when hold is lifted")
        case .deleteKey, .deleteVault:
            return DrillRecommendation(scenario: "Permanent shutdown", action: "Delete key",
                                       recovery: "Not needed (soft delete keeps it recoverable until purged)")
        case .purgeKey:
            return DrillRecommendation(scenario: "Key compromise", action: "Delete and purge key",
                                       recovery: "Create new registry")
        case .removeIdentity:
            return DrillRecommendation(scenario: "Employee offboarding", action: "Rotate key with new identity",
                                       recovery: "N/A")
        }
    }
}
