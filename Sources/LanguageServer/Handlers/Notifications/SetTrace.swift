// `$/setTrace`: off, messages or verbose; when on, received requests are echoed as `$/logTrace`.

enum SetTrace {
  static let method = "$/setTrace"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    server.session.trace = try params.requiredString("value")
  }
}
