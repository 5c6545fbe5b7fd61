// The worker's JSON-lines wire format: Codable request and response types, and their conversion to the
// bridge's public values. Internal: nothing outside the bridge sees JSON.

import Foundation

/// One request line: `{"id", "method", "params"}`.
struct WorkerRequest: Encodable {
  var id: Int
  var method: String
  var params: BuildParams?

  func encodedLine() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = (try? encoder.encode(self)) ?? Data("{\"id\":\(id),\"method\":\"ping\"}".utf8)
    data.append(0x0A)
    return data
  }
}

struct BuildParams: Encodable {
  var file: String
  var kernel: String?
  var args: [WireValue]
  var kwargs: [String: WireValue]
  var fileKwargs: [String: WireValue]
  var target: String
  var passConfigs: [String: Bool]
  var timeout: Double

  enum CodingKeys: String, CodingKey {
    case file, kernel, args, kwargs, target, timeout
    case fileKwargs = "file_kwargs"
    case passConfigs = "pass_configs"
  }

  init(_ r: BuildRequest, timeout: Double) {
    file = r.file
    kernel = r.kernel
    args = r.arguments.map(WireValue.init)
    kwargs = r.keywordArguments.mapValues(WireValue.init)
    fileKwargs = r.fileKeywordArguments.mapValues(WireValue.init)
    target = r.target
    passConfigs = r.passConfigs
    self.timeout = timeout
  }
}

/// A JSON scalar as the worker sends and receives it; a qualified name is `{"name": "..."}`.
struct WireValue: Codable, Hashable {
  private struct Named: Codable { var name: String }

  var value: ArgumentValue

  init(_ value: ArgumentValue) { self.value = value }

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let b = try? c.decode(Bool.self) {
      value = .bool(b)
    } else if let i = try? c.decode(Int.self) {
      value = .int(i)
    } else if let d = try? c.decode(Double.self) {
      value = .double(d)
    } else if let s = try? c.decode(String.self) {
      value = .string(s)
    } else if let n = try? c.decode(Named.self) {
      value = .name(n.name)
    } else {
      value = .string("?")
    }
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch value {
    case .int(let v): try c.encode(v)
    case .double(let v): try c.encode(v)
    case .bool(let v): try c.encode(v)
    case .string(let v): try c.encode(v)
    case .name(let v): try c.encode(Named(name: v))
    }
  }
}

/// Any response line. Fields are optional: which are present depends on the method and on `ok`.
struct WorkerResponse: Decodable {
  var id: Int?
  var ok: Bool
  // version
  var python: String?
  var tilelang: String?
  var importError: String?
  var executable: String?
  // build
  var kernel: String?
  var cuda: String?
  var tmaDescriptors: [WireTMADescriptor]?
  var specialization: Specialization?
  var times: [String: Double]?
  var logs: String?
  var error: WireError?
  var child: Child?

  struct Child: Decodable {
    var pid: Int32
    var build: Int
    var recycled: Bool?
  }

  struct Specialization: Decodable {
    var kwargs: [String: WireValue]?
    var fromComment: [String]?
    var fromFile: [String]?
    enum CodingKeys: String, CodingKey {
      case kwargs
      case fromComment = "from_comment"
      case fromFile = "from_file"
    }
  }

  enum CodingKeys: String, CodingKey {
    case id, ok, python, tilelang, executable, kernel, cuda, specialization, times, logs, error, child
    case importError = "import_error"
    case tmaDescriptors = "tma_descriptors"
  }

  static func decode(line: Data) -> WorkerResponse? {
    try? JSONDecoder().decode(WorkerResponse.self, from: line)
  }
}

struct WireError: Decodable {
  var type: String?
  var message: String?
  var phase: String?
  var pass: String?
  var locations: [WireLocation]?
  var parameters: [String]?
  var candidates: [String]?
  var signal: Int?
  var kernel: String?
}

struct WireTMADescriptor: Decodable {
  var name: String
  var function: String?
  var args: [String]?
}

struct WireLocation: Decodable {
  var file: String
  var line: Int
  var col: Int?
  var source: String?
}

// MARK: - Conversion to public values

extension WorkerResponse {
  /// The build outcome this response describes.
  /// `kernelFile`: the file the request built; the `#line` markers that name it make the line map.
  func buildOutcome(kernelFile: String) -> Result<BuildProduct, CompilerFailure> {
    if ok, let cuda {
      let used = (specialization?.kwargs ?? [:]).mapValues { $0.value.description }
      return .success(
        BuildProduct(
          kernel: kernel ?? "", cuda: cuda,
          tmaDescriptors: (tmaDescriptors ?? []).map {
            TMADescriptor(name: $0.name, function: $0.function ?? "", arguments: $0.args ?? [])
          },
          lineMap: LineMapping.fromLineDirectives(in: cuda, naming: kernelFile),
          usedArguments: used, argumentsFromComment: specialization?.fromComment ?? [],
          argumentsFromFile: specialization?.fromFile ?? [], times: times ?? [:], logs: logs ?? "",
          child: child.map { BuildChild(processID: $0.pid, build: $0.build, recycled: $0.recycled ?? false) }))
    }
    let e = error ?? WireError(type: "ProtocolError", message: "the worker answered without a result")
    return .failure(CompilerFailure(wire: e, logs: logs ?? ""))
  }
}

extension CompilerFailure {
  init(wire e: WireError, logs: String) {
    let type = e.type ?? "Error"
    let kind: Kind
    switch type {
    case "Crash": kind = .crash
    case "Timeout": kind = .timeout
    case "Cancelled": kind = .cancelled
    case "MissingParameters": kind = .missingParameters
    case "KernelNotFound": kind = .kernelNotFound
    case "TilelangUnavailable": kind = .unavailable
    case "BadRequest", "ProtocolError": kind = .workerDied
    default: kind = .compileError
    }
    let locations = (e.locations ?? []).map {
      CompilerLocation(
        file: $0.file, line: $0.line, column: $0.col ?? 1,
        source: CompilerLocation.Source(rawValue: $0.source ?? "") ?? .traceback)
    }
    self.init(
      kind: kind, type: type, message: e.message ?? "", phase: e.phase ?? "lower", pass: e.pass, locations: locations,
      parameters: e.parameters ?? [], candidates: e.candidates ?? [], signal: e.signal, kernel: e.kernel, logs: logs)
  }
}
