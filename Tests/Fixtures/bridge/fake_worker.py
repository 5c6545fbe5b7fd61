"""A fake tl-lsp worker for fault-injection tests (stdlib only): it crashes, hangs or prints garbage on demand.

The behaviour is chosen by the requested file's name: *crash* aborts the worker, *hang* never answers,
*garbage* prints a non-JSON line; anything else answers with a tiny fake CUDA source.
"""

import json
import os
import sys
import time

VERSION = os.environ.get("FAKE_TILELANG_VERSION", "0.1.15")

for line in sys.stdin:
    msg = json.loads(line)
    rid, method = msg.get("id"), msg.get("method")
    if method == "version":
        reply = {"id": rid, "ok": True, "python": "3", "tilelang": VERSION or None, "import_error": None if VERSION else "ModuleNotFoundError: No module named 'tilelang'"}
    elif method == "build":
        name = os.path.basename((msg.get("params") or {}).get("file", ""))
        if "crash" in name:
            sys.stderr.write("fake worker: aborting\n")
            sys.stderr.flush()
            os.abort()  # like a C++ abort: SIGABRT even when the signal is blocked
        if "hang" in name:
            time.sleep(3600)
        if "garbage" in name:
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
            continue
        reply = {"id": rid, "ok": True, "kernel": "k", "cuda": "// fake cuda for %s\n" % name, "logs": ""}
    elif method == "shutdown":
        break
    else:
        continue
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
