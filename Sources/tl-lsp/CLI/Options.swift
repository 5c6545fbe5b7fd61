// Command-line options shared by --check, --explain and build: targets, pass configs, sizes, output format.

import Foundation
import TileLangAnalysis

struct UsageError: Error {
  var message: String
}

struct CheckOptions {
  enum Format: String { case gcc, json }
  var paths: [String] = []
  var format = Format.gcc
  var settings = AnalysisSettings()
  var explain: (path: String, line: Int)?
  var compile = false
  /// `--python PATH` and `--timeout S` for `--compile`.
  var python: String?
  var timeout: Double?

  /// Parses `--check PATH... [--format gcc|json] [--target T]... [--arg K=V]... [--pass-config K=true|false]...`.
  static func parse(_ args: [String]) throws -> CheckOptions {
    var o = CheckOptions()
    var targets: [TargetArch] = []
    var i = 0
    func value(_ flag: String) throws -> String {
      i += 1
      guard i < args.count else { throw UsageError(message: "\(flag) needs a value") }
      return args[i]
    }
    while i < args.count {
      let a = args[i]
      switch a {
      case "--check":
        break
      case "--compile":
        o.compile = true
      case "--python":
        o.python = try value(a)
      case "--timeout":
        let v = try value(a)
        guard let s = Double(v), s > 0 else {
          throw UsageError(message: "--timeout needs a positive number of seconds")
        }
        o.timeout = s
      case "--format":
        let v = try value(a)
        guard let f = Format(rawValue: v) else { throw UsageError(message: "unknown format '\(v)' (use gcc or json)") }
        o.format = f
      case "--target", "--targets":
        for t in try value(a).split(separator: ",") {
          guard let arch = TargetArch(parsing: String(t)) else {
            throw UsageError(
              message:
                "unknown target '\(t)' (use one of \(TargetArch.allCases.map(\.rawValue).joined(separator: ", ")))")
          }
          targets.append(arch)
        }
      case "--arg":
        let v = try value(a)
        let parts = v.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let n = Int(parts[1]) else {
          throw UsageError(message: "--arg expects NAME=INTEGER, got '\(v)'")
        }
        o.settings.arguments[String(parts[0])] = n
      case "--pass-config":
        let v = try value(a)
        let parts = v.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let b = ["true": true, "false": false, "1": true, "0": false][parts[1].lowercased()]
        else {
          throw UsageError(message: "--pass-config expects KEY=true|false, got '\(v)'")
        }
        o.settings.passConfigs[String(parts[0])] = b
      case "--explain":
        let v = try value(a)
        guard let colon = v.lastIndex(of: ":"), let line = Int(v[v.index(after: colon)...]) else {
          throw UsageError(message: "--explain expects FILE:LINE, got '\(v)'")
        }
        o.explain = (String(v[..<colon]), line)
      default:
        if a.hasPrefix("-") { throw UsageError(message: "unknown option '\(a)' (see tl-lsp --help)") }
        o.paths.append(a)
      }
      i += 1
    }
    if !targets.isEmpty { o.settings.targets = targets }
    return o
  }
}
