// Server logs: to stderr, or to a file (`--log FILE`, `TL_LSP_LOG`). Warnings and errors are also
// forwarded to the client as `window/logMessage` once a forwarder is installed. Never stdout.

import Foundation

final class Logger: @unchecked Sendable {
  // @unchecked: mutable state (`forwarder`) and writes are guarded by `lock`.
  enum Level: Int, Sendable, Comparable {
    case error = 1
    case warning = 2
    case info = 3
    case debug = 4
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    var label: String {
      switch self {
      case .error: return "error"
      case .warning: return "warning"
      case .info: return "info"
      case .debug: return "debug"
      }
    }
  }

  private let lock = NSLock()
  private let handle: FileHandle?
  private let minimumLevel: Level
  private var forwarder: (@Sendable (Level, String) -> Void)?

  /// `path` nil logs to stderr; an unopenable path falls back to stderr with a note.
  init(path: String? = nil, minimumLevel: Level = .info, toStderr: Bool = true) {
    self.minimumLevel = minimumLevel
    if let path {
      if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
      }
      if let h = FileHandle(forWritingAtPath: path) {
        h.seekToEndOfFile()
        handle = h
      } else {
        handle = toStderr ? FileHandle.standardError : nil
        handle?.write(Data("tl-lsp: cannot open log file \(path); logging to stderr\n".utf8))
      }
    } else {
      handle = toStderr ? FileHandle.standardError : nil
    }
  }

  /// A logger that drops everything (in-process tests).
  static func silent() -> Logger { Logger(path: nil, minimumLevel: .error, toStderr: false) }

  func setForwarder(_ forward: (@Sendable (Level, String) -> Void)?) {
    lock.lock()
    forwarder = forward
    lock.unlock()
  }

  func log(_ level: Level, _ message: @autoclosure () -> String) {
    let forward: (@Sendable (Level, String) -> Void)?
    lock.lock()
    forward = level <= .warning ? forwarder : nil
    let wanted = level <= minimumLevel
    let text = wanted || forward != nil ? message() : ""
    if wanted, let handle {
      let stamp = String(format: "%.3f", Date().timeIntervalSince1970)
      handle.write(Data("[\(stamp) \(level.label)] \(text)\n".utf8))
    }
    lock.unlock()
    forward?(level, text)
  }

  func error(_ message: @autoclosure () -> String) { log(.error, message()) }
  func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
  func info(_ message: @autoclosure () -> String) { log(.info, message()) }
  func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
}
