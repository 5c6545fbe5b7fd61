// The gcc-style output of --check: `path:line:col: severity: message [TLxxx]`, one line each, then a summary.

import TileLangAnalysis
import TileLangSyntax

enum GccFormat {
  static func render(_ results: [FileResult]) -> String {
    var out = ""
    var errors = 0, warnings = 0, others = 0
    for r in results {
      if let e = r.readError {
        out += "\(r.path):1:1: error: \(e)\n"
        errors += 1
        continue
      }
      guard let a = r.analysis else { continue }
      for d in a.diagnostics {
        let p = a.source.scalarPosition(d.range.start)
        out += "\(r.path):\(p.line + 1):\(p.column + 1): \(label(d.severity)): \(d.message) [\(d.code.rawValue)]\n"
        switch d.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        default: others += 1
        }
      }
    }
    out +=
      "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(others) note\(others == 1 ? "" : "s") in \(results.count) file\(results.count == 1 ? "" : "s")\n"
    return out
  }

  static func label(_ s: Severity) -> String {
    switch s {
    case .error: return "error"
    case .warning: return "warning"
    case .information, .hint: return "note"
    }
  }
}
