import CMKStore
import Foundation
import Testing

/// A home that lost part of itself (its account record, a key, its whole control state) is damaged: commands say
/// so and exit non-zero, and nothing is created, changed or deleted; in particular `fsck --repair` deletes no
/// content and no key is silently made anew.
@Suite("Damaged state homes", .serialized)
struct DamagedHomeTests {
    enum Damage: String, CaseIterable, Sendable {
        case accountRecordDeleted, platformKeyDeleted, vaultKeyDeleted, controlFolderDeleted

        func apply(to layout: StateHome.Layout) throws {
            switch self {
            case .accountRecordDeleted:
                try SQLiteConnection(path: layout.controlDatabase).execute("DELETE FROM world_header")
            case .platformKeyDeleted: try FileManager.default.removeItem(atPath: layout.platformKey)
            case .vaultKeyDeleted: try FileManager.default.removeItem(atPath: layout.vaultMasterKey)
            case .controlFolderDeleted: try FileManager.default.removeItem(atPath: layout.control)
            }
        }

        var expectedReason: String {
            switch self {
            case .accountRecordDeleted: "has no account record"
            case .platformKeyDeleted: "control/platform.key is missing"
            case .vaultKeyDeleted: "control/vault.key is missing"
            case .controlFolderDeleted: "registry/ holds"
            }
        }
    }

    static func files(under path: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: path + "/" + relative),
               !relative.hasSuffix("-shm") {
                files[relative] = data
            }
        }
        return files
    }

    @Test("every command refuses a damaged home, fsck --repair deletes nothing, no key is made anew",
          arguments: Damage.allCases)
    func damagedHomeIsRefused(_ damage: Damage) throws {
        let directory = try TemporaryDirectory("acrcmk-damaged")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("damagereg", vault: "kvdamage1")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: directory.file("file.txt")))
        try tool.succeed(["push", "damagereg", "keep/me:v1", directory.file("file.txt")])
        let layout = StateHome.Layout(root: tool.home)
        try damage.apply(to: layout)
        let before = Self.files(under: tool.home)

        for arguments in [["status"], ["fsck", "--repair"], ["az", "group", "list"], ["setup", "--registry", "newreg1"]] {
            let result = try tool.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.errors.contains("is damaged"), "\(arguments): \(result.errors)")
            #expect(result.errors.contains(damage.expectedReason), "\(arguments): \(result.errors)")
        }
        #expect(Self.files(under: tool.home).keys.sorted() == before.keys.sorted(), "nothing created or deleted")
        #expect(Self.files(under: layout.registry) == before.filter { $0.key.hasPrefix("registry/") }
                    .reduce(into: [:]) { $0[String($1.key.dropFirst("registry/".count))] = $1.value },
                "the content is untouched")
    }
}
