#!/usr/bin/env bash
# Starts and stops a real, throw-away, one-node Slurm cluster on this machine,
# so that tests can submit job arrays with sbatch against genuine slurmctld and
# slurmd daemons instead of a mock.
#
#   slurm-cluster.sh install            # apt-get slurm-wlm + munge (once per machine)
#   slurm-cluster.sh start STATE_DIR    # prints: export SLURM_CONF=STATE_DIR/slurm.conf
#   slurm-cluster.sh stop  STATE_DIR
#
# Everything Slurm writes (config, state, spool, logs, pid files) stays under
# STATE_DIR, so a test can use a temporary directory and delete it afterwards.
# munge is the exception: Slurm's auth/munge plugin talks to the system-wide
# socket /run/munge/munge.socket.2, so one munged serves every cluster.
#
# Must run as root: slurmd has to be able to start jobs as any user, and the
# machines this targets (developers' and CI's) run everything as root anyway.
#
# Environment knobs (all optional):
#   SLURM_CLUSTER_START_TIMEOUT  seconds to wait for the node to become idle (60)
#   SLURMCTLD_PORT / SLURMD_PORT ports, if 6817/6818 are taken by something else
set -euo pipefail

readonly START_TIMEOUT="${SLURM_CLUSTER_START_TIMEOUT:-60}"
readonly STOP_TIMEOUT=20
readonly CTLD_PORT="${SLURMCTLD_PORT:-6817}"
readonly SLURMD_PORT="${SLURMD_PORT:-6818}"
# The node is called "localhost" rather than after the machine's hostname: the
# hostname differs from machine to machine and need not resolve, whereas
# localhost always does. slurmd is told its name with -N, so it does not matter
# that gethostname() says something else.
readonly NODE_NAME=localhost
readonly MUNGE_SOCKET=/run/munge/munge.socket.2

die() { echo "slurm-cluster: $*" >&2; exit 1; }
log() { echo "slurm-cluster: $*" >&2; }

usage() {
    cat >&2 <<EOF
usage: $0 install
       $0 start STATE_DIR
       $0 stop  STATE_DIR
EOF
    exit 2
}

require_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (slurmd launches jobs as their owner)"
}

# --------------------------------------------------------------------------
# install
# --------------------------------------------------------------------------
cmd_install() {
    require_root
    local missing=0 b
    for b in slurmctld slurmd sbatch munged; do
        # /usr/sbin is not on every PATH (e.g. sudo -u, some CI shells), so
        # look there too before concluding that an install is needed.
        command -v "$b" >/dev/null 2>&1 || [[ -x /usr/sbin/$b ]] || missing=1
    done
    if [[ $missing -eq 0 ]]; then
        log "slurm and munge already installed"
        return 0
    fi

    export DEBIAN_FRONTEND=noninteractive
    # Package postinst scripts try to start munge, slurmctld and slurmd with
    # invoke-rc.d. We do not want system-wide daemons with /etc config (the
    # slurm ones fail without /etc/slurm/slurm.conf, and a munged started
    # there would be one we cannot tell apart from ours), so deny service
    # starts for the duration of the install unless a policy already does.
    local policy=/usr/sbin/policy-rc.d added_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        added_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    # Other builds on a shared machine may hold the dpkg lock: wait for it
    # instead of failing at once.
    local lock_wait=(-o DPkg::Lock::Timeout=600)
    apt-get "${lock_wait[@]}" update -q
    # --no-install-recommends: the recommends drag in ~30 extra packages
    # (HDF5, ROCm, IPMI, InfluxDB plugins...) that a local cluster never uses.
    apt-get "${lock_wait[@]}" install -y -q --no-install-recommends slurm-wlm munge
    if [[ $added_policy -eq 1 ]]; then
        rm -f "$policy"
        trap - EXIT
    fi
    log "installed: $(slurmctld -V 2>/dev/null || /usr/sbin/slurmctld -V), $(munged -V 2>/dev/null | awk '{print $1}')"
}

# --------------------------------------------------------------------------
# helpers for start/stop
# --------------------------------------------------------------------------
abs_dir() {
    # Slurm resolves relative paths against each daemon's own cwd (they chdir
    # to / when daemonising), so every path in the config must be absolute.
    realpath -m "$1"
}

pid_alive() {
    local f=$1 pid
    [[ -s $f ]] || return 1
    pid=$(<"$f")
    [[ $pid =~ ^[0-9]+$ ]] && proc_alive "$pid"
}

# kill -0 is not enough: a daemon that has exited stays a zombie until init
# reaps it, and on machines whose init is not a real one (containers, VMs
# booted straight into an agent) that can take seconds. A zombie is dead.
proc_alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z && ${stat:0:1} != X ]]
}

# Sends SIGTERM to the pid in FILE, waits up to STOP_TIMEOUT, then SIGKILLs.
stop_pidfile() {
    local name=$1 f=$2 pid i
    if ! pid_alive "$f"; then
        rm -f "$f"
        return 0
    fi
    pid=$(<"$f")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
        proc_alive "$pid" || { rm -f "$f"; return 0; }
        sleep 0.2
    done
    log "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$f"
}

munge_works() {
    # A live socket is not enough (a stale socket file survives a crash);
    # a full encode/decode round trip proves munged answers.
    command -v munge >/dev/null && munge -n --socket="$MUNGE_SOCKET" 2>/dev/null |
        unmunge --socket="$MUNGE_SOCKET" >/dev/null 2>&1
}

start_munge() {
    local state=$1
    if munge_works; then
        log "munged already running; reusing it"
        return 0
    fi
    # /run is a tmpfs: on a machine without systemd nobody recreates the
    # runtime directory after a reboot, and munged refuses to create it.
    install -d -o munge -g munge -m 0755 /run/munge
    install -d -o munge -g munge -m 0700 /var/log/munge /etc/munge
    install -d -o munge -g munge -m 0711 /var/lib/munge
    if [[ ! -s /etc/munge/munge.key ]]; then
        # The Debian postinst normally makes this; create it if it is gone.
        if command -v mungekey >/dev/null; then
            runuser -u munge -- mungekey --create --keyfile=/etc/munge/munge.key
        else
            dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
        fi
    fi
    # munged rejects keys readable by others or owned by someone else.
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
    # Run munged as the munge user, as the Debian service does: the key, log
    # and seed files it checks belong to munge. Its stdio goes to a file so
    # that a caller reading our output (e.g. a Java ProcessBuilder) does not
    # wait forever for EOF on a pipe the daemon inherited.
    rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
    runuser -u munge -- /usr/sbin/munged </dev/null >>"$state/log/munged.out" 2>&1 ||
        fail_start "$state" "munged failed to start"
    # Remember that munged is ours, so that stop shuts it down and leaves a
    # munged that someone else started alone.
    cp /run/munge/munged.pid "$state/run/munged.pid"
    local i
    for ((i = 0; i < 50; i++)); do
        munge_works && return 0
        sleep 0.2
    done
    fail_start "$state" "munged started but does not answer on $MUNGE_SOCKET"
}

real_memory_mb() {
    # slurmd -C reports what slurmd itself will measure; configuring more than
    # that makes slurmctld drain the node ("Low RealMemory").
    local mb
    mb=$(slurmd -C 2>/dev/null | grep -o 'RealMemory=[0-9]*' | cut -d= -f2 || true)
    if [[ -z $mb ]]; then
        mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
    fi
    echo "$mb"
}

write_config() {
    local state=$1 conf=$1/slurm.conf cpus mem
    cpus=$(nproc)
    mem=$(real_memory_mb)
    cat >"$conf" <<EOF
# Generated by $(basename "$0") on $(date -u +%FT%TZ). One-node test cluster.
ClusterName=reckon-test
SlurmctldHost=localhost
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
SwitchType=switch/none

StateSaveLocation=$state/ctld-state
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info

# No cgroups: the cgroup plugins need a cgroup.conf and a hierarchy slurmd may
# manage, which VMs/containers without systemd do not reliably offer; plain
# process tracking works everywhere and is enough for a test cluster.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none

# CR_CPU: a task takes one CPU and memory is not a consumable resource. With
# CR_*_Memory and no --mem, every job would claim the whole node's memory and
# array tasks would run one at a time.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
# By default slurmctld batches scheduling for up to 3 s after a submission or
# a job end; a test waiting on short jobs would spend most of its time there.
SchedulerParameters=batch_sched_delay=0

# A node that restarted (e.g. slurmd stop/start) comes back by itself.
ReturnToService=2
# Keep finished jobs visible to scontrol for a while, so that a test can read
# their final state without accounting.
MinJobAge=300
# No mail program on these machines; point MailProg at one that exists.
MailProg=/bin/true

NodeName=$NODE_NAME NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$NODE_NAME Default=YES MaxTime=INFINITE State=UP
EOF
}

# True once a daemon's pid file names a dead process. The daemons fork and
# the child writes the pid file a moment after the parent has returned, so a
# missing file only means "not there yet"; the start timeout covers a daemon
# that dies before writing it.
daemon_died() {
    [[ -s $1 ]] && ! pid_alive "$1"
}

port_in_use() {
    # bash's /dev/tcp: no dependency on ss/netstat, which minimal images lack.
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

node_state() {
    # timeout: a wedged slurmctld must not stall the bounded wait.
    timeout 10 sinfo -h -N -n "$NODE_NAME" -o '%T' 2>/dev/null | head -n 1 || true
}

fail_start() {
    local state=$1 msg=$2 f
    {
        echo "slurm-cluster: $msg"
        for f in "$state/log/slurmctld.log" "$state/log/slurmd.log" \
                 "$state/log/slurmctld.out" "$state/log/slurmd.out" \
                 "$state/log/munged.out" /var/log/munge/munged.log; do
            [[ -s $f ]] || continue
            echo "----- last lines of $f -----"
            tail -n 25 "$f"
        done
    } >&2
    # Leave nothing half-running behind: the caller gets no STATE_DIR to stop
    # from a failed start, and a stray slurmctld would hold the ports.
    stop_all "$state" >/dev/null 2>&1 || true
    exit 1
}

# --------------------------------------------------------------------------
# start
# --------------------------------------------------------------------------
cmd_start() {
    require_root
    [[ $# -eq 1 ]] || usage
    local state
    state=$(abs_dir "$1")
    # slurmd makes a Unix socket per job step, STATE_DIR/spool/localhost_
    # <jobid>.4294967291 for a batch job; past 108 bytes it cannot be bound,
    # and the job silently stays PENDING forever. 64 leaves room for 10-digit
    # job ids.
    if (( ${#state} > 64 )); then
        die "STATE_DIR path too long (${#state} chars, max 64; Unix socket paths under it must fit 108 bytes), use e.g. \$(mktemp -d): $state"
    fi
    mkdir -p "$state"
    command -v slurmctld >/dev/null || PATH="$PATH:/usr/sbin"
    command -v slurmctld >/dev/null || die "slurmctld not found; run: $0 install"

    local conf=$state/slurm.conf
    export SLURM_CONF=$conf

    if pid_alive "$state/run/slurmctld.pid" && pid_alive "$state/run/slurmd.pid"; then
        log "cluster in $state is already running"
    else
        # A half-started cluster from an earlier attempt: clean it up first.
        stop_daemons "$state"
        # If another cluster holds the ports, our daemons die at once while
        # sinfo, talking to the other slurmctld, happily reports "idle".
        local port
        for port in "$CTLD_PORT" "$SLURMD_PORT"; do
            if port_in_use "$port"; then
                die "port $port is already in use (another Slurm cluster running?); stop it, or set SLURMCTLD_PORT/SLURMD_PORT"
            fi
        done
        mkdir -p "$state/ctld-state" "$state/spool" "$state/run" "$state/log"
        write_config "$state"
        start_munge "$state"
        # -c: start from a clean state, ignoring jobs left by an earlier run in
        # the same directory; those jobs' processes are gone anyway.
        # stdio is redirected for the same reason as munged's (see there).
        slurmctld -c -f "$conf" </dev/null >>"$state/log/slurmctld.out" 2>&1 ||
            fail_start "$state" "slurmctld failed to start"
        slurmd -N "$NODE_NAME" -f "$conf" </dev/null >>"$state/log/slurmd.out" 2>&1 ||
            fail_start "$state" "slurmd failed to start"
    fi

    local deadline=$((SECONDS + START_TIMEOUT)) st=""
    while ((SECONDS < deadline)); do
        daemon_died "$state/run/slurmctld.pid" && fail_start "$state" "slurmctld exited during start-up"
        daemon_died "$state/run/slurmd.pid" && fail_start "$state" "slurmd exited during start-up"
        st=$(node_state)
        # "idle" when empty; "mixed"/"allocated" if a reused cluster has jobs.
        case $st in
            idle | mixed | allocated) break ;;
        esac
        sleep 0.5
    done
    case $st in
        idle | mixed | allocated) ;;
        *) fail_start "$state" "node $NODE_NAME not idle after ${START_TIMEOUT}s (state: '${st:-no answer}')" ;;
    esac
    log "cluster up: node $NODE_NAME $st, $(nproc) CPUs, config $conf"
    echo "export SLURM_CONF=$conf"
}

# --------------------------------------------------------------------------
# stop
# --------------------------------------------------------------------------
# Kills job steps that outlived slurmd. slurmstepd runs detached from slurmd,
# so stopping slurmd does not end the jobs it started; we recognise ours by
# the SLURM_CONF in their environment and kill each with its process tree.
kill_leftover_steps() {
    local conf=$1 p pids=()
    for p in $(pgrep -x slurmstepd 2>/dev/null || true); do
        proc_alive "$p" || continue
        if tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "SLURM_CONF=$conf"; then
            pids+=("$p")
        fi
    done
    [[ ${#pids[@]} -gt 0 ]] || return 0
    log "killing ${#pids[@]} leftover slurmstepd process(es) and their jobs"
    local all=() q
    for p in "${pids[@]}"; do
        all+=("$p")
        for q in $(descendants "$p"); do all+=("$q"); done
    done
    kill -KILL "${all[@]}" 2>/dev/null || true
}

descendants() {
    local c
    for c in $(pgrep -P "$1" 2>/dev/null || true); do
        echo "$c"
        descendants "$c"
    done
}

stop_daemons() {
    local state=$1 conf=$1/slurm.conf i
    export SLURM_CONF=$conf
    # Cancel jobs while the daemons can still end them cleanly; a job that
    # outlives the cluster would keep running with nothing to manage it.
    if pid_alive "$state/run/slurmctld.pid" && [[ -f $conf ]]; then
        # A filter without job ids makes scancel act on every matching job.
        timeout 10 scancel --quiet --partition=debug 2>/dev/null || true
        local deadline=$((SECONDS + 15)) jobs
        while ((SECONDS < deadline)); do
            # No answer from slurmctld: nothing more to wait for here.
            jobs=$(timeout 5 squeue -h -o %i 2>/dev/null) || break
            [[ -z $jobs ]] && break
            sleep 0.5
        done
    fi
    # Shut both down at once: each may take a few seconds.
    stop_pidfile slurmd "$state/run/slurmd.pid" &
    stop_pidfile slurmctld "$state/run/slurmctld.pid" &
    wait
    kill_leftover_steps "$conf"
}

cmd_stop() {
    require_root
    [[ $# -eq 1 ]] || usage
    if [[ ! -d $1 ]]; then
        log "nothing to stop: $1 does not exist"
        return 0
    fi
    local state
    state=$(cd "$1" && pwd -P)
    command -v slurmctld >/dev/null || PATH="$PATH:/usr/sbin"
    stop_all "$state"
    log "cluster in $state stopped"
}

stop_all() {
    local state=$1
    stop_daemons "$state"
    if [[ -f $state/run/munged.pid ]]; then
        # Only if this script started it, and only if it is still that same
        # process (munged rewrites its pid file when restarted by others).
        if cmp -s "$state/run/munged.pid" /run/munge/munged.pid; then
            stop_pidfile munged "$state/run/munged.pid"
        fi
        rm -f "$state/run/munged.pid"
    fi
}

case "${1:-}" in
    install) shift; cmd_install "$@" ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    *) usage ;;
esac
