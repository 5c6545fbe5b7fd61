// `exit`: ends the process; exit code 0 after `shutdown`, 1 otherwise.

enum Exit {
  static let method = "exit"

  static func handle(_ server: Server, _ params: JSONValue) {
    server.exit(code: server.session.phase == .shutDown ? 0 : 1)
  }
}
