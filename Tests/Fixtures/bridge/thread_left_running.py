# Starts a thread that outlives the build: the worker must not reuse the build child after it (tl-lsp bridge fixture).
import threading
import time

import tilelang.language as T

threading.Thread(target=time.sleep, args=(30,), daemon=True).start()


@T.prim_func
def copy_tile(A: T.Tensor((128, 64), "float16"), B: T.Tensor((128, 64), "float16")):
    with T.Kernel(1, threads=128) as bx:
        A_shared = T.alloc_shared((128, 64), "float16")
        T.copy(A[0, 0], A_shared)
        T.copy(A_shared, B[0, 0])
