"""Stand-in `torch` for tl-lsp's test/CI venv: just enough for `import tilelang` and lowering (no tensors, no CUDA).

A user's own environment has real torch; this package is installed only by scripts/setup-tilelang.sh.
"""

import builtins as _builtins

__version__ = "0.0.0+tl-lsp-stub"


class dtype:
    """A named dtype object, hashable and comparable by identity (like torch.dtype)."""

    def __init__(self, name, itemsize, is_floating_point=False, is_signed=True):
        self._name = name
        self.itemsize = itemsize
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed

    def __repr__(self):
        return "torch." + self._name

    def to_real(self):
        return self


def _dt(name, size, fp=False, signed=True):
    return dtype(name, size, fp, signed)


bool = _dt("bool", 1, signed=False)  # noqa: A001 (mirrors torch's public names)
int8 = _dt("int8", 1)
int16 = short = _dt("int16", 2)
int32 = int = _dt("int32", 4)  # noqa: A001
int64 = long = _dt("int64", 8)
uint8 = _dt("uint8", 1, signed=False)
uint16 = _dt("uint16", 2, signed=False)
uint32 = _dt("uint32", 4, signed=False)
uint64 = _dt("uint64", 8, signed=False)
float16 = half = _dt("float16", 2, True)
bfloat16 = _dt("bfloat16", 2, True)
float32 = float = _dt("float32", 4, True)  # noqa: A001
float64 = double = _dt("float64", 8, True)
float8_e4m3fn = _dt("float8_e4m3fn", 1, True)
float8_e4m3fnuz = _dt("float8_e4m3fnuz", 1, True)
float8_e5m2 = _dt("float8_e5m2", 1, True)
float8_e5m2fnuz = _dt("float8_e5m2fnuz", 1, True)
float8_e8m0fnu = _dt("float8_e8m0fnu", 1, True)
float4_e2m1fn_x2 = _dt("float4_e2m1fn_x2", 1, True)


class device:
    def __init__(self, type="cpu", index=None):  # noqa: A002
        if isinstance(type, str) and ":" in type:
            type, _, idx = type.partition(":")
            index = _builtins.int(idx) if idx.isdigit() else None
        self.type = type
        self.index = index

    def __repr__(self):
        return f"device(type={self.type!r})"


class Size(tuple):
    pass


class Tensor:
    """Never instantiated by lowering; exists for isinstance checks and annotations."""

    __dlpack_c_exchange_api__ = None


class Generator:
    pass


strided = "strided"


def get_default_dtype():
    return float32


def is_tensor(obj):
    return isinstance(obj, Tensor)


from . import backends, cuda, version  # noqa: E402


def __getattr__(name):
    raise AttributeError(f"module 'torch' (tl-lsp stand-in) has no attribute {name!r}")
