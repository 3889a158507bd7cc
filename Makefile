# A thin layer over CMake: each target installs what is missing, configures and builds first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
CMAKE_FLAGS += -DPATHWAYS_WERROR=ON
endif

MAKEFLAGS += --no-print-directory

.PHONY: all deps configure program build posters test sanitize clean

all: build

deps:
	@./scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

# Just the program (what `make posters` needs).
program: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target pathways

# The program and the tests.
build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds every poster in data/posters.yaml that is out of date, and output/index.html.
# POSTERS_FLAGS: e.g. --force, -j 1, --quiet.
POSTERS_FLAGS ?=
posters: program
	./$(BUILD_DIR)/pathways build data/posters.yaml $(POSTERS_FLAGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

sanitize: deps
	@cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DPATHWAYS_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) build-sanitize
