# fixture: target=sm_80,sm_90,sm_100
# TL418 outside T.Parallel: the front end's AddWrapperForSingleBufStore pass wraps an assignment that touches a
# fragment, outside tile-op loops and without a thread or block index, in a one-point parallel loop, and rejects a
# non-zero constant index on any fragment of it ("Fragment buffer access with non-zero index [1] is not supported.
# Only fragment[0] access is allowed."): a store a[1] (a factory's constant), a[0, 1], one inside a T.serial loop,
# a read a[3] into a local buffer. Index 0, and statements that use a block index (A[bx]) or T.get_thread_binding(),
# compile (checked with tilelang 0.1.15; sweep E).
import tilelang.language as T


def top_store(v):
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            a[v] = A[0]
            T.copy(a, V[0:4])

    return main


def uses_bx():
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(2, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            a[1] = A[bx]
            T.copy(a, V[0:4])

    return main


def in_serial():
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            for k in T.serial(4):
                a[2] = a[2] + A[k]
              # ^^^^ error TL418: a is accessed at the constant index 2 outside a T.Parallel loop: the front end wraps such a statement in a one-point parallel loop and accepts only index 0 ("Fragment buffer access with non-zero index [2] is not supported. Only fragment[0] access is allowed."); use a `local` buffer for per-thread scalars, or write the element inside a T.Parallel loop over the fragment
            T.copy(a, V[0:4])

    return main


def read_into_local():
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            l = T.alloc_local((1,), "float32")
            T.copy(A[0:4], a)
            l[0] = a[3]
            #      ^^^^ error TL418: a is accessed at the constant index 3 outside a T.Parallel loop: the front end wraps such a statement in a one-point parallel loop and accepts only index 0 ("Fragment buffer access with non-zero index [3] is not supported. Only fragment[0] access is allowed."); use a `local` buffer for per-thread scalars, or write the element inside a T.Parallel loop over the fragment
            V[0] = l[0]

    return main


def two_d_store():
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((4, 4), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4, 4), "float32")
            T.fill(a, 0)
            a[0, 1] = A[0]
          # ^^^^^^^ error TL418: a is accessed at the constant index 1 outside a T.Parallel loop: the front end wraps such a statement in a one-point parallel loop and accepts only index 0 ("Fragment buffer access with non-zero index [1] is not supported. Only fragment[0] access is allowed."); use a `local` buffer for per-thread scalars, or write the element inside a T.Parallel loop over the fragment
            T.copy(a, V)

    return main


def uses_tx():
    @T.prim_func
    def main(A: T.Tensor((128,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            a[1] = A[tx]
            T.copy(a, V[0:4])

    return main


def top_store_1(v):
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            a[v] = A[0]
          # ^^^^ error TL418: a is accessed at the constant index 1 outside a T.Parallel loop: the front end wraps such a statement in a one-point parallel loop and accepts only index 0 ("Fragment buffer access with non-zero index [1] is not supported. Only fragment[0] access is allowed."); use a `local` buffer for per-thread scalars, or write the element inside a T.Parallel loop over the fragment (with v=1 from line 115)
            T.copy(a, V[0:4])

    return main


def top_store_2(v):
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), V: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            T.fill(a, 0)
            a[v] = A[0]
            T.copy(a, V[0:4])

    return main


if __name__ == "__main__":
    top_store_1(1)
    top_store_2(0)
    uses_bx()
    in_serial()
    read_into_local()
    two_d_store()
    uses_tx()
