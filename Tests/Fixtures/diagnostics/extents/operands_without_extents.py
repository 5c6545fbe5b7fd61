# fixture: target=sm_80,sm_90
# TL106 and TL109: an operand that is not a buffer; the element-to-element copy is a plain store.
import tilelang.language as T


def no_extents(N):
    @T.prim_func
    def main(A: T.Tensor((N,), "float32"), B: T.Tensor((N,), "float32")):
        with T.Kernel(N, threads=128) as bx:
            T.copy(A[bx], 5)
          # ^^^^^^^^^^^^^^^^ error TL106: Can't deduce copy extents from args: neither `A[bx]` nor `5` is a buffer or region

    return main


def int_source(N):
    @T.prim_func
    def main(B: T.Tensor((N,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((N,), "float32")
            T.copy(0, S)
            #      ^ error TL109: T.copy operand `0` is not a buffer, region or element (ValueError: Unsupported argument type for to_buffer_region)
            T.copy(S, B)

    return main


def element_copy(N):
    @T.prim_func
    def main(A: T.Tensor((N,), "float16"), B: T.Tensor((N,), "float32")):
        with T.Kernel(N, threads=128) as bx:
            T.copy(A[bx], B[bx])

    return main


if __name__ == "__main__":
    no_extents(256)
    int_source(256)
    element_copy(256)
