#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import Foundation

/// An OCI image layout written in a temporary directory beside its destination and moved there whole on `commit`,
/// so a failed or interrupted pull or export leaves no partial layout (an interrupt removes the staging directory).
final class StagedImageLayout: ImageLayoutDestination {
    let location: String
    private let staging: String
    private var cleanupToken: Int?

    /// Creates the staging directory with its `oci-layout` file and empty `blobs/sha256`.
    ///
    /// - Parameter destination: Where the layout goes; CMKCore has checked it is absent or an empty directory.
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the destination.
    init(destination: String) throws {
        location = destination
        staging = destination + ".acrcmk-partial-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: staging + "/blobs/sha256", withIntermediateDirectories: true)
            try Data(OCIImageLayout.layoutMarker.utf8).write(to: URL(fileURLWithPath: staging + "/oci-layout"))
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw CMKError.badRequest(.outputUnwritable,
                                      "Cannot create '\(destination)': \(error.localizedDescription)")
        }
        let path = staging
        cleanupToken = InterruptCleanup.shared.register { try? FileManager.default.removeItem(atPath: path) }
    }

    func blobWriter(for digest: String) throws -> any ContentWriter {
        try OutputFile(destination: staging + "/blobs/sha256/" + ContentDigest.hex(digest))
    }

    func commit(index: [UInt8]) throws {
        let fileManager = FileManager.default
        do {
            try Data(index).write(to: URL(fileURLWithPath: staging + "/index.json"))
            if fileManager.fileExists(atPath: location) {
                try fileManager.removeItem(atPath: location)  // Checked empty before staging began.
            }
            try fileManager.moveItem(atPath: staging, toPath: location)
            cleanupToken.map(InterruptCleanup.shared.unregister)
            cleanupToken = nil
        } catch {
            throw CMKError.badRequest(.outputUnwritable,
                                      "Cannot write '\(location)': \(error.localizedDescription)")
        }
    }

    func discard() {
        guard let token = cleanupToken else { return }
        InterruptCleanup.shared.unregister(token)
        cleanupToken = nil
        try? FileManager.default.removeItem(atPath: staging)
    }
}
