# Literals: every number form, string prefix and quoting style, f-string fields, and continuations.
ints = [0, 7, 1_000_000, 0x_FF, 0XdeadBEEF, 0o777, 0O1_7, 0b1010, 0B_1, 123456789012345678901234567890]
floats = [1.0, 1., .5, 1e10, 1E-5, 1_0.0_1e+1_0, 0.0]
imaginary = [1j, 2.5J, 1e3j, 0j]
strings = ['single', "double", '''triple
single''', """triple
double""", r'raw\n', R"RAW", u'unicode', U"U", b'bytes', B"B", rb'rb', Br'Br', bR"bR", RB'RB']
escapes = "tab\t newline\n quote\" backslash\\ hex\x41 octal\101 unicode\u00e9 wide\U0001F600 named\N{BULLET}"
concatenated = ("implicit " 'concat '
                """across lines""")
fstrings = [f"{x}", F'{x!r}', f"{x=}", f"{x = }", f"{x:>10}", f"{x:{width}.{precision}}",
            f"{{literal}} {x}", rf"raw {x}\n", fR'{x}', f"{d['key']}", f'{d["key"]}',
            f"{'nested' + f'{y}'}", f"""{
                x
            }""", f"{x!s:^{w}}", f"{a if b else c}", f"{lambda_value}", f"{x, y}"]
mixed = "plain" f"formatted {x}" 'tail'
total = 1 + \
    2 + \
    3
unicode_text = "héllo wörld ✓ 😀"
non_ascii_name = ñame = 1
