/// Watches the streams of a push, import, pull or export, one at a time, e.g. to draw a progress bar.
///
/// Every call comes from the thread that called the use case. Every method has a default that does nothing.
public protocol TransferObserver: AnyObject {
    /// A stream begins.
    func streamStarted(_ stream: TransferStream)

    /// `bytes` plaintext bytes of the current stream have moved so far.
    func streamProgressed(_ bytes: Int64)

    /// The current stream completed and was verified.
    func streamFinished()

    /// A push or import is about to seal again: a concurrent repository delete removed an object it had found
    /// already sealed before its commit.
    ///
    /// - Parameter attempt: The attempt that could not commit (1 for the first).
    func transferRetrying(after attempt: Int)
}

extension TransferObserver {
    public func streamStarted(_ stream: TransferStream) {}
    public func streamProgressed(_ bytes: Int64) {}
    public func streamFinished() {}
    public func transferRetrying(after attempt: Int) {}
}

/// One stream of a transfer.
public struct TransferStream: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// The single file of a file push or pull.
        case file
        /// One blob or manifest of an image layout.
        case object
    }

    public var role: Role
    /// The content's digest, when known before it is read (not for a file being pushed).
    public var digest: String?
    /// The plaintext size, when known.
    public var size: Int64?

    public init(role: Role, digest: String?, size: Int64?) {
        self.role = role
        self.digest = digest
        self.size = size
    }
}
