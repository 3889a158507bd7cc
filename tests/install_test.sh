#!/bin/sh
# `cmake --install` into a scratch prefix, then the installed tree moved elsewhere (as a copied
# program would be): it must still find its styles, from a folder that has none. Checks what is
# installed (program, styles, schema, man page, completions) and that the man page renders cleanly.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
for f in bin/pathways share/pathways/styles/nhs.yaml share/pathways/styles/colour-blind-safe.yaml \
         share/pathways/styles/greyscale-print.yaml share/pathways/schema/catalogue.schema.json \
         share/man/man1/pathways.1 share/bash-completion/completions/pathways \
         share/zsh/vendor-completions/_pathways share/doc/pathways/examples/posters.yaml; do
  [ -f "$scratch/prefix/$f" ] || fail "cmake --install did not install $f"
done

mv "$scratch/prefix" "$scratch/moved"
mkdir "$scratch/work"
cd "$scratch/work"
"$scratch/moved/bin/pathways" --version | grep -q '^pathways [0-9]' || fail "the installed program has no --version"
"$scratch/moved/bin/pathways" render "$source/tests/data/minimal-valid.yaml" --page A4 -o poster.svg 2>err.txt ||
  fail "the moved program could not render without --style: $(cat err.txt)"
grep -q '<svg' poster.svg || fail "no SVG written"

if command -v groff >/dev/null 2>&1; then
  warnings=$(groff -man -Tutf8 -ww -z "$scratch/moved/share/man/man1/pathways.1" 2>&1)
  [ -z "$warnings" ] || fail "the man page has troff warnings: $warnings"
fi
echo "install: ok"
