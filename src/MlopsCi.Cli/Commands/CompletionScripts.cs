namespace MlopsCi.Cli.Commands;

/// <summary>
/// The completion scripts: each passes the line up to the cursor, without the program's name, to
/// <c>mlops "[suggest:&lt;cursor&gt;]" "&lt;line&gt;"</c> and offers the candidates it prints, one a line. Options are
/// offered once the word being completed starts with '-'.
/// </summary>
internal static class CompletionScripts
{
    public static string? For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => PowerShell,
        _ => null,
    };

    private const string Bash = """
        # mlops tab completion for bash: add 'source <(mlops completion bash)' to ~/.bashrc.
        _mlops_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local args="${line#*"${COMP_WORDS[0]}"}"
            args="${args#"${args%%[![:space:]]*}"}"
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local IFS=$'\n'
            local candidates
            candidates=$("${COMP_WORDS[0]}" "[suggest:${#args}]" "$args" 2>/dev/null)
            [[ "$cur" == -* ]] || candidates=$(grep -v '^-' <<< "$candidates")
            COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
        }
        complete -o default -F _mlops_complete mlops

        """;

    private const string Zsh = """
        #compdef mlops
        # mlops tab completion for zsh: add 'source <(mlops completion zsh)' to ~/.zshrc, after compinit.
        _mlops() {
            local line="${BUFFER[1,CURSOR]}"
            local args="${line#*${words[1]}}"
            args="${args#"${args%%[! ]*}"}"
            local -a candidates
            candidates=("${(@f)$("${words[1]}" "[suggest:${#args}]" "$args" 2>/dev/null)}")
            [[ "${words[CURRENT]}" == -* ]] || candidates=(${candidates:#-*})
            compadd -a candidates
        }
        compdef _mlops mlops

        """;

    private const string PowerShell = """
        # mlops tab completion for PowerShell: add 'mlops completion pwsh | Out-String | Invoke-Expression' to $PROFILE.
        Register-ArgumentCompleter -Native -CommandName mlops -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.ToString()
            $line = $line.Substring(0, [Math]::Min($cursorPosition - $commandAst.Extent.StartOffset, $line.Length))
            $program = $commandAst.CommandElements[0].Extent.ToString()
            $arguments = $line.Substring([Math]::Min($program.Length, $line.Length)).TrimStart()
            & $program "[suggest:$($arguments.Length)]" $arguments 2>$null |
                Where-Object { $_ -like "$wordToComplete*" -and ($wordToComplete.StartsWith('-') -or -not $_.StartsWith('-')) } |
                ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
        }

        """;
}
