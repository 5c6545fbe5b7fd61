// What compiler builds leave per document (TL5xx diagnostics, CUDA products, valid while the text is unchanged),
// and the job/completion values that carry one build from the loop to the worker and back.

import CompilerBridge
import TileLangAnalysis
import TileLangSyntax

/// The last build of one document. Shown only while the open text hashes to `textHash` (the compiled text).
struct DocumentBuild: Sendable {
  var textHash: UInt64
  var diagnostics: [Diagnostic]
  /// Successful products, newest first, with the target they were built for.
  var products: [(target: String, product: BuildProduct)]
  /// Bumped on every build, so pull-diagnostic result ids change.
  var generation: Int
}

/// One build command (or a save) as prepared on the loop: what to build and how to answer.
struct BuildJob: Sendable {
  enum Purpose: Sendable { case build, showCUDA, save }
  var uri: String
  /// The compiled text (the file on disk), for mapping compiler errors.
  var source: SourceText
  var requests: [BuildRequest]
  var copySites: [CopySiteHint]?
  var purpose: Purpose
}

/// A finished job, handed back to the loop.
struct BuildCompletion: Sendable {
  var id: RequestID?
  var job: BuildJob
  var results: [BuildResult]
  var progressToken: JSONValue?
  var cancelled: Bool
}

/// FNV-1a over the text's bytes: identifies the compiled text without keeping it.
func textHash(_ bytes: [UInt8]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes {
    hash ^= UInt64(b)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return hash
}

/// `tl-lsp-cuda:///<path>.<kernel>.<target>.cu` for a lowered kernel of the document at `uri`.
func loweredCUDAURI(source uri: String, kernel: String, target: String) -> String {
  var path = uri
  if let r = path.range(of: "://") { path = String(path[r.upperBound...]) }
  if !path.hasPrefix("/") { path = "/" + path }
  return "\(loweredCUDAScheme)://\(path).\(kernel).\(target).cu"
}

let loweredCUDAScheme = "tl-lsp-cuda"

package extension CopySiteHint {
  /// The analysis' view of a copy call, as the bridge's error mapping needs it.
  init(_ site: CopySiteInfo, kernel: String?, flagged: [String]) {
    self.init(
      op: site.op, range: site.range, srcBuffer: site.srcBuffer, dstBuffer: site.dstBuffer, kernel: kernel,
      accumulator: site.accumulator, flagged: flagged)
  }
}
