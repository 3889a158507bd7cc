# bash completion for pathways (installed as share/bash-completion/completions/pathways).
# Commands are listed here (a test checks them against `pathways --help`); each command's options
# are read from `pathways COMMAND --help`, so they never go stale.
_pathways() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="check export render build route import preflight help"
    local program=${COMP_WORDS[0]} command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            check|export|render|build|route|import|preflight|help) command=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $command:$prev in
        help:*) COMPREPLY=($(compgen -W "check export render build route import preflight" -- "$cur")); return ;;
        render:--format) COMPREPLY=($(compgen -W "pdf svg png html" -- "$cur")); return ;;
        export:--format|export:-f) COMPREPLY=($(compgen -W "json dot csv xlsx graphml mermaid" -- "$cur")); return ;;
        render:--layout) COMPREPLY=($(compgen -W "pathway framework auto" -- "$cur")); return ;;
        render:--tile) COMPREPLY=($(compgen -W "A4 A3" -- "$cur")); return ;;
        render:--bleed) COMPREPLY=($(compgen -W "3 5 10" -- "$cur")); return ;;
        render:--page|preflight:--page) COMPREPLY=($(compgen -W "A0 A1 A2 A3 A4" -- "$cur")); return ;;
        render:--dpi) COMPREPLY=($(compgen -W "72 96 150 300 600" -- "$cur")); return ;;
        render:--series) COMPREPLY=($(compgen -W "auto off" -- "$cur")); return ;;
        build:-j|build:--jobs|render:--svg-width|render:--id-prefix) return ;;
        *:-o|*:--output) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    esac
    if [[ $cur == -* ]]; then
        local options
        options=$("$program" "$command" --help 2>/dev/null | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    # Catalogues, manifests and styles are YAML files (preflight also reads PDFs); folders lead to them.
    if [[ $command == preflight ]]; then
        COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))
        compopt -o filenames 2>/dev/null
        return
    fi
    COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
    compopt -o filenames 2>/dev/null
}
complete -F _pathways pathways
