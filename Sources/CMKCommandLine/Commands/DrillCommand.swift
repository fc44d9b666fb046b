import CMKCore
import Foundation
import JMESPath

/// `acrcmk drill`: seed 000's "Test Revocation Procedures", rehearsed by CMKCore's `RevocationDrill` on a scratch copy
/// of the state home; this command makes the copy and renders the typed report (`DrillReportPresenter`).
enum DrillCommand {
    static let method = Option<RevocationMethod>("method", short: "m", help: "The revocation method to rehearse.")
    static let report = Option<String?>(
        "report", valueName: "file.md", help: "Write the Markdown report here (and the JSON beside it).")
    static let keepState = Option<Bool>(
        flag: "keep-state", help: "Keep the scratch state home after the drill (its path is printed).")
    static let inPlace = Option<Bool>(
        flag: "in-place", help: "Drill on the real state home instead of a scratch copy.")

    static var spec: CommandSpec {
        CommandSpec(
            "drill",
            abstract: "Rehearse a revocation: push a probe, revoke, try every operation, recover, verify, report.",
            discussion:
                "Runs on a scratch copy of the state home unless --in-place. Every operation of seed 000's two impact "
                + "tables is tried for real and compared with the table. Exit 1 if any observed impact differs.",
            options: [LifecycleCommands.registry, method, report, keepState, inPlace],
            examples: ["acrcmk drill --registry myregistry --method access-policy --report drill.md"],
            handler: run)
    }

    @Sendable static func run(_ context: CommandContext) throws -> CommandOutput {
        let registry = context[LifecycleCommands.registry]
        let method = context[Self.method]
        let inPlace = context[Self.inPlace]
        let fileManager = FileManager.default
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
        let report = try RevocationDrill(registry: registry, method: method, content: content,
                                         inPlace: inPlace, clock: { Date() }).run()
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
