import Foundation

/// Executables the package builds, found where the tests were built.
public enum BuildProducts {
    /// The executable `name`: next to the test binary (any scratch path), else under `<package>/.build*/…/debug`,
    /// else at the path in the environment variable `overrideVariable`.
    public static func executable(named name: String, overrideVariable: String) throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment[overrideVariable], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var folders: [URL] = []
        // Linux: the test binary is <products>/<Package>PackageTests.xctest; macOS: a bundle in the products folder.
        let binaries = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL }
        for binary in binaries.compactMap({ $0 }) {
            var folder = binary.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        let root = PackageLayout.root
        for entry in (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? [] where entry.hasPrefix(".build") {
            let base = root.appendingPathComponent(entry)
            folders.append(base.appendingPathComponent("debug"))
            for triple in (try? fileManager.contentsOfDirectory(atPath: base.path)) ?? [] {
                folders.append(base.appendingPathComponent(triple).appendingPathComponent("debug"))
            }
        }
        var isDirectory: ObjCBool = false
        if let found = folders.map({ $0.appendingPathComponent(name) }).first(where: {
            fileManager.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: $0.path)
        }) {
            return found
        }
        throw TestSupportFailure("\(name) was not found next to the test binary or under \(root.path)/.build*/debug; "
                                 + "build it with `swift build --build-tests` or set \(overrideVariable) to its path.")
    }
}
