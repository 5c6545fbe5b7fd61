// JSON-RPC 2.0 messages (requests, notifications, responses), request ids, and error objects with the
// codes JSON-RPC and LSP define.

enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  init?(_ json: JSONValue) {
    switch json {
    case .int(let i): self = .int(i)
    case .string(let s): self = .string(s)
    case .double: if let i = json.intValue { self = .int(i) } else { return nil }
    default: return nil
    }
  }

  var json: JSONValue {
    switch self {
    case .int(let i): return .int(i)
    case .string(let s): return .string(s)
    }
  }

  var description: String {
    switch self {
    case .int(let i): return String(i)
    case .string(let s): return "\"\(s)\""
    }
  }
}

enum ErrorCode: Int, Sendable {
  case parseError = -32700
  case invalidRequest = -32600
  case methodNotFound = -32601
  case invalidParams = -32602
  case internalError = -32603
  case serverNotInitialized = -32002
  case requestFailed = -32803
  case requestCancelled = -32800
  case contentModified = -32801
}

/// An error a handler throws; the dispatcher turns it into a JSON-RPC error response.
struct ResponseError: Error, Equatable, Sendable {
  var code: Int
  var message: String

  init(_ code: ErrorCode, _ message: String) {
    self.code = code.rawValue
    self.message = message
  }

  init(code: Int, message: String) {
    self.code = code
    self.message = message
  }

  var json: JSONValue { ["code": .int(code), "message": .string(message)] }

  static func invalidParams(_ message: String) -> ResponseError { ResponseError(.invalidParams, message) }
  static let cancelled = ResponseError(.requestCancelled, "request cancelled")
  static let contentModified = ResponseError(.contentModified, "the document changed while the request ran")
}

enum Message: Sendable, Equatable {
  case request(id: RequestID, method: String, params: JSONValue)
  case notification(method: String, params: JSONValue)
  case response(id: RequestID?, result: Result<JSONValue, ResponseError>)
}

extension Message {
  /// Classifies a parsed body. Throws InvalidRequest (with the id when one could be read) for
  /// anything that is not a JSON-RPC 2.0 message.
  static func decode(_ json: JSONValue) throws(InvalidMessage) -> Message {
    guard case .object(let fields) = json else {
      throw InvalidMessage(id: nil, reason: "a message must be a JSON object")
    }
    let rawID = fields["id"]
    let id = rawID.flatMap(RequestID.init)
    if let rawID, id == nil, !rawID.isNull {
      throw InvalidMessage(id: nil, reason: "id must be an integer or a string")
    }
    if let methodValue = fields["method"] {
      guard let method = methodValue.stringValue else {
        throw InvalidMessage(id: id, reason: "method must be a string")
      }
      let params = fields["params"] ?? .null
      if let id { return .request(id: id, method: method, params: params) }
      if rawID == nil { return .notification(method: method, params: params) }
      throw InvalidMessage(id: nil, reason: "a request's id must not be null")
    }
    if let error = fields["error"] {
      let code = error["code"]?.intValue ?? ErrorCode.internalError.rawValue
      let message = error["message"]?.stringValue ?? ""
      return .response(id: id, result: .failure(ResponseError(code: code, message: message)))
    }
    if let result = fields["result"] {
      return .response(id: id, result: .success(result))
    }
    throw InvalidMessage(id: id, reason: "neither a request, a notification nor a response")
  }

  var json: JSONValue {
    switch self {
    case .request(let id, let method, let params):
      var fields: [String: JSONValue] = ["jsonrpc": "2.0", "id": id.json, "method": .string(method)]
      if !params.isNull { fields["params"] = params }
      return .object(fields)
    case .notification(let method, let params):
      var fields: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
      if !params.isNull { fields["params"] = params }
      return .object(fields)
    case .response(let id, let result):
      var fields: [String: JSONValue] = ["jsonrpc": "2.0", "id": id?.json ?? .null]
      switch result {
      case .success(let value): fields["result"] = value
      case .failure(let error): fields["error"] = error.json
      }
      return .object(fields)
    }
  }
}

struct InvalidMessage: Error, Sendable {
  var id: RequestID?
  var reason: String
}
