// `initialized`: starts forwarding warnings as `window/logMessage` and pulls `tl-lsp` configuration.

enum Initialized {
  static let method = "initialized"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let sink = server.sink
    server.logger.setForwarder { level, message in
      let type = level == .error ? 1 : 2
      sink.send(.notification(method: "window/logMessage", params: ["type": .int(type), "message": .string(message)]))
    }
    DidChangeConfiguration.pull(server)
  }
}
