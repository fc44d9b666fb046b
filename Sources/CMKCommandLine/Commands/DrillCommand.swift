import CMKCore
import Foundation
import JMESPath

/// `acrcmk drill`: Microsoft's revocation guide's "Test Revocation Procedures", rehearsed by CMKCore's `RevocationDrill` on a scratch copy
/// of the state home; this command makes the copy and renders the typed report (`DrillReportPresenter`).
enum DrillCommand {
    static let method = Option<RevocationMethod>("method", short: "m", help: "The revocation method to rehearse.")
    static let report = Option<String?>(
        "report", valueName: "file.md", help: "Write the Markdown report here (and the JSON beside it).")
    static let keepState = Option<Bool>(
        flag: "keep-state", help: "Keep the scratch state home after the drill (its path is printed).")
    static let inPlace = Option<Bool>(
        flag: "in-place", help: "Drill on the real state home instead of a scratch copy (asks for confirmation).")
    static let yes = Option<Bool>(flag: "yes", short: "y", help: "Do not ask for confirmation of --in-place.")
    static let client = Option<ProcessDrillClient.Kind?>(
        "client", help: "Send the push, pull and list probes through this client against a temporary acrcmk serve "
            + "(default: acrcmk).")

    static var spec: CommandSpec {
        CommandSpec(
            "drill",
            abstract: "Rehearse a revocation: push a probe, revoke, try every operation, recover, verify, report.",
            discussion:
                "Runs on a scratch copy of the state home unless --in-place. Every operation of the two impact "
                + "tables is tried for real and compared with the table. Exit 1 if any observed impact differs. "
                + "In place, the registry's key access is really revoked for the drill and restored after; the "
                + "registry is left as found (its tags; the probe repository is deleted again).",
            options: [LifecycleCommands.registry, method, report, keepState, inPlace, yes, client],
            examples: [
                "acrcmk drill --registry myregistry --method access-policy --report drill.md",
                "acrcmk drill --registry myregistry --method disable-key --client skopeo",
            ],
            handler: run)
    }

    @Sendable static func run(_ context: CommandContext) throws -> CommandOutput {
        let registry = context[LifecycleCommands.registry]
        let method = context[Self.method]
        let inPlace = context[Self.inPlace]
        if inPlace {
            try confirmInPlace(registry: registry, method: method, context)
        }
        let fileManager = FileManager.default
        if let path = context[Self.report] {
            // Refused before the drill runs: a report that cannot be written would lose a whole drill.
            let folder = (path as NSString).deletingLastPathComponent.isEmpty
                ? "." : (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
                  fileManager.isWritableFile(atPath: folder) else {
                throw CommandFailure(
                    "Cannot write the report to '\(path)': '\(folder)' is not a folder you can write to.",
                    hint: "Give --report a path in an existing, writable folder, e.g. --report drill.md",
                    category: .usage)
            }
            if fileManager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw CommandFailure("Cannot write the report to '\(path)': it is a folder.",
                                     hint: "Name a file, e.g. --report \(path)/drill.md", category: .usage)
            }
        }
        let source = context.settings.home
        guard fileManager.fileExists(atPath: source) else {
            throw CommandFailure("The state home '\(source)' does not exist; set up a registry first (acrcmk setup).")
        }
        // The drill revokes for real: unless asked otherwise it runs on a copy of the state home, removed after.
        var home = source
        if !inPlace {
            home = fileManager.temporaryDirectory.appendingPathComponent("acrcmk-drill-\(UUID().uuidString)").path
            try fileManager.copyItem(atPath: source, toPath: home)
        }
        defer {
            if !inPlace, !context[Self.keepState] {
                try? fileManager.removeItem(atPath: home)
            }
        }
        let content = inPlace ? try context.registryContent() : try scratchContent(at: home, context)
        let (realClient, stopClient) = try startClient(registry: registry, home: home, content: content, context)
        defer { stopClient() }
        let report = try RevocationDrill(registry: registry, method: method, content: content,
                                         inPlace: inPlace, client: realClient, clock: { Date() }).run()
        let presenter = DrillReportPresenter(report: report)
        let markdown = presenter.markdown
        if let path = context[Self.report] {
            try markdown.write(toFile: path, atomically: true, encoding: .utf8)
            let jsonPath = (path as NSString).deletingPathExtension + ".json"
            try (presenter.json.serialized() + "\n").write(toFile: jsonPath, atomically: true, encoding: .utf8)
        }
        var text = markdown
        if context[Self.keepState], !inPlace {
            text += "\nScratch state home kept at: \(home)\n"
        }
        return CommandOutput(value: presenter.json, text: text, exitCode: report.allMatch ? 0 : 1)
    }

    /// An in-place drill revokes the real registry's key access: it needs `--yes` or the registry's name typed, and
    /// `--keep-state` (which keeps a scratch copy) contradicts it.
    private static func confirmInPlace(registry: String, method: RevocationMethod, _ context: CommandContext) throws {
        guard !context[keepState] else {
            throw CommandFailure("--keep-state keeps the drill's scratch copy, and --in-place drills without one: "
                                     + "pass one or the other.", category: .usage)
        }
        guard !context[yes] else { return }
        let what = "--in-place revokes registry '\(registry)'s real key access (\(method.rawValue)) for the drill "
            + "and recovers it after"
        guard context.io.inputIsTerminal else {
            throw CommandFailure("\(what). Pass --yes to confirm.", category: .usage)
        }
        context.io.writeError("\(what).\nType the registry name to confirm: ")
        guard context.io.readLine() == registry else {
            throw CommandFailure("Not confirmed; nothing was changed.")
        }
    }

    /// With `--client skopeo|podman`: a registry server over the drill's home and that client, signed in with a
    /// refresh token; and what stops them.
    private static func startClient(registry: String, home: String, content: RegistryContent,
                                    _ context: CommandContext) throws -> ((any DrillRegistryClient)?, () -> Void) {
        guard let kind = context[client], kind != .acrcmk else { return (nil, {}) }
        guard let startServer = context.services.startServer else {
            throw CommandFailure("This build of acrcmk has no registry server for --client.")
        }
        let token = try context.perform(on: content.store) { session in
            try session.issueRefreshToken(forRegistry: registry).token
        }
        let server = try startServer(home)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("acrcmk-drill-client-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let probe = ProcessDrillClient(kind: kind, host: server.host,
                                       credentials: "00000000-0000-0000-0000-000000000000:\(token)", folder: folder)
        return (probe, {
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        })
    }

    /// The content operations of the scratch copy at `path`.
    private static func scratchContent(at path: String, _ context: CommandContext) throws -> RegistryContent {
        let store: any StateStore
        do {
            store = try context.services.openState(path)
        } catch {
            throw CommandFailure(code: .stateHomeUnavailable, "Cannot open the drill's copy of the state home at "
                                     + "'\(path)': \(error)")
        }
        guard let home = store as? any ContentHome else {
            throw CommandFailure(code: .contentUnavailable, "This state store does not hold registry content.")
        }
        return RegistryContent(home: home)
    }
}
