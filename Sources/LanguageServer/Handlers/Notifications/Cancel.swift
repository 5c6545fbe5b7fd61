// `$/cancelRequest`: marks the request's token; the request then answers RequestCancelled.

enum Cancel {
  static let method = "$/cancelRequest"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    guard let raw = params["id"], let id = RequestID(raw) else {
      throw ResponseError.invalidParams("cancel needs an id")
    }
    if !server.requests.cancel(id) { server.logger.debug("cancel for \(id), which is not in flight") }
  }
}
