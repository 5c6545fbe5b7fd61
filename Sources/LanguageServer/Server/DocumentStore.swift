// Open documents: text as UTF-8 bytes with a line index, full and incremental edits in the negotiated
// position encoding, and an immutable snapshot per (version, settings) whose analysis is computed once.

import Foundation
import TileLangAnalysis
import TileLangSyntax

/// The analysis entry point; the server uses `analyze`, in-process tests may substitute their own. The third
/// argument is the previous version's analysis, when one was computed, for incremental re-analysis.
typealias Analyzer = @Sendable (SourceText, AnalysisSettings, FileAnalysis?) -> FileAnalysis

let defaultAnalyzer: Analyzer = { source, settings, previous in
  analyze(parsed: parse(source: source, reusing: previous?.parsed), settings: settings, reusing: previous)
}

/// One version of one document under one set of settings. Shared by the diagnostics publisher and every
/// request that reads it; `analysis` runs `analyze` at most once, on whichever thread asks first.
final class DocumentSnapshot: @unchecked Sendable {
  // @unchecked: all stored properties are immutable except `cached`, which `lock` guards.
  let uri: String
  let version: Int
  let source: SourceText
  let settings: ServerSettings
  let settingsGeneration: Int
  private let analyzer: Analyzer
  private let lock = NSLock()
  private var cached: FileAnalysis?
  /// The previous version of the document, until this snapshot's analysis is computed (then retired).
  private var previous: DocumentSnapshot?
  /// The previous version after the analysis, until `releaseRetired()`: freeing a version's tree and analysis
  /// takes a good part of an edit's time, so the server does it after the diagnostics are on their way.
  private var retired: DocumentSnapshot?
  private var cachedHash: UInt64?

  init(
    uri: String, version: Int, source: SourceText, settings: ServerSettings, settingsGeneration: Int,
    analyzer: @escaping Analyzer, previous: DocumentSnapshot? = nil
  ) {
    self.analyzer = analyzer
    self.previous = previous
    self.uri = uri
    self.version = version
    self.source = source
    self.settings = settings
    self.settingsGeneration = settingsGeneration
  }

  var analysis: FileAnalysis {
    lock.lock()
    defer { lock.unlock() }
    if let cached { return cached }
    let result = analyzer(source, settings.analysis, previous?.cachedAnalysis)
    cached = result
    retired = previous
    previous = nil
    return result
  }

  /// Lets the previous version go (frees it unless a request still holds it).
  func releaseRetired() {
    lock.lock()
    let old = retired
    retired = nil
    lock.unlock()
    _ = old
  }

  /// This snapshot when its analysis exists, else the analysed snapshot it would reuse: what the next version
  /// links to (so a burst of edits never keeps a chain of unanalysed texts alive).
  var reusable: DocumentSnapshot? {
    lock.lock()
    defer { lock.unlock() }
    return cached != nil ? self : previous
  }

  /// The analysis when it has been computed already (never computes it).
  var cachedAnalysis: FileAnalysis? {
    lock.lock()
    defer { lock.unlock() }
    return cached
  }

  /// Hash of the text, compared with the text a build compiled.
  var textHash: UInt64 {
    lock.lock()
    defer { lock.unlock() }
    if let cachedHash { return cachedHash }
    let hash = LanguageServer.textHash(source.bytes)
    cachedHash = hash
    return hash
  }

  /// Identifies the diagnostics of this snapshot for pull-diagnostic `resultId`s.
  var resultID: String { "\(version).\(settingsGeneration)" }
}

struct DocumentStore {
  struct Document {
    var uri: String
    var languageID: String
    var version: Int
    var source: SourceText
    var snapshot: DocumentSnapshot
  }

  private(set) var documents: [String: Document] = [:]
  let analyzer: Analyzer

  init(analyzer: @escaping Analyzer = defaultAnalyzer) {
    self.analyzer = analyzer
  }

  subscript(uri: String) -> Document? { documents[uri] }

  var snapshots: [String: DocumentSnapshot] { documents.mapValues(\.snapshot) }

  mutating func open(uri: String, languageID: String, version: Int, text: String, session: Session) {
    let source = SourceText(text)
    let snapshot = snapshot(uri, version, source, session)
    documents[uri] = Document(uri: uri, languageID: languageID, version: version, source: source, snapshot: snapshot)
  }

  mutating func close(uri: String) -> Bool {
    documents.removeValue(forKey: uri) != nil
  }

  /// Applies `changes` in order. Returns how many change ranges had to be clamped into the document.
  mutating func change(
    uri: String, version: Int, changes: [LSP.TextDocumentContentChangeEvent], session: Session
  ) throws(ResponseError) -> Int {
    guard var document = documents[uri] else {
      throw .invalidParams("didChange for a document that is not open: \(uri)")
    }
    var clampedCount = 0
    for change in changes {
      guard let range = change.range else {
        document.source = SourceText(change.text)
        continue
      }
      let (byteRange, clamped) = document.source.textRange(of: range, session.positionEncoding)
      if clamped { clampedCount += 1 }
      var bytes = document.source.bytes
      bytes.replaceSubrange(byteRange.start..<byteRange.end, with: Array(change.text.utf8))
      document.source = SourceText(bytes: bytes)
    }
    document.version = version
    document.snapshot = snapshot(uri, version, document.source, session, previous: document.snapshot.reusable)
    documents[uri] = document
    return clampedCount
  }

  /// New snapshots for every document after a settings change.
  mutating func resnapshot(session: Session) {
    for (uri, document) in documents {
      let fresh = snapshot(uri, document.version, document.source, session)
      documents[uri]?.snapshot = fresh
    }
  }

  private func snapshot(
    _ uri: String, _ version: Int, _ source: SourceText, _ session: Session, previous: DocumentSnapshot? = nil
  ) -> DocumentSnapshot {
    DocumentSnapshot(
      uri: uri, version: version, source: source, settings: session.settings,
      settingsGeneration: session.settingsGeneration, analyzer: analyzer, previous: previous)
  }
}
