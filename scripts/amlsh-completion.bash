# Bash completion for one-shot amlsh commands:  source scripts/amlsh-completion.bash
# Tab after "amlsh " asks "amlsh --complete" for the candidates of the line so far; values come
# from the index cache the shell keeps in $AMLSH_HOME/cache/index.json (listed once when missing).
_amlsh_complete() {
  local line="${COMP_LINE:0:$COMP_POINT}"
  line="${line#*amlsh }"
  local IFS=$'\n'
  local candidates
  candidates=$(amlsh --complete "$line" 2>/dev/null) || return 0
  # Resource IDs go on segment by segment: no space after a candidate that ends with "/".
  compopt -o nospace 2>/dev/null
  COMPREPLY=()
  local c
  for c in $candidates; do
    if [[ "$c" == */ ]]; then COMPREPLY+=("$c"); else COMPREPLY+=("$c "); fi
  done
}
complete -F _amlsh_complete amlsh
