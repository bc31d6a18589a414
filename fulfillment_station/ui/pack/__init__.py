"""Pack mode: the full-screen view, its host (typed operations on workers), the live scale and
the desk's sounds. The flow itself is Qt-free in ``services.pack_flow``."""
