import Foundation

/// Where the package and its shared test data are, for every test target.
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

    /// `../shared` beside the checkout (CI puts it there), or `$ACRCMK_SHARED_DIR`.
    public static func sharedDirectory() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["ACRCMK_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("testvectors").path) else {
            throw TestSupportFailure("The shared test data was not found at \(shared.path)/testvectors: the tests read "
                                     + "../shared beside the checkout (CI puts it there), or set ACRCMK_SHARED_DIR.")
        }
        return shared
    }
}

/// A test precondition that did not hold, with the reason in words.
public struct TestSupportFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
