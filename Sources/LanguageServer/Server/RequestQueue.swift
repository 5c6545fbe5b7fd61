// Bookkeeping of requests in flight: cancellation tokens for client requests, and callbacks for the
// requests the server sends to the client (e.g. `workspace/configuration`).

import Foundation

/// Marked by `$/cancelRequest`; handlers check it before they start and at loop boundaries.
final class CancellationToken: @unchecked Sendable {
  // @unchecked: `cancelled` is guarded by `lock`.
  private let lock = NSLock()
  private var cancelled = false
  private var handler: (@Sendable () -> Void)?

  func cancel() {
    lock.lock()
    cancelled = true
    let h = handler
    handler = nil
    lock.unlock()
    h?()
  }

  /// Runs `action` when the request is cancelled (now, if it already is). Builds use it to stop the worker.
  func onCancel(_ action: @escaping @Sendable () -> Void) {
    lock.lock()
    if cancelled {
      lock.unlock()
      return action()
    }
    handler = action
    lock.unlock()
  }

  var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  func check() throws(ResponseError) {
    if isCancelled { throw .cancelled }
  }
}

struct RequestQueue {
  typealias ResponseHandler = (Server, Result<JSONValue, ResponseError>) -> Void

  private var incoming: [RequestID: CancellationToken] = [:]
  private var outgoing: [RequestID: ResponseHandler] = [:]
  private var nextOutgoingID = 1

  /// Client requests whose response has not been sent yet.
  var inFlightCount: Int { incoming.count }

  mutating func register(_ id: RequestID) -> CancellationToken {
    let token = CancellationToken()
    incoming[id] = token
    return token
  }

  /// Marks the request cancelled; false when no such request is in flight (already answered or unknown).
  mutating func cancel(_ id: RequestID) -> Bool {
    guard let token = incoming[id] else { return false }
    token.cancel()
    return true
  }

  /// Forgets the request; true when it was still in flight (so exactly one response is sent).
  mutating func finish(_ id: RequestID) -> Bool {
    incoming.removeValue(forKey: id) != nil
  }

  mutating func registerOutgoing(_ handler: @escaping ResponseHandler) -> RequestID {
    let id = RequestID.string("tl-lsp-\(nextOutgoingID)")
    nextOutgoingID += 1
    outgoing[id] = handler
    return id
  }

  mutating func takeOutgoing(_ id: RequestID) -> ResponseHandler? {
    outgoing.removeValue(forKey: id)
  }
}
