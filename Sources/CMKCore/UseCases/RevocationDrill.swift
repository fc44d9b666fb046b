import Foundation

/// Microsoft's revocation guide's "Test Revocation Procedures" as one use case: push a probe, revoke by one method, try every operation
/// of the seed's two impact tables, recover, verify the probe comes back, and report what was expected and what
/// happened.
///
/// Every step is a core operation in a transaction of its own, as separate commands would be, and every outcome
/// is recorded as the typed value (or coded error) the operation returned. It changes the state home it is given,
/// so front ends run it on a scratch copy unless told otherwise; the copy is theirs to make.
public struct RevocationDrill {
    /// The registry drilled.
    public let registry: String
    /// The revocation method rehearsed.
    public let method: RevocationMethod
    /// Whether the drill may add a replica (on a scratch copy) so that geo-replication sync is observed too.
    /// On the real state home: leave the registry as found.
    public let inPlace: Bool
    /// Where the probe goes (see `probeRepository`).
    let probeRepository: String
    private let content: RegistryContent
    private let clock: () -> Date
    /// When set, the push, pull and list probes go through this real client instead of the use cases.
    private let client: (any DrillRegistryClient)?

    /// Where the probe is pushed on a scratch copy (tag v1 before revocation; v2 is tried while revoked). In place,
    /// a repository of this name with a random suffix, which the drill deletes again.
    static let probeRepository = "drill/probe"
    /// The probe's size: real content, yet small enough that the drill's copies and pulls stay instant.
    static let probeSize = 256 << 10

    /// - Parameters:
    ///   - registry: The registry to drill.
    ///   - method: The revocation method to rehearse.
    ///   - content: The content operations over the state home to drill on.
    ///   - clock: Real time, to time each step.
    ///   - inPlace: True on the real state home: the registry is left as found (its tags; the probe repository is
    ///     a fresh one and is deleted after recovery), and no replica is added.
    ///   - client: A real registry client for the push, pull and list probes; nil: acrcmk's own use cases.
    public init(registry: String, method: RevocationMethod, content: RegistryContent, inPlace: Bool,
                client: (any DrillRegistryClient)? = nil, clock: @escaping () -> Date) {
        self.client = client
        self.registry = registry
        self.method = method
        self.content = content
        self.inPlace = inPlace
        self.probeRepository = inPlace
            ? Self.probeRepository + "-" + Identifiers.randomBytes(count: 4).map { String(format: "%02x", $0) }.joined()
            : Self.probeRepository
        self.clock = clock
    }

    private var store: any StateStore { content.store }

    /// Runs the drill.
    ///
    /// - Returns: The report; `allMatch` says whether every impact matched Microsoft's revocation guide's tables.
    /// - Throws: `CMKError` when the drill cannot start: no such registry, the probe cannot be pushed, or the
    ///   method does not revoke (it does not apply to the vault, purge protection refuses it, or the key still
    ///   unwraps). Nothing after the failing step is tried.
    public func run() throws -> DrillReport {
        var timeline: [DrillStep] = []
        /// Runs one step, timed, and records how it ended.
        func step<T>(_ action: DrillStep.Action, _ body: () throws -> T) -> Result<T, CMKError> {
            let start = clock()
            let result = Self.outcome(of: body)
            timeline.append(DrillStep(action: action, failure: result.failure,
                                      seconds: clock().timeIntervalSince(start)))
            return result
        }

        let before: Registry
        switch step(.documentCurrentState, { try store.perform { try $0.requireRegistry(registry) } }) {
        case .success(let found): before = found
        case .failure(let error): throw Self.stopped(error, "The drill needs an existing registry")
        }
        guard before.encryption != nil else {
            let sku = before.sku == .premium ? "" : " (its SKU is \(before.sku.rawValue); CMK needs Premium)"
            throw CMKError.badRequest(
                .invalidEncryption,
                "Registry '\(registry)' is not encrypted with a customer-managed key\(sku): a revocation drill "
                    + "revokes the registry's key, and it has none. Nothing was tried.",
                hint: "Drill a CMK registry; make one with: acrcmk setup --registry <name>")
        }
        let probe = Identifiers.randomBytes(count: Self.probeSize)
        if case .failure(let error) = step(.pushProbe, { try pushProbe(probe, tag: "v1") }) {
            throw Self.stopped(error, "The probe push failed before revocation")
        }
        var hasReplica = !before.replications.isEmpty
        if !hasReplica, !inPlace {
            let location = before.location == "westus2" ? "northeurope" : "westus2"
            hasReplica = step(.addReplica(location: location)) {
                try store.perform { session in
                    try session.createReplication(registryName: registry, resourceGroup: nil, location: location,
                                                  name: nil)
                }
            }.failure == nil
        }

        let revocation: RevocationOutcome
        let revoked = step(.revoke(method)) { () throws -> RevocationOutcome in
            let outcome = try store.perform { try $0.revoke(registry: registry, method: method,
                                                            reason: "revocation drill") }
            guard outcome.denial != nil else {
                throw CMKError.conflict(.notLocked, "the data key still unwraps; the registry is not locked by "
                                            + "this method")
            }
            return outcome
        }
        switch revoked {
        case .success(let outcome): revocation = outcome
        case .failure(let error):
            throw CMKError(error.category, code: error.code,
                           "The drill could not revoke by \(method.rawValue): \(error.message)",
                           hint: (error.hint.map { $0 + " " } ?? "")
                               + "Pick a method that applies to this registry's vault; nothing else was tried.")
        }

        let (impacts, lockCheck) = observeImpacts(hasReplica: hasReplica)

        var recovery: RecoveryOutcome?
        _ = step(.recover) { () throws -> Void in
            let outcome = try store.perform { try $0.recover(registry: registry) }
            recovery = outcome
            guard outcome.recovered else {
                throw CMKError.conflict(.recoveryImpossible, "Recovery is not possible: "
                                            + (outcome.impossible ?? "unknown cause"), hint: outcome.recommendation)
            }
        }
        var probeIdentical: Bool?
        var accessCheck: HealthReport?
        if recovery?.recovered == true {
            probeIdentical = step(.verifyProbePull) { () throws -> Void in
                guard try pullProbe() == probe else {
                    throw CMKError.badRequest(.probeMismatch, "the probe pulled back with different content")
                }
            }.failure == nil
        } else {
            _ = step(.verifyAccess) { () throws -> Void in
                let report = try store.perform { try $0.checkHealth(registryName: registry) }
                accessCheck = report
                if let finding = report.findings.first(where: { $0.severity == .error }) {
                    throw CMKError.badRequest(finding.code, "\(report.registry): \(report.verdict): \(finding.cause)")
                }
            }
        }
        if inPlace, recovery?.recovered == true {
            _ = step(.removeProbe) { try content.deleteRepository(probeRepository, from: registry) }
        }
        return DrillReport(registry: before.name, method: method, encryptionBefore: before.encryption,
                           timeline: timeline, impacts: impacts, revocation: revocation, lockCheck: lockCheck,
                           recovery: recovery, probeIdentical: probeIdentical, accessCheck: accessCheck,
                           recommendation: .forMethod(method), client: client?.name)
    }

    // MARK: While revoked

    /// Tries every operation of the impact tables; returns the rows and the `check-health` report.
    private func observeImpacts(hasReplica: Bool) -> ([DrillImpact], HealthReport?) {
        var impacts: [DrillImpact] = []
        /// Runs one operation, timed; `judge` turns what it returned into the observation.
        func observe<T>(_ operation: DrillImpact.Operation, expected: DrillImpact.Expectation,
                        _ body: () throws -> T,
                        judge: (T) -> (DrillImpact.Availability, DrillEvidence) = { _ in (.works, .none) }) {
            let start = clock()
            let observed: (DrillImpact.Availability, DrillEvidence)
            switch Self.outcome(of: body) {
            case .success(let value): observed = judge(value)
            case .failure(let error): observed = (.blocked, .failed(error))
            }
            impacts.append(DrillImpact(operation: operation, expected: expected, observed: observed.0,
                                       evidence: observed.1, seconds: clock().timeIntervalSince(start)))
        }

        observe(.dockerPush, expected: .blocked) {
            try pushProbe(Array("probe written while revoked".utf8), tag: "v2")
        }
        observe(.dockerPull, expected: .blocked) { try pullProbe() }
        observe(.repositoryList, expected: .blocked) { () throws -> Void in
            if let client {
                _ = try client.listTags(registry: registry, repository: probeRepository)
            } else {
                _ = try content.repositories(in: registry)
            }
        }
        observe(.artifactStreaming, expected: .blocked) { () throws -> Void in
            let plan = try content.plan(registry: registry, repository: probeRepository, reference: nil,
                                        action: "exported")
            try content.writeLayout(plan, to: InMemoryImageLayout())
        }
        observe(.tasks, expected: .blocked, {
            try store.perform { try $0.runTask(registryName: registry, taskName: "drill", command: "acb version") }
        }, judge: { outcome in (outcome.denial == nil ? .works : .blocked, .taskRun(outcome)) })
        observe(.geoReplicationSync, expected: hasReplica ? .blocked : .notApplicable, {
            try store.perform { session -> ReplicationStatus? in
                let found = try session.requireRegistry(registry)
                return found.replications.isEmpty ? nil : try session.replicationStatus(of: found)
            }
        }, judge: { status in (status?.isBlocked == true ? .blocked : .works, .replication(status)) })
        observe(.registryShow, expected: .works) { try store.perform { try $0.requireRegistry(registry) } }
        observe(.encryptionShow, expected: .works) {
            try store.perform { try $0.requireRegistry(registry).encryption }
        }
        observe(.registryUpdate, expected: .works) {
            try store.perform { session in
                // An update that changes nothing: the control plane answers, and the registry stays as it was.
                let current = try session.requireRegistry(registry)
                return try session.updateRegistry(name: registry, resourceGroup: nil, sku: nil,
                                                  adminEnabled: current.adminUserEnabled, defaultAction: nil,
                                                  publicNetworkEnabled: nil, tags: nil)
            }
        }
        observe(.registryMetrics, expected: .works) { try content.counts(of: registry) }
        var lockCheck: HealthReport?
        observe(.dataKeyUnwrap, expected: .blocked, {
            try store.perform { try $0.checkHealth(registryName: registry) }
        }, judge: { report in
            lockCheck = report
            return (report.isHealthy ? .works : .blocked, .health(report))
        })
        return (impacts, lockCheck)
    }

    // MARK: The probe

    private func pushProbe(_ bytes: [UInt8], tag: String) throws {
        if let client {
            return try client.push(bytes, registry: registry, repository: probeRepository, tag: tag)
        }
        _ = try content.push(.file(title: "probe.bin", open: { ContentBuffer(bytes) }), to: registry,
                             as: ImageReference(repository: probeRepository, tag: tag))
    }

    /// Pulls the probe into memory, as `acrcmk pull` would into a file (or through the client).
    private func pullProbe() throws -> [UInt8] {
        if let client {
            return try client.pull(registry: registry, repository: probeRepository, tag: "v1")
        }
        let reference = ImageReference(repository: probeRepository, tag: "v1")
        let plan = try content.plan(registry: registry, repository: reference.repository, reference: reference,
                                    action: "pulled")
        guard let artifact = try content.fileArtifact(in: plan) else {
            throw CMKError.badRequest(.probeMismatch, "\(reference) is not the drill's probe file")
        }
        let output = ContentBuffer()
        try content.writeFile(artifact.layer, keys: plan.keys, to: output)
        return output.bytes
    }

    // MARK: Helpers

    /// What `body` returned, or the coded error it threw (other errors, a store's, as errors without a code).
    private static func outcome<T>(of body: () throws -> T) -> Result<T, CMKError> {
        do {
            return .success(try body())
        } catch let error as CMKError {
            return .failure(error)
        } catch {
            return .failure(CMKError(.badRequest, code: nil, "\(error)"))
        }
    }

    /// The error that stops a drill before revocation, naming the step.
    private static func stopped(_ error: CMKError, _ step: String) -> CMKError {
        CMKError(error.category, code: error.code, "\(step): \(error.message)", hint: error.hint)
    }
}

extension Result {
    /// The error of a failed result, nil on success.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
