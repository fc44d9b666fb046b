import CMKCore
import Foundation
import JMESPath

/// A drill report as `acrcmk drill --report` writes it, for other front ends (the web console's downloads).
public enum DrillReportDocument {
    public static func render(_ report: DrillReport) -> (markdown: String, json: String) {
        let presenter = DrillReportPresenter(report: report)
        return (presenter.markdown, presenter.json.serialized() + "\n")
    }
}

/// A revocation drill's report as people and scripts read it: the Markdown report, and its JSON.
///
/// Each detail is the first line the matching acrcmk command would print (its error line, or its output), so the
/// report reads like a transcript of the commands the drill stands for.
struct DrillReportPresenter {
    let report: DrillReport

    var json: JSONValue {
        [
            "registry": .string(report.registry), "method": .string(report.method.rawValue),
            "allMatch": .bool(report.allMatch), "recovered": .bool(report.recovered),
            "probeByteIdentical": JSONValue(report.probeIdentical),
            "client": .string(report.client ?? "acrcmk"),
            "timeline": .array(
                report.timeline.map {
                    [
                        "step": .string($0.action.title), "outcome": .string(Self.outcome($0)),
                        "seconds": .number(($0.seconds * 1000).rounded() / 1000),
                    ]
                }),
            "impacts": .array(
                report.impacts.map {
                    [
                        "operation": .string($0.operation.rawValue), "expected": .string($0.expected.rawValue),
                        "observed": .string($0.observed.rawValue), "detail": .string(Self.detail($0)),
                        "matches": .bool($0.matches),
                    ]
                }),
            "checklist": .array(checklist.map { ["item": .string($0.item), "evidence": .string($0.evidence)] }),
            "recommendation": [
                "scenario": .string(report.recommendation.scenario), "action": .string(report.recommendation.action),
                "recovery": .string(report.recommendation.recovery),
            ],
        ]
    }

    var markdown: String {
        var lines = [
            "# Revocation drill: \(report.registry), method \(report.method.rawValue)", "",
            report.allMatch
                ? "Result: every observed impact matches the expected impact tables."
                : "Result: **observed impacts differ from the expected impact tables** (see below).", "",
        ]
        if let client = report.client {
            lines += ["Push, pull and list went through \(client) against `acrcmk serve`; their details are "
                      + "\(client)'s own words.", ""]
        }
        lines += [
            "## Timeline", "", "| step | outcome | seconds |", "|---|---|---|",
        ]
        lines += report.timeline.map {
            "| \($0.action.title) | \(Self.outcome($0)) | \(String(format: "%.3f", $0.seconds)) |"
        }
        lines += [
            "", "## Impact while revoked", "", "| operation | expected | observed | matches | detail |",
            "|---|---|---|---|---|",
        ]
        lines += report.impacts.map {
            "| \($0.operation.rawValue) | \($0.expected.rawValue) | \($0.observed.rawValue) | "
                + "\($0.matches ? "yes" : "**no**") | " + Self.detail($0).replacingOccurrences(of: "|", with: "\\|")
                + " |"
        }
        lines += ["", "## Emergency revocation checklist", ""]
        lines += checklist.map { "- [x] \($0.item) — \($0.evidence)" }
        let recommendation = report.recommendation
        lines += [
            "", "## Decision matrix", "", "| scenario | recommended action | recovery |", "|---|---|---|",
            "| \(recommendation.scenario) | \(recommendation.action) | \(recommendation.recovery) |", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Microsoft's revocation guide's emergency revocation checklist, each item with what the drill saw.
    var checklist: [(item: String, evidence: String)] {
        let method = report.method
        let encryption = report.encryptionBefore
        let lock = report.impacts.first { $0.operation == .dataKeyUnwrap }
        var items: [(String, String)] = [
            ("Identify the reason for revocation", "drill of method \(method.rawValue): \(method.summary)"),
            ("Document current state (az acr encryption show)",
             "status \(encryption == nil ? "disabled" : "enabled"), key \(encryption?.versionedKeyIdentifier ?? "-"), "
                + "identity \(encryption?.identity ?? "-")"),
            ("Execute revocation (delete policy/key)",
             LifecycleCommands.revocationLines(report.revocation, registry: report.registry).first ?? ""),
            ("Document the revocation event",
             "recorded in the state home's revocation log at "
                + Timestamp.azString(report.revocation.record.performedAt)),
            ("Verify registry is locked",
             lock?.observed == .blocked ? "check-health: \(lock.map(Self.detail) ?? "")"
                : "NOT locked: check-health passed"),
            ("Notify affected teams", "drill: no notification sent"),
            ("Begin incident response if applicable", "drill: not applicable"),
            ("Plan recovery timeline if applicable", "immediately after the impact checks"),
            ("Execute recovery when appropriate",
             report.recovery.map { LifecycleCommands.recoveryLines($0, registry: report.registry).last ?? "" } ?? ""),
        ]
        if let identical = report.probeIdentical {
            let pull = report.timeline.first { $0.action == .verifyProbePull }
            items.append(("Verify registry functionality restored",
                          identical ? "probe pulled back byte-identical"
                            : "probe did not pull back: \(pull?.failure.map(Self.errorLine) ?? "")"))
        } else {
            let verify = report.timeline.first { $0.action == .verifyAccess }
            let reason = report.accessCheck.map { "\($0.registry): \($0.verdict)" }
                ?? verify?.failure.map(Self.errorLine) ?? ""
            items.append(("Verify registry functionality restored",
                          verify?.succeeded == true ? "check-health passes" : "not restored: \(reason)"))
        }
        items.append(("Post-incident review", "this report"))
        return items
    }

    // MARK: One line per outcome

    private static func outcome(_ step: DrillStep) -> String {
        step.failure.map { "failed: " + errorLine($0) } ?? "ok"
    }

    /// What the command an impact row stands for would have printed first.
    private static func detail(_ impact: DrillImpact) -> String {
        switch impact.evidence {
        case .none:
            return ""
        case .failed(let error) where error.code == .clientRefused:
            return firstLine(error.message)
        case .failed(let error):
            return errorLine(error)
        case .taskRun(let outcome):
            return TaskCommand.blockedMessage(outcome) ?? firstLine(outcome.run.log ?? "")
        case .replication(let status):
            return status?.displayStatus ?? ""
        case .health(let report):
            return report.findings.first { $0.severity == .error }.map(LifecycleCommands.findingLine)
                ?? "\(report.registry): \(report.verdict)"
        }
    }

    /// A command's error line: `ERROR: (Code) message`.
    private static func errorLine(_ error: CMKError) -> String {
        "ERROR: " + firstLine(error.description)
    }

    private static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? ""
    }
}
