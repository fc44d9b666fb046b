import CMKCore
import JSON

/// ARM template expressions: the language inside `"[...]"` strings, parsed and evaluated as a deployment does.
/// The input is one template string; parameters, variables and `reference()` answer with fixed values.
private let variables = try! TemplateNode.parse(#"""
{"vaultName": "[concat('kv', parameters('suffix'))]", "names": ["a", "b", "c"],
 "loop": "[variables('loop')]", "settings": {"sku": "Premium", "count": 3}}
"""#)

private let environment = TemplateExpressionEvaluator.Environment(
    subscriptionId: "00000000-0000-0000-0000-000000000001", subscriptionName: "fuzz",
    tenantId: "00000000-0000-0000-0000-000000000002", resourceGroupName: "rg", resourceGroupLocation: "eastus",
    deploymentName: "fuzz",
    reference: { id, full in
        let properties: JSONValue = .object(JSONObject([("clientId", .string("c1")), ("principalId", .string(id))]))
        return full ? .object(JSONObject([("properties", properties), ("id", .string(id))])) : properties
    })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplateExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let evaluator = TemplateExpressionEvaluator(
        environment: environment,
        parameters: ["suffix": .string("01"), "count": .number(2), "flag": .bool(true),
                     "list": .array([.string("x"), .number(1)])],
        variables: variables)
    _ = try? evaluator.evaluate(string: text, at: nil)
    return 0
}
