# fixture: target=sm_80,sm_90
# TL426: on sm_90 a T.Pipelined loop with TMA loads is warp-specialised, and warp specialisation gives the producer its
# own copy of each T.alloc_local buffer; a trip count read from one (`n[0]`) then gives the loop variable two different
# upper bounds and the build fails. The same count in a T.alloc_var, or read straight from the global tensor, builds,
# and sm_80 (no warp specialisation) builds all three.
import tilelang.language as T


def extent(mode):
    @T.prim_func
    def main(A: T.Tensor((4096, 64), "float16"), S: T.Tensor((4,), "int32"), O: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128):
            a = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.clear(acc)
            if mode == "local":
                n = T.alloc_local([1], "int32")
                n[0] = S[0]
                for k in T.Pipelined(n[0], num_stages=2):
                #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL426: this T.Pipelined loop is warp-specialised on sm_90 (it loads with TMA), and its trip count reads n[0], an element of a T.alloc_local buffer: warp specialisation gives the producer its own copy of that buffer, the loop variable gets two different upper bounds, and the compiler fails ("Trying to update var ... with a different maximum value"); hold the value in a T.alloc_var, or pass tl.disable_warp_specialized (with mode="local" from line 42)
                    T.copy(A[k * 64, 0], a)
                    for i, j in T.Parallel(64, 64):
                        acc[i, j] += a[i, j]
            elif mode == "var":
                m = T.alloc_var("int32")
                m = S[0]
                for k in T.Pipelined(m, num_stages=2):
                    T.copy(A[k * 64, 0], a)
                    for i, j in T.Parallel(64, 64):
                        acc[i, j] += a[i, j]
            else:
                for k in T.Pipelined(S[0], num_stages=2):
                    T.copy(A[k * 64, 0], a)
                    for i, j in T.Parallel(64, 64):
                        acc[i, j] += a[i, j]
            T.copy(acc, O)

    return main


if __name__ == "__main__":
    extent("local")
    extent("var")
    extent("global")
