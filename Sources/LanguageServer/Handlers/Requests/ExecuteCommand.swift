// `workspace/executeCommand`: the build commands. Each prepares a BuildJob on the loop; the server runs it through
// the compiler worker ("build" execution class) and answers when it is done. Building runs the file's Python.

import CompilerBridge
import Foundation
import TileLangAnalysis
import TileLangSyntax

enum ExecuteCommand {
  static let method = "workspace/executeCommand"

  /// Command name -> job preparation, run on the main loop. Advertised in Capabilities.
  static let commands: [String: @Sendable (Server, [JSONValue]) throws -> BuildJob] = [
    "tilelang.build": { server, args in try job(server, args, purpose: .build) },
    "tilelang.showLoweredCUDA": { server, args in try job(server, args, purpose: .showCUDA) },
  ]

  static func handle(_ server: Server, _ params: JSONValue) throws -> BuildJob {
    let name = try params.requiredString("command")
    guard let command = commands[name] else { throw ResponseError.invalidParams("unknown command: \(name)") }
    return try command(server, params["arguments"]?.arrayValue ?? [])
  }

  /// Arguments: `[{"uri", "kernel"?, "target"?, "args"?: {"M": 1024}}]` or positionally `[uri, kernel?, target?, args?]`.
  static func job(_ server: Server, _ arguments: [JSONValue], purpose: BuildJob.Purpose) throws -> BuildJob {
    let named = arguments.first?.objectValue
    func argument(_ key: String, _ index: Int) -> JSONValue? {
      let value = named != nil ? named?[key] : (arguments.indices.contains(index) ? arguments[index] : nil)
      return value?.isNull == true ? nil : value
    }
    guard let uri = argument("uri", 0)?.stringValue else {
      throw ResponseError.invalidParams("the build commands need a document uri as their first argument")
    }
    let target = argument("target", 2)?.stringValue ?? server.session.settings.analysis.targets.first?.rawValue
    var sizes: [String: ArgumentValue] = [:]
    for (key, value) in argument("args", 3)?.objectValue ?? [:] {
      switch value {
      case .int(let i): sizes[key] = .int(i)
      case .double(let d): sizes[key] = d.rounded() == d ? .int(Int(d)) : .double(d)
      case .bool(let b): sizes[key] = .bool(b)
      case .string(let s): sizes[key] = .string(s)
      default: throw ResponseError.invalidParams("args.\(key) must be a number, boolean or string")
      }
    }
    return try prepare(
      server, uri: uri, kernels: [argument("kernel", 1)?.stringValue], target: target ?? "sm_90", sizes: sizes,
      purpose: purpose)
  }

  /// Reads the saved file (the compiler executes it) and takes the copy sites from the analysis of that text.
  static func prepare(
    _ server: Server, uri: String, kernels: [String?], target: String, sizes: [String: ArgumentValue],
    purpose: BuildJob.Purpose
  ) throws -> BuildJob {
    guard let url = URL(string: uri), url.isFileURL else {
      throw ResponseError.invalidParams("can only build file: documents, not \(uri)")
    }
    let path = url.standardizedFileURL.path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ResponseError.invalidParams("cannot read \(path); save the document first")
    }
    let source = SourceText(bytes: [UInt8](data))
    let snapshot = server.documents[uri]?.snapshot
    let analysis =
      snapshot.flatMap { $0.textHash == textHash(source.bytes) ? $0.analysis : nil }
      ?? server.documents.analyzer(source, server.session.settings.analysis, nil)
    let sites = analysis.copySiteHints(target: target)
    let settings = server.session.settings.analysis
    let requests = kernels.map {
      analysis.buildRequest(
        file: path, kernel: $0, sizes: sizes, settingsSizes: settings.arguments, target: target,
        passConfigs: settings.passConfigs)
    }
    return BuildJob(
      uri: uri, source: source, requests: requests, copySites: sites.isEmpty ? nil : sites, purpose: purpose)
  }
}
