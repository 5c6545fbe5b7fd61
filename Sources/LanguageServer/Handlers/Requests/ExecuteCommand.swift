// `workspace/executeCommand`: looks the command up in `commands`, the extension point for
// build-related commands (the compiler bridge adds e.g. `tilelang.build` here). Empty for now.

enum ExecuteCommand {
  static let method = "workspace/executeCommand"

  /// Command name -> implementation, run on the main loop. Advertised in Capabilities when non-empty.
  static let commands: [String: @Sendable (Server, [JSONValue]) throws -> JSONValue] = [:]

  static func handle(_ server: Server, _ params: JSONValue) throws -> JSONValue {
    let name = try params.requiredString("command")
    guard let command = commands[name] else { throw ResponseError.invalidParams("unknown command: \(name)") }
    return try command(server, params["arguments"]?.arrayValue ?? [])
  }
}
