# Sourced by amlsh's launchers (scripts/amlsh, a release's bin/amlsh).
# A one-shot command (amlsh -c "...", amlsh group list ..., bash completion's amlsh --complete)
# goes to the home's resident amlsh process, a warm JVM, through a thin client that loads nothing
# but java.base. When no resident process takes it, the launcher runs the command itself, and that
# run starts one for the next commands. AMLSH_RESIDENT=0 runs every command in a process of its own.
amlsh_resident() { # JAVA JAR ARGS...
  local java_bin="$1" jar="$2"
  shift 2
  [ "${AMLSH_RESIDENT:-1}" != 0 ] && [ $# -gt 0 ] || return 0
  case "$1" in
    -c | --complete) ;;
    -* | *.amlsh) return 0 ;;      # the shell's options, scripts
    *) [ ! -e "$1" ] || return 0 ;; # an executable script
  esac
  if [ -S "${AMLSH_HOME:-$HOME/.amlsh}/run/resident.sock" ]; then
    local rc=0
    "$java_bin" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto \
      -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
      -cp "$jar" dev.amlsh.app.ResidentClient "$@" || rc=$?
    [ "$rc" -eq 254 ] || exit "$rc" # 254: not taken (another build or environment, or none running)
  fi
  export AMLSH_RESIDENT_START=1
}
