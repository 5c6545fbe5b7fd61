// CUDA targets tl-lsp plans for, and the capabilities the copy lowering depends on (src/cuda/target_utils.cc).

public enum TargetArch: String, Sendable, CaseIterable, Hashable, Comparable {
  case sm80 = "sm_80", sm86 = "sm_86", sm89 = "sm_89", sm90 = "sm_90", sm90a = "sm_90a"
  case sm100 = "sm_100", sm100a = "sm_100a", sm120 = "sm_120"

  /// Parses `sm_90`, `sm90`, `90`, `sm_90a`.
  public init?(parsing text: String) {
    var t = text.lowercased()
    if t.hasPrefix("sm_") { t.removeFirst(3) } else if t.hasPrefix("sm") { t.removeFirst(2) }
    guard let arch = TargetArch(rawValue: "sm_" + t) else { return nil }
    self = arch
  }

  /// The numeric compute capability, e.g. 90 for sm_90a.
  public var number: Int {
    switch self {
    case .sm80: return 80
    case .sm86: return 86
    case .sm89: return 89
    case .sm90, .sm90a: return 90
    case .sm100, .sm100a: return 100
    case .sm120: return 120
    }
  }

  public static func < (lhs: TargetArch, rhs: TargetArch) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Hashes the case, not its raw string: targets key the planner's per-target tables.
  public func hash(into hasher: inout Hasher) {
    let ordinal =
      switch self {
      case .sm80: 0
      case .sm86: 1
      case .sm89: 2
      case .sm90: 3
      case .sm90a: 4
      case .sm100: 5
      case .sm100a: 6
      case .sm120: 7
      }
    hasher.combine(ordinal)
  }

  public var hasLdmatrix: Bool { number >= 75 }
  public var hasAsyncCopy: Bool { number >= 80 }
  public var hasBulkCopy: Bool { number >= 90 }
  public var hasStmatrix: Bool { number >= 90 }
  public var hasTmem: Bool { number >= 100 && number <= 110 }
  public var isHopper: Bool { number >= 90 && number < 100 }
  public var supportsVectorize256: Bool { number >= 100 }

  /// Maximum dynamic shared memory per block, in bytes.
  public var sharedMemoryLimit: Int {
    switch number {
    case 80: return 163 * 1024
    case 86, 89, 120: return 99 * 1024
    default: return 227 * 1024
    }
  }
}
