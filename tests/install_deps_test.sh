#!/bin/sh
# scripts/install-deps on machines it must not or cannot change, through stub commands (dpkg-query,
# apt-get, sudo, id, cmake, g++, node, npm) in front of nothing else: it installs only what building
# needs for `make posters` (no chromium, node or npm), adds the tests' packages with --tests, uses
# sudo when not root, stops with a plain message when not root and there is no sudo, and stops when
# a version it relies on is too old. Usage: install_deps_test.sh SOURCE_DIR
set -eu
source=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

bin=$scratch/bin
mkdir "$bin"
for tool in sh sed grep dirname cmp cp cat dpkg; do ln -s "$(command -v $tool)" "$bin/$tool"; done
stub() { printf '#!/bin/sh\n%s\n' "$2" >"$bin/$1"; chmod +x "$bin/$1"; }
stub dpkg-query 'case " $INSTALLED " in *" $3 "*) printf "install ok installed" ;; *) exit 1 ;; esac'
stub apt-get 'echo "apt-get $*" >>"$LOG"'
stub id 'case "$1" in -u) echo "$UID_" ;; -un) echo alice ;; esac'
stub cmake 'echo "cmake version $CMAKE_VERSION"'
stub g++ 'echo 12.2.0'
stub node 'echo "v$NODE_VERSION"'
stub npm 'echo 9.2.0'
all="cmake g++ make pkg-config libgraphviz-dev libyaml-cpp-dev libcairo2-dev libpango1.0-dev libcli11-dev
fonts-liberation catch2 poppler-utils librsvg2-bin libxml2-utils python3 python3-yaml python3-jsonschema chromium
nodejs dpkg-dev libzip-dev libxml2-dev libxlsxwriter-dev fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
python3-networkx libqpdf-dev libqrencode-dev colord-data qpdf zbar-tools"

# run EXPECTED_STATUS ARGS...: runs install-deps with the stubs; its stderr is in $scratch/err.
run() {
  expected=$1
  shift
  : >"$scratch/log"
  status=0
  env -i PATH="$bin" LOG="$scratch/log" INSTALLED="$INSTALLED" UID_="$UID_" CMAKE_VERSION="$CMAKE_VERSION" \
    NODE_VERSION="$NODE_VERSION" sh "$source/scripts/install-deps" "$@" >"$scratch/out" 2>"$scratch/err" || status=$?
  [ "$status" = "$expected" ] || fail "install-deps $* exited $status, not $expected: $(cat "$scratch/err")"
}
says() { grep -qF -- "$1" "$scratch/err" || fail "install-deps did not say '$1'; it said: $(cat "$scratch/err")"; }

INSTALLED="" UID_=1000 CMAKE_VERSION=3.25.1 NODE_VERSION=18.20.4
run 1
says "you are not root, and 'sudo' is not installed"
says "apt-get install cmake g++ make"
grep -q "chromium\|nodejs\|npm" "$scratch/err" && fail "make posters would install browser-test packages: $(cat "$scratch/err")"
[ -s "$scratch/log" ] && fail "apt-get ran although it could not succeed"

run 1 --tests
says "chromium"
says "nodejs"

stub sudo '"$@"; echo "(with sudo)" >>"$LOG"'
run 0
grep -q "^apt-get install .* cmake g++ make pkg-config" "$scratch/log" || fail "apt-get install was not run: $(cat "$scratch/log")"
grep -q "(with sudo)" "$scratch/log" || fail "not root, but sudo was not used"
grep -q "chromium" "$scratch/log" && fail "make posters installed chromium"
rm "$bin/sudo"

INSTALLED=$(echo $all) UID_=0 CMAKE_VERSION=3.13.4
run 1
says "cmake 3.13.4 is too old: the build (CMakeLists.txt) needs 3.20 or newer"

CMAKE_VERSION=3.25.1 NODE_VERSION=16.20.2
run 0
[ -s "$scratch/log" ] && fail "apt-get ran although everything was installed"
run 1 --tests
says "nodejs 16.20.2 is too old: the browser test (playwright-core 1.61) needs 18 or newer"
[ -s "$scratch/log" ] && fail "apt-get ran although everything was installed"
echo "install-deps: ok"
