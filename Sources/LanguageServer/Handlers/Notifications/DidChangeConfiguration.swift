// `workspace/didChangeConfiguration`: applies pushed `tl-lsp` settings, or pulls them with
// `workspace/configuration`; any change re-publishes diagnostics.

enum DidChangeConfiguration {
  static let method = "workspace/didChangeConfiguration"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let settings = params["settings"] ?? .null
    let pushed = settings.objectValue.map { $0.keys.contains { $0 == "tl-lsp" || $0.hasPrefix("tl-lsp.") } } ?? false
    if pushed {
      apply(server, settings)
    } else {
      pull(server)
    }
  }

  /// Asks the client for the `tl-lsp` section when it supports `workspace/configuration`.
  static func pull(_ server: Server) {
    guard server.session.clientSupportsConfigurationPull else { return }
    server.sendRequest("workspace/configuration", ["items": [["section": "tl-lsp"]]]) { server, result in
      guard case .success(let value) = result, let section = value.arrayValue?.first else {
        return server.logger.warning("workspace/configuration gave no usable answer")
      }
      apply(server, ["tl-lsp": section])
    }
  }

  private static func apply(_ server: Server, _ settings: JSONValue) {
    var updated = server.session.settings
    for problem in updated.apply(settings) { server.logger.warning("settings: \(problem)") }
    guard updated != server.session.settings else { return }
    server.session.settings = updated
    server.settingsChanged()
  }
}
