import CMKCore
import JMESPath

/// `acrcmk fsck`'s report: the counts, each damaged or missing object, the locked registries and the orphans.
enum ContentCheckPresenter {
    static func output(_ report: ContentCheckReport) -> CommandOutput {
        let problems = report.damaged + report.missing
        let removed = report.removedOrphanFiles + report.removedDeletedRegistryObjects
        let value: JSONValue = [
            "objects": .number(Double(report.objects)),
            "verified": .number(Double(report.verified)),
            "damaged": .array(report.damaged.map(json)),
            "missing": .array(report.missing.map(json)),
            "unverifiable": .number(Double(report.unverifiable)),
            "lockedRegistries": .array(report.lockedRegistries.map {
                ["registry": .string($0.registry), "reason": .string($0.error.description)]
            }),
            "orphanFiles": .array(report.orphanFiles.map(JSONValue.string)),
            "deletedRegistryObjects": .number(Double(report.deletedRegistryObjects)),
            "repaired": .bool(report.repaired),
            "repairWithheld": .bool(report.repairWithheld),
            "removedFiles": .number(Double(removed)),
            "removedTemporaryFiles": .number(Double(report.removedTemporaryFiles)),
            "partialFiles": [
                "removed": .array(report.partialFiles.removed.map(JSONValue.string)),
                "unremovable": .array(report.partialFiles.unremovable.map(JSONValue.string)),
            ],
        ]
        var lines = ["Checked \(report.objects) sealed objects: \(report.verified) verified, "
                     + "\(report.damaged.count) damaged, "
                     + "\(report.missing.count) missing, \(report.unverifiable) unverifiable (key unavailable)."]
        for problem in problems {
            lines.append("  DAMAGED \(problem.registry) \(problem.digest): \(problem.error.description)")
        }
        for locked in report.lockedRegistries {
            lines.append("  LOCKED \(locked.registry): \(locked.error.description)")
        }
        if report.repairWithheld {
            lines.append("Not repaired: something above is damaged, so an unreferenced file may be an object whose "
                         + "index row was lost; nothing was removed.")
        }
        let deleted = report.deletedRegistryObjects
        lines.append("Orphans: \(report.orphanFiles.count) unreferenced files, \(deleted) objects of deleted "
                     + "registries."
                     + (report.repairWithheld ? "" : report.repaired ? " Removed \(removed) files, \(report.removedTemporaryFiles) temporary files."
                        : (report.orphanFiles.isEmpty && deleted == 0
                            ? "" : " Run 'acrcmk fsck --repair' to remove them.")))
        let partial = report.partialFiles
        if !partial.removed.isEmpty || !partial.unremovable.isEmpty {
            lines.append("Partial files left by interrupted commands: \(partial.removed.count) removed"
                         + (partial.unremovable.isEmpty ? "." : ", \(partial.unremovable.count) could not be removed "
                            + "(tried again by the next command)."))
            lines += partial.removed.map { "  REMOVED \($0)" } + partial.unremovable.map { "  KEPT \($0)" }
        }
        return CommandOutput(value: value, text: lines.joined(separator: "\n"),
                             exitCode: report.isHealthy ? ExitCode.success : ExitCode.failure)
    }

    private static func json(_ problem: ContentCheckReport.Problem) -> JSONValue {
        ["registry": .string(problem.registry), "digest": .string(problem.digest),
         "objectId": .string(problem.objectID), "error": .string(problem.error.description)]
    }
}
