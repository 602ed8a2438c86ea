#!/usr/bin/env python3
"""Summarise an OpProfile run.

op_profile.py PERF.data WINDOWS [TOP]   CPU samples of the benchmark thread from `perf record -k mono -e
    cpu-clock:u`, kept to the operations' time windows (OpProfile's "window,START,END" lines in WINDOWS), per
    symbol and grouped into kinds of work by symbol name; Markdown tables. perf samples user-space CPU only
    (kernel time, e.g. page faults, is not in them).
"""
import re
import subprocess
import sys
from collections import defaultdict

KINDS = [  # first match wins; symbol names of libtorch 2.7 / MKL / oneDNN / glibc
    ("matrix products (MKL/oneDNN gemm)", r"gemm|sgemm|mkl_blas|dnnl|jit_avx|brgemm"),
    ("softmax", r"softmax"),
    ("elu / gelu / activations", r"elu|gelu|threshold"),
    ("gather / index / scatter / embedding", r"index|gather|scatter|embedding|take"),
    ("layer norm", r"layer_norm|LayerNorm"),
    ("dropout / random", r"bernoulli|dropout|normal|random|philox|mt19937"),
    ("copies (copy_, cat, memcpy)", r"copy|memcpy|memmove|cat_|CatArray|unfold"),
    ("fills (zero, memset)", r"fill|memset|zero_"),
    ("reductions (sum, mean, max)", r"reduce|sum|mean|max_|argmax|norm"),
    ("elementwise arithmetic (add, mul, div, ...)", r"VectorizedLoop|cpu_kernel|basic_loop|binary|add|mul|div|sub|neg|exp|sqrt|pow"),
    ("allocation (malloc/free)", r"malloc|free|_int_|alloc"),
    ("autograd / dispatcher / profiler bookkeeping", r"autograd|c10::|Dispatch|Tensor|intrusive|RecordFunction|at::"),
    ("JVM / JNI / DJL", r"^\[unknown\]|Interpreter|JNI|jni|Java_|libjvm|StubRoutines"),
]


def perf(path, windows_path, top):
    windows = [tuple(int(x) / 1e9 for x in line.split(",")[1:3])
               for line in open(windows_path) if line.startswith("window,")]
    out = subprocess.run(["perf", "script", "-i", path, "-F", "comm,tid,time,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    counts = defaultdict(int)
    kept = 0
    for line in out.splitlines():
        m = re.match(r"\s*(.+?)\s+(\d+)\s+([\d.]+):\s+[0-9a-f]+\s+(.*)\s+\(([^()]*)\)\s*$", line)
        if not m:
            continue
        t = float(m.group(3))
        if m.group(1) != "java":  # the main (benchmark) thread; JIT and GC threads have their own names
            continue
        if not any(a <= t <= b for a, b in windows):
            continue
        sym = re.sub(r"\+0x[0-9a-f]+$", "", m.group(4))
        counts[(m.group(5).split("/")[-1], sym)] += 1
        kept += 1
    print(f"{kept} samples in the operations' windows")
    print()
    rows = [(100.0 * c / kept, dso, sym) for (dso, sym), c in sorted(counts.items(), key=lambda kv: -kv[1])]
    kinds = defaultdict(float)
    for pct, dso, sym in rows:
        label = "other"
        text = sym if dso not in ("libjvm.so",) else "libjvm " + sym
        for kind, pattern in KINDS:
            if re.search(pattern, text, re.IGNORECASE):
                label = kind
                break
        kinds[label] += pct
    print("| kind of work (by symbol) | % of the thread's CPU samples |")
    print("|---|---|")
    for kind, pct in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"| {kind} | {pct:.1f} |")
    print()
    print("| % | library | symbol |")
    print("|---|---|---|")
    for pct, dso, sym in rows[:top]:
        print(f"| {pct:.1f} | {dso} | `{short(sym)}` |")


GENERIC_LOOPS = {"cpu_kernel", "cpu_serial_kernel", "cpu_kernel_vec", "serial_kernel"}


def short(sym):
    """A templated ATen loop's name is its kernel's (elu_kernel, add_kernel, ...); other names are cut at 100."""
    if re.search(r"VectorizedLoop|vectorized_loop|callback_fn", sym):
        # in a mangled name each identifier follows its length in digits
        names = [re.sub(r"^_?\d+", "", k) for k in re.findall(r"([a-z0-9_]+_kernel)", sym)]
        kernels = [k for k in names if k not in GENERIC_LOOPS]
        if kernels:
            return "loop of " + kernels[0]
    return sym[:100]


if __name__ == "__main__":
    perf(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20)
