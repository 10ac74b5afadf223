#!/usr/bin/env bash
# kumo completion for bash: source <(kumo completion bash)
# Each TAB runs 'kumo __complete WORDS… CURRENT', which answers with commands, flags and the names of objects the
# server has.
_complete_kumo() {
  local cur="${COMP_WORDS[COMP_CWORD]}" IFS=$'\n' candidates
  candidates=$("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return 0
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -F _complete_kumo -o default kumo
