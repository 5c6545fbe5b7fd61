// The analysis pipeline: parse, discover kernels, specialize, run every check, plan lowerings.

import TileLangSyntax

/// Analyzes one file. Pure and total: same text and settings, same result; never throws.
public func analyze(text: String, settings: AnalysisSettings = AnalysisSettings()) -> FileAnalysis {
  analyze(parsed: parse(text), settings: settings)
}

public func analyze(parsed: ParsedFile, settings: AnalysisSettings = AnalysisSettings()) -> FileAnalysis {
  let diagnostics = parsed.diagnostics.sorted()
  return FileAnalysis(parsed: parsed, settings: settings, diagnostics: diagnostics, kernels: [], lowerings: [])
}
