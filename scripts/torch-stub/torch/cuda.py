"""Stand-in `torch.cuda`: no CUDA device is ever available."""


def is_available():
    return False


def device_count():
    return 0


def __getattr__(name):
    raise AttributeError(f"module 'torch.cuda' (tl-lsp stand-in) has no attribute {name!r}")
