# BOM, CRLF line endings, tabs and non-ASCII identifiers.
def f(x):
	if x:
		return "café 😀"
	return None

αβ = f(1)  # comment ✓
value = (
    1,
    2)
