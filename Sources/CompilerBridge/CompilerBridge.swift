// CompilerBridge: drives the real tilelang compiler through a long-lived Python worker (being written).

import TileLangSyntax
