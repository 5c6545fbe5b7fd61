# oracle: py312 — Python 3.12 syntax (PEP 695, PEP 701) that the oracle's Python 3.11 rejects.
type Vector = list[float]
type Pair[T] = tuple[T, T]


def first[T](items: list[T]) -> T:
    return items[0]


class Box[T: int, *Ts, **P]:
    pass


songs = {"title": "x"}
message = f"{songs["title"]} and {f"{songs["title"]}"}"
