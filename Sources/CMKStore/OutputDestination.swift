#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// What a pull or an export may put its output in place of.
///
/// Output is renamed into place, and a rename replaces whatever has the name: run as root, `pull … /dev/null` used
/// to replace the device with a regular file. So the path is checked when the output is created and again just
/// before the rename: it may be missing, or be what the output replaces (a regular file for a pulled file, an empty
/// folder for a layout, which `rename` itself requires to be empty). A symbolic link is refused rather than followed
/// or replaced: following it would write wherever it points, replacing it would silently turn it into a file.
/// Folders reached through links (a link among the parent folders, or a link to the folder a file is pulled into)
/// are used as usual: they are not the path being replaced.
enum OutputDestination {
    /// What the output replaces when something is already there.
    enum Replaces {
        /// A pulled file: it replaces a regular file.
        case regularFile
        /// An image layout: it replaces an empty folder (`rename` refuses a folder that is not empty).
        case folder

        var fileType: mode_t {
            switch self {
            case .regularFile: return S_IFREG
            case .folder: return S_IFDIR
            }
        }
    }

    /// Refuses `path` unless it is missing or of the kind the output replaces.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the path, what it is and what to do instead.
    static func check(_ path: String, replaces: Replaces) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else {
                throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(path)': "
                                              + "\(String(cString: strerror(errno))).")
            }
            return
        }
        let type = info.st_mode & S_IFMT
        if type == replaces.fileType {
            return
        }
        if type == S_IFLNK {
            let target = linkTarget(path).map { " to '\($0)'" } ?? ""
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(path)': it is a symbolic link\(target). "
                + "acrcmk neither writes through a link given as its output nor replaces it; nothing was written.",
                hint: "Pass the path the link points to, or remove the link first.")
        }
        let wanted = replaces == .regularFile
            ? "pulled files are written only as regular files, created or replaced whole"
            : "an image layout is written only as a new folder, or in place of an empty one"
        throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(path)': it is "
            + "\(FileDescriptorIO.describe(fileType: type)), and \(wanted); nothing was written.",
            hint: replaces == .regularFile ? "Pass the path of a regular file, or of a folder to write into."
                : "Pass the path of a new or empty folder.")
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
