# A thin layer over CMake: each target installs what is missing, configures and builds first.
# `make posters` and `make program` install only what building and rendering need; `make build`,
# `make test` and `make package` add what the tests (or packaging) need.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local
ifeq ($(CI),true)
CMAKE_FLAGS += -DPATHWAYS_WERROR=ON
endif

MAKEFLAGS += --no-print-directory
# The steps run in order even under `make -j` (two apt-get runs at once would fight over its lock);
# the compiling itself is parallel through JOBS.
.NOTPARALLEL:

.PHONY: all deps test-deps package-deps configure program build posters test sanitize bench readme-figures install package clean

all: build

deps:
	@./scripts/install-deps

test-deps:
	@./scripts/install-deps --tests

package-deps:
	@./scripts/install-deps --package

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

# Just the program (what `make posters` needs).
program: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target pathways

# The program and the tests.
build: test-deps configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds every poster in data/posters.yaml that is out of date, and output/index.html.
# POSTERS_FLAGS: e.g. --force, -j 1, --quiet.
POSTERS_FLAGS ?=
posters: program
	./$(BUILD_DIR)/pathways build data/posters.yaml $(POSTERS_FLAGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Installs the program, its styles, schema, man page and bash completion under PREFIX
# (default /usr/local; DESTDIR is honoured). Use sudo for a system folder.
install: program
	@cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# A Debian package, build/pathways_<version>_<arch>.deb: `sudo apt install ./build/pathways_*.deb`.
package: package-deps configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target pathways
	@cd $(BUILD_DIR) && cpack -G DEB

sanitize: test-deps
	@cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DPATHWAYS_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# The scale benchmark (not part of `make test`): generated catalogues against plain dot.
# BENCH_FLAGS: e.g. --sizes 58,350 --runs 5 (default: 58,200,350,1000,5000, three paired runs each)
BENCH_FLAGS ?=
bench: program
	@command -v dot >/dev/null || { echo "bench: needs Graphviz's dot as its yardstick (apt-get install graphviz)"; exit 1; }
	python3 bench/run.py --pathways $(BUILD_DIR)/pathways $(BENCH_FLAGS)

# Re-measures the figures the README quotes (render report, layout figures, build times) and the
# preview image, and rewrites them in place; `make test` checks the layout figures are current.
readme-figures: program
	python3 scripts/readme-figures --program $(BUILD_DIR)/pathways

clean:
	rm -rf $(BUILD_DIR) build-sanitize
