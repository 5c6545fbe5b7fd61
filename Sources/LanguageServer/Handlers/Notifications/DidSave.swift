// `textDocument/didSave`: with `tl-lsp.compileOnSave` (off by default: building runs the file's Python), builds
// the file's first kernel for the first target and publishes its TL5xx diagnostics.

enum DidSave {
  static let method = "textDocument/didSave"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let uri = try params.textDocumentURI()
    guard server.session.settings.compileOnSave else { return }
    let target = server.session.settings.analysis.targets.first?.rawValue ?? "sm_90"
    let job = try ExecuteCommand.prepare(server, uri: uri, kernels: [nil], target: target, sizes: [:], purpose: .save)
    server.startBuild(job, id: nil, token: nil, workDoneToken: nil)
  }
}
