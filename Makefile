# acrcmk — build, test, demo and benchmark targets.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
# Evaluated only by the targets that need the release binary.
BIN_DIR = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
DEMO_HOME ?= $(CURDIR)/demo-home

.PHONY: build release test demo bench install clean

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

clean:
	rm -rf .build "$(DEMO_HOME)" .test-output.log
