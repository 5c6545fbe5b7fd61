# An unterminated string, a missing block, and a bad assignment target.
message = "never closed
if ready:
print("no indent")
f() = 3
done = True
