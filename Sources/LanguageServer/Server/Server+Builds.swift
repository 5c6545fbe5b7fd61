// Builds on the server: runs a BuildJob through the compiler bridge off the loop (the "build" execution class),
// reports `$/progress`, publishes TL5xx merged with the analysis, keeps lowered CUDA for `tl-lsp-cuda:` URIs.

import CompilerBridge
import Foundation
import TileLangSyntax

extension Server {
  /// Starts `job` off the loop; `id` is the request to answer (nil for compile-on-save).
  func startBuild(_ job: BuildJob, id: RequestID?, token: CancellationToken?, workDoneToken: JSONValue?) {
    let progress = beginProgress(job, workDoneToken: workDoneToken)
    let cancellation = BuildCancellation()
    token?.onCancel { cancellation.cancel() }
    let bridge = self.bridge
    executor.submit {
      var results: [BuildResult] = []
      for request in job.requests where !cancellation.isCancelled {
        results.append(bridge.buildBlocking(request, cancellation: cancellation))
      }
      let cancelled = cancellation.isCancelled || results.contains { $0.failure?.kind == .cancelled }
      self.submit(
        .buildFinished(
          BuildCompletion(id: id, job: job, results: results, progressToken: progress, cancelled: cancelled)))
    }
  }

  func buildFinished(_ completion: BuildCompletion) {
    let job = completion.job
    if let token = completion.progressToken {
      let message = completion.cancelled ? "cancelled" : "done"
      sendNotification("$/progress", ["token": token, "value": ["kind": "end", "message": .string(message)]])
    }
    if completion.cancelled {
      if let id = completion.id { finishBuildRequest(id, .failure(.cancelled)) }
      return
    }
    var diagnostics: [Diagnostic] = []
    var products: [(target: String, product: BuildProduct)] = []
    var kernels: [JSONValue] = []
    for (request, result) in zip(job.requests, completion.results) {
      let mapped = CompilerErrorMapping.diagnostics(
        for: result, request: request, source: job.source, copySites: job.copySites,
        timeout: request.timeout ?? bridge.settings.timeout)
      diagnostics += mapped
      var entry: [String: JSONValue] = [
        "target": .string(request.target), "ok": .bool(result.product != nil), "fromCache": .bool(result.fromCache),
        "elapsedMs": .int(Int((result.elapsed * 1000).rounded())),
      ]
      if let product = result.product {
        products.append((request.target, product))
        let uri = loweredCUDAURI(source: job.uri, kernel: product.kernel, target: request.target)
        lowered[uri] = product.cuda
        entry["kernel"] = .string(product.kernel)
        entry["cudaUri"] = .string(uri)
        entry["sizes"] = .object(product.usedArguments.mapValues { .string($0) })
        entry["sizesFromFile"] = .array(product.argumentsFromFile.sorted().map { .string($0) })
      } else if let failure = result.failure {
        entry["kernel"] = failure.kernel.map { .string($0) } ?? .null
        entry["error"] = .string(failure.message)
      }
      kernels.append(.object(entry))
    }
    buildGeneration += 1
    builds[job.uri] = DocumentBuild(
      textHash: textHash(job.source.bytes), diagnostics: Array(Set(diagnostics)).sorted(), products: products,
      generation: buildGeneration)
    if let snapshot = documents[job.uri]?.snapshot { publishDiagnostics(snapshot) }
    var summary: [String: JSONValue] = [
      "uri": .string(job.uri), "ok": .bool(!products.isEmpty && products.count == job.requests.count),
      "kernels": .array(kernels), "diagnostics": .int(diagnostics.count),
    ]
    if let snapshot = documents[job.uri]?.snapshot, snapshot.textHash != textHash(job.source.bytes) {
      summary["note"] = "the editor text differs from the saved file that was compiled; save and build again"
    }
    if job.purpose == .showCUDA, let first = kernels.first, let uri = first["cudaUri"]?.stringValue {
      summary["cudaUri"] = .string(uri)
      summary["text"] = .string(lowered[uri] ?? "")
      if session.clientSupportsShowDocument {
        sendRequest("window/showDocument", ["uri": .string(uri), "takeFocus": true]) { server, result in
          if case .failure(let e) = result { server.logger.warning("window/showDocument: \(e.message)") }
        }
      }
    }
    if let id = completion.id { finishBuildRequest(id, .success(.object(summary))) }
  }

  /// The TL5xx diagnostics of the last build, while the document's text is still the compiled one.
  func buildDiagnostics(for snapshot: DocumentSnapshot) -> [Diagnostic] {
    guard let build = builds[snapshot.uri], build.textHash == snapshot.textHash else { return [] }
    return build.diagnostics
  }

  /// Points the bridge at `tl-lsp.python` (a changed interpreter restarts the worker on the next build).
  func syncBridgeSettings() {
    var settings = bridge.settings
    guard settings.python != session.settings.python else { return }
    settings.python = session.settings.python
    bridge.update(settings: settings)
  }

  private func finishBuildRequest(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
    finish(id, PendingRequest(method: ExecuteCommand.method, uri: nil, version: nil, started: .now()), result)
  }

  /// `$/progress` begin with the client's `workDoneToken`, or a token created with `window/workDoneProgress/create`.
  private func beginProgress(_ job: BuildJob, workDoneToken: JSONValue?) -> JSONValue? {
    var token = workDoneToken
    if token == nil, session.clientSupportsWorkDoneProgress {
      progressCounter += 1
      let created = JSONValue.string("tl-lsp-build-\(progressCounter)")
      sendRequest("window/workDoneProgress/create", ["token": created]) { server, result in
        if case .failure(let e) = result { server.logger.warning("workDoneProgress/create: \(e.message)") }
      }
      token = created
    }
    guard let token else { return nil }
    let name = (job.source.bytes.isEmpty ? job.uri : job.requests.first?.file) ?? job.uri
    let kernel = job.requests.first?.kernel.map { " `\($0)`" } ?? ""
    sendNotification(
      "$/progress",
      [
        "token": token,
        "value": [
          "kind": "begin", "title": "tilelang build", "cancellable": false,
          "message": .string("compiling\(kernel) in \((name as NSString).lastPathComponent)"),
        ],
      ])
    return token
  }
}
