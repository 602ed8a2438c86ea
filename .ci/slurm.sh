# One-node Slurm cluster for CI, on the loopback address. Source this file, then:
#   slurm_install            Debian's slurmctld, slurmd and client (apt)
#   slurm_start DIR [CPUS]   writes DIR/slurm.conf, starts slurmctld and slurmd with state and logs in DIR,
#                            exports SLURM_CONF so that sbatch and squeue use it; CPUS (default: all of
#                            the machine's, as `slurmd -C` counts them) caps how many cells run at once
#   slurm_stop               cancels what is still queued, stops the two daemons by their pids
# Nothing is written to /etc: the configuration, pid files, state and logs all live in DIR. Authentication is
# auth/none and cred/none (no munge daemon); this is only safe because everything listens on 127.0.0.1 of a
# throw-away CI machine.

slurm_install() {
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client
  fi
}

SLURM_CI_PIDS=()

slurm_start() {
  local dir cpus node memory state
  dir="$(cd "$1" && pwd)"
  node="$(hostname -s)"
  # slurmd -C prints this machine as a NodeName line; the node may not claim more than it finds.
  memory="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -1)"
  cpus="${2:-$(slurmd -C | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' | head -1)}"
  mkdir -p "$dir/state" "$dir/spool"
  cat > "$dir/slurm.conf" <<EOF
ClusterName=fmmbench-ci
SlurmctldHost=${node}(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# cgroup plugins need systemd, which a CI container does not run
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
# cores are the consumable resource; memory is not, so a job without --mem does not take the whole node
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${memory} State=UNKNOWN
PartitionName=ci Nodes=${node} Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -D -f "$SLURM_CONF" >"$dir/slurmctld.out" 2>&1 &
  SLURM_CI_PIDS+=($!)
  slurmd -D -f "$SLURM_CONF" -N "$node" >"$dir/slurmd.out" 2>&1 &
  SLURM_CI_PIDS+=($!)
  local i
  for i in $(seq 60); do
    state="$(sinfo -h -N -o '%T' 2>/dev/null || true)"
    if [[ "$state" =~ ^(idle|mixed|allocated) ]]; then
      echo "Slurm up: node $node, $cpus CPUs, ${memory} MB, config $SLURM_CONF"
      return 0
    fi
    sleep 1
  done
  echo "Slurm did not come up within 60 s; its logs:" >&2
  tail -n 20 "$dir"/slurmctld.log "$dir"/slurmd.log "$dir"/*.out >&2 || true
  return 1
}

slurm_stop() {
  if [ "${#SLURM_CI_PIDS[@]}" -eq 0 ]; then
    return 0
  fi
  # Jobs first, while slurmctld still runs: a job step that cannot report its end to the controller keeps
  # retrying, and slurmd does not stop while it has steps.
  scancel --me >/dev/null 2>&1 || true
  local i pid
  for i in $(seq 60); do
    [ -z "$(squeue -h --me -o %i 2>/dev/null)" ] && break
    sleep 1
  done
  # slurmd before slurmctld, each by the pid it got when started here; SIGKILL if it ignores SIGTERM for 30 s.
  for ((i = ${#SLURM_CI_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${SLURM_CI_PIDS[$i]}"
    kill "$pid" 2>/dev/null || continue
    timeout 30 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SLURM_CI_PIDS=()
}
