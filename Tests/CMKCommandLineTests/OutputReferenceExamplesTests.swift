import JMESPath
import Testing
@testable import CMKCommandLine

/// Every example of the output-format reference we took from az 2.91 / knack 0.14 (docs/output-formats.md describes
/// the formats), copied literally.
@Suite("Output reference examples from az 2.91")
struct OutputReferenceExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let name: String
        let format: OutputFormat
        let input: String
        let expected: String
        var testDescription: String { "\(name) -o \(format.rawValue)" }
    }

    static let encryptionShow = """
        {"keyVaultProperties": {"identity": "3c7b3a50-1111-4d5e-9a0b-2f1a6d8e9c01", \
        "keyIdentifier": "https://cmkvault.vault.azure.net/keys/cmkkey", "keyRotationEnabled": true, \
        "lastKeyRotationTimestamp": "2026-11-23T00:00:00+00:00", \
        "versionedKeyIdentifier": "https://cmkvault.vault.azure.net/keys/cmkkey/0123456789abcdef0123456789abcdef"}, \
        "status": "enabled"}
        """
    static let repositoryList = #"["app", "base/alpine"]"#
    static let registryList = """
        [{"name": "reg1", "location": "eastus", "sku": {"name": "Premium", "tier": "Premium"}, \
        "encryption": {"status": "enabled"}, "adminUserEnabled": false, "tags": {}}, \
        {"name": "reg2", "location": "westus", "sku": {"name": "Basic", "tier": "Basic"}, \
        "encryption": {"status": "disabled"}, "adminUserEnabled": true, "tags": null}]
        """
    static let listOfLists = #"[["reg1", "eastus"], ["reg2", "westus"]]"#

    static let examples: [Example] = [
        Example(name: "az acr encryption show", format: .json, input: encryptionShow, expected: """
            {
              "keyVaultProperties": {
                "identity": "3c7b3a50-1111-4d5e-9a0b-2f1a6d8e9c01",
                "keyIdentifier": "https://cmkvault.vault.azure.net/keys/cmkkey",
                "keyRotationEnabled": true,
                "lastKeyRotationTimestamp": "2026-11-23T00:00:00+00:00",
                "versionedKeyIdentifier": "https://cmkvault.vault.azure.net/keys/cmkkey/\
            0123456789abcdef0123456789abcdef"
              },
              "status": "enabled"
            }

            """),
        Example(name: "az acr encryption show", format: .tsv, input: encryptionShow, expected: "\tenabled\n"),
        Example(name: "az acr encryption show", format: .table, input: encryptionShow, expected: """
            Status
            --------
            enabled

            """),
        Example(name: "az acr encryption show", format: .yaml, input: encryptionShow, expected: """
            keyVaultProperties:
              identity: 3c7b3a50-1111-4d5e-9a0b-2f1a6d8e9c01
              keyIdentifier: https://cmkvault.vault.azure.net/keys/cmkkey
              keyRotationEnabled: true
              lastKeyRotationTimestamp: '2026-11-23T00:00:00+00:00'
              versionedKeyIdentifier: https://cmkvault.vault.azure.net/keys/cmkkey/\
            0123456789abcdef0123456789abcdef
            status: enabled

            """),
        Example(name: "az acr repository list", format: .json, input: repositoryList, expected: """
            [
              "app",
              "base/alpine"
            ]

            """),
        Example(name: "az acr repository list", format: .tsv, input: repositoryList, expected: "app\nbase/alpine\n"),
        Example(name: "az acr repository list", format: .table, input: repositoryList, expected: """
            Result
            -----------
            app
            base/alpine

            """),
        Example(name: "az acr repository list", format: .yaml, input: repositoryList,
                expected: "- app\n- base/alpine\n"),
        Example(name: "registry list", format: .json, input: registryList, expected: """
            [
              {
                "adminUserEnabled": false,
                "encryption": {
                  "status": "enabled"
                },
                "location": "eastus",
                "name": "reg1",
                "sku": {
                  "name": "Premium",
                  "tier": "Premium"
                },
                "tags": {}
              },
              {
                "adminUserEnabled": true,
                "encryption": {
                  "status": "disabled"
                },
                "location": "westus",
                "name": "reg2",
                "sku": {
                  "name": "Basic",
                  "tier": "Basic"
                },
                "tags": null
              }
            ]

            """),
        Example(name: "registry list", format: .tsv, input: registryList,
                expected: "False\t\teastus\treg1\t\t\nTrue\t\twestus\treg2\t\tNone\n"),
        Example(name: "registry list", format: .table, input: registryList, expected: """
            AdminUserEnabled    Location    Name
            ------------------  ----------  ------
            False               eastus      reg1
            True                westus      reg2

            """),
        Example(name: "registry list", format: .yaml, input: registryList, expected: """
            - adminUserEnabled: false
              encryption:
                status: enabled
              location: eastus
              name: reg1
              sku:
                name: Premium
                tier: Premium
              tags: {}
            - adminUserEnabled: true
              encryption:
                status: disabled
              location: westus
              name: reg2
              sku:
                name: Basic
                tier: Basic
              tags: null

            """),
        Example(name: "a string", format: .json, input: #""enabled""#, expected: "\"enabled\"\n"),
        Example(name: "a string", format: .tsv, input: #""enabled""#, expected: "enabled\n"),
        Example(name: "a string", format: .table, input: #""enabled""#, expected: "Result\n--------\nenabled\n"),
        Example(name: "a string", format: .yaml, input: #""enabled""#, expected: "enabled\n...\n"),
        Example(name: "a boolean", format: .json, input: "true", expected: "true\n"),
        Example(name: "a boolean", format: .tsv, input: "true", expected: "true\n"),
        Example(name: "a boolean", format: .table, input: "true", expected: "Result\n--------\nTrue\n"),
        Example(name: "a boolean", format: .yaml, input: "true", expected: "true\n...\n"),
        Example(name: "null", format: .json, input: "null", expected: "null\n"),
        Example(name: "null", format: .tsv, input: "null", expected: "None\n"),
        Example(name: "null", format: .table, input: "null", expected: "Result\n--------\n\n"),
        Example(name: "null", format: .yaml, input: "null", expected: "null\n...\n"),
        Example(name: "a number", format: .json, input: "2048", expected: "2048\n"),
        Example(name: "a number", format: .tsv, input: "2048", expected: "2048\n"),
        Example(name: "a number", format: .table, input: "2048", expected: "Result\n--------\n2048\n"),
        Example(name: "a number", format: .yaml, input: "2048", expected: "2048\n...\n"),
        Example(name: "a list of lists", format: .json, input: listOfLists, expected: """
            [
              [
                "reg1",
                "eastus"
              ],
              [
                "reg2",
                "westus"
              ]
            ]

            """),
        Example(name: "a list of lists", format: .tsv, input: listOfLists, expected: "reg1\teastus\nreg2\twestus\n"),
        Example(name: "a list of lists", format: .table, input: listOfLists, expected: """
            Column1    Column2
            ---------  ---------
            reg1       eastus
            reg2       westus

            """),
        Example(name: "a list of lists", format: .yaml, input: listOfLists,
                expected: "- - reg1\n  - eastus\n- - reg2\n  - westus\n"),
    ]

    @Test(arguments: OutputReferenceExamplesTests.examples)
    func rendersAsAz(_ example: Example) {
        let rendered = OutputRenderer(format: example.format).render(OutputTestSupport.json(example.input))
        #expect(rendered == example.expected)
    }

    @Test(arguments: OutputFormat.allCases)
    func commandWithoutResultPrintsNothing(_ format: OutputFormat) {
        #expect(OutputRenderer(format: format).render(nil) == "")
        #expect(OutputRenderer(format: format, preserveKeyOrder: true, colored: true).render(nil) == "")
    }

    @Test(arguments: [false, true])
    func noneFormatPrintsNothingEvenForAValue(_ colored: Bool) {
        let value = OutputTestSupport.json(Self.registryList)
        #expect(OutputRenderer(format: .none, colored: colored).render(value) == "")
    }
}
