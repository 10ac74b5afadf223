#compdef kumo
# kumo completion for zsh: source <(kumo completion zsh)
# Each TAB runs 'kumo __complete WORDS… CURRENT', which answers with commands, flags and the names of objects the
# server has.
_kumo() {
  local -a candidates
  candidates=("${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
  compadd -- "${(@)candidates:#}"
}
if (( $+functions[compdef] )); then
  compdef _kumo kumo
else
  autoload -Uz compinit && compinit && compdef _kumo kumo
fi
