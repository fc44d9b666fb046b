import Testing
@testable import CMKCore
import JSON

/// ARM's template expression language: literals, escapes, case-insensitive names, nesting, functions.
@Suite("Template expressions")
struct TemplateExpressionTests {
    static func evaluator(parameters: [String: JSONValue] = ["identity_name": "id1", "n": .number(3)])
        -> TemplateExpressionEvaluator
    {
        let environment = TemplateExpressionEvaluator.Environment(
            subscriptionId: "sub", subscriptionName: "s", tenantId: "tenant", resourceGroupName: "rg1",
            resourceGroupLocation: "eastus", deploymentName: "d1", reference: { id, _ in
                guard id.hasSuffix("/userAssignedIdentities/id1") else { throw TemplateExpressionError("no \(id)") }
                return .object(["clientId": "client-1", "principalId": "principal-1"])
            })
        let variables = try! TemplateNode.parse(#"{"prefix": "[concat('acr', parameters('identity_name'))]"}"#)
        return TemplateExpressionEvaluator(environment: environment, parameters: parameters, variables: variables)
    }

    static func eval(_ text: String) throws -> JSONValue {
        try evaluator().evaluate(string: text, at: nil)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("[[not an expression]", "[not an expression]"),
        ("['it''s']", "it's"),
        ("[parameters('identity_name')]", "id1"),
        ("[PARAMETERS('Identity_Name')]", "id1"),
        ("[variables('prefix')]", "acrid1"),
        ("[concat(parameters('identity_name'), '/', 'add')]", "id1/add"),
        ("[format('{0}-{1}-{{x}}', 'a', parameters('n'))]", "a-3-{x}"),
        ("[resourceGroup().location]", "eastus"),
        ("[resourceGroup().Name]", "rg1"),
        ("[subscription().tenantId]", "tenant"),
        ("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]",
         "/subscriptions/sub/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"),
        ("[resourceID('Microsoft.KeyVault/vaults/keys', 'kv', 'k')]",
         "/subscriptions/sub/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv/keys/k"),
        ("[resourceId('other', 'Microsoft.KeyVault/vaults', 'kv')]",
         "/subscriptions/sub/resourceGroups/other/providers/Microsoft.KeyVault/vaults/kv"),
        ("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name')), "
            + "'2023-07-31').clientId]", "client-1"),
        ("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1'))['PrincipalId']]",
         "principal-1"),
        ("[toUpper(if(equals(parameters('n'), 3), 'yes', 'no'))]", "YES"),
        ("[string(createArray(1, 'a'))]", "[1,\"a\"]"),
    ])
    func evaluatesTo(_ expression: String, _ expected: String) throws {
        #expect(try Self.eval(expression) == .string(expected))
    }

    /// Outputs of ARM's own `uniqueString()`, as Bicep prints them.
    @Test(arguments: [
        (["test"], "rbgf3xv4ufgzg"),
        (["hello", "world"], "a7wkljktk6wne"),
        (["abc"], "cgtzqvhu4i23s"),
        (["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg"], "bmg7c6xu4tw46"),
        (["foo", "bar", "baz"], "xzi4ioaxtmth4"),
    ])
    func uniqueStringMatchesARM(_ values: [String], _ expected: String) throws {
        #expect(TemplateUniqueString.make(values) == expected)
        let arguments = values.map { "'\($0)'" }.joined(separator: ", ")
        #expect(try Self.eval("[uniqueString(\(arguments))]") == .string(expected))
    }

    @Test(arguments: [
        ("[parameters('missing')]", "The template parameter 'missing' is not found"),
        ("[variables('nope')]", "The template variable 'nope' is not found"),
        ("[nosuch('x')]", "The template function 'nosuch' is not valid"),
        ("[concat('a']", "expected ',' or ')'"),
        ("[concat('a'", nil),
        ("['unterminated]", "unterminated string literal"),
        ("[resourceId('Microsoft.KeyVault/vaults/keys', 'kv')]", "requires '2' resource name argument(s), 1 given"),
        ("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).nope]",
         "property 'nope' doesn't exist"),
        ("[format('{1}', 'a')]", "refers to argument '{1}'"),
        ("[bare]", "must be a function call"),
    ])
    func failsWithARMsReason(_ expression: String, _ reason: String?) throws {
        guard let reason else {
            // Without its closing bracket the string is no expression at all: ARM takes it literally.
            #expect(try Self.eval(expression) == .string(expression))
            return
        }
        do {
            let value = try Self.eval(expression)
            Issue.record("\(expression) evaluated to \(value)")
        } catch let failure as TemplateEvaluationFailure {
            #expect(failure.message.contains(reason), "\(failure.message)")
            #expect(failure.expression == expression)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func objectKeysAreEvaluatedAndErrorsCarryPositions() throws {
        let node = try TemplateNode.parse("""
            {
              "identity": {
                "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]": {},
                "bad": "[parameters('x')]"
              }
            }
            """)
        do {
            _ = try Self.evaluator().evaluate(node)
            Issue.record("expected a failure")
        } catch let failure as TemplateEvaluationFailure {
            #expect(failure.position == TemplatePosition(line: 4, column: 12))
        }
        let good = try TemplateNode.parse(#"{"[concat('a', 'b')]": "[[x]"}"#)
        #expect(try Self.evaluator().evaluate(good) == .object(["ab": "[x]"]))
    }

    @Test func templatesShareTheJSONParsersDepthLimit() {
        let deep = "{\"a\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        do {
            _ = try TemplateNode.parse(deep)
            Issue.record("expected a failure")
        } catch let error as CMKError {
            #expect(error.code == .invalidTemplate)
            #expect(error.message.contains("nesting deeper than 512 levels"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func jsonErrorsNameLineAndColumn() {
        #expect(throws: CMKError.self) { try TemplateNode.parse("{\n  \"a\": 1,\n}") }
        do {
            _ = try TemplateNode.parse("{\n  \"a\": tru\n}")
            Issue.record("expected a failure")
        } catch let error as CMKError {
            #expect(error.message.contains("line 2, column 8"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
