#!/bin/sh
# Builds the libFuzzer targets with clang (AddressSanitizer and UndefinedBehaviorSanitizer) into
# build-fuzz/: fuzz_catalogue, fuzz_style, fuzz_manifest. Not part of `make test`.
# Run one for ten minutes:  build-fuzz/fuzz_catalogue -max_total_time=600 -max_len=65536 build-fuzz/corpus-catalogue
set -e
cd "$(dirname "$0")/../.."
CXX=${CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "tests/fuzz/build.sh: needs clang++ (apt-get install clang)"; exit 1; }
out=build-fuzz
mkdir -p "$out/obj" "$out/generated/pathways"
version=$(sed -n 's/^project(pathways VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
sed "s/@PROJECT_VERSION@/$version/" src/version.hpp.in > "$out/generated/pathways/version.hpp"
flags="-std=c++20 -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -Iinclude -I$out/generated
$(pkg-config --cflags libgvc libcgraph yaml-cpp cairo pangocairo)"
libs="$(pkg-config --libs libgvc libcgraph yaml-cpp cairo cairo-pdf cairo-svg cairo-png pangocairo)"
objects=""
for src in $(ls src/*/*.cpp | grep -v '^src/cli/'); do
  obj="$out/obj/$(echo "$src" | tr / _).o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
    echo "compiling $src"
    $CXX $flags -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
  objects="$objects $obj"
done
for target in catalogue style manifest; do
  echo "linking fuzz_$target"
  $CXX $flags -fsanitize=fuzzer "tests/fuzz/fuzz_$target.cpp" $objects $libs -o "$out/fuzz_$target"
  mkdir -p "$out/corpus-$target"
done
# Seeds: the shipped files and test fixtures.
cp tests/data/*.yaml data/ncl-career-pathways.yaml data/nhs-management-careers.yaml "$out/corpus-catalogue/"
cp styles/*.yaml "$out/corpus-style/"
cp data/posters.yaml tests/data/manifest-*.yaml "$out/corpus-manifest/"
