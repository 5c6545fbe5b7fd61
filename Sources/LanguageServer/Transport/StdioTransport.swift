// The stdio connection: a reader thread that cuts stdin into frames, and a locked writer for stdout.
// Nothing else in the server writes to stdout.

import Foundation

/// Where outgoing messages go: stdout in production, a recorder in in-process tests.
protocol MessageSink: Sendable {
  func send(_ message: Message)
}

final class StdioTransport: MessageSink, @unchecked Sendable {
  // @unchecked: the file descriptors are immutable; writes are serialized by `writeLock`.
  private let inputFD: Int32
  private let outputFD: Int32
  private let writeLock = NSLock()

  init(inputFD: Int32 = STDIN_FILENO, outputFD: Int32 = STDOUT_FILENO) {
    self.inputFD = inputFD
    self.outputFD = outputFD
  }

  func send(_ message: Message) {
    let bytes = MessageFramer.frame(message.json.encoded())
    writeLock.lock()
    defer { writeLock.unlock() }
    bytes.withUnsafeBytes { raw in
      guard var pointer = raw.baseAddress else { return }
      var remaining = raw.count
      while remaining > 0 {
        let written = write(outputFD, pointer, remaining)
        if written < 0 {
          if errno == EINTR { continue }
          return  // the client went away; the reader will see end of input
        }
        remaining -= written
        pointer += written
      }
    }
  }

  /// Reads until end of input on a dedicated thread, handing each frame to `onFrame` in order.
  func startReading(onFrame: @escaping @Sendable (Frame) -> Void, onEnd: @escaping @Sendable () -> Void) {
    let fd = inputFD
    let thread = Thread {
      var framer = MessageFramer()
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        framer.append(chunk[0..<n])
        while let frame = framer.next() { onFrame(frame) }
      }
      onEnd()
    }
    thread.name = "tl-lsp reader"
    thread.stackSize = 8 * 1024 * 1024
    thread.start()
  }
}
