#!/bin/bash
# usage: measure-short.sh CP OUTCSV  (3 repeats; a subset of attention-cpu-times.sh's cells)
CP=$1; OUT=$2
J="java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp $CP org.fmmbench.baselines.attention.AttentionCpuTime"
export OMP_NUM_THREADS=1 DJL_OFFLINE=true
F='fmm:k=5,kernels=elu+elu_flip'
echo "repeat,piece,B,N,causal,rounds,median_ms,min_ms,max_ms,x_linear,load_before" > $OUT
run() { L=$(cut -d' ' -f1 /proc/loadavg); $J "$@" 2>/dev/null | grep -v WARN | sed "s/^/$rep,/; s/$/,$L/" >> $OUT; }
for rep in 1 2 3; do
  run 1 4096 7 false "linear;band:k=5;near;far2;$F"
  run 1 8192 7 false "linear;band:k=5;$F"
  run 1 16384 7 false "linear;band:k=5;near;far2;$F"
  run 1 65536 5 false "linear;band:k=5;$F"
  run 1 16384 7 true "linear;band:k=5;$F"
  run 32 2048 5 false "linear;band:k=5;$F"
done
