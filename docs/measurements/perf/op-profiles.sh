#!/bin/bash
# Per-kernel CPU profiles of the missed targets: OpProfile under `perf record` (user-space CPU samples of the
# benchmark thread, kept to the operations' time windows), summarised by op_profile.py into OUT/*.md.
# Usage: op-profiles.sh CLASSPATH OUT_DIR   (CLASSPATH: the project's classes + OpProfile's; see README.md here)
set -euo pipefail
CP=$1
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
export OMP_NUM_THREADS=1
# MallocTunables' value, as scaling forks and training cells run
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864
profile() { # name, OpProfile arguments...
  local name=$1; shift
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  perf record -q -k mono -e cpu-clock:u -F 999 -o "$OUT/$name.data" -- \
    java -Dai.djl.pytorch.num_threads=1 -Dai.djl.offline=true -cp "$CP" org.fmmbench.harness.bench.OpProfile "$@" \
    2>/dev/null > "$OUT/$name.windows"
  {
    echo "# $name: OpProfile $*"
    echo
    echo "Measured $(date -u +%FT%TZ), load average before: $load. $(grep '^#' "$OUT/$name.windows" | sed 's/^# //')"
    echo
    python3 "$HERE/op_profile.py" "$OUT/$name.data" "$OUT/$name.windows" 25
  } > "$OUT/$name.md"
  rm -f "$OUT/$name.data"
}
profile attention-linear-16384 attention linear 16384 false 3 60
profile attention-band5-16384 attention band:k=5 16384 false 3 40
profile attention-fmm2-16384 attention fmm:k=5,kernels=elu+elu_flip 16384 false 3 25
profile step-linear-b32 step linear 32 1 4
profile step-fmm2-b32 step fmm:k=5,kernels=elu+elu_flip 32 1 4
