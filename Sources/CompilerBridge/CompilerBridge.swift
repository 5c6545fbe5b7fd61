// CompilerBridge: drives the real tilelang compiler through one long-lived Python worker (worker.py), with an
// in-memory build cache. Trust: building executes the kernel file's Python; call it only on explicit requests.

import Foundation
import TileLangSyntax

/// Cancels one blocking build (the server links it to the LSP request's `$/cancelRequest`).
public final class BuildCancellation: Sendable {
  let token = CancellationToken()
  public init() {}
  public func cancel() { token.cancel() }
  public var isCancelled: Bool { token.isCancelled }
}

public final class CompilerBridge: @unchecked Sendable {
  private let lock = NSLock()
  private var settingsValue: BridgeSettings
  private let environment: [String: String]
  private var worker: WorkerProcess?
  private var cache: BuildCache

  public init(
    settings: BridgeSettings = BridgeSettings(), environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.settingsValue = settings
    self.environment = environment
    self.cache = BuildCache(capacity: settings.cacheCapacity)
  }

  deinit { worker?.stop() }

  public var settings: BridgeSettings { lock.withLock { settingsValue } }

  /// The tilelang version the worker insists on (hovers name it next to exact CUDA).
  public static var tilelangVersion: String { PythonLocator.wantedTilelang }

  /// New settings; a different Python, worker script or environment restarts the worker on the next build.
  public func update(settings: BridgeSettings) {
    let old: WorkerProcess? = lock.withLock {
      let changed =
        settings.python != settingsValue.python || settings.workerScript != settingsValue.workerScript
        || settings.environment != settingsValue.environment
      settingsValue = settings
      if settings.cacheCapacity != cache.capacity { cache = BuildCache(capacity: settings.cacheCapacity) }
      guard changed else { return nil }
      defer { worker = nil }
      return worker
    }
    old?.stop()
  }

  /// The running worker's process id (tests use it to kill the worker).
  public var workerProcessID: Int32? { lock.withLock { worker }?.processID }

  /// Builds and blocks until the result is in (the CLI). Thread-safe; builds run one at a time.
  public func buildBlocking(_ request: BuildRequest) -> BuildResult {
    buildBlocking(request, token: CancellationToken())
  }

  /// Builds and blocks; `cancellation.cancel()` (from any thread) stops the build before or while it runs.
  public func buildBlocking(_ request: BuildRequest, cancellation: BuildCancellation) -> BuildResult {
    buildBlocking(request, token: cancellation.token)
  }

  func buildBlocking(_ request: BuildRequest, token: CancellationToken) -> BuildResult {
    let start = Date()
    let settings = self.settings
    let timeout = request.timeout ?? settings.timeout
    let worker: WorkerProcess
    switch currentWorker(settings) {
    case .failure(let f):
      return BuildResult(outcome: .failure(f), fromCache: false, elapsed: Date().timeIntervalSince(start))
    case .success(let w): worker = w
    }
    let key = BuildCacheKey(request: request, python: worker.launch.python, script: worker.launch.script)
    let cache = lock.withLock { self.cache }
    if let key, let hit = cache.get(key) {
      return BuildResult(outcome: hit, fromCache: true, elapsed: Date().timeIntervalSince(start))
    }
    let params = BuildParams(request, timeout: timeout)
    let outcome: Result<BuildProduct, CompilerFailure>
    switch worker.send(method: "build", params: params, timeout: timeout + settings.supervisionMargin, token: token) {
    case .failure(let f): outcome = .failure(f)
    case .success(let response): outcome = response.buildOutcome(kernelFile: request.file)
    }
    if let key { cache.put(key, outcome) }
    return BuildResult(outcome: outcome, fromCache: false, elapsed: Date().timeIntervalSince(start))
  }

  /// Builds without blocking the caller's thread; cancelling the task cancels the build in the worker.
  public func build(_ request: BuildRequest) async -> BuildResult {
    let token = CancellationToken()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (cont: CheckedContinuation<BuildResult, Never>) in
        Thread.detachNewThread { [self] in cont.resume(returning: buildBlocking(request, token: token)) }
      }
    } onCancel: {
      token.cancel()
    }
  }

  /// Starts the worker if needed and returns the tilelang version it runs (or why it cannot run).
  public func compilerVersion() -> Result<String, CompilerFailure> {
    switch currentWorker(settings) {
    case .failure(let f): return .failure(f)
    case .success(let w):
      switch w.send(method: "version", params: nil, timeout: 30) {
      case .failure(let f): return .failure(f)
      case .success(let v): return .success(v.tilelang ?? "unknown")
      }
    }
  }

  /// Stops the worker (it starts again on the next build). The cache is kept.
  public func shutdown() {
    let w = lock.withLock { () -> WorkerProcess? in
      defer { worker = nil }
      return worker
    }
    w?.stop()
  }

  public func clearCache() { lock.withLock { cache }.removeAll() }

  // MARK: - Worker discovery

  private func currentWorker(_ settings: BridgeSettings) -> Result<WorkerProcess, CompilerFailure> {
    if let w = lock.withLock({ worker }) { return .success(w) }
    guard let python = PythonLocator.python(explicit: settings.python, environment: environment) else {
      let what = settings.python ?? environment["TL_LSP_PYTHON"] ?? "python3"
      return .failure(
        CompilerFailure(
          kind: .unavailable, type: "PythonNotFound", message: "no Python interpreter found (`\(what)`)", phase: "start"
        ))
    }
    guard let script = PythonLocator.workerScript(explicit: settings.workerScript, environment: environment) else {
      return .failure(
        CompilerFailure(
          kind: .unavailable, type: "WorkerNotFound",
          message: "the worker script worker.py was not found next to tl-lsp (set TL_LSP_WORKER)", phase: "start"))
    }
    var env = environment
    for (k, v) in settings.environment { env[k] = v }
    env["TVM_FFI_DISABLE_TORCH_C_DLPACK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = env["PYTHONDONTWRITEBYTECODE"] ?? "1"
    if env["TVM_TRACEBACK_LIMIT"] == "" { env["TVM_TRACEBACK_LIMIT"] = nil }
    let w = WorkerProcess(launch: .init(python: python, script: script, environment: env))
    w.startTimeout = max(30, settings.timeout)
    return .success(
      lock.withLock {
        if let existing = worker { return existing }
        worker = w
        return w
      })
  }
}
