// Diagnostic values shared by every layer: severity, message, byte range, fixes and related notes.

public enum Severity: String, Sendable, Comparable, CaseIterable {
  case error, warning, information, hint

  var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .information: return 2
    case .hint: return 3
    }
  }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One text replacement; ranges are byte ranges of the original text.
public struct TextEdit: Hashable, Sendable {
  public var range: TextRange
  public var newText: String
  public init(range: TextRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}

/// A fix offered for a diagnostic (a quick fix in editors).
public struct Fix: Hashable, Sendable {
  public var title: String
  public var edits: [TextEdit]
  public init(title: String, edits: [TextEdit]) {
    self.title = title
    self.edits = edits
  }
}

/// A secondary location that explains a diagnostic (e.g. the allocation of a buffer).
public struct RelatedNote: Hashable, Sendable {
  public var message: String
  public var range: TextRange
  public init(message: String, range: TextRange) {
    self.message = message
    self.range = range
  }
}

public struct Diagnostic: Hashable, Sendable {
  public var code: DiagnosticCode
  public var severity: Severity
  public var message: String
  public var range: TextRange
  public var fixes: [Fix]
  public var related: [RelatedNote]

  public init(
    _ code: DiagnosticCode, _ message: String, at range: TextRange, severity: Severity? = nil, fixes: [Fix] = [],
    related: [RelatedNote] = []
  ) {
    self.code = code
    self.severity = severity ?? code.defaultSeverity
    self.message = message
    self.range = range
    self.fixes = fixes
    self.related = related
  }
}

extension Diagnostic: Comparable {
  /// Sorted by position, then code, then message: the order every output uses.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    if lhs.range != rhs.range { return lhs.range < rhs.range }
    if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
    return lhs.message < rhs.message
  }
}
