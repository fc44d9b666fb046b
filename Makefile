# acrcmk — build, test, demo and benchmark targets.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
# Evaluated only by the targets that need the release binary.
BIN_DIR = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
DEMO_HOME ?= $(CURDIR)/demo-home

.PHONY: build release test demo bench install clean fuzz fuzz-one sanitize-address sanitize-thread

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# Tests build in debug mode; the test vectors they read are in Tests/Vectors.
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .test-output.log; exit $${PIPESTATUS[0]}

demo: release
	./scripts/demo.sh "$(BIN_DIR)/acrcmk" "$(DEMO_HOME)"

bench: release
	./scripts/bench.sh "$(BIN_DIR)/acrcmk"

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$(BIN_DIR)/acrcmk" "$(DESTDIR)$(PREFIX)/bin/acrcmk"

# libFuzzer targets in Fuzz/ (not part of `test`): each runs for FUZZ_SECONDS or FUZZ_RUNS executions, whichever
# comes first, one job at a time. Crashes are left in .build-fuzz/artifacts/<target>/. See Fuzz/README.md.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 10000000
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) ./scripts/fuzz.sh run

# make fuzz-one TARGET=jmespath (scripts/fuzz.sh list names them)
fuzz-one:
	@test -n "$(TARGET)" || { echo "usage: make fuzz-one TARGET=<$$(./scripts/fuzz.sh list | paste -sd'|')>"; exit 2; }
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) ./scripts/fuzz.sh run $(TARGET)

# The whole test suite under AddressSanitizer or ThreadSanitizer, each in its own scratch folder (the child
# processes the tests run, acrcmk and cmkstore-exerciser, are built with the same sanitizer).
sanitize-address:
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	$(SWIFT) test --skip-build --scratch-path .build-asan --sanitize=address

sanitize-thread:
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan "$(DEMO_HOME)" .test-output.log
