// `textDocument/didOpen`: stores the text and schedules its diagnostics.

enum DidOpen {
  static let method = "textDocument/didOpen"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue
    else { throw ResponseError.invalidParams("didOpen needs textDocument.uri and textDocument.text") }
    let version = item["version"]?.intValue ?? 0
    let languageID = item["languageId"]?.stringValue ?? "python"
    server.documents.open(uri: uri, languageID: languageID, version: version, text: text, session: server.session)
    server.scheduleAnalysis(uri)
  }
}
