import CMKCore
import Foundation
import JSON

/// `acrcmk clock`: the simulated clock of the state home, and the scheduler that runs when it moves.
enum ClockCommand {
    static let duration = Argument<ISODuration>("duration", help: "How far to move, e.g. P95D.")
    static let time = Argument<Date>(
        "time", help: "An ISO-8601 time, e.g. 2027-01-01T00:00:00Z.", transform: ArgumentTypes.time)

    static let backwards = Option<Bool>(
        flag: "backwards", help: "Allow a time before the simulated now (moving back runs nothing).")

    static var spec: CommandSpec {
        CommandSpec(
            "clock", abstract: "Show, advance or set the simulated clock; advancing runs what falls due.",
            discussion: "Rotation policies, automatic key pick-up by registries (within one hour by default), "
                + "Notify events and the purge of soft-deleted keys and vaults all read this clock.",
            subcommands: [
                CommandSpec(
                    "show", abstract: "Print the simulated time (what plain `acrcmk clock` does).",
                    handler: show),
                CommandSpec(
                    "advance", abstract: "Move the clock forward by an ISO-8601 duration (P95D, PT2H, P1Y).",
                    discussion: "One move goes at most 100 years (P100Y); advance in steps beyond that. A long "
                        + "move commits as it goes: Ctrl-C stops it within about a second, keeping what already "
                        + "ran, says where the clock stands and exits 130 (Ctrl-C twice stops at once). On a "
                        + "terminal a progress line shows the simulated date reached.",
                    arguments: [duration],
                    examples: ["acrcmk clock advance P95D"],
                    handler: { context in
                        let duration = context[Self.duration]
                        do {
                            try ClockMove.checkSpan(of: duration)
                        } catch let error as CMKError {
                            throw CommandFailure(code: nil, error.message, hint: error.hint, category: .usage)
                        }
                        return try move(to: .after(duration), context: context)
                    }),
                CommandSpec(
                    "set", abstract: "Set the clock to a time (forward runs what falls due).",
                    discussion: "Forward, at most 100 years, as 'clock advance' (which see). A time before the "
                        + "simulated now is refused unless --backwards is given; moving back runs nothing.",
                    options: [backwards],
                    arguments: [time],
                    examples: ["acrcmk clock set 2027-01-01T00:00:00Z",
                               "acrcmk clock set 2026-01-01T00:00:00Z --backwards"],
                    handler: { context in
                        let target = context[Self.time]
                        return try move(
                            to: context[Self.backwards] ? .allowingBackwards(target) : .at(target), context: context)
                    }),
            ],
            handler: show)
    }

    @Sendable static func show(_ context: CommandContext) throws -> CommandOutput {
        try context.perform { session in
            let offset = session.world.account.clockOffset
            let text =
                "Simulated time: \(Timestamp.azString(session.now))"
                + (offset == 0 ? " (real time)" : " (real time \(describe(offset)))")
            return CommandOutput(
                value: [
                    "now": .string(Timestamp.azString(session.now)),
                    "offsetSeconds": .number(offset.rounded()),
                ], text: text)
        }
    }

    /// Runs a move in committed segments, paced by the real clock and Ctrl-C (``ClockMovePacer``).
    ///
    /// Interrupted, it prints nothing on stdout: the events that ran are committed, and stderr says where the clock
    /// stands and how to go on; the exit status is the signal's (130 for SIGINT). A signal that arrives after the
    /// last segment's last quiet instant changes nothing: the move is complete and reported as usual.
    static func move(to destination: ClockMove.Destination, context: CommandContext) throws -> CommandOutput {
        let store = try context.openStore()
        let interrupts = InterruptDeferral.shared
        let pacer = ClockMovePacer(context: context, interrupts: interrupts)
        let started = ContinuousClock.now
        let outcome: ClockMove.Outcome
        do {
            defer { pacer.finish() }
            outcome = try interrupts.deferring {
                try ClockMove.run(to: destination, on: store, pace: pacer.pace)
            }
        } catch let error as CMKError {
            throw CommandFailure(error)
        }
        context.info(
            "moved the simulated clock from \(Timestamp.azString(outcome.start)) in \(outcome.segments) "
                + "transaction\(outcome.segments == 1 ? "" : "s")")
        context.debug("the clock move took \(ContinuousClock.now - started)")
        if !outcome.reachedTarget, let signal = interrupts.pendingSignal {
            context.io.writeError(
                "Interrupted: the clock stands at \(Timestamp.azString(outcome.now)); "
                    + "\(plural(outcome.events.count, "event", "events")) ran and \(outcome.events.count == 1 ? "is" : "are") kept.\n"
                    + "To go on: acrcmk clock set \(Timestamp.azString(outcome.target))\n")
            return CommandOutput(exitCode: 128 + signal)
        }
        return report(outcome.events, now: outcome.now)
    }

    static func report(_ events: [ScheduledEvent], now: Date) -> CommandOutput {
        var lines = events.map { "\(Timestamp.azString($0.time))  \($0.kind)  \($0.resource): \($0.detail)" }
        lines.append("Simulated time is now \(Timestamp.azString(now)); \(plural(events.count, "event", "events")) ran.")
        let value: JSONValue = [
            "now": .string(Timestamp.azString(now)),
            "events": .array(
                events.map { event in
                    [
                        "time": .string(Timestamp.azString(event.time)), "kind": .string(event.kind),
                        "resource": .string(event.resource), "detail": .string(event.detail),
                    ]
                }),
        ]
        return CommandOutput(value: value, text: lines.joined(separator: "\n"))
    }

    static func describe(_ offset: TimeInterval) -> String {
        let sign = offset < 0 ? "-" : "+"
        var seconds = Int(abs(offset).rounded())
        let days = seconds / 86_400
        seconds %= 86_400
        return "\(sign) \(days)d \(seconds / 3600)h \((seconds % 3600) / 60)m"
    }
}

/// `acrcmk config`: settings stored in the state home.
enum ConfigCommand {
    static let known: [String: String] = [
        Session.rbacByDefaultConfigKey:
            "true|false — whether new vaults use Azure RBAC (az's default since 2.61: true)",
        Session.pickupLagConfigKey:
            "ISO-8601 duration — how long a versionless-key registry takes to pick up a new version (PT1H)",
        Session.keyVaultURLConfigKey:
            "https://host:port — unwrap this home's registries' keys through the Key Vault served there by another "
            + "acrcmk process (default: the home's own vault)",
        Session.keyVaultCAFileConfigKey:
            "file — PEM CA certificate to trust for keyvault.url (default: the system's trust store)",
    ]

    static let key = Argument<String>("key", help: "One of: " + known.keys.sorted().joined(separator: ", "))
    static let value = Argument<String>("value", help: "The value.")
    static let setting = Argument<String>("key", help: "The setting.")

    static var spec: CommandSpec {
        CommandSpec(
            "config", abstract: "Get and set settings of the state home.",
            subcommands: [
                CommandSpec(
                    "set", abstract: "Set a setting.",
                    arguments: [key, value],
                    examples: ["acrcmk config set keyvault.rbac-by-default false"],
                    handler: { context in
                        let key = context[Self.key]
                        var value = context[Self.value]
                        try validate(key: key, value: value)
                        switch key {
                        case Session.keyVaultURLConfigKey: value = (try? Session.validatedKeyVaultURL(value)) ?? value
                        case Session.keyVaultCAFileConfigKey: value = URL(fileURLWithPath: value).path
                        default: break
                        }
                        return try context.perform { session in
                            session.setConfig(key, to: value)
                            return CommandOutput(value: [key: .string(value)], text: "\(key) = \(value)")
                        }
                    }),
                CommandSpec(
                    "get", abstract: "Print a setting.", arguments: [setting],
                    handler: { context in
                        let key = context[Self.setting]
                        try validate(key: key, value: nil)
                        return try context.perform { session in
                            let value = session.world.config[key]
                            return CommandOutput(value: JSONValue(value), text: value ?? "(default)")
                        }
                    }),
                CommandSpec(
                    "list", abstract: "List the settings and what they mean.",
                    handler: { context in
                        try context.perform { session in
                            let lines = known.keys.sorted().map {
                                "\($0) = \(session.world.config[$0] ?? "(default)")    # \(known[$0]!)"
                            }
                            let object = JSONObject(
                                known.keys.sorted().map { ($0, JSONValue(session.world.config[$0])) })
                            return CommandOutput(value: .object(object), text: lines.joined(separator: "\n"))
                        }
                    }),
            ])
    }

    static func validate(key: String, value: String?) throws {
        guard known[key] != nil else {
            let suggestion = Suggestions.closest(to: key, in: Array(known.keys))
            throw CommandFailure(
                "Unknown setting '\(key)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                hint: "Known settings: " + known.keys.sorted().joined(separator: ", "), category: .usage)
        }
        guard let value else { return }
        switch key {
        case Session.rbacByDefaultConfigKey where !["true", "false"].contains(value):
            throw CommandFailure("\(key) takes true or false, not '\(value)'.", category: .usage)
        case Session.pickupLagConfigKey where (try? ISODuration(value)) == nil:
            throw CommandFailure("\(key) takes an ISO-8601 duration such as PT1H, not '\(value)'.", category: .usage)
        case Session.keyVaultURLConfigKey:
            do {
                _ = try Session.validatedKeyVaultURL(value)
            } catch let error as CMKError {
                throw CommandFailure(error.message, hint: error.hint, category: .usage)
            }
        default:
            break
        }
    }
}
