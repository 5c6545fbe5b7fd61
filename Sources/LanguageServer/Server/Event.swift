// The closed set of events that feed the main loop, and the executor that runs work off the loop.

import Foundation

enum Event: Sendable {
  /// A well-formed JSON-RPC message from the client.
  case clientMessage(Message)
  /// Input that could not be turned into a message; answered with an error response (id null unless known).
  case invalidInput(id: RequestID?, error: ResponseError)
  /// A snapshot request finished off the loop.
  case requestFinished(RequestID, PendingRequest, Result<JSONValue, ResponseError>)
  /// Analysis of a snapshot finished off the loop; publish if it is still the newest.
  case analysisFinished(DocumentSnapshot)
  /// A build (command or save) finished off the loop.
  case buildFinished(BuildCompletion)
  /// stdin closed.
  case endOfInput
}

/// What the loop remembers about a snapshot request while it runs.
struct PendingRequest: Sendable {
  var method: String
  /// The document and version the request read, to answer ContentModified when it changed meanwhile.
  var uri: String?
  var version: Int?
  var started: DispatchTime
}

/// Runs work off the main loop. Production uses a concurrent global queue; tests use a manual executor.
protocol BackgroundExecutor: Sendable {
  func submit(_ work: @escaping @Sendable () -> Void)
}

struct DispatchExecutor: BackgroundExecutor {
  func submit(_ work: @escaping @Sendable () -> Void) {
    DispatchQueue.global(qos: .userInitiated).async(execute: work)
  }
}
