import CMKCore

extension CommandContext {
    /// The content use cases over this command's state home.
    ///
    /// - Throws: `CommandFailure` (`ContentUnavailable`) when the state store holds no registry content.
    func registryContent() throws -> RegistryContent {
        guard let home = try openStore() as? any ContentHome else {
            throw CommandFailure(code: .contentUnavailable, "This state store does not hold registry content.")
        }
        return RegistryContent(home: home)
    }

    /// The local files content commands read and write.
    ///
    /// - Throws: `CommandFailure` (`LocalFilesUnavailable`) when the tool was built without them.
    func localFiles() throws -> any LocalContentFiles {
        guard let files = services.localFiles else {
            throw CommandFailure(code: .localFilesUnavailable,
                                 "This build of acrcmk cannot read or write local files.")
        }
        return files
    }
}
