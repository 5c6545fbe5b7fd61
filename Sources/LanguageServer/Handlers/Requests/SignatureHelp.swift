// `textDocument/signatureHelp`: the signature of the enclosing `T.xxx(` call and the active parameter.

import TileLangAnalysis

enum SignatureHelp {
  static let method = "textDocument/signatureHelp"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let offset = try context.offset(params, in: document)
    guard let call = TileLangAPI.callContext(at: offset, in: document.source) else { return .null }
    return LSP.SignatureHelp(
      label: call.entry.signature, documentation: call.entry.summary, parameters: call.entry.parameters,
      activeParameter: call.activeParameter
    ).json
  }
}
