// `tl-lsp build FILE --bench N [--bench-baseline SCRIPT]`: the compiler bridge's benchmark (scripts/bench-bridge.sh,
// docs/performance.md). Times worker start, the first build, N warm builds (cache cleared) back to back and N after
// 1 s of idle time, and cache hits. With a baseline script, each warm build is paired with one in-process
// `tilelang.lower` of the same kernel in a warm Python process, in alternating order, and the ratios are per pair:
// on shared cores the machine's speed drifts by ±20 % within a minute, which unpaired medians do not survive.

import CompilerBridge
import Foundation

func runBench(_ bridge: CompilerBridge, _ request: BuildRequest, _ options: BuildOptions) -> Int32 {
  let runs = options.benchRuns
  let t0 = Date()
  guard case .success = bridge.compilerVersion() else {
    print("bench: the compiler is unavailable")
    return 1
  }
  let start = Date().timeIntervalSince(t0)
  let first = bridge.buildBlocking(request)
  guard let product = first.product else {
    print("bench: the build failed: \(first.failure?.message ?? "")")
    return 1
  }
  var baseline: LoweringBaseline?
  if let script = options.benchBaseline {
    guard
      let b = LoweringBaseline(
        python: options.python ?? "python3", script: script, file: request.file, target: request.target)
    else {
      print("bench: the baseline script did not start")
      return 1
    }
    baseline = b
  }
  defer { baseline?.stop() }

  func series(idle: Bool) -> Series {
    var s = Series()
    for i in 0..<runs {
      bridge.clearCache()
      if i % 2 == 1, let b = baseline { s.addBaseline(idle: idle, b) }
      if idle { usleep(1_000_000) }
      let r = bridge.buildBlocking(request)
      s.builds.append(r.elapsed)
      for (phase, t) in r.product?.times ?? [:] { s.phases[phase, default: []].append(t) }
      s.phases["outside the worker", default: []].append(r.elapsed - (r.product?.times["total"] ?? r.elapsed))
      if i % 2 == 0, let b = baseline { s.addBaseline(idle: idle, b) }
    }
    return s
  }
  let warm = series(idle: false)
  let idle = series(idle: true)
  var hits: [Double] = []
  for _ in 0..<runs { hits.append(bridge.buildBlocking(request).elapsed) }
  print("worker_start_ms \(ms(start))")
  print("first_build_ms \(ms(first.elapsed)) kernel=\(product.kernel)")
  warm.report("warm_build_ms", phases: true)
  idle.report("idle_build_ms", phases: false, note: " after 1 s idle")
  print("cache_hit_ms \(ms(median(hits)))")
  return 0
}

private func ms(_ t: Double) -> String { String(format: "%.2f", t * 1000) }
private func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.sorted()[xs.count / 2] }

/// One series of builds, with the paired baseline's times when there is one.
private struct Series {
  var builds: [Double] = []
  var phases: [String: [Double]] = [:]
  var lower: [Double] = []
  var both: [Double] = []

  mutating func addBaseline(idle: Bool, _ b: LoweringBaseline) {
    if idle { usleep(1_000_000) }
    guard let (l, e) = b.lower() else { return }
    lower.append(l)
    both.append(e)
  }

  func report(_ label: String, phases showPhases: Bool, note: String = "") {
    print("\(label) \(ms(median(builds))) (worker-side lower \(ms(median(phases["lower"] ?? []))))\(note)")
    if showPhases {
      print("  split_ms " + phases.keys.sorted().map { "\($0) \(ms(median(phases[$0]!)))" }.joined(separator: ", "))
    }
    guard lower.count == builds.count, !lower.isEmpty else { return }
    let ratio = zip(builds, lower).map { $0 / $1 }.sorted()
    let ratioBoth = zip(builds, both).map { $0 / $1 }.sorted()
    print(
      "  paired tilelang.lower \(ms(median(lower))) (elaborate + lower \(ms(median(both)))); "
        + String(
          format: "ratio median %.3f (range %.3f–%.3f), vs elaborate + lower %.3f", median(ratio), ratio.first!,
          ratio.last!, median(ratioBoth)))
  }
}

/// A warm Python process running scripts/bench-lower-baseline.py: one elaboration + `tilelang.lower` per request.
private final class LoweringBaseline {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer = Data()

  init?(python: String, script: String, file: String, target: String) {
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, file, target]
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil, readLine() == "ready" else { return nil }
  }

  /// Milliseconds → seconds: (lowering, elaboration + lowering).
  func lower() -> (Double, Double)? {
    input.fileHandleForWriting.write(Data("\n".utf8))
    guard let line = readLine() else { return nil }
    let parts = line.split(separator: " ").compactMap { Double($0) }
    return parts.count == 2 ? (parts[0] / 1000, parts[1] / 1000) : nil
  }

  func stop() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  private func readLine() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex...newline)
        return line
      }
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { return nil }
      buffer.append(chunk)
    }
  }
}
