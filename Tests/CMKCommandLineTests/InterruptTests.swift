import CMKTestSupport
import Foundation
import Testing

/// An interrupted pull leaves no decrypted bytes behind.
@Suite("Interrupted pulls")
struct InterruptTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedPullRemovesItsPartialOutput(signalNumber: Int32) throws {
        let tool = try BuiltTool()
        // 192 MiB of payload plus its sealed copy: left behind, every run would fill the disk.
        defer { try? FileManager.default.removeItem(at: tool.home) }
        #expect(try tool.run("setup", "--registry", "sigreg").exitCode == 0)
        let payload = tool.home.appendingPathComponent("payload.bin")
        FileManager.default.createFile(atPath: payload.path, contents: nil)
        let handle = try FileHandle(forWritingTo: payload)
        for _ in 0..<192 { handle.write(Data(Array(repeating: UInt8.random(in: 0...255), count: 1 << 20))) }
        try handle.close()
        #expect(try tool.run("push", "sigreg", "big:v1", payload.path).exitCode == 0)

        let output = tool.home.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = tool.executable
        process.arguments = ["pull", "sigreg", "big:v1", output.appendingPathComponent("big.bin").path]
        process.environment = ["ACRCMK_HOME": tool.home.appendingPathComponent("state").path, "NO_COLOR": "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the pull is writing its partial file, then interrupt it.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning,
              ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).isEmpty {
            usleep(2_000)
        }
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path)
        if process.terminationStatus == 0 {
            #expect(left == ["big.bin"], "the pull finished before the signal arrived")
        } else {
            #expect(process.terminationStatus == 128 + signalNumber)
            #expect(left.isEmpty, "partial output left behind: \(left)")
        }
    }
}
