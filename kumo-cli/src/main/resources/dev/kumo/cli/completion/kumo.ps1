# kumo completion for PowerShell: kumo completion powershell | Out-String | Invoke-Expression
# Each TAB runs 'kumo __complete WORDS... CURRENT', which answers with commands, flags and the names of objects the
# server has.
Register-ArgumentCompleter -Native -CommandName kumo -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
    & $commandAst.CommandElements[0].ToString() __complete @words $wordToComplete 2>$null |
        Where-Object { $_ -like "$wordToComplete*" } |
        ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
