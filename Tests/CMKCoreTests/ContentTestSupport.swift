import CMKCrypto
import Foundation
import Synchronization
import Testing

@testable import CMKCore

/// In-memory state homes for the content use cases, over the shared fixture world.
enum ContentFixture {
    /// A wall clock that starts at the fixture's start and moves one millisecond per reading, so later commands
    /// are strictly later (manifests sort by time, as on disk).
    final class TickingClock: Sendable {
        private let ticks = Mutex(0)

        func read() -> Date {
            let tick = ticks.withLock { value -> Int in
                value += 1
                return value
            }
            return CoreFixture.start.addingTimeInterval(Double(tick) / 1000)
        }
    }

    /// A home holding the fixture world and a CMK registry `cmkreg` whose identity is granted on `vault` (the key's
    /// versionless id), and a service-managed registry `plainreg`.
    static func home(vault: String = CoreFixture.policyVault) throws -> InMemoryContentHome {
        let clock = TickingClock()
        let home = InMemoryContentHome(
            state: InMemoryStateStore(world: CoreFixture.world, wallClock: { clock.read() },
                                      platformKey: CoreFixture.platformKey,
                                      vaultMasterKey: CoreFixture.vaultMasterKey),
            memory: InMemoryContentStore(wallClock: { clock.read() }))
        try home.perform { session in
            if vault == CoreFixture.rbacVault {
                session.grantIdentityRole()
            } else {
                try session.grantIdentityPolicy()
            }
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: vault)))
            try session.createRegistry(RegistryCreateRequest(name: "plainreg", resourceGroup: CoreFixture.group,
                                                             sku: .basic))
        }
        return home
    }

    /// Random bytes with a marker every 64 KiB, so a test can tell whether plaintext reached the sealed objects.
    static func markedBytes(_ count: Int) -> (bytes: [UInt8], marker: [UInt8]) {
        let marker = Array("PLAINTEXT-MARKER-\(Identifiers.guid())".utf8)
        var bytes = Identifiers.randomBytes(count: count)
        var offset = 0
        while offset + marker.count <= bytes.count {
            bytes.replaceSubrange(offset..<offset + marker.count, with: marker)
            offset += 64 << 10
        }
        return (bytes, marker)
    }

    /// A one-image OCI layout tagged `tag`: an arm64/linux config and the layers given. `declaredLayerSize`, when
    /// given, is what the manifest claims every layer's size is (a corrupt layout).
    static func imageLayout(tag: String = "v1", layers: [[UInt8]], declaredLayerSize: Int64? = nil) throws
        -> (layout: InMemoryImageLayout, manifest: OCIDescriptor)
    {
        let layout = InMemoryImageLayout()
        let config = layout.addBlob(Array(#"{"architecture":"arm64","os":"linux","rootfs":{"type":"layers"}}"#.utf8),
                                    mediaType: "application/vnd.oci.image.config.v1+json")
        let layerDescriptors = layers.map { bytes in
            var descriptor = layout.addBlob(bytes, mediaType: "application/vnd.oci.image.layer.v1.tar")
            if let declaredLayerSize { descriptor.size = declaredLayerSize }
            return descriptor
        }
        let manifestBytes = try OCIImageLayout.encode(ImageManifest(config: config, layers: layerDescriptors))
        var manifest = layout.addBlob(manifestBytes, mediaType: OCIMediaType.imageManifest)
        manifest.annotations = [OCIMediaType.refNameAnnotation: tag]
        try layout.setIndex(OCIImageIndex(manifests: [manifest]))
        manifest.annotations = nil
        return (layout, manifest)
    }

    /// An OCI image manifest.
    private struct ImageManifest: Encodable {
        var schemaVersion = 2
        var mediaType = OCIMediaType.imageManifest
        var config: OCIDescriptor
        var layers: [OCIDescriptor]
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs anywhere in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in
            self[start] == needle[0] && Array(self[start..<start + needle.count]) == needle
        }
    }
}
