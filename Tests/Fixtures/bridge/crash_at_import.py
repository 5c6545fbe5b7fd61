# Aborts the process while it is imported, like a C++ abort inside the compiler (tl-lsp bridge fixture).
import os

os.abort()
