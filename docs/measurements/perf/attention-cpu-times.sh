#!/bin/bash
# usage: measure.sh CP OUTCSV
CP=$1; OUT=$2
J="java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp $CP org.fmmbench.baselines.attention.AttentionCpuTime"
export OMP_NUM_THREADS=1 DJL_OFFLINE=true
F='fmm:k=5,kernels=elu+elu_flip'
echo "repeat,piece,B,N,causal,rounds,median_ms,min_ms,max_ms,x_linear,load_before" > $OUT
for rep in 1 2 3; do
  for n in 4096 8192 16384 32768 65536; do
    L=$(cut -d' ' -f1 /proc/loadavg)
    $J 1 $n 7 false "linear;band:k=5;near;far2;$F" 2>/dev/null | grep -v WARN | sed "s/^/$rep,/; s/$/,$L/" >> $OUT
  done
  L=$(cut -d' ' -f1 /proc/loadavg)
  $J 1 16384 7 true "linear;band:k=5;$F" 2>/dev/null | grep -v WARN | sed "s/^/$rep,/; s/$/,$L/" >> $OUT
  L=$(cut -d' ' -f1 /proc/loadavg)
  $J 32 2048 5 false "linear;band:k=5;$F" 2>/dev/null | grep -v WARN | sed "s/^/$rep,/; s/$/,$L/" >> $OUT
done
echo done >> $OUT.done
