// Public values of the compiler bridge: settings, a build request, and its result (a product or a failure).
// Plain values with no JSON in them; WorkerProtocol.swift converts to and from the worker's wire format.

import Foundation

/// How to run the compiler worker. Built by the CLI and the server; never read from disk here.
public struct BridgeSettings: Sendable, Hashable {
  /// An explicit Python interpreter; when nil: `TL_LSP_PYTHON`, then `python3` on `PATH`.
  public var python: String?
  /// An explicit worker script; when nil: `TL_LSP_WORKER`, then the bundled `worker.py`.
  public var workerScript: String?
  /// Per-build time limit in seconds (enforced by the worker, with a safety margin by the supervisor).
  public var timeout: Double
  /// Extra environment variables for the worker.
  public var environment: [String: String]
  /// Number of builds kept in the in-memory cache.
  public var cacheCapacity: Int
  /// Extra seconds the supervisor waits beyond the worker's own limit before it kills the worker.
  public var supervisionMargin: Double

  public init(
    python: String? = nil, workerScript: String? = nil, timeout: Double = 120, environment: [String: String] = [:],
    cacheCapacity: Int = 64, supervisionMargin: Double = 15
  ) {
    self.supervisionMargin = supervisionMargin
    self.python = python
    self.workerScript = workerScript
    self.timeout = timeout
    self.environment = environment
    self.cacheCapacity = cacheCapacity
  }
}

/// A value passed to a kernel factory or `get_tir` (`--arg M=1024`, `--arg dtype=float16`).
public enum ArgumentValue: Sendable, Hashable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)
  /// A qualified name the worker looks up (`tilelang.language.GemmWarpPolicy.FullRow`), sent as `{"name": ...}`.
  case name(String)

  /// `1024` → int, `0.5` → double, `true`/`True` → bool, anything else → string.
  public init(parsing text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let i = Int(t) {
      self = .int(i)
    } else if let d = Double(t), t.contains(".") || t.contains("e") {
      self = .double(d)
    } else if t == "true" || t == "True" {
      self = .bool(true)
    } else if t == "false" || t == "False" {
      self = .bool(false)
    } else {
      var s = Substring(t)
      if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { s = s.dropFirst().dropLast() }
      self = .string(String(s))
    }
  }

  public var description: String {
    switch self {
    case .int(let v): return String(v)
    case .double(let v): return String(v)
    case .bool(let v): return v ? "True" : "False"
    case .string(let v): return v
    case .name(let v): return v.hasPrefix("tilelang.language.") ? "T." + v.dropFirst("tilelang.language.".count) : v
    }
  }
}

/// One build: which file, kernel, sizes, target and pass configs.
public struct BuildRequest: Sendable, Hashable {
  /// Absolute path of the kernel file (the compiler executes it).
  public var file: String
  /// A factory, `@tilelang.jit` object or `@T.prim_func`; nil: the first kernel in the file.
  public var kernel: String?
  public var arguments: [ArgumentValue]
  /// Sizes by name; for eager `T.const` kernels these go to `get_tir(**kwargs)`.
  public var keywordArguments: [String: ArgumentValue]
  /// Sizes the file's own call of the kernel gives (`KernelInfo.callSizes`): used for the names that neither
  /// `keywordArguments` nor a `# tl-lsp:` comment gives.
  public var fileKeywordArguments: [String: ArgumentValue]
  /// `sm_80`, `sm_90`, ... (always with an arch: a CUDA target without one probes the device).
  public var target: String
  public var passConfigs: [String: Bool]
  /// Overrides `BridgeSettings.timeout` for this build.
  public var timeout: Double?

  public init(
    file: String, kernel: String? = nil, arguments: [ArgumentValue] = [],
    keywordArguments: [String: ArgumentValue] = [:], fileKeywordArguments: [String: ArgumentValue] = [:],
    target: String = "sm_90", passConfigs: [String: Bool] = [:], timeout: Double? = nil
  ) {
    self.file = file
    self.kernel = kernel
    self.arguments = arguments
    self.keywordArguments = keywordArguments
    self.fileKeywordArguments = fileKeywordArguments
    self.target = target
    self.passConfigs = passConfigs
    self.timeout = timeout
  }
}

/// What a successful build produced.
public struct BuildProduct: Sendable, Hashable {
  public var kernel: String
  /// CUDA C++ with `#line N "file.py"` markers.
  public var cuda: String
  /// The TMA descriptors the host side creates before the launch (none without TMA).
  public var tmaDescriptors: [TMADescriptor]
  /// `(cudaLine, pythonLine)` pairs, 1-based, from the `#line` markers that name the kernel file.
  public var lineMap: [LineMapping]
  /// The sizes actually used, which of them came from a `# tl-lsp:` comment, and which from the file's call.
  public var usedArguments: [String: String]
  public var argumentsFromComment: [String]
  public var argumentsFromFile: [String] = []
  public var times: [String: Double]
  /// What the compiler printed (warnings included).
  public var logs: String
  /// The worker's build child that lowered it.
  public var child: BuildChild? = nil
}

/// One of the worker's build children: it serves builds one after another until the worker replaces it.
public struct BuildChild: Sendable, Hashable {
  public var processID: Int32
  /// 1 for the child's first build, 2 for its second, ...
  public var build: Int
  /// The worker replaces the child after this build (build limit, memory growth, a thread left running).
  public var recycled: Bool
}

public struct LineMapping: Sendable, Hashable {
  public var cudaLine: Int
  public var pythonLine: Int

  /// The pairs for the `#line N "path"` markers (`tl.emit_line_directives`) that name `file` (or a path that
  /// resolves to the same file): the CUDA line after the marker, and N.
  static func fromLineDirectives(in cuda: String, naming file: String) -> [LineMapping] {
    let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
    var sameFile: [Substring: Bool] = [:]
    var out: [LineMapping] = []
    for (index, line) in cuda.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.hasPrefix("#line ") {
      let rest = line.dropFirst(6)
      guard let space = rest.firstIndex(of: " "), let number = Int(rest[..<space]) else { continue }
      let quoted = rest[rest.index(after: space)...]
      guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { continue }
      let path = quoted.dropFirst().dropLast()
      let same =
        sameFile[path]
        ?? {
          let answer = path == file || URL(fileURLWithPath: String(path)).resolvingSymlinksInPath().path == real
          sameFile[path] = answer
          return answer
        }()
      if same { out.append(LineMapping(cudaLine: index + 2, pythonLine: number)) }
    }
    return out
  }
}

/// A TMA descriptor the host creates (`tma_descriptor_args` of the host function): `name` (`A_desc`), the runtime
/// function (`__tvm_tensormap_create_tiled` or `..._im2col`) and its arguments as the compiler prints them.
public struct TMADescriptor: Sendable, Hashable {
  public var name: String
  public var function: String
  public var arguments: [String]

  /// `A_desc = __tvm_tensormap_create_tiled(A_desc, 6, 2, A, ...)`.
  public var declaration: String { "\(name) = \(function)(\(arguments.joined(separator: ", ")))" }
}

/// A location the compiler named (traceback frame, `--> file:line:col` span or syntax error), 1-based.
public struct CompilerLocation: Sendable, Hashable {
  public enum Source: String, Sendable { case traceback, span, syntax }
  public var file: String
  public var line: Int
  public var column: Int
  public var source: Source
}

/// Why a build did not produce CUDA.
public struct CompilerFailure: Sendable, Hashable, Error {
  public enum Kind: String, Sendable {
    /// The compiler rejected the kernel (Python or C++ error).
    case compileError
    /// The build child died (C++ abort, segfault).
    case crash
    /// The worker process itself died or spoke garbage.
    case workerDied
    case timeout
    case cancelled
    /// Sizes are missing (`parameters` lists them).
    case missingParameters
    case kernelNotFound
    /// Python, the worker script or tilelang 0.1.15 is missing.
    case unavailable
  }
  public var kind: Kind
  /// The exception type (`InternalError`, `KeyError`, ...) or a bridge-side name.
  public var type: String
  public var message: String
  /// `import`, `elaborate`, `lower`, `protocol` or `start`.
  public var phase: String
  public var pass: String?
  public var locations: [CompilerLocation]
  public var parameters: [String]
  public var candidates: [String]
  public var signal: Int?
  /// The kernel the worker picked, when it got that far.
  public var kernel: String?
  public var logs: String

  public init(
    kind: Kind, type: String, message: String, phase: String, pass: String? = nil, locations: [CompilerLocation] = [],
    parameters: [String] = [], candidates: [String] = [], signal: Int? = nil, kernel: String? = nil, logs: String = ""
  ) {
    self.kernel = kernel
    self.kind = kind
    self.type = type
    self.message = message
    self.phase = phase
    self.pass = pass
    self.locations = locations
    self.parameters = parameters
    self.candidates = candidates
    self.signal = signal
    self.logs = logs
  }
}

/// The result of one build. `fromCache` is true when no worker was asked.
public struct BuildResult: Sendable {
  public var outcome: Result<BuildProduct, CompilerFailure>
  public var fromCache: Bool
  /// Wall time seen by the caller, in seconds.
  public var elapsed: Double

  public var product: BuildProduct? { if case .success(let p) = outcome { return p } else { return nil } }
  public var failure: CompilerFailure? { if case .failure(let f) = outcome { return f } else { return nil } }
}
