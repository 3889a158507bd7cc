#!/bin/sh
# Measures where YAML syntax errors are reported on the common slips (tests/data/slip-*.yaml and
# bad-yaml-syntax.yaml): yaml-cpp's own place (the second line pathways prints), pathways' explained
# place (the first line), and libfyaml's (`fy-tool --dump`, Debian package libfyaml-utils, if
# installed), against the line where the slip really is. Not part of `make test`.
# Usage: bench/yaml-slips.sh [BUILD/pathways]
cd "$(dirname "$0")/.."
pathways=${1:-build/pathways}
# file:line of the slip
slips="slip-colon-in-text.yaml:18 slip-colon-without-space.yaml:15 slip-dash-without-space.yaml:14
slip-indent-too-far.yaml:16 slip-indent-too-little.yaml:16 slip-missing-colon.yaml:15 slip-special-start.yaml:18
slip-tab.yaml:15 slip-unclosed-brace.yaml:14 slip-unclosed-bracket.yaml:17 bad-yaml-syntax.yaml:15
slip-colon-in-braces.yaml:14 slip-key-alone.yaml:17"
have_fy=no
command -v fy-tool >/dev/null 2>&1 && have_fy=yes
cpp_right=0 ours_right=0 fy_right=0 total=0
printf '%-32s %5s %9s %9s %9s  %s\n' file slip yaml-cpp pathways libfyaml "libfyaml's words"
for entry in $slips; do
  file=tests/data/${entry%%:*}
  slip=${entry##*:}
  out=$("$pathways" check "$file" 2>&1)
  ours=$(echo "$out" | sed -n '1s/^[^:]*:\([0-9]*\):.*/\1/p')
  cpp=$(echo "$out" | sed -n '2s/.*at line \([0-9]*\) column.*/\1/p')
  fy=- words=-
  if [ $have_fy = yes ]; then
    fyout=$(fy-tool --dump "$file" 2>&1 >/dev/null | head -1)
    fy=$(echo "$fyout" | sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: error: .*/\1/p')
    words=$(echo "$fyout" | sed -n 's/.* error: //p')
    [ "$fy" = "$slip" ] && fy_right=$((fy_right + 1))
  fi
  [ "$cpp" = "$slip" ] && cpp_right=$((cpp_right + 1))
  [ "$ours" = "$slip" ] && ours_right=$((ours_right + 1))
  total=$((total + 1))
  printf '%-32s %5s %9s %9s %9s  %s\n' "${entry%%:*}" "$slip" "$cpp" "$ours" "$fy" "$words"
done
echo "at the slip's line: yaml-cpp $cpp_right/$total, pathways $ours_right/$total, libfyaml $fy_right/$total$( [ $have_fy = yes ] || echo ' (fy-tool not installed)')"
