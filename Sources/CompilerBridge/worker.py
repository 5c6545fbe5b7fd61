"""tl-lsp compiler worker: JSON lines on stdin/stdout; builds TileLang kernels with tilelang 0.1.15 (stdlib only).

Builds run in a forked child so that a C++ abort or a hang is reported and the worker survives. The child serves
build after build (its caches stay warm) and is replaced after a crash, a timeout, a cancellation or a set number of
builds; see "The build child" below.
"""

import contextvars
import gc
import importlib
import inspect
import json
import linecache
import os
import re
import select
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings

PROTOCOL_VERSION = 1
WANTED_TILELANG = "0.1.15"

# stdout carries only the protocol: keep a private copy of fd 1, then point fd 1 at stderr so that
# anything the compiler prints (C++ or Python) cannot corrupt the protocol.
_PROTO = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")
if os.environ.get("TVM_TRACEBACK_LIMIT", None) == "":
    del os.environ["TVM_TRACEBACK_LIMIT"]  # an empty value breaks every C++ error message

STATE = {"tilelang": None, "tvm": None, "import_error": None, "times": {}, "counter": 0}
_STDIN_BUF = bytearray()
_PENDING = []  # requests read while a build was running

def send(obj):
    _PROTO.write(json.dumps(obj, separators=(",", ":")) + "\n")
    _PROTO.flush()

# MARK: - Importing the compiler

def import_compiler():
    t0 = time.perf_counter()
    try:
        if os.getcwd().rstrip("/").endswith("/tilelang") or "/tilelang/" in os.getcwd():
            os.chdir("/")  # tilelang/math would shadow the standard math module
        import tilelang  # noqa: F401
        from tilelang import tvm
    except BaseException as e:  # noqa: BLE001 (report anything, e.g. SystemExit from a broken install)
        STATE["import_error"] = "%s: %s" % (type(e).__name__, e)
        STATE["times"]["import"] = time.perf_counter() - t0
        return
    STATE["tilelang"], STATE["tvm"] = tilelang, tvm
    STATE["times"]["import"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    try:  # pay the first C++ error's one-time cost now, not in the first failing build
        tvm.target.Target({"kind": "tl-lsp-warmup-no-such-kind"})
    except BaseException:  # noqa: BLE001
        pass
    STATE["times"]["warmup"] = time.perf_counter() - t1

def version_info():
    tl = STATE["tilelang"]
    return {
        "protocol": PROTOCOL_VERSION,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "tilelang": getattr(tl, "__version__", None) if tl else None,
        "tilelang_path": os.path.dirname(getattr(tl, "__file__", "") or "") if tl else None,
        "import_error": STATE["import_error"],
        "times": STATE["times"],
    }

# MARK: - Building (runs in the forked child)

class BuildError(Exception):
    def __init__(self, type_, message, phase, **extra):
        super().__init__(message)
        self.payload = dict(type=type_, message=message, phase=phase, **extra)

def load_module(path):
    import importlib.util

    STATE["counter"] += 1
    name = "_tl_lsp_kernel_%d_%d" % (os.getpid(), STATE["counter"])
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise BuildError("FileNotFoundError", "cannot load %s" % path, "import")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)  # __name__ is not "__main__", so main blocks do not run
    return module

def kernel_kind(obj, module_name):
    tvm = STATE["tvm"]
    if isinstance(obj, tvm.tirx.PrimFunc):
        return "prim_func"
    if hasattr(obj, "get_tir") and hasattr(obj, "func"):
        orig = getattr(obj.func, "orig_func", None) or obj.func
        return "jit" if getattr(orig, "__module__", None) == module_name else None
    if inspect.isfunction(obj) and obj.__module__ == module_name:
        return "factory" if names_prim_func(obj.__code__) else None
    return None

def names_prim_func(code):
    """Whether the function (or a function nested in it) refers to `prim_func` (`@T.prim_func`, `prim_func(...)`):
    read from the compiled code, so a mention in a comment or a string does not count and no source is read."""
    return "prim_func" in code.co_names or any(inspect.iscode(c) and names_prim_func(c) for c in code.co_consts)

def first_line(obj):
    target = getattr(getattr(obj, "func", None), "orig_func", None) or getattr(obj, "func", None) or obj
    code = getattr(target, "__code__", None)
    return code.co_firstlineno if code else 1 << 30

def pick_kernel(module, name):
    found = [(n, o, kernel_kind(o, module.__name__)) for n, o in vars(module).items() if not n.startswith("_")]
    kernels = [(n, o, k) for (n, o, k) in found if k]
    if name:
        for n, o, k in found:
            if n == name:
                return n, o, k or ("factory" if callable(o) else None)
        raise BuildError(
            "KernelNotFound", "no kernel named %r in the file" % name, "elaborate",
            candidates=[n for n, _, _ in kernels],
        )
    if not kernels:
        raise BuildError("KernelNotFound", "no kernel (prim_func, @tilelang.jit or factory) in the file", "elaborate")
    kernels.sort(key=lambda t: first_line(t[1]))
    return kernels[0]

def missing_parameters(fn, args, kwargs, eager):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return []
    missing = []
    params = list(sig.parameters.values())
    for i, p in enumerate(params):
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if i < len(args) or p.name in kwargs or p.default is not p.empty:
            continue
        missing.append(p.name)
    if eager:  # tensor parameters are declared by annotations in the body; T.const names are open sizes
        src = ""
        try:
            src = inspect.getsource(fn)
        except (OSError, TypeError):
            pass
        tensors = set(re.findall(r"^\s*(\w+)\s*:\s*T\.(?:Tensor|Buffer)", src, re.M))
        missing = [m for m in missing if m not in tensors]
        for group in re.findall(r"T\.const\(\s*[\"']([^\"']*)[\"']", src):
            for c in re.split(r"[\s,]+", group.strip()):
                if c and c not in kwargs:
                    missing.append(c)
    return missing

COMMENT_RE = re.compile(r"^\s*#\s*tl-lsp:\s*(.*)$")

def comment_kwargs(path, obj):
    """Sizes from `# tl-lsp: M=1024 block_M=128` comments on the lines directly above the kernel (and its decorators)."""
    line = first_line(obj)
    if line >= 1 << 30:
        return {}
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return {}
    i = line - 2  # 0-based index of the line above the first decorator / def
    while 0 <= i < len(lines) and lines[i].lstrip().startswith("@"):
        i -= 1  # co_firstlineno may point at the def on some versions
    found = {}
    while 0 <= i < len(lines) and lines[i].lstrip().startswith("#"):
        m = COMMENT_RE.match(lines[i])
        if m:
            for key, value in re.findall(r"(\w+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s,]+)", m.group(1)):
                found.setdefault(key, parse_value(value))
        i -= 1
    return found

def parse_value(text):
    import ast

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text

def resolve(value):
    """An argument sent as {"name": "tilelang.language.GemmWarpPolicy.FullRow"}: the object that name denotes in
    tilelang (looked up attribute by attribute, never called); any other value as it is."""
    if not (isinstance(value, dict) and set(value) == {"name"}):
        return value
    name = str(value["name"])
    parts = name.split(".")
    if parts[0] != "tilelang":
        raise BuildError("NameError", "cannot pass %s: only names in tilelang are looked up" % name, "find")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        try:
            for attr in parts[i:]:
                obj = getattr(obj, attr)
        except AttributeError:
            break
        return obj
    raise BuildError("NameError", "tilelang has no %s" % name, "find")

def elaborate(obj, kind, args, kwargs):
    if kind == "prim_func":
        return obj
    if kind == "jit":
        orig = getattr(obj.func, "orig_func", None) or obj.func
        eager = not _is_lazy(obj, orig)
        missing = missing_parameters(orig, args, kwargs, eager)
        if missing:
            raise BuildError("MissingParameters", "missing sizes: " + ", ".join(missing), "elaborate", parameters=missing)
        return obj.get_tir(*args, **kwargs)
    missing = missing_parameters(obj, args, kwargs, False)
    if missing:
        raise BuildError("MissingParameters", "missing sizes: " + ", ".join(missing), "elaborate", parameters=missing)
    result = obj(*args, **kwargs)
    if hasattr(result, "get_tir"):
        return result.get_tir()
    return result

def _is_lazy(jit_obj, orig):
    code = getattr(orig, "__code__", None)
    return code is None or names_prim_func(code)

def make_target(name):
    tvm = STATE["tvm"]
    arch = (name or "sm_90").strip()
    if arch.startswith("cuda"):
        m = re.search(r"sm_\w+", arch)
        arch = m.group(0) if m else "sm_90"
    if not re.fullmatch(r"sm_\d+[a-z]?", arch):
        raise BuildError("TargetError", "unsupported target %r (expected e.g. sm_80, sm_90)" % name, "lower")
    return tvm.target.Target({"kind": "cuda", "arch": arch})

def tma_descriptors(host_mod):
    """The host-side TMA descriptors: the `tma_descriptor_args` attribute of each host function (cheaper than
    printing the host TIR, which is all the worker returned before)."""
    out = []
    for func in host_mod.functions.values():
        attrs = func.attrs or {}
        for desc, call in dict(attrs.get("tma_descriptor_args", None) or {}).items():
            args = [str(a) for a in call]
            out.append({"name": str(desc), "function": args[0].strip('"') if args else "", "args": args[1:]})
    return out

def do_build(params):
    tilelang, tvm = STATE["tilelang"], STATE["tvm"]
    times = {}
    path = os.path.abspath(params.get("file") or "")
    if not os.path.isfile(path):
        raise BuildError("FileNotFoundError", "no such file: %s" % path, "import")
    t = time.perf_counter()
    try:
        module = load_module(path)
    except BuildError:
        raise
    except BaseException as e:  # noqa: BLE001
        raise_user_error(e, path, "import")
    times["import"] = time.perf_counter() - t

    t = time.perf_counter()
    args = list(params.get("args") or [])
    kwargs = dict(params.get("kwargs") or {})
    name, obj, kind = pick_kernel(module, params.get("kernel"))
    STATE["kernel"] = name
    from_comment = {k: v for k, v in comment_kwargs(path, obj).items() if k not in kwargs}
    kwargs.update(from_comment)
    # Sizes of the file's own call of the kernel (found by tl-lsp's analysis): the weakest source after the defaults.
    from_file = {} if args else {k: v for k, v in (params.get("file_kwargs") or {}).items() if k not in kwargs}
    kwargs.update(from_file)
    target = make_target(params.get("target"))
    call_args = [resolve(a) for a in args]
    call_kwargs = {k: resolve(v) for k, v in kwargs.items()}
    times["find"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        with target:
            func = elaborate(obj, kind, call_args, call_kwargs)
    except BuildError:
        raise
    except BaseException as e:  # noqa: BLE001
        raise_user_error(e, path, "elaborate")
    if not isinstance(func, (tvm.tirx.PrimFunc, tvm.IRModule)):
        raise BuildError("TypeError", "%s did not produce a PrimFunc (got %s)" % (name, type(func).__name__), "elaborate")
    times["elaborate"] = time.perf_counter() - t

    t = time.perf_counter()
    config = {"tl.emit_line_directives": True}
    config.update(params.get("pass_configs") or {})
    try:
        with tvm.transform.PassContext(opt_level=3, config=config), target:
            artifact = tilelang.lower(func, target=target)
    except BaseException as e:  # noqa: BLE001
        raise_user_error(e, path, "lower")
    times["lower"] = time.perf_counter() - t
    t = time.perf_counter()
    cuda = artifact.kernel_source or ""
    result = {
        "ok": True,
        "kernel": name,
        "kind": kind,
        "cuda": cuda,
        "tma_descriptors": tma_descriptors(artifact.host_mod),
        "specialization": {"kwargs": kwargs, "from_comment": sorted(from_comment), "from_file": sorted(from_file)},
        "times": times,
    }
    times["outputs"] = time.perf_counter() - t
    return result

SPAN_RE = re.compile(r"-->\s*(\S+?):(\d+):(\d+)")
PASS_RE = re.compile(r"\b(tl\.transform\.\w+|tir\.transform\.\w+|tl\.\w+Pass|LayoutInference|LowerTileOp)\b")

def raise_user_error(e, path, phase):
    real = os.path.realpath(path)
    locations = []
    for fr in traceback.extract_tb(e.__traceback__):
        if os.path.realpath(fr.filename) == real:
            col = getattr(fr, "colno", None)
            locations.append({"file": path, "line": fr.lineno, "col": (col or 0) + 1, "source": "traceback"})
    message = str(e)
    if isinstance(e, KeyError) and e.args:
        message = repr(e.args[0])
    if isinstance(e, SyntaxError) and e.filename and os.path.realpath(e.filename) == real:
        locations.append({"file": path, "line": e.lineno or 1, "col": e.offset or 1, "source": "syntax"})
        message = e.msg or message
    for m in SPAN_RE.finditer(message):
        f = m.group(1)
        if os.path.realpath(f) == real or os.path.basename(f) == os.path.basename(path):
            locations.append({"file": path, "line": int(m.group(2)), "col": int(m.group(3)), "source": "span"})
    extra = {"locations": locations}
    pm = PASS_RE.search(message)
    if pm:
        extra["pass"] = pm.group(1)
    raise BuildError(type(e).__name__, message, phase, **extra)

# MARK: - The build child
# One forked child serves builds one after another, so that what the first build warms (pages touched after the fork,
# lazily built caches, the build thread's own state) stays warm for the next ones. Builds run on one long-lived thread
# of the child, each from a fresh thread's state (see build_thread), import the kernel file under a new module name,
# and after the result is written the child evicts every module the build imported from outside the installed
# libraries (the kernel file and its helpers are imported afresh next time), restores sys.path, os.environ, the
# working directory, the warning filters and the recursion limit, and collects garbage (the collector is off during a
# build). The worker replaces the child (a fresh fork of itself; the worker never builds) after a crash, a timeout or
# a cancellation, after MAX_BUILDS builds, when the child's RSS has grown by more than MAX_RSS_GROWTH_MB since its
# first build, or when a build left a thread running or a compiler context entered. While idle, the worker forks the
# next child ahead of time. A child's first build is 30-40 % slower than its later ones (copy-on-write faults, caches
# built on first use); a built-in warm-up lowering in each new child would hide that only when the next build comes
# after enough idle time, and delays it otherwise (worker start, a cancelled build followed by the next), so none runs.
MAX_BUILDS = int(os.environ.get("TL_LSP_CHILD_MAX_BUILDS") or 50)
MAX_RSS_GROWTH_MB = float(os.environ.get("TL_LSP_CHILD_MAX_RSS_GROWTH_MB") or 512)
CHILD = {}
LIBRARY_ROOTS = []

def library_roots():
    import site
    import sysconfig

    paths = [sysconfig.get_paths().get(k) for k in ("stdlib", "platstdlib", "purelib", "platlib")]
    paths += site.getsitepackages() if hasattr(site, "getsitepackages") else []
    for package in (STATE["tilelang"], STATE["tvm"]):  # also where an editable install keeps them
        paths.append(os.path.dirname(getattr(package, "__file__", None) or ""))
    roots = set()
    for p in filter(None, paths):
        roots.update({os.path.abspath(p) + os.sep, os.path.realpath(p) + os.sep})
    return sorted(roots)

def is_library_file(path, user_dir):
    path = os.path.abspath(path)
    return not path.startswith(user_dir) and any(path.startswith(root) for root in LIBRARY_ROOTS)

def is_library_module(module, user_dir):
    file = getattr(module, "__file__", None)
    paths = [file] if file else list(getattr(module, "__path__", None) or [])
    return all(is_library_file(p, user_dir) for p in paths if isinstance(p, str))

def spawn_child():
    log = tempfile.TemporaryFile()
    req_r, req_w = os.pipe()
    res_r, res_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            for fd in (req_w, res_r, _PROTO.fileno()):
                os.close(fd)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            die_with_parent()
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)  # the worker's stdin carries the protocol: user code must not read it
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
            serve_builds(req_r, res_w, log.fileno())
        finally:
            os._exit(3)
    os.close(req_r)
    os.close(res_w)
    return {"pid": pid, "req_w": req_w, "res_r": res_r, "log": log}

def serve_builds(req_r, res_w, log_fd):
    """The child's loop: one JSON line of params in, one JSON line of result out, until the worker closes the pipe."""
    import queue

    requests = os.fdopen(req_r, "rb")
    served, first_rss = 0, None
    jobs, done = queue.Queue(), queue.Queue()
    threading.Thread(target=build_thread, args=(jobs, done), name="tl-lsp-build", daemon=True).start()
    thread_locals()  # scan the compiler's modules while idle, not during the first build
    while True:
        line = requests.readline()
        if not line:
            os._exit(0)
        t0 = time.perf_counter()
        os.ftruncate(log_fd, 0)  # the log holds what this build prints (the worker reads it after the result)
        os.lseek(log_fd, 0, os.SEEK_SET)
        params = json.loads(line.decode("utf-8"))
        saved = save_process_state()
        gc.disable()  # collected after the result is out, off the build's critical path
        jobs.put(params)
        result, compiler_clean = done.get()
        served += 1
        rss = rss_mb()
        first_rss = first_rss or rss  # the first build faults the compiler's shared libraries in: measure from there
        clean = compiler_clean and threading.active_count() == 2  # this thread and the build thread
        result["child"] = {"pid": os.getpid(), "build": served, "rss_mb": rss, "rss_growth_mb": rss - first_rss,
                           "clean": clean}
        result.setdefault("times", {})["child"] = time.perf_counter() - t0
        write_all(res_w, json.dumps(result).encode("utf-8") + b"\n")
        restored = restore_process_state(saved, os.path.dirname(os.path.abspath(params.get("file") or "")))
        gc.enable()
        gc.collect()
        if not restored:
            os._exit(0)  # the worker sees the child gone and forks a fresh one

def build_thread(jobs, done):
    """Runs the child's builds, one after another, on one thread, as a warm process would: in one process a new
    thread's first lowering was ~15 % slower than the next ones on the same thread (sm_90 GEMM: 125-144 ms against
    108-110 ms; in the child the paired benchmark showed no difference beyond noise). Each build starts
    from a fresh thread's state all the same: every module-level `threading.local` of the loaded modules is emptied
    (tilelang's frame and builder stacks, TVM's block-name suffix) and the build runs in an empty `contextvars`
    context; the compiler's C++ thread-local stacks (target, pass context, IR builder) are checked empty afterwards,
    and a build that leaves one behind has the child replaced."""
    tvm = STATE["tvm"]
    from tvm.script.ir_builder import IRBuilder

    base_pass_context = tvm.transform.PassContext.current()
    while True:
        params = jobs.get()
        for local in thread_locals():
            vars(local).clear()
        result = contextvars.Context().run(build_result, params)
        try:
            clean = (tvm.target.Target.current(allow_none=True) is None
                     and tvm.transform.PassContext.current().same_as(base_pass_context)
                     and not IRBuilder.is_in_scope())
        except BaseException:  # noqa: BLE001
            clean = False
        done.put((result, clean))

_THREAD_LOCALS, _SCANNED_MODULES = [], set()

def thread_locals():
    """Every module-level `threading.local` of the loaded modules (each module is scanned once)."""
    for name, module in list(sys.modules.items()):
        if name in _SCANNED_MODULES:
            continue
        _SCANNED_MODULES.add(name)
        for value in list(getattr(module, "__dict__", {}).values()):
            if isinstance(value, threading.local):
                _THREAD_LOCALS.append(value)
    return _THREAD_LOCALS

def build_result(params):
    STATE["kernel"] = None
    try:
        return do_build(params)
    except BuildError as be:
        result = {"ok": False, "error": be.payload}
        if STATE.get("kernel"):
            result["error"]["kernel"] = STATE["kernel"]
        return result
    except BaseException as e:  # noqa: BLE001
        result = fail("InternalError", "%s: %s" % (type(e).__name__, e), "lower")
        result["error"]["traceback"] = traceback.format_exc()
        return result

def save_process_state():
    importlib.invalidate_caches()  # a helper module created since the last build must be found
    return {
        "modules": set(sys.modules), "path": list(sys.path), "environ": dict(os.environ), "cwd": os.getcwd(),
        "warnings": list(warnings.filters), "recursion_limit": sys.getrecursionlimit(),
    }

def restore_process_state(saved, user_dir):
    """Undoes what a build did to the process; False when it cannot (the working directory is gone)."""
    user_dir = os.path.join(user_dir, "")
    for name in [n for n in list(sys.modules) if n not in saved["modules"]]:
        module = sys.modules[name]
        if module is None or not is_library_module(module, user_dir):  # None: an import blocker the build set
            del sys.modules[name]
    for file in [f for f in list(linecache.cache) if not f.startswith("<") and not is_library_file(f, user_dir)]:
        del linecache.cache[file]  # inspect.getsource must read the current text
    sys.path[:] = saved["path"]
    if dict(os.environ) != saved["environ"]:
        os.environ.clear()
        os.environ.update(saved["environ"])
    try:
        if os.getcwd() != saved["cwd"]:
            os.chdir(saved["cwd"])
    except OSError:
        return False
    warnings.filters[:] = saved["warnings"]
    sys.setrecursionlimit(saved["recursion_limit"])
    return True

def rss_mb():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (OSError, ValueError, IndexError):  # not Linux: the peak RSS (bytes on macOS) stands in
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << (20 if sys.platform == "darwin" else 10))

def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]

def drop_child(reaped=None):
    """Closes the build child's pipes and kills it (unless `reaped`, its wait status, says it is gone already)."""
    child = dict(CHILD)
    CHILD.clear()
    if not child:
        return reaped or 0
    for fd in ("req_w", "res_r"):
        os.close(child[fd])
    child["log"].close()
    if reaped is not None:
        return reaped
    try:
        os.kill(child["pid"], signal.SIGKILL)
        return os.waitpid(child["pid"], 0)[1]
    except (ProcessLookupError, ChildProcessError):
        return 0

def crash(status):
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    res = fail("Crash", "the compiler process died (%s)" % (
        "signal %d" % sig if sig else "exit code %d" % os.waitstatus_to_exitcode(status)), "lower")
    if sig:
        res["error"]["signal"] = sig
    return res

def prepare_child():
    """Makes sure a live build child is waiting (forks one if not); called at start, after each build and before one."""
    if STATE["tilelang"] is None:
        return
    if CHILD:
        pid, status = os.waitpid(CHILD["pid"], os.WNOHANG)
        idle_output, _, _ = select.select([CHILD["res_r"]], [], [], 0)
        if pid == 0 and not idle_output:
            return
        drop_child(reaped=status if pid else None)  # it died while idle (or wrote while idle): fork a fresh one
    CHILD.update(spawn_child())

def run_build(req):
    params = req.get("params") or req
    if STATE["tilelang"] is None:
        return fail("TilelangUnavailable", STATE["import_error"] or "tilelang is not importable", "import")
    timeout = float(params.get("timeout") or 120)
    t0 = time.perf_counter()
    prepare_child()
    r = CHILD["res_r"]
    try:
        write_all(CHILD["req_w"], json.dumps(params).encode("utf-8") + b"\n")
    except OSError:
        pass  # the child died already: the closed result pipe and its exit status tell why
    data, deadline, outcome = bytearray(), time.monotonic() + timeout, None
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            outcome = "timeout"
            break
        ready, _, _ = select.select([r] if STATE.get("eof") else [r, 0], [], [], remaining)
        if r in ready:
            chunk = os.read(r, 1 << 16)
            if not chunk:
                outcome = "died"
                break
            data.extend(chunk)
        if 0 in ready and read_stdin_nonblocking(req.get("id")):
            outcome = "cancelled"
            break
    logs = read_log(CHILD["log"])
    if outcome == "timeout":
        res = fail("Timeout", "the build did not finish within %g s" % timeout, "lower")
    elif outcome == "cancelled":
        res = fail("Cancelled", "the build was cancelled", "lower")
    elif outcome == "died":  # the result pipe closed: the child is gone (a zombie keeps its exit status for us)
        res = crash(drop_child())
    else:
        try:
            res = json.loads(data.decode("utf-8"))
        except ValueError:
            res = fail("Crash", "the build child wrote something that is not a result", "lower")
    child = res.get("child")
    if (not child or child.get("build", 0) >= MAX_BUILDS or child.get("rss_growth_mb", 0) > MAX_RSS_GROWTH_MB
            or not child.get("clean")):
        if child:
            child["recycled"] = True
        drop_child()  # the next build gets a fresh child (forked while idle)
    res["logs"] = logs[-20000:]
    res.setdefault("times", {})["total"] = time.perf_counter() - t0
    return res

def read_log(log):
    """What the child printed during this build (it truncates the log when a build starts)."""
    size = os.fstat(log.fileno()).st_size
    start = max(0, size - 80000)
    return os.pread(log.fileno(), size - start, start).decode("utf-8", "replace")

def die_with_parent():
    """Linux: the build child gets SIGKILL when the worker dies, so no orphan keeps compiling or sleeping."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 (not Linux: best effort)
        pass

def fail(type_, message, phase):
    return {"ok": False, "error": {"type": type_, "message": message, "phase": phase, "locations": []}}

def read_stdin_nonblocking(current_id):
    """Reads what is available on stdin; returns True when it cancels the running request (or stdin closed)."""
    data = os.read(0, 1 << 16)
    if not data:
        STATE["eof"] = True  # finish this build and what is queued, then exit
        return False
    _STDIN_BUF.extend(data)
    cancelled = False
    while b"\n" in _STDIN_BUF:
        i = _STDIN_BUF.index(b"\n")
        line = bytes(_STDIN_BUF[:i])
        del _STDIN_BUF[: i + 1]
        try:
            msg = json.loads(line)
        except ValueError:
            _PENDING.append(line)
            continue
        if isinstance(msg, dict) and msg.get("method") == "cancel":
            target = (msg.get("params") or {}).get("id", msg.get("target"))
            if target == current_id:
                cancelled = True
            continue
        _PENDING.append(line)
    return cancelled

def next_line():
    while True:
        if _PENDING:
            return _PENDING.pop(0)
        if b"\n" in _STDIN_BUF:
            i = _STDIN_BUF.index(b"\n")
            line = bytes(_STDIN_BUF[:i])
            del _STDIN_BUF[: i + 1]
            return line
        data = b"" if STATE.get("eof") else os.read(0, 1 << 16)
        if not data:
            STATE["eof"] = True
            line = bytes(_STDIN_BUF)
            _STDIN_BUF.clear()
            return line if line.strip() else None
        _STDIN_BUF.extend(data)

# MARK: - Main loop

def handle(msg):
    rid, method = msg.get("id"), msg.get("method")
    if method in ("ping", "shutdown"):
        return {"id": rid, "ok": True}
    if method == "version":
        return dict(id=rid, ok=True, **version_info())
    if method == "build":
        res = run_build(msg)
        res["id"] = rid
        return res
    if method == "cancel":
        return None  # nothing running: nothing to cancel
    return {"id": rid, "ok": False, "error": {"type": "BadRequest", "message": "unknown method %r" % method, "phase": "protocol", "locations": []}}

def main():
    try:  # a supervisor may start us with signals blocked; builds must still die of SIGABRT/SIGTERM
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
    except (AttributeError, OSError):
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor cancels with messages, not signals
    if os.environ.get("TL_LSP_WORKER_NO_IMPORT") != "1":
        import_compiler()
        gc.freeze()  # keep the imported compiler's objects out of the collector: fewer copy-on-write faults in children
        LIBRARY_ROOTS[:] = library_roots()
        prepare_child()
    while True:
        line = next_line()
        if line is None:
            return
        if not line.strip():
            continue
        try:
            msg = json.loads(line)
            if not isinstance(msg, dict):
                raise ValueError("not an object")
        except ValueError as e:
            send({"id": None, "ok": False, "error": {"type": "BadRequest", "message": "bad JSON: %s" % e, "phase": "protocol", "locations": []}})
            continue
        try:
            reply = handle(msg)
        except BaseException as e:  # noqa: BLE001 (the worker must survive anything)
            reply = {"id": msg.get("id"), "ok": False, "error": {"type": "InternalError", "message": "%s: %s" % (type(e).__name__, e), "phase": "protocol", "locations": []}}
        if reply is not None:
            send(reply)
        if msg.get("method") == "shutdown":
            drop_child()
            return
        if msg.get("method") == "build" and not STATE.get("eof"):
            prepare_child()

if __name__ == "__main__":
    main()
