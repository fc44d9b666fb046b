import CMKCore
import Foundation

/// The estate as a picture drawn by acrcmk (SVG, no external service): each registry with its identity, vault and
/// key, and replicas; red where access is broken, with the precise cause and the fix command. The page refreshes
/// the picture every two seconds, so changes made with the CLI show up.
extension ConsoleEndpoint {
    func estatePage(notice: String?) throws -> HTTPResponse {
        page("Estate", crumbs: [("Estate", "/portal/estate")], notice: notice, """
            <p>Every registry, the identity it reads its key with, the vault and the key. Green: the data key unwraps
            now. Red: it does not, and why. This view refreshes by itself.</p>
            <div id="estate" data-refresh="/portal/estate/view" aria-live="polite">\(try estateView())</div>
            """)
    }

    func estateFragment() throws -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                     body: .bytes(Array(try estateView().markup.utf8)))
    }

    private func estateView() throws -> HTML {
        let entries = try perform { try $0.estate() }
        guard !entries.isEmpty else { return "<p>No registries yet: create one under Container registries.</p>" }
        let rowHeight = 120
        let boxes = entries.enumerated().map { index, entry in estateRow(entry, top: 20 + index * rowHeight) }
        let findings = entries.map { entry -> HTML in
            let errors = entry.health.findings.filter { $0.severity == .error }
            let state: HTML = !entry.registry.isCMK ? "<span>Microsoft-managed key</span>"
                : errors.isEmpty ? "<span class=\"ok\">Healthy</span>" : "<span class=\"bad\">Access broken</span>"
            let details = errors.map { finding -> HTML in
                """
                <li><strong>\(finding.code.rawValue)</strong>: \(finding.cause)\
                \(finding.fix.map { HTML("<code class=\"fix\">\($0)</code>") } ?? "")</li>
                """
            }
            return """
                <li data-registry="\(entry.registry.name)" data-healthy="\(errors.isEmpty ? "true" : "false")">\
                <a href="/portal/registries/\(HTML.segment(entry.registry.name))/encryption">\(entry.registry.name)</a>: \
                \(state)\(details.isEmpty ? "" : HTML("<ul>\(details)</ul>"))</li>
                """
        }
        return """
            <svg class="estate" viewBox="0 0 1040 \(20 + entries.count * rowHeight)" role="img"
            aria-label="Registries and their encryption chains">\(boxes)</svg><h2>Health</h2><ul>\(findings)</ul>
            """
    }

    /// One registry's chain: registry, identity, vault, key, joined by arrows; replicas under the registry.
    private func estateRow(_ entry: EstateEntry, top: Int) -> HTML {
        let healthy = entry.health.isHealthy
        let color = !entry.registry.isCMK ? "#8a8886" : healthy ? "#107c10" : "#c50f1f"
        let fill = !entry.registry.isCMK ? "#f3f2f1" : healthy ? "#dff6dd" : "#fde7e9"
        let failing = Set(entry.health.findings.filter { $0.severity == .error }.map(\.check))
        func box(_ x: Int, _ title: String, _ lines: [String], broken: Bool) -> HTML {
            let stroke = broken ? "#c50f1f" : color
            let texts = lines.prefix(3).enumerated().map { index, line -> HTML in
                "<text x=\"\(x + 10)\" y=\"\(top + 40 + index * 16)\" font-size=\"12\">\(line)</text>"
            }
            return """
                <rect x="\(x)" y="\(top)" width="215" height="80" rx="6" fill="\(broken ? "#fde7e9" : fill)" \
                stroke="\(stroke)" stroke-width="2"></rect>\
                <text x="\(x + 10)" y="\(top + 20)" font-size="13" font-weight="600">\(title)</text>\(texts)
                """
        }
        func arrow(_ x: Int, broken: Bool) -> HTML {
            let stroke = broken ? "#c50f1f" : color
            return """
                <line x1="\(x)" y1="\(top + 40)" x2="\(x + 40)" y2="\(top + 40)" stroke="\(stroke)" stroke-width="2" \
                \(broken ? HTML("stroke-dasharray=\"6 4\"") : "")></line>\
                <polygon points="\(x + 40),\(top + 34) \(x + 50),\(top + 40) \(x + 40),\(top + 46)" fill="\(stroke)"></polygon>
                """
        }
        let registry = entry.registry
        var parts = [box(10, "Registry " + registry.name, [
            "\(registry.sku.rawValue), \(registry.location)",
            registry.replications.isEmpty ? "no replicas" : "replicas: " + registry.replications.map(\.location).joined(separator: ", "),
            registry.isCMK ? (healthy ? "data key unwraps" : "LOCKED: key does not unwrap") : "Microsoft-managed key",
        ], broken: registry.isCMK && !healthy)]
        guard registry.isCMK else { return HTML.join(parts) }
        parts.append(arrow(225, broken: failing.contains("identity")))
        parts.append(box(275, "Identity", [entry.identityName ?? "-"], broken: failing.contains("identity")))
        let vaultBroken = failing.contains("vault") || failing.contains("firewall") || failing.contains("permissions")
        parts.append(arrow(490, broken: vaultBroken))
        parts.append(box(540, "Key vault " + (entry.key?.vaultName ?? "-"), [
            entry.vault == nil ? "missing or deleted" : (entry.vault!.purgeProtected ? "purge protection on" : "no purge protection"),
            entry.vault.map { $0.enableRbacAuthorization ? "Azure RBAC" : "access policies" } ?? "",
        ], broken: vaultBroken))
        parts.append(arrow(755, broken: failing.contains("key")))
        let version = KeyIdentifier.parse(registry.encryption?.versionedKeyIdentifier ?? "")?.version ?? ""
        parts.append(box(805, "Key " + (entry.key?.keyName ?? "-"), [
            "\(entry.keyVersions) version\(entry.keyVersions == 1 ? "" : "s")", "in use: " + String(version.prefix(12)),
            entry.key?.version == nil ? "automatic rotation" : "manual rotation",
        ], broken: failing.contains("key")))
        return HTML.join(parts)
    }
}
