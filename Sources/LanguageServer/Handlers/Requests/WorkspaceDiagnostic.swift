// `workspace/diagnostic` (pull): a report for every open document, "unchanged" where the client is current.

enum WorkspaceDiagnostic {
  static let method = "workspace/diagnostic"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    var previous: [String: String] = [:]
    for entry in params["previousResultIds"]?.arrayValue ?? [] {
      if let uri = entry["uri"]?.stringValue, let value = entry["value"]?.stringValue { previous[uri] = value }
    }
    var reports: [JSONValue] = []
    for uri in context.documents.keys.sorted() {
      guard let document = context.documents[uri] else { continue }
      try context.token.check()
      var report: [String: JSONValue] = [
        "uri": .string(uri), "version": .int(document.version),
        "resultId": .string(DocumentDiagnostic.resultID(document, context)),
      ]
      if previous[uri] == DocumentDiagnostic.resultID(document, context) {
        report["kind"] = "unchanged"
      } else {
        report["kind"] = "full"
        report["items"] = DocumentDiagnostic.items(document, context)
      }
      reports.append(.object(report))
    }
    return ["items": .array(reports)]
  }
}
