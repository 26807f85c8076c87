# Helpers shared by run-echo.sh and run-group.sh (sourced; each script defines its own say()).

# cpu_ticks PID -> the process's user + system CPU time so far, in clock ticks (/proc/PID/stat).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TCK=$(getconf CLK_TCK)

# wait_port PORT PID -> returns once 127.0.0.1:PORT accepts; fails if PID dies or after 10 s.
wait_port() {
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || { say "server died"; return 1; }
    sleep 0.05
  done
  say "server did not listen on $1"; return 1
}
