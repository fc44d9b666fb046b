/// An error of the simulated Azure: a stable code, az's message, and the class of failure.
///
/// The command line maps `category` to exit codes (`notFound` → 3 in az mode) and prints
/// `ERROR: (Code) message`; `hint` says how to fix it.
public struct CMKError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Category: Sendable, Equatable {
        case badRequest
        case notFound
        case conflict
        case forbidden
        /// A mistake in the call itself, reported as a usage error (exit 2 in az mode).
        case usage
    }

    public var code: ErrorCode?
    public var message: String
    public var hint: String?
    public var category: Category

    public init(_ category: Category, code: ErrorCode?, _ message: String, hint: String? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String {
        (code.map { "(\($0)) " } ?? "") + message
    }

    public static func badRequest(_ code: ErrorCode? = .badRequest, _ message: String, hint: String? = nil) -> CMKError {
        CMKError(.badRequest, code: code, message, hint: hint)
    }

    public static func usage(_ message: String, hint: String? = nil) -> CMKError {
        CMKError(.usage, code: nil, message, hint: hint)
    }

    public static func conflict(_ code: ErrorCode? = .conflict, _ message: String, hint: String? = nil) -> CMKError {
        CMKError(.conflict, code: code, message, hint: hint)
    }

    /// ARM's text for a missing resource, as az prints it (exit 3).
    public static func resourceNotFound(type: String, name: String, resourceGroup: String?) -> CMKError {
        let scope = resourceGroup.map { " under resource group '\($0)'" } ?? ""
        return CMKError(.notFound, code: .resourceNotFound,
                        "The Resource '\(type)/\(name)'\(scope) was not found. "
                            + "For more details please go to https://aka.ms/ARMResourceNotFoundFix")
    }

    /// A missing resource group. The hint fits what was asked: creating something in it (create the group first)
    /// or acting on the group itself (list the groups that exist: there is nothing to create).
    public static func resourceGroupNotFound(_ name: String, creatingIn: Bool = true) -> CMKError {
        CMKError(.notFound, code: .resourceGroupNotFound, "Resource group '\(name)' could not be found.",
                 hint: creatingIn
                    ? "Create it first: az group create --name \(name) --location eastus"
                    : "Check the name: az group list --query [].name -o tsv lists the resource groups that exist.")
    }
}
