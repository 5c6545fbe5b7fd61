# Every Python 3.11 statement and expression form the parser models, in one file.
from __future__ import annotations
import os.path as osp, sys
from . import sibling
from ..pkg.mod import (a as b, c,)
from .mod import *

x: int
y: list[int] = [1, 2, *rest]
a = b = c = (1, 2)
p, (q, *r) = [s, t] = u
d[0], e.f = 1, 2,
n += 1; m **= 2; o //= 3; w @= v; z >>= 1
del a, b[0], (c.d)
assert x > 0, "positive"
global_counter = 0


def f(a, b: int = 1, /, c=2, *args: int, d, e: str = "e", **kw) -> dict[str, int]:
    global global_counter
    nonlocal_value = lambda p, q=1, *r, s, **t: (p, q, r, s, t)
    return {**kw, "a": a, b: c}


def gen(n):
    yield
    yield n, n + 1
    x = yield from range(n)
    return (yield)


class Base(Generic[T], metaclass=Meta, **extra):
    """Docstring."""
    value: int = 0

    @property
    @functools.lru_cache(maxsize=None)
    def prop(self): ...

    async def run(self, *, timeout=None):
        async with lock as held, other():
            async for item in stream:
                await item
        result = [i async for i in aiter() if await i]
        return result


def control(items):
    for i, (j, k) in enumerate(items):
        if i < 0:
            continue
        elif 0 <= i < 10 != j is not None not in k:
            break
        else:
            pass
    else:
        print("done")
    while (n := len(items)) > 0:
        items.pop()
    else:
        pass
    try:
        raise ValueError("bad") from None
    except (ValueError, TypeError) as err:
        raise
    except Exception:
        pass
    else:
        pass
    finally:
        cleanup()
    try:
        pass
    except* OSError as group:
        pass
    with (
        open("a") as fa,
        open("b") as fb,
    ):
        pass
    with (open("x"), open("y")):
        pass
    with (yield_ctx()) as (u, v), other as [w, *x]:
        pass


values = [x * y for x in range(10) if x % 2 if x for y in range(x)]
table = {k: v for k, v in zip(a, b)}
unique = {x for x in values}
total = sum(x for x in values)
pairs = sorted(values, key=lambda v: -v)
m = not a and b or not not c
bits = a | b ^ c & d << 2 >> 1
arith = -a ** -b + c * d / e // f % g @ h - ~i
cond = a if b else c if d else e
sub = arr[1:2, ::3, :, ..., None, -1][::-1][a:b:c]
star = print(*args, sep="", **kwargs)
call = f(a)(b)[c].d.e(g=1)
chained = (a.b).c
empty = (), [], {}, (1,)
nested = [[1, [2, [3]]], {"a": {"b": (4,)}}]
parenthesized = ((a + b) * (c))
number = 0
