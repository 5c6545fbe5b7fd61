# Hangs while the module is imported (tl-lsp bridge fixture for the timeout path).
import time

time.sleep(3600)
