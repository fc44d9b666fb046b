import Foundation

/// Where the package and the test data it carries are, for every test target.
public enum PackageLayout {
    /// The folder holding Package.swift.
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// Scripts and documents the tests replay (`Tests/Fixtures`).
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    /// Public test vectors kept in the project (`Tests/Vectors`: Wycheproof, JMESPath compliance), with their
    /// licence and a SOURCE note naming the upstream commit.
    public static var vectors: URL { root.appendingPathComponent("Tests/Vectors") }

    /// One folder of `Tests/Vectors`, failing with a clear message when the checkout lacks it.
    public static func vectorDirectory(_ name: String) throws -> URL {
        let folder = vectors.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw TestSupportFailure("The test vectors are missing at \(folder.path): they are part of the checkout "
                                     + "(Tests/Vectors); restore them with `git checkout -- Tests/Vectors`.")
        }
        return folder
    }
}

/// A test precondition that did not hold, with the reason in words.
public struct TestSupportFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
