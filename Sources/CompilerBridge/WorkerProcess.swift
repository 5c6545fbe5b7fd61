// Supervises the Python worker: starts it lazily, handshakes (version check), sends one request at a time with
// a deadline, kills it on timeout or garbage, and starts a fresh one on the next request after it died.

import Foundation

final class WorkerProcess: @unchecked Sendable {
  struct Launch: Hashable, Sendable {
    var python: String
    var script: String
    var environment: [String: String]
  }

  let launch: Launch
  /// Time allowed for the worker to start and import tilelang.
  var startTimeout: Double = 90
  private let requestLock = NSLock()
  private let stateLock = NSLock()
  private var connection: Connection?
  private var nextID = 1

  init(launch: Launch) {
    self.launch = launch
    WorkerProcess.ignoreSigpipe
  }

  deinit { connection?.terminate() }

  /// The running worker's process id, if one is running.
  var processID: Int32? {
    stateLock.withLock { connection.flatMap { $0.isAlive ? $0.process.processIdentifier : nil } }
  }

  /// Sends one request and waits for its response (or a failure). Serialized: one request at a time.
  /// A cancelled `token` stops the request before it is sent, or asks the worker to stop it.
  func send(
    method: String, params: BuildParams?, timeout: Double, token: CancellationToken = CancellationToken()
  ) -> Result<WorkerResponse, CompilerFailure> {
    requestLock.lock()
    defer { requestLock.unlock() }
    let cancelled = CompilerFailure(
      kind: .cancelled, type: "Cancelled", message: "the build was cancelled", phase: "start")
    if token.isCancelled { return .failure(cancelled) }
    let conn: Connection
    switch ensureStarted() {
    case .failure(let f): return .failure(f)
    case .success(let c): conn = c
    }
    let id = stateLock.withLock { () -> Int in
      nextID += 1
      return nextID
    }
    if token.isCancelled { return .failure(cancelled) }
    let line = Data("{\"id\":0,\"method\":\"cancel\",\"params\":{\"id\":\(id)}}\n".utf8)
    return exchange(conn, WorkerRequest(id: id, method: method, params: params), timeout: timeout) {
      token.onCancel { _ = conn.write(line) }
    }
  }

  func stop() {
    let conn = stateLock.withLock { () -> Connection? in
      defer { connection = nil }
      return connection
    }
    guard let conn else { return }
    _ = conn.write(Data("{\"id\":0,\"method\":\"shutdown\"}\n".utf8))
    conn.terminate(grace: 0.5)
  }

  // MARK: - Start and handshake

  private func ensureStarted() -> Result<Connection, CompilerFailure> {
    if let c = stateLock.withLock({ connection }), c.isAlive { return .success(c) }
    let conn: Connection
    do {
      conn = try Connection(launch: launch)
    } catch {
      return .failure(
        unavailable("cannot start Python `\(launch.python)`: \(error.localizedDescription)", type: "PythonNotStarted"))
    }
    stateLock.withLock { connection = conn }
    let hello = exchange(conn, WorkerRequest(id: 1, method: "version", params: nil), timeout: startTimeout)
    switch hello {
    case .failure(let f):
      dropConnection(conn)
      var f2 = f
      f2.kind = .unavailable
      f2.message = "the compiler worker did not start (\(f.message))"
      return .failure(f2)
    case .success(let v):
      if let version = v.tilelang, version.hasPrefix(PythonLocator.wantedTilelang) { return .success(conn) }
      dropConnection(conn)
      if let version = v.tilelang {
        return .failure(
          unavailable(
            "`\(launch.python)` has tilelang \(version), but tl-lsp needs \(PythonLocator.wantedTilelang)",
            type: "WrongTilelangVersion"))
      }
      let why = v.importError.map { ": \($0)" } ?? ""
      return .failure(
        unavailable("`\(launch.python)` cannot import tilelang\(why)", type: "TilelangUnavailable"))
    }
  }

  private func unavailable(_ message: String, type: String) -> CompilerFailure {
    CompilerFailure(kind: .unavailable, type: type, message: message, phase: "start")
  }

  private func dropConnection(_ conn: Connection) {
    conn.terminate(grace: 0.2)
    stateLock.withLock { if connection === conn { connection = nil } }
  }

  // MARK: - One exchange

  private func exchange(
    _ conn: Connection, _ request: WorkerRequest, timeout: Double, afterSend: () -> Void = {}
  ) -> Result<WorkerResponse, CompilerFailure> {
    guard conn.write(request.encodedLine()) else {
      dropConnection(conn)
      return .failure(died(conn, "the compiler worker stopped accepting requests"))
    }
    afterSend()
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      switch conn.nextLine(until: deadline) {
      case .timeout:
        dropConnection(conn)
        return .failure(
          CompilerFailure(
            kind: .timeout, type: "Timeout", message: "the compiler did not answer within \(format(timeout)) s",
            phase: request.method == "version" ? "start" : "lower", logs: conn.stderrTail))
      case .eof:
        dropConnection(conn)
        return .failure(died(conn, "the compiler worker exited"))
      case .line(let data):
        guard let response = WorkerResponse.decode(line: data) else {
          dropConnection(conn)
          let text = String(decoding: data.prefix(200), as: UTF8.self)
          return .failure(died(conn, "the compiler worker printed something that is not protocol: \(text)"))
        }
        if response.id == request.id { return .success(response) }
      // a late answer to an earlier (timed-out or cancelled) request: skip it
      }
    }
  }

  private func died(_ conn: Connection, _ message: String) -> CompilerFailure {
    let status = conn.exitDescription
    return CompilerFailure(
      kind: .workerDied, type: "WorkerDied", message: status.isEmpty ? message : "\(message) (\(status))",
      phase: "protocol", logs: conn.stderrTail)
  }

  private static let ignoreSigpipe: Void = {
    // Writing to a dead worker must fail with EPIPE, not kill this process.
    signal(SIGPIPE, SIG_IGN)
  }()
}

/// Cancels one build: before it is sent, or while it runs (then the worker kills the build child).
final class CancellationToken: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  private var handler: (() -> Void)?

  var isCancelled: Bool { lock.withLock { cancelled } }

  func cancel() {
    let h = lock.withLock { () -> (() -> Void)? in
      cancelled = true
      defer { handler = nil }
      return handler
    }
    h?()
  }

  /// Runs `action` now if already cancelled, else when `cancel()` is called.
  func onCancel(_ action: @escaping () -> Void) {
    let now = lock.withLock { () -> Bool in
      if cancelled { return true }
      handler = action
      return false
    }
    if now { action() }
  }
}

func format(_ seconds: Double) -> String {
  seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
}

// MARK: - Connection: one worker process and its pipes

final class Connection: @unchecked Sendable {
  enum Next {
    case line(Data)
    case eof, timeout
  }

  let process = Process()
  private let stdin: FileHandle
  private let cond = NSCondition()
  private var lines: [Data] = []
  private var partial = Data()
  private var eof = false
  private var errTail = Data()
  private let writeLock = NSLock()

  init(launch: WorkerProcess.Launch) throws {
    let inPipe = Pipe()
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.executableURL = URL(fileURLWithPath: launch.python)
    process.arguments = ["-u", launch.script]
    process.environment = launch.environment
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = errPipe
    stdin = inPipe.fileHandleForWriting
    try process.run()
    let out = outPipe.fileHandleForReading
    let err = errPipe.fileHandleForReading
    Thread.detachNewThread { [self] in readLoop(out, isStdout: true) }
    Thread.detachNewThread { [self] in readLoop(err, isStdout: false) }
  }

  var isAlive: Bool { cond.withLock { !eof } && process.isRunning }

  var stderrTail: String { cond.withLock { String(decoding: errTail, as: UTF8.self) } }

  var exitDescription: String {
    guard !process.isRunning else { return "" }
    switch process.terminationReason {
    case .uncaughtSignal: return "signal \(process.terminationStatus)"
    case .exit: return "exit code \(process.terminationStatus)"
    @unknown default: return ""
    }
  }

  func write(_ data: Data) -> Bool {
    writeLock.withLock {
      do {
        try stdin.write(contentsOf: data)
        return true
      } catch {
        return false
      }
    }
  }

  func nextLine(until deadline: Date) -> Next {
    cond.lock()
    defer { cond.unlock() }
    while true {
      if !lines.isEmpty { return .line(lines.removeFirst()) }
      if eof { return .eof }
      if !cond.wait(until: deadline) { return lines.isEmpty ? (eof ? .eof : .timeout) : .line(lines.removeFirst()) }
    }
  }

  /// Closes stdin, waits `grace` seconds, then kills the process.
  func terminate(grace: Double = 0) {
    writeLock.withLock { try? stdin.close() }
    let pid = process.processIdentifier
    if grace > 0 {
      let end = Date().addingTimeInterval(grace)
      while process.isRunning, Date() < end { usleep(10_000) }
    }
    if process.isRunning, pid > 0 { kill(pid, SIGKILL) }
    if pid > 0 { process.waitUntilExit() }
  }

  private func readLoop(_ handle: FileHandle, isStdout: Bool) {
    while true {
      let data = handle.availableData
      cond.lock()
      if data.isEmpty {
        if isStdout {
          if !partial.isEmpty { lines.append(partial) }
          partial = Data()
          eof = true
        }
        cond.broadcast()
        cond.unlock()
        return
      }
      if isStdout {
        partial.append(data)
        while let nl = partial.firstIndex(of: 0x0A) {
          let line = partial[partial.startIndex..<nl]
          if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { lines.append(Data(line)) }
          partial = Data(partial[partial.index(after: nl)...])
        }
      } else {
        errTail.append(data)
        if errTail.count > 65536 { errTail = Data(errTail.suffix(32768)) }
      }
      cond.broadcast()
      cond.unlock()
    }
  }
}
