# match statements (soft keywords) next to ordinary uses of the names match, case and type.
match = 1
match(x)
case = match.group(1)
type = int


def handle(command):
    match command.split():
        case [action]:
            pass
        case ["go", direction] | ["move", direction]:
            go(direction)
        case [first, *rest] if len(rest) > 1:
            pass
        case {"key": value, **others}:
            pass
        case Point(x=0, y=0) as origin:
            pass
        case -1 | 1.5 | "s" | None | True:
            pass
        case (a, b):
            pass
        case a, b:
            pass
        case _:
            pass
    match x, y:
        case 1, 2:
            pass
