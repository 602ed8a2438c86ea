#!/usr/bin/env python3
"""Summarise OpProfile's outputs.

op_profile.py trace TRACE.json [TOP]   self time per PyTorch operator (wall, from the autograd profiler's Chrome
    trace), leaving out the input fixtures (top-level aten::normal / aten::randint trees); Markdown table.
op_profile.py perf PERF.data WINDOWS [TOP]   CPU samples of the benchmark thread from `perf record -k mono -e
    cpu-clock:u`, kept to the operations' time windows (OpProfile's "window,START,END" lines in WINDOWS), per
    symbol and grouped into kinds of work by symbol name, the input fixtures' random-number symbols left out;
    Markdown tables. perf samples user-space CPU only (kernel time, e.g. page faults, is not in them).
"""
import json
import re
import subprocess
import sys
from collections import defaultdict

FIXTURES = ("aten::normal", "aten::randint", "aten::random_", "aten::normal_")


def trace(path, top):
    events = [e for e in json.load(open(path)) if e.get("ph") == "X"]
    by_tid = defaultdict(list)
    for e in events:
        by_tid[e["tid"]].append(e)
    self_us = defaultdict(float)
    calls = defaultdict(int)
    total = 0.0
    for evs in by_tid.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []  # (end, event, child_time, excluded)
        def close(item):
            nonlocal total
            end, e, child, excluded = item
            if not excluded:
                self_us[e["name"]] += e["dur"] - child
                calls[e["name"]] += 1
                total += e["dur"] - child
        for e in evs:
            while stack and stack[-1][0] <= e["ts"]:
                close(stack.pop())
            excluded = (not stack and e["name"] in FIXTURES) or (stack and stack[-1][3])
            if stack:
                stack[-1][2] += e["dur"]
            stack.append([e["ts"] + e["dur"], e, 0.0, excluded])
        while stack:
            close(stack.pop())
    print(f"| operator | self ms (wall, all rounds) | % | calls |")
    print("|---|---|---|---|")
    for name, us in sorted(self_us.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| `{name}` | {us / 1e3:.1f} | {100 * us / total:.1f} | {calls[name]} |")
    print(f"| total (fixtures left out) | {total / 1e3:.1f} | 100 | |")


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
    ("elementwise arithmetic (add, mul, div, ...)", r"vectorized_loop|cpu_kernel|basic_loop|binary|add|mul|div|sub|neg|exp|sqrt|pow"),
    ("allocation (malloc/free)", r"malloc|free|_int_|alloc"),
    ("autograd / dispatcher / profiler bookkeeping", r"autograd|c10::|Dispatch|Tensor|intrusive|RecordFunction|at::"),
    ("JVM / JNI / DJL", r"^\[unknown\]|Interpreter|JNI|jni|Java_|libjvm|StubRoutines"),
]


FIXTURE_SYMBOLS = r"normal_kernel|CPUGeneratorImpl::random|mt19937|random_from_to|randint"


def perf(path, windows_path, top):
    windows = [tuple(int(x) / 1e9 for x in line.split(",")[1:3])
               for line in open(windows_path) if line.startswith("window,")]
    out = subprocess.run(["perf", "script", "-i", path, "-F", "comm,tid,time,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    counts = defaultdict(int)
    kept = dropped = 0
    for line in out.splitlines():
        m = re.match(r"\s*(.+?)\s+(\d+)\s+([\d.]+):\s+\S+\s+(.*?)\s+\((.*)\)\s*$", line)
        if not m:
            continue
        t = float(m.group(3))
        if not any(a <= t <= b for a, b in windows):
            continue
        sym = re.sub(r"\+0x[0-9a-f]+$", "", m.group(4))
        if re.search(FIXTURE_SYMBOLS, sym):
            dropped += 1
            continue
        counts[(m.group(5).split("/")[-1], sym)] += 1
        kept += 1
    print(f"{kept} samples in the operations' windows ({dropped} of the input fixtures' random numbers left out)")
    print()
    rows = [(100.0 * c / kept, dso, sym) for (dso, sym), c in sorted(counts.items(), key=lambda kv: -kv[1])]
    kinds = defaultdict(float)
    for pct, dso, sym in rows:
        label = "other"
        text = sym if dso not in ("libjvm.so",) else "libjvm " + sym
        for kind, pattern in KINDS:
            if re.search(pattern, text):
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
        print(f"| {pct:.1f} | {dso} | `{sym[:110]}` |")


if __name__ == "__main__":
    if sys.argv[1] == "trace":
        trace(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20)
    else:
        perf(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 20)
