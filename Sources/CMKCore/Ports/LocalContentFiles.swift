/// The caller's own files, as `push`, `import`, `pull` and `export` of local paths reach them.
///
/// The front end that owns the file system implements it (CMKStore's `LocalFileSystem`); CMKCore decides what a
/// path means (a file becomes a one-layer artifact, a directory is an OCI image layout, a pulled file lands inside
/// an existing directory) and never opens a file itself.
public protocol LocalContentFiles: Sendable {
    /// What is at `path` now.
    func entry(at path: String) -> LocalEntry

    /// Opens a file for sealing.
    ///
    /// - Throws: `CMKError` (`FileUnreadable`) naming the path and the system's reason.
    func openFile(at path: String) throws -> any ContentReader

    /// The OCI image layout in the directory at `path` (which may turn out not to be one).
    func imageLayout(at path: String) -> any ImageLayoutSource

    /// A file to be created (or replaced) at `path` once its content is complete and verified.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the path and the system's reason.
    func createFile(at path: String) throws -> any ContentWriter

    /// An OCI image layout to be created at `path` (absent, or an empty directory) once complete.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the path and the system's reason.
    func createImageLayout(at path: String) throws -> any ImageLayoutDestination
}

/// What a local path names.
public enum LocalEntry: Sendable, Equatable {
    case missing
    /// A file (or anything else that is not a directory).
    case file
    case directory(isEmpty: Bool)
}
