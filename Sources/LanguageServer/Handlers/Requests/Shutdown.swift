// `shutdown`: after it every request but `exit` is refused with InvalidRequest.

enum Shutdown {
  static let method = "shutdown"

  static func handle(_ server: Server, _ params: JSONValue) throws -> JSONValue {
    server.session.phase = .shutDown
    server.logger.info("shutdown requested")
    return .null
  }
}
