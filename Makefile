# MockMind — every command a developer or CI needs. `make dev` and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
UV ?= uv
PYTEST_WORKERS ?= 2
RUN := $(UV) run --frozen

.PHONY: help install system-packages uv web dev test test-python test-web test-browser test-timing smoke bench \
        bench-sandbox bench-tts verify-questions asyncapi lint services

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

uv:
	@command -v $(UV) >/dev/null || python3 -m pip install --quiet uv

system-packages:
	@scripts/install-system-packages.sh

install: uv system-packages ## install Python (uv.lock) and system dependencies
	$(UV) sync --frozen

web: ## build the web client (static export served by the gateway)
	@if [ -f web/package.json ]; then cd web && npm ci --no-audit --no-fund && npm run build; fi

services:
	@scripts/ensure-services.sh

dev: install web services ## run every service and the web client on http://localhost:8000
	$(RUN) python -m runtime.local_stack

test: install web ## install and run the whole test suite
	@scripts/ensure-services.sh --all
	$(MAKE) lint
	$(MAKE) test-python
	$(MAKE) test-web
	$(MAKE) test-browser

test-python:
	$(RUN) pytest -n $(PYTEST_WORKERS) --dist loadfile -q

# Measured-complexity checks: part of test-python (they hold beside another test run on 2 cores, see
# services/feedback_agent/feedback_agent/complexity.py); this runs just them, e.g. to look at their figures.
test-timing: install ## the feedback agent's measured-complexity checks, run alone
	@scripts/ensure-services.sh
	$(RUN) pytest -q -m timing -p no:xdist

test-web:
	@if [ -f web/package.json ]; then cd web && npm run lint && npm run typecheck && npm test; fi

test-browser: ## the web client in headless Chromium against the running platform
	$(RUN) python scripts/browser_e2e.py

smoke: install web services ## drive one whole interview through the public API
	$(RUN) python scripts/smoke.py

bench: install ## bus round trip and 500 concurrent WebSocket sessions
	@scripts/ensure-services.sh --all
	$(RUN) python scripts/bench.py

bench-sandbox: install ## sandbox overhead against bare python3
	$(RUN) python -m sandbox_worker.bench

bench-tts: install services ## time to first audio, cold and cached
	$(RUN) python scripts/bench_tts.py

verify-questions: install ## every reference solution, every language, through the judge
	$(RUN) python -m question_bank.verify

asyncapi: ## regenerate contracts/asyncapi.yaml from the code
	$(RUN) python scripts/asyncapi.py

lint:
	$(RUN) ruff check .
