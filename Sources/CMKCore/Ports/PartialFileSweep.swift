/// Partial files that interrupted commands left behind (a pull's plaintext beside its destination, an export's
/// staging folder, a push's temporary object), as this command's sweeps found them.
///
/// A partial file is swept only once the command that wrote it is gone; the files of live commands are kept.
public struct PartialFileSweep: Sendable, Equatable {
    /// Removed, by path.
    public var removed: [String]
    /// Left by a command that is gone but could not be removed: the path and why.
    public var unremovable: [String]

    public init(removed: [String] = [], unremovable: [String] = []) {
        self.removed = removed
        self.unremovable = unremovable
    }

    /// Adds what another sweep found.
    public mutating func merge(_ other: PartialFileSweep) {
        removed += other.removed
        unremovable += other.unremovable
    }
}
