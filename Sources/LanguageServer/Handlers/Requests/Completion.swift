// `textDocument/completion`: `T.*` API names after `T.`, from the API table.

import TileLangAnalysis

enum Completion {
  static let method = "textDocument/completion"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let offset = try context.offset(params, in: document)
    guard let prefix = TileLangAPI.completionPrefix(at: offset, in: document.source) else {
      return ["isIncomplete": false, "items": []]
    }
    let items = TileLangAPI.completions(prefix: prefix).map(\.completionItem.json)
    return ["isIncomplete": false, "items": .array(items)]
  }
}
