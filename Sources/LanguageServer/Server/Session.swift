// Session state owned by the main loop: lifecycle phase, negotiated position encoding, client
// capabilities we rely on, and the settings (`tl-lsp.*`) that produce the AnalysisSettings value.

import TileLangAnalysis

struct Session: Sendable {
  enum Phase: Sendable, Equatable { case uninitialized, running, shutDown }

  var phase: Phase = .uninitialized
  var positionEncoding: LSP.PositionEncoding = .utf16
  var settings = ServerSettings()
  /// Bumped whenever settings change, so cached analyses and pull-diagnostic result ids go stale.
  var settingsGeneration = 0
  var clientSupportsConfigurationPull = false
  var clientName = "unknown client"
  /// `window.workDoneProgress`: the server may create progress tokens for builds.
  var clientSupportsWorkDoneProgress = false
  /// `window.showDocument.support`: the server may ask the client to open lowered CUDA.
  var clientSupportsShowDocument = false
  /// `$/setTrace` / `initialize.trace`: off, messages or verbose.
  var trace = "off"
}

/// Everything a user can set under `tl-lsp.*` (workspace configuration or initializationOptions).
struct ServerSettings: Sendable, Equatable {
  var analysis = AnalysisSettings()
  var inlayHints = true
  /// The Python interpreter for the compiler bridge (`tl-lsp.python`).
  var python: String?
  var compileOnSave = false

  /// Applies the keys present in `json`: a `{"tl-lsp": {...}}` wrapper, a flat `{"targets": ...}` object,
  /// or dotted `{"tl-lsp.targets": ...}` keys. Returns a description of each value it could not use.
  mutating func apply(_ json: JSONValue) -> [String] {
    guard var fields = json.objectValue else { return json.isNull ? [] : ["settings must be an object"] }
    if let nested = fields["tl-lsp"]?.objectValue { fields.merge(nested) { _, new in new } }
    for (key, value) in fields where key.hasPrefix("tl-lsp.") { fields[String(key.dropFirst(7))] = value }
    var problems: [String] = []
    if let targets = fields["targets"] { problems += applyTargets(targets) }
    if let configs = fields["passConfigs"] {
      if let object = configs.objectValue {
        analysis.passConfigs = object.compactMapValues(\.boolValue)
        problems += object.filter { $0.value.boolValue == nil }.map { "passConfigs.\($0.key) is not a boolean" }
      } else if !configs.isNull {
        problems.append("passConfigs must be an object of booleans")
      }
    }
    if let arguments = fields["arguments"] {
      if let object = arguments.objectValue {
        analysis.arguments = object.compactMapValues(\.intValue)
        problems += object.filter { $0.value.intValue == nil }.map { "arguments.\($0.key) is not an integer" }
      } else if !arguments.isNull {
        problems.append("arguments must be an object of integers")
      }
    }
    if let hints = fields["inlayHints"] {
      if let b = hints.boolValue { inlayHints = b } else { problems.append("inlayHints must be a boolean") }
    }
    if let python = fields["python"] { self.python = python.stringValue }
    if let save = fields["compileOnSave"] {
      if let b = save.boolValue { compileOnSave = b } else { problems.append("compileOnSave must be a boolean") }
    }
    return problems
  }

  private mutating func applyTargets(_ value: JSONValue) -> [String] {
    let names: [String]
    if let s = value.stringValue {
      names = [s]
    } else if let array = value.arrayValue {
      names = array.compactMap(\.stringValue)
    } else {
      return value.isNull ? [] : ["targets must be a list of strings like \"sm_90\""]
    }
    let parsed = names.compactMap(TargetArch.init(parsing:))
    var problems = names.filter { TargetArch(parsing: $0) == nil }.map { "unknown target \($0)" }
    if parsed.isEmpty && !names.isEmpty { problems.append("no usable target; keeping the previous targets") }
    if !parsed.isEmpty { analysis.targets = parsed }
    return problems
  }
}
