# fixture: target=sm_80,sm_90
# TL217 for a name the tilelang package itself lacks: with `import tilelang as T`, `T.Tensor`, `T.Kernel` and the other
# DSL names are missing ("AttributeError: module 'tilelang' has no attribute 'Tensor'"); they live in tilelang.language.
# Names the package has (`T.cdiv`) are fine.
import tilelang as T


def add_one(N=256):
    @T.language.prim_func
    def main(A: T.Tensor((N,), "float32"), B: T.language.Tensor((N,), "float32")):
    #             ^^^^^^ error TL217: the tilelang package has no `Tensor` in tilelang 0.1.15: building the kernel fails (AttributeError: module 'tilelang' has no attribute 'Tensor'); `Tensor` is in tilelang.language: import it as `import tilelang.language as T`
        with T.language.Kernel(T.cdiv(N, 128), threads=128) as bx:
            for i in T.language.Parallel(128):
                B[bx * 128 + i] = A[bx * 128 + i] + 1.0

    return main


if __name__ == "__main__":
    add_one()
