# MockMind — every command a developer or CI needs. `make dev` and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
UV ?= uv
PYTEST_WORKERS ?= 2
RUN := $(UV) run --frozen

.PHONY: help install system-packages uv web dev test test-python test-web test-browser test-timing test-cluster smoke eval-interviewer bench \
        bench-sandbox bench-tts bench-record bench-voice verify-questions asyncapi web-types lint services

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

uv:
	@command -v $(UV) >/dev/null || python3 -m pip install --quiet uv

system-packages:
	@scripts/install-system-packages.sh

install: uv system-packages ## install Python (uv.lock) and system dependencies
	$(UV) sync --frozen

web: ## build the web client (static export served by the gateway), only when its sources changed
	@scripts/build-web.sh

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
	@scripts/build-web.sh --deps-only
	@if [ -f web/package.json ]; then cd web && npm run lint && npm run typecheck && npm test; fi

test-browser: ## the web client in headless Chromium: every screen at 1440, 768 and 390 px (mocked gateway), the voice capture in Firefox, then against the running platform
	cd web && npm run e2e:mocked && npm run e2e:firefox
	$(RUN) python scripts/browser_e2e.py

# Part of test-python too (marker `cluster`, tests/e2e/test_broker_node_loss.py); this runs just it. It starts
# its own three-node RabbitMQ cluster beside the system broker (other node names, ports, data and cookie).
test-cluster: install ## a broker node and a worker killed mid-interview on a three-node RabbitMQ cluster
	@scripts/ensure-services.sh --all
	$(RUN) pytest -q -m cluster -p no:xdist

smoke: install web services ## drive one whole interview through the public API
	$(RUN) python scripts/smoke.py

# PROVIDER=offline|openai|bedrock picks the interviewer of the stack it starts (OPENAI_BASE_URL etc. as for
# `make dev`); EVAL_ARGS passes more options, e.g. EVAL_ARGS="--fake-openai --personas strong,silent".
PROVIDER ?= offline
eval-interviewer: install services ## grade the interviewer with scripted candidates (evaluation/README.md)
	$(RUN) python -m interviewer_eval --provider $(PROVIDER) $(EVAL_ARGS)

bench: install ## turn latency at the browser (offline and a paced model, 1 and 100 interviews), the floor, 500 sessions
	@scripts/ensure-services.sh --all
	$(RUN) python scripts/bench.py

bench-record: install services ## bytes one scripted 30-minute interview (voice on) keeps in the database
	$(RUN) python scripts/bench_record.py

bench-sandbox: install ## sandbox overhead against bare python3
	$(RUN) python -m sandbox_worker.bench

bench-tts: install services ## time to first audio, cold and cached
	$(RUN) python scripts/bench_tts.py

bench-voice: install services ## a spoken candidate: end of speech to transcript and to the interviewer's first audio, WER
	$(RUN) python scripts/bench_voice.py

verify-questions: install ## every reference solution, every language, through the judge
	$(RUN) python -m question_bank.verify

asyncapi: ## regenerate contracts/asyncapi.yaml from the code
	$(RUN) python scripts/asyncapi.py

web-types: ## regenerate web/lib/generated/contracts.ts from the contracts (make web does it too)
	$(RUN) python scripts/web_types.py

lint:
	$(RUN) ruff check .
