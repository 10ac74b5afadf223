# kumo completion for fish: kumo completion fish | source
# Each TAB runs 'kumo __complete WORDS… CURRENT', which answers with commands, flags and the names of objects the
# server has.
function __kumo_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    $words[1] __complete $words[2..-1] "$current" 2>/dev/null
end
complete -c kumo -f -a '(__kumo_complete)'
