// `initialize`: negotiates the position encoding, reads client capabilities and initializationOptions,
// and answers with the server's capabilities.

enum Initialize {
  static let method = "initialize"

  static func handle(_ server: Server, _ params: JSONValue) throws -> JSONValue {
    guard server.session.phase == .uninitialized else {
      throw ResponseError(.invalidRequest, "initialize may be sent only once")
    }
    let capabilities = params["capabilities"]
    let offered = capabilities?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
    server.session.positionEncoding = offered.contains(LSP.PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    server.session.clientSupportsConfigurationPull = capabilities?["workspace"]?["configuration"]?.boolValue ?? false
    server.session.clientSupportsWorkDoneProgress = capabilities?["window"]?["workDoneProgress"]?.boolValue ?? false
    server.session.clientSupportsShowDocument =
      capabilities?["window"]?["showDocument"]?["support"]?.boolValue ?? false
    server.session.clientName = params["clientInfo"]?["name"]?.stringValue ?? "unknown client"
    server.session.trace = params["trace"]?.stringValue ?? "off"
    if let options = params["initializationOptions"] {
      for problem in server.session.settings.apply(options) {
        server.logger.warning("initializationOptions: \(problem)")
      }
    }
    server.syncBridgeSettings()
    server.session.phase = .running
    server.logger.info(
      "initialized by \(server.session.clientName); positions in \(server.session.positionEncoding.rawValue)")
    return [
      "capabilities": Capabilities.server(encoding: server.session.positionEncoding),
      "serverInfo": ["name": "tl-lsp", "version": .string(server.options.version)],
    ]
  }
}
