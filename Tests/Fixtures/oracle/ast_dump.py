"""Oracle for the Swift parser tests: for each file given on the command line, print `=== <path>` and
then either `SYNTAXERROR <line>` or one `<NodeType> <start> <end>` line per stmt/expr node, where start
and end are absolute UTF-8 byte offsets. Skips f-string insides, match patterns and 3.12 type params.
Standard library only."""

import ast
import sys

SKIP_FIELDS = {"pattern", "type_params"}


def line_starts(data):
    starts = [0]
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == 0x0A:
            starts.append(i + 1)
        elif b == 0x0D:
            if i + 1 < n and data[i + 1] == 0x0A:
                i += 1
            starts.append(i + 1)
        i += 1
    return starts


def dump(path):
    with open(path, "rb") as f:
        data = f.read()
    print("=== " + path)
    try:
        tree = ast.parse(data, filename=path)
    except SyntaxError as e:
        print("SYNTAXERROR %d" % (e.lineno or 0))
        return
    except (ValueError, UnicodeDecodeError):
        print("SYNTAXERROR 0")
        return
    starts = line_starts(data)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0

    def offset(line, col):
        base = starts[line - 1] if line - 1 < len(starts) else len(data)
        return base + col + (bom if line == 1 else 0)

    out = []

    def walk(node):
        if isinstance(node, (ast.stmt, ast.expr)):
            out.append("%s %d %d" % (type(node).__name__, offset(node.lineno, node.col_offset),
                                     offset(node.end_lineno, node.end_col_offset)))
            if isinstance(node, ast.JoinedStr):
                return
        for name, value in ast.iter_fields(node):
            if name in SKIP_FIELDS:
                continue
            if isinstance(value, ast.AST):
                walk(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        walk(item)

    walk(tree)
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


def main():
    for path in sys.argv[1:]:
        dump(path)


if __name__ == "__main__":
    main()
