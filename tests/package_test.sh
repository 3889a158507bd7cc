#!/bin/sh
# The .deb `make package` makes: built by CPack into a scratch folder, its contents listed with
# dpkg-deb -c, its declared dependencies read, unpacked with dpkg -x into a scratch root whose
# pathways must run (--version, and a render that finds the packaged styles), and apt's
# simulation of `apt install ./pathways_*.deb` must find every dependency.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/package" >"$scratch/cpack.log" 2>&1 ||
  fail "cpack failed: $(cat "$scratch/cpack.log")"
deb=$(ls "$scratch"/package/pathways_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/pathways ./usr/share/pathways/styles/nhs.yaml ./usr/share/pathways/schema/catalogue.schema.json \
         ./usr/share/man/man1/pathways.1 ./usr/share/bash-completion/completions/pathways; do
  echo "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for d in libgvc6 libcgraph6 libcairo2 libpango-1.0-0 libyaml-cpp fonts-liberation libqpdf libqrencode colord-data; do
  echo "$depends" | grep -q "$d" || fail "the package does not depend on $d (Depends: $depends)"
done

dpkg -x "$deb" "$scratch/root"
mkdir "$scratch/work"
cd "$scratch/work"
"$scratch/root/usr/bin/pathways" --version | grep -q "^pathways $(dpkg-deb -f "$deb" Version)" ||
  fail "the packaged pathways --version does not say the package's version"
"$scratch/root/usr/bin/pathways" render "$source/tests/data/minimal-valid.yaml" --page A4 -o p.pdf 2>err.txt ||
  fail "the packaged program could not render with its own styles: $(cat err.txt)"

apt-get install --simulate "$deb" >"$scratch/apt.log" 2>&1 ||
  fail "apt cannot install the package: $(cat "$scratch/apt.log")"
echo "package: ok ($(basename "$deb"), Depends: $depends)"
