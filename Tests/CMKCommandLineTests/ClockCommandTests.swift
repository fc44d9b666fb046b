import CMKCommandLine
import CMKCore
import Foundation
import JMESPath
import Testing

/// Issue 7's "Done when": time-driven rotation, pick-up, scheduled purge, rotation-policy validation.
@Suite("Clock and scheduler scenarios")
struct ClockCommandTests {
    private static func events(_ advance: JSONValue, kind: String) -> [JSONValue] {
        (advance["events"].arrayValue ?? []).filter { $0["kind"].string == kind }
    }

    private static func time(_ value: JSONValue) -> Date {
        Timestamp.parse(value["time"].string ?? "") ?? .distantPast
    }

    @Test("timeAfterCreate P30D over 95 days: three new versions, the versionless registry follows each within an hour")
    func rotationPolicyThreeVersionsAndPickUp() throws {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("regauto", on: fixture)
        harness.makeRegistry("regpinned", on: fixture, versioned: true)
        let pinnedBefore = harness.encryption("regpinned")
        harness.ok("az", "keyvault", "key", "rotation-policy", "update", "--vault-name", fixture.vault, "--name",
                   fixture.key, "--value",
                   #"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "Rotate"}}]}"#)

        let result = harness.run("clock", "advance", "P95D", "-o", "json")
        let advance = result.json()

        #expect(result.stderr.isEmpty, "stderr is not a terminal: no progress line")
        let rotations = Self.events(advance, kind: "KeyRotated")
        let pickups = Self.events(advance, kind: "RegistryKeyPickedUp")
        #expect(rotations.count == 3)
        #expect(pickups.count == 3)
        #expect(pickups.allSatisfy { $0["resource"].string == "regauto" }, "only the versionless registry follows")
        for (rotation, pickup) in zip(rotations, pickups) {
            let lag = Self.time(pickup).timeIntervalSince(Self.time(rotation))
            #expect(lag > 0 && lag <= 3600, "picked up \(lag)s after the rotation")
        }
        let versions = harness.json("az", "keyvault", "key", "list-versions", "--vault-name", fixture.vault,
                                    "--name", fixture.key)
        #expect(versions.count == 4)

        let newest = harness.json("az", "keyvault", "key", "show", "--vault-name", fixture.vault, "--name", fixture.key)
        let auto = harness.encryption("regauto")
        #expect(auto["versionedKeyIdentifier"]?.string == newest["key"]["kid"].string)
        #expect(auto["versionedKeyIdentifier"]?.string != fixture.kid)
        #expect(auto["keyRotationEnabled"] == .bool(true))
        #expect(auto["lastKeyRotationTimestamp"]?.string == pickups.last?["time"].string)

        let pinned = harness.encryption("regpinned")
        #expect(pinned["versionedKeyIdentifier"]?.string == fixture.kid, "a versioned-key registry does not follow")
        #expect(pinned["lastKeyRotationTimestamp"] == pinnedBefore["lastKeyRotationTimestamp"])
        #expect(pinned["keyRotationEnabled"] == .bool(false))

        // Both registries still unwrap their data keys: content stays readable.
        for registry in ["regauto", "regpinned"] {
            #expect(harness.run("task", "run", "--registry", registry, "--name", "check-content").exitCode == 0)
        }
    }

    @Test("a key deleted in a 7-day-retention vault is purged after 8 days and its registry reports the loss")
    func scheduledPurgeAfterRetention() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey(retentionDays: 7, purgeProtection: false)
        harness.makeRegistry("reg1cmk", on: fixture)
        harness.ok("az", "keyvault", "key", "delete", "--vault-name", fixture.vault, "--name", fixture.key)

        let early = harness.json("clock", "advance", "P6D")
        #expect(Self.events(early, kind: "KeyPurged").isEmpty, "still within retention after 6 days")

        let advance = harness.json("clock", "advance", "P2D")
        let purged = Self.events(advance, kind: "KeyPurged")
        #expect(purged.count == 1)
        #expect(purged.first?["resource"].string == fixture.versionless)
        let lost = Self.events(advance, kind: "RegistryKeyLost")
        #expect(lost.map { $0["resource"].string } == ["reg1cmk"])
        #expect(lost.first?["detail"].string?.contains("permanently") == true)

        let recover = harness.run("az", "keyvault", "key", "recover", "--vault-name", fixture.vault, "--name", fixture.key)
        #expect(recover.exitCode != 0, "a purged key cannot be recovered")
        let run = harness.run("task", "run", "--registry", "reg1cmk", "--name", "after-purge")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("KeyPurged"))
    }

    @Test("with purge protection and 90 days' retention a deleted key is still recoverable after 89 days")
    func purgeProtectedKeyRecoverableAfter89Days() {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey(purgeProtection: true)
        harness.makeRegistry("reg1cmk", on: fixture)
        harness.ok("az", "keyvault", "key", "delete", "--vault-name", fixture.vault, "--name", fixture.key)
        #expect(harness.run("task", "run", "--registry", "reg1cmk", "--name", "while-deleted").exitCode == 1)

        let advance = harness.json("clock", "advance", "P89D")
        #expect(Self.events(advance, kind: "KeyPurged").isEmpty)
        #expect(Self.events(advance, kind: "RegistryKeyLost").isEmpty)

        harness.ok("az", "keyvault", "key", "recover", "--vault-name", fixture.vault, "--name", fixture.key)
        #expect(harness.run("task", "run", "--registry", "reg1cmk", "--name", "after-recover").exitCode == 0)
    }

    @Test("rotation-policy validation follows Key Vault", arguments: [
        (#"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "Notify"}}], "#
            + #""attributes": {"expiryTime": "P90D"}}"#, "Notify action is only supported with timeBeforeExpiry"),
        (#"{"lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}]}"#,
         "needs an expiry"),
        (#"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P7D"}, "action": {"type": "Rotate"}}], "#
            + #""attributes": {"expiryTime": "P27D"}}"#, "at least 28 days"),
        (#"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P6D"}, "action": {"type": "Rotate"}}]}"#,
         "at least 7 days after creation"),
        (#"{"lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P6D"}, "action": {"type": "Rotate"}}], "#
            + #""attributes": {"expiryTime": "P90D"}}"#, "at least 7 days before expiry"),
        (#"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P1Y1Y"}, "action": {"type": "Rotate"}}]}"#,
         "'P1Y1Y' is not an ISO-8601 duration."),
        (#"{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "Rotate"}}], "#
            + #""attributes": {"expiryTime": "P1D2Y"}}"#, "'P1D2Y' is not an ISO-8601 duration."),
    ])
    func rotationPolicyValidation(policy: String, expected: String) {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        let result = harness.run("az", "keyvault", "key", "rotation-policy", "update", "--vault-name", fixture.vault,
                                 "--name", fixture.key, "--value", policy)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        let shown = harness.json("az", "keyvault", "key", "rotation-policy", "show", "--vault-name", fixture.vault,
                                 "--name", fixture.key)
        #expect(shown["lifetimeActions"].arrayValue?.first?["action"].string == "Notify",
                "the refused policy left Key Vault's default in place")
    }

    @Test("clock advance beyond 100 years is a usage error naming the limit; the clock does not move",
          arguments: ["P100Y1D", "P1000Y", "P1201M"])
    func advanceBeyondLimit(duration: String) {
        let harness = StatefulHarness()
        let fixture = harness.makeVaultAndKey()
        harness.makeRegistry("regauto", on: fixture)
        let before = harness.store.world

        let result = harness.run("clock", "advance", duration)

        #expect(result.exitCode == ExitCode.usage)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "ERROR: '\(duration)' is longer than one clock move may go: at most P100Y "
                + "(100 years).\nHint: Advance in steps of at most 100 years: repeat 'acrcmk clock advance P100Y' "
                + "as needed.\n")
        #expect(harness.store.world == before, "refused before the state home was opened")
    }

    @Test("clock set more than 100 years ahead is a usage error that names the first step; the clock does not move")
    func setBeyondLimit() throws {
        let harness = StatefulHarness()
        let start = harness.now
        let offset = harness.json("clock", "show").objectValue?["offsetSeconds"]

        let result = harness.run("clock", "set", "2200-01-01T00:00:00Z")

        #expect(result.exitCode == ExitCode.usage)
        #expect(result.stderr.hasPrefix("ERROR: 2200-01-01T00:00:00+00:00 is 173 years ahead of the simulated clock"))
        #expect(result.stderr.contains("one clock move may go at most P100Y (100 years)."))
        #expect(result.stderr.contains(
            "Hint: Set the clock in steps of at most 100 years: 'acrcmk clock set 2126-01-01T"))
        #expect(harness.json("clock", "show").objectValue?["offsetSeconds"] == offset)
        #expect(harness.now.timeIntervalSince(start) < 1, "only the harness's ticking real time passed")
    }

    /// The parser refuses them (`<duration>` is a typed argument), quoting CMKCore's reason and hint.
    @Test("exactly 100 years is allowed, and durations ISO 8601 forbids are refused", arguments: [
        ("P100Y", ExitCode.success, ""),
        ("P1Y1Y", ExitCode.usage,
         "ERROR: The value 'P1Y1Y' is invalid for '<duration>'. 'P1Y1Y' is not an ISO-8601 duration."),
        ("PT1S1H", ExitCode.usage,
         "ERROR: The value 'PT1S1H' is invalid for '<duration>'. 'PT1S1H' is not an ISO-8601 duration."),
        ("P1DT", ExitCode.usage,
         "ERROR: The value 'P1DT' is invalid for '<duration>'. 'P1DT' is not an ISO-8601 duration."),
        ("P99999999999Y", ExitCode.usage,
         "ERROR: The value 'P99999999999Y' is invalid for '<duration>'. 'P99999999999Y' is longer than the 9999 years"),
    ])
    func durationsAtTheDoor(duration: String, exitCode: Int32, stderrPrefix: String) {
        let harness = StatefulHarness()

        let result = harness.run("clock", "advance", duration)

        #expect(result.exitCode == exitCode, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix(stderrPrefix))
        if exitCode == ExitCode.usage {
            #expect(result.stderr.contains(". Write durations like P30D"))
            #expect(result.stderr.contains("Usage: acrcmk clock advance <duration>"))
        }
    }
}
