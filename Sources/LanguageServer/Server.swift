// LanguageServer: JSON-RPC over stdio and the LSP features (being written).

import TileLangAnalysis
