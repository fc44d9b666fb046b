import CMKCrypto
import Foundation
import JSON
import Testing

@testable import CMKCore

/// Input that nests or grows without end is refused with a clear error, never a crash or an exhausted memory:
/// template expressions, template values, OCI index chains, and layout documents larger than they declare.
@Suite("Bounded input")
struct BoundedInputTests {
    @Test("concat( nested 50,000 times is a clear error; nested 100 times evaluates")
    func deeplyNestedTemplateExpression() throws {
        let deep = "[" + String(repeating: "concat(", count: 50_000) + "'a'" + String(repeating: ")", count: 50_000)
            + "]"
        let error = try #require(throws: TemplateEvaluationFailure.self) { try TemplateExpressionTests.eval(deep) }
        #expect(error.message.contains("nested more than"), "\(error.message)")
        #expect(error.description.count < 1_000, "the message shows a bounded excerpt of the expression")
        let fine = "[" + String(repeating: "concat(", count: 100) + "'a'" + String(repeating: ")", count: 100) + "]"
        #expect(try TemplateExpressionTests.eval(fine) == .string("a"))
        let chained = "[createObject('a', 1)" + String(repeating: "['a']", count: 50_000) + "]"
        #expect(throws: TemplateEvaluationFailure.self) { try TemplateExpressionTests.eval(chained) }
    }

    @Test("a value doubled forty times is refused at 4 MiB instead of growing to 2 GB")
    func doublingValuesAreBounded() throws {
        let environment = TemplateExpressionEvaluator.Environment(
            subscriptionId: "sub", subscriptionName: "s", tenantId: "tenant", resourceGroupName: "rg1",
            resourceGroupLocation: "eastus", deploymentName: "d1", reference: { _, _ in .null })
        var variables = #"{"v0": "\#(String(repeating: "a", count: 100))""#
        for index in 1...40 {
            variables += #", "v\#(index)": "[concat(variables('v\#(index - 1)'), variables('v\#(index - 1)'))]""#
        }
        let evaluator = TemplateExpressionEvaluator(environment: environment, parameters: [:],
                                                    variables: try TemplateNode.parse(variables + "}"))
        let error = try #require(throws: TemplateEvaluationFailure.self) {
            try evaluator.evaluate(string: "[variables('v40')]", at: nil)
        }
        #expect(error.message.contains("more than acrcmk evaluates"), "\(error.message)")
        #expect(try evaluator.evaluate(string: "[length(variables('v10'))]", at: nil) == .number(102_400))
    }

    @Test("an OCI index chain 20,000 deep is refused before anything is recorded")
    func deepIndexChain() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (layout, manifest) = try ContentFixture.imageLayout(tag: "v1", layers: [Array("layer".utf8)])
        var child = manifest
        for _ in 0..<20_000 {
            let index = try OCIImageLayout.encode(OCIImageIndex(manifests: [child]))
            child = layout.addBlob(index, mediaType: OCIMediaType.imageIndex)
        }
        child.annotations = [OCIMediaType.refNameAnnotation: "deep"]
        try layout.setIndex(OCIImageIndex(manifests: [child]))
        let error = try #require(throws: CMKError.self) {
            try content.push(.imageLayout(layout), to: "cmkreg", as: try ImageReference(parsing: "deep/app:deep"))
        }
        #expect(error.code == .manifestInvalid, "\(error)")
        #expect(error.message.contains("nested"))
        #expect(try content.repositories(in: "cmkreg") == [])
    }

    @Test("a manifest larger than its descriptor declares is refused without reading it whole")
    func manifestLargerThanDeclared() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (layout, original) = try ContentFixture.imageLayout(tag: "v1", layers: [Array("layer".utf8)])
        var manifest = original
        manifest.size = 100
        manifest.annotations = [OCIMediaType.refNameAnnotation: "v1"]
        try layout.setIndex(OCIImageIndex(manifests: [manifest]))
        let error = try #require(throws: CMKError.self) {
            try content.push(.imageLayout(layout), to: "cmkreg", as: try ImageReference(parsing: "big/app:v1"))
        }
        #expect(error.code == .manifestTooLarge, "\(error)")
    }
}
