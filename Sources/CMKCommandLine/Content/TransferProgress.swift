import CMKCore

/// Draws a progress bar per stream of a push, import, pull or export, and says (with `--verbose`) when a push
/// seals again.
final class TransferProgress: TransferObserver {
    private let context: CommandContext
    /// The command's name: the label of a single file's bar, and the subject of the retry message.
    private let operation: String
    private var bar: ProgressBar?

    init(context: CommandContext, operation: String) {
        self.context = context
        self.operation = operation
    }

    func streamStarted(_ stream: TransferStream) {
        let label = stream.role == .file ? operation : String((stream.digest ?? operation).prefix(19))
        bar = ProgressBar(context: context, label: label, total: stream.size)
    }

    func streamProgressed(_ bytes: Int64) {
        bar?.update(bytes)
    }

    func streamFinished() {
        bar?.finish()
        bar = nil
    }

    func transferRetrying(after attempt: Int) {
        context.info("\(operation) attempt \(attempt): a sealed object was deleted concurrently; sealing it again")
    }
}
