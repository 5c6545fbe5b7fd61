// The JSON output of --check (schema version 1): files with diagnostics and lowerings; 1-based lines and
// columns in Unicode scalars.

import Foundation
import TileLangAnalysis
import TileLangSyntax

enum JSONFormat {
  static func render(_ results: [FileResult]) -> String {
    var files: [[String: Any]] = []
    for r in results {
      var diagnostics: [[String: Any]] = []
      var lowerings: [[String: Any]] = []
      if let e = r.readError {
        diagnostics.append([
          "code": "TL003", "severity": "error", "message": e, "line": 1, "column": 1, "endLine": 1, "endColumn": 1,
        ])
      }
      if let a = r.analysis {
        for d in a.diagnostics {
          var entry = position(a.source, d.range)
          entry["code"] = d.code.rawValue
          entry["severity"] = d.severity.rawValue
          entry["message"] = d.message
          diagnostics.append(entry)
        }
        for l in a.lowerings {
          var entry = position(a.source, l.range)
          entry["op"] = l.op
          entry["target"] = l.target.rawValue
          entry["path"] = l.path
          entry["vectorBits"] = l.vectorBits.map { $0 as Any } ?? NSNull()
          entry["bytes"] = l.bytes.map { $0 as Any } ?? NSNull()
          entry["reason"] = l.reason
          entry["preview"] = l.preview
          lowerings.append(entry)
        }
      }
      files.append(["path": r.path, "diagnostics": diagnostics, "lowerings": lowerings])
    }
    let root: [String: Any] = ["version": 1, "files": files]
    guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted]) else {
      return "{\"version\": 1, \"files\": []}"
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func position(_ s: SourceText, _ r: TextRange) -> [String: Any] {
    let a = s.scalarPosition(r.start), b = s.scalarPosition(r.end)
    return ["line": a.line + 1, "column": a.column + 1, "endLine": b.line + 1, "endColumn": b.column + 1]
  }
}
