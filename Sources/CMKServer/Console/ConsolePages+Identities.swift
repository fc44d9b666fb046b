import CMKCore
import Foundation

/// Managed Identities: + Create (Subscription, Resource group, Region, Name), Review + create, Create.
extension ConsoleEndpoint {
    func identitiesPage(notice: String?) throws -> HTTPResponse {
        let identities = try perform { $0.world.identities.sorted { $0.name < $1.name } }
        let rows = identities.map { identity -> HTML in
            """
            <tr><td><a href="/portal/identities/\(HTML.segment(identity.resourceGroup))/\(HTML.segment(identity.name))">\
            \(identity.name)</a></td><td>\(identity.resourceGroup)</td><td>\(identity.location)</td>\
            <td class="mono">\(identity.clientId)</td></tr>
            """
        }
        return page("Managed Identities", crumbs: [("Managed Identities", "/portal/identities")], notice: notice, """
            <div class="toolbar">\(Control.link("+ Create", to: "/portal/identities/create", button: true))</div>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Resource group</th><th scope="col">Location</th>\
            <th scope="col">Client ID</th></tr></thead><tbody>\(rows)</tbody></table>
            \(identities.isEmpty ? HTML("<p>No managed identities yet.</p>") : "")
            """)
    }

    /// The Basics the portal asks for a resource: Subscription, Resource group (or a new one), Region.
    func basicsFields(_ session: Session, values: FormFields?, regionLabel: String = "Region") -> HTML {
        let groups = session.world.resourceGroups.sorted { $0.name < $1.name }
        let account = session.world.account
        return """
            \(Control.select("subscription", label: "Subscription", options: [
                (account.subscriptionId, "\(account.subscriptionName) (\(account.subscriptionId))"),
            ], required: true))
            \(Control.select("resourceGroup", label: "Resource group",
                             options: [("", groups.isEmpty ? "(none yet: create new below)" : "Select a resource group")]
                                 + groups.map { ($0.name, $0.name) },
                             selected: values?.value("resourceGroup")))
            \(Control.text("newResourceGroup", label: "Create new resource group", value: values?.value("newResourceGroup") ?? "",
                           hint: "Leave empty to use the selected resource group."))
            \(Control.select("region", label: regionLabel, options: Validation.locations.map { ($0, $0) },
                             selected: values?.value("region") ?? "eastus", required: true))
            """
    }

    /// The resource group a Basics form names, created first when it is new (in the form's region).
    func resourceGroup(from form: FormFields, in session: Session) throws -> String {
        if let new = form.value("newResourceGroup")?.trimmingCharacters(in: .whitespaces), !new.isEmpty {
            if session.world.resourceGroups[key: ResourceName(new)] == nil {
                _ = try session.createGroup(name: new, location: form.value("region") ?? "eastus", tags: nil)
            }
            return new
        }
        guard let group = form.value("resourceGroup"), !group.isEmpty else {
            throw CMKError.usage("Select a resource group, or enter a name under 'Create new resource group'.")
        }
        return group
    }

    func identityForm(values: FormFields?, error: String?) throws -> HTTPResponse {
        let basics = try perform { basicsFields($0, values: values) }
        return page("Create User Assigned Managed Identity",
                    crumbs: [("Managed Identities", "/portal/identities"), ("Create", "/portal/identities/create")],
                    error: error, """
            <form method="post" action="/portal/identities/review" class="panel">\(csrfField)
            <div class="tabs" role="tablist"><a class="on" href="#basics" role="tab" aria-selected="true">Basics</a></div>
            <h2 id="basics">Project details</h2>\(basics)
            <h2>Instance details</h2>
            \(Control.text("name", label: "Name", value: values?.value("name") ?? "", required: true))
            <div class="actions">\(Control.submit("Review + create"))</div></form>
            """)
    }

    func identityReview(_ form: FormFields) throws -> HTTPResponse {
        let name = form.value("name") ?? ""
        let group = (form.value("newResourceGroup").flatMap { $0.isEmpty ? nil : $0 }) ?? form.value("resourceGroup") ?? ""
        return page("Create User Assigned Managed Identity", crumbs: [("Managed Identities", "/portal/identities")], """
            <form method="post" action="/portal/identities/create" class="panel">\(csrfField)\(carry(form))
            <h2>Review + create</h2><dl class="props"><dt>Subscription</dt><dd>\(form.value("subscription") ?? "")</dd>
            <dt>Resource group</dt><dd>\(group)</dd><dt>Region</dt><dd>\(form.value("region") ?? "")</dd>
            <dt>Name</dt><dd>\(name)</dd></dl>
            <div class="actions">\(Control.submit("Create"))\(Control.link("Previous", to: "/portal/identities/create"))</div>
            </form>
            """)
    }

    func createIdentity(_ form: FormFields) throws -> HTTPResponse {
        do {
            let identity = try perform { session in
                try session.createIdentity(name: form.value("name") ?? "", resourceGroup: try resourceGroup(from: form, in: session),
                                           location: form.value("region"), tags: nil)
            }
            return redirect("/portal/identities/\(HTML.segment(identity.resourceGroup))/\(HTML.segment(identity.name))",
                            notice: "Deployment succeeded: managed identity '\(identity.name)' was created.")
        } catch {
            return try identityForm(values: form, error: Self.errorText(error))
        }
    }

    func identityPage(group: String, name: String, notice: String?) throws -> HTTPResponse {
        let (identity, id) = try perform { session -> (ManagedIdentity, String) in
            guard let identity = session.world.identities[group: ResourceName(group), name: ResourceName(name)] else {
                throw CMKError.resourceNotFound(type: "Microsoft.ManagedIdentity/userAssignedIdentities", name: name,
                                                resourceGroup: group)
            }
            return (identity, identity.id(subscriptionId: session.world.account.subscriptionId))
        }
        return page(identity.name, crumbs: [("Managed Identities", "/portal/identities"),
                                           (identity.name, "/portal/identities/\(HTML.segment(group))/\(HTML.segment(name))")],
                    notice: notice, """
            <div class="panel"><dl class="props"><dt>Resource group</dt><dd>\(identity.resourceGroup)</dd>
            <dt>Location</dt><dd>\(identity.location)</dd><dt>Client ID</dt><dd class="mono">\(identity.clientId)</dd>
            <dt>Object (principal) ID</dt><dd class="mono">\(identity.principalId)</dd>
            <dt>Resource ID</dt><dd class="mono">\(id)</dd></dl></div>
            """)
    }

    /// The fields of a form carried to its Review + create step.
    func carry(_ form: FormFields, except: Set<String> = ["csrf"]) -> HTML {
        HTML.join(form.all.filter { !except.contains($0.name) }.map { Control.hidden($0.name, $0.value) })
    }
}
