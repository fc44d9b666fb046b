extension StateHome {
    /// The paths of a state home's two parts.
    public struct Layout: Sendable {
        /// The simulated Azure: resources, Key Vault, keys, clock, audit.
        public static let controlName = "control"
        /// Registry content: the sealed index and sealed objects, no key.
        public static let registryName = "registry"
        public static let controlDatabaseName = "state.db"
        public static let contentIndexDatabaseName = "content.db"
        public static let blobsName = "blobs"
        public static let platformKeyName = "platform.key"
        public static let vaultMasterKeyName = "vault.key"

        public let root: String

        public init(root: String) {
            self.root = root
        }

        public var control: String { root + "/" + Self.controlName }
        public var registry: String { root + "/" + Self.registryName }
        public var controlDatabase: String { control + "/" + Self.controlDatabaseName }
        public var platformKey: String { control + "/" + Self.platformKeyName }
        public var vaultMasterKey: String { control + "/" + Self.vaultMasterKeyName }
        public var contentIndexDatabase: String { registry + "/" + Self.contentIndexDatabaseName }
        public var blobs: String { registry + "/" + Self.blobsName }
    }
}
