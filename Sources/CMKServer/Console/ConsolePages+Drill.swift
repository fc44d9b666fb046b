import CMKCore
import Foundation

/// The revocation drill page: run a drill (on a scratch copy or in place) and read each impact row; or revoke and
/// recover the real registry and watch the estate turn red and green; download the report as Markdown or JSON.
extension ConsoleEndpoint {
    func drillPage(notice: String?, error: String?) throws -> HTTPResponse {
        let registries = try perform { session in
            session.world.registries.filter(\.isCMK).sorted { $0.name < $1.name }.map { ($0.name, $0.name) }
        }
        let methods = RevocationMethod.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.summary)") }
        let choose = { (name: String) in
            Control.select(name, label: "Registry", options: [("", "Select a registry")] + registries, required: true)
        }
        return page("Revocation drill", crumbs: [("Revocation drill", "/portal/drill")], notice: notice, error: error, """
            <form method="post" action="/portal/drill/run" class="panel">\(csrfField)<h2>Run a drill</h2>
            <p>Push a probe, revoke by the method, try every operation of the impact tables, recover, verify, report.</p>
            \(choose("registry"))\(Control.select("method", label: "Revocation method", options: methods))
            \(Control.radios("where", legend: "Where", options: [
                ("scratch", "On a scratch copy of the state home (nothing real changes)"),
                ("in-place", "In place, on the real registry (revoked for the drill, then recovered)"),
            ], selected: "scratch"))
            \(Control.checkboxes("confirm", legend: "Confirmation", options: [
                ("yes", "I understand that in place, or with purge-key, this changes the real registry"),
            ], checked: []))
            <div class="actions">\(Control.submit("Run drill"))</div></form>
            <form method="post" action="/portal/drill/revoke" class="panel">\(csrfField)<h2>Revoke now</h2>
            <p>Revokes the real registry's key access; the Estate view turns red.</p>
            \(choose("registry"))\(Control.select("method", label: "Revocation method", options: methods))
            \(Control.checkboxes("confirm", legend: "Confirmation", options: [
                ("yes", "Confirm purge-key (irreversible)"),
            ], checked: []))
            <div class="actions">\(Control.submit("Revoke"))</div></form>
            <form method="post" action="/portal/drill/recover" class="panel">\(csrfField)<h2>Recover</h2>
            <p>Restores key access by undoing the recorded revocations; the Estate view turns green.</p>
            \(choose("registry"))<div class="actions">\(Control.submit("Recover"))</div></form>
            """)
    }

    private func revocationMethod(_ form: FormFields) throws -> RevocationMethod {
        guard let method = RevocationMethod(rawValue: form.value("method") ?? "") else {
            throw CMKError.usage("Choose a revocation method.")
        }
        return method
    }

    func runDrill(_ form: FormFields) throws -> HTTPResponse {
        do {
            let registry = form.value("registry") ?? ""
            let method = try revocationMethod(form)
            let inPlace = form.value("where") == "in-place"
            if (inPlace || method.isIrreversible) && form.value("confirm") != "yes" {
                let why = inPlace ? "in place, the drill revokes the real registry's key access"
                    : "purge-key cannot be undone"
                throw CMKError.usage("Tick the confirmation: \(why).")
            }
            let report: DrillReport
            if inPlace {
                report = try homes.withHome { home in
                    try RevocationDrill(registry: registry, method: method, content: RegistryContent(home: home),
                                        inPlace: true, clock: { Date() }).run()
                }
            } else {
                let scratch = try openScratchHome()
                defer { scratch.remove() }
                report = try RevocationDrill(registry: registry, method: method,
                                             content: RegistryContent(home: scratch.home), inPlace: false,
                                             clock: { Date() }).run()
            }
            return redirect("/portal/drill/\(remember(report))")
        } catch {
            return try drillPage(notice: nil, error: Self.errorText(error))
        }
    }

    func drillResultPage(_ id: String) throws -> HTTPResponse {
        guard let report = drill(id) else {
            return message(status: 404, title: "No such drill", text: "Drill reports last as long as the server runs.")
        }
        let rows = report.timeline.map { step -> HTML in
            "<tr><td>\(step.action.title)</td><td>\(step.failure.map { "failed: " + $0.description } ?? "ok")</td></tr>"
        }
        let impacts = report.impacts.map { impact -> HTML in
            """
            <tr data-operation="\(impact.operation.rawValue)"><td>\(impact.operation.rawValue)</td>\
            <td>\(impact.expected.rawValue)</td><td class="\(impact.observed == .blocked ? "bad" : "ok")">\
            \(impact.observed.rawValue)</td><td>\(impact.matches ? "yes" : "no")</td>\
            <td>\(impact.code?.rawValue ?? "")</td></tr>
            """
        }
        let afterRecovery: HTML = report.recovered
            ? "<p class=\"ok\">After recovery the probe pulled back \(report.probeIdentical == true ? "byte-identical" : "with differences"): every blocked row works again.</p>"
            : "<p class=\"bad\">Recovery did not bring the key back: see the timeline.</p>"
        return page("Drill: \(report.registry), \(report.method.rawValue)",
                    crumbs: [("Revocation drill", "/portal/drill"), ("Report", "/portal/drill/\(id)")], """
            <div class="panel"><p>\(report.allMatch ? "Every observed impact matches the expected impact tables."
                : "Observed impacts differ from the expected impact tables.")</p>
            <div class="actions">\(Control.link("Download report (Markdown)", to: "/portal/drill/\(id)/report.md", button: true))\
            \(Control.link("Download report (JSON)", to: "/portal/drill/\(id)/report.json", button: true))</div></div>
            <h2>Timeline</h2><table><thead><tr><th scope="col">Step</th><th scope="col">Outcome</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>Impact while revoked</h2><table id="impacts"><thead><tr><th scope="col">Operation</th>\
            <th scope="col">Expected</th><th scope="col">Observed</th><th scope="col">Matches</th><th scope="col">Code</th>\
            </tr></thead><tbody>\(impacts)</tbody></table>\(afterRecovery)
            """)
    }

    func drillDownload(_ id: String, json: Bool) -> HTTPResponse {
        guard let report = drill(id) else {
            return message(status: 404, title: "No such drill", text: "Drill reports last as long as the server runs.")
        }
        let rendered = renderDrillReport(report)
        let name = "drill-\(report.registry)-\(report.method.rawValue).\(json ? "json" : "md")"
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", json ? "application/json" : "text/markdown; charset=utf-8"),
            ("Content-Disposition", "attachment; filename=\"\(name)\""),
        ], body: .bytes(Array((json ? rendered.json : rendered.markdown).utf8)))
    }

    func revokeNow(_ form: FormFields) throws -> HTTPResponse {
        do {
            let method = try revocationMethod(form)
            if method.isIrreversible && form.value("confirm") != "yes" {
                throw CMKError.usage("Tick the confirmation: purge-key cannot be undone.")
            }
            let registry = form.value("registry") ?? ""
            let outcome = try perform { try $0.revoke(registry: registry, method: method, reason: "console") }
            let proof = outcome.denial.map { " The data key no longer unwraps: (\($0.code.rawValue)) \($0.message)" } ?? ""
            return redirect("/portal/estate", notice: "Revoked '\(registry)' by \(method.rawValue).\(proof)")
        } catch {
            return try drillPage(notice: nil, error: Self.errorText(error))
        }
    }

    func recoverNow(_ form: FormFields) throws -> HTTPResponse {
        do {
            let registry = form.value("registry") ?? ""
            let outcome = try perform { try $0.recover(registry: registry) }
            guard outcome.recovered else {
                throw CMKError.conflict(.recoveryImpossible, "Recovery is not possible: \(outcome.impossible ?? "")",
                                        hint: outcome.recommendation)
            }
            return redirect("/portal/estate", notice: "Recovered '\(registry)': the data key unwraps again.")
        } catch {
            return try drillPage(notice: nil, error: Self.errorText(error))
        }
    }
}
