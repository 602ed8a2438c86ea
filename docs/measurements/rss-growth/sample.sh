#!/usr/bin/env bash
# Samples the resident set of every JVM that trains a cell (its command line has --cell N) every 20 s.
out=/work/probes/rss/rss.tsv
while true; do
  for p in $(pgrep java); do
    cell=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null | grep -oE '\-\-cell [0-9]+' | cut -d' ' -f2)
    rss=$(awk '/VmRSS/{print $2}' /proc/$p/status 2>/dev/null)
    [ -n "$cell" ] && [ -n "$rss" ] && printf '%s\t%s\t%s\t%s\n' "$(date -u +%s)" "$p" "$cell" "$rss" >> $out
  done
  sleep 20
done
