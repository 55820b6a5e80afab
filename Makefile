# The course's commands. `make` lists them; `make run` and `make test` set up whatever is missing.
# Everything Jupyter writes (kernelspec, config, runtime files) stays under build/.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8888
UI ?= lab
NB ?=
FULL ?=
BENCH ?=
KERNEL_NAME := java-course

ROOT := $(CURDIR)
BUILD := $(ROOT)/build
JUPYTER_DIR := $(BUILD)/jupyter
KERNEL_DIR := $(JUPYTER_DIR)/kernels/$(KERNEL_NAME)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

export JUPYTER_PATH := $(JUPYTER_DIR)
export JUPYTER_CONFIG_DIR := $(JUPYTER_DIR)/config
export JUPYTER_DATA_DIR := $(JUPYTER_DIR)/data
export JUPYTER_RUNTIME_DIR := $(JUPYTER_DIR)/runtime
export IPYTHONDIR := $(BUILD)/ipython
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export MAVEN_OPTS ?= --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow

# Found on first use, so `make help` works on any machine.
JDK = $(or $(_JDK),$(eval _JDK := $(shell tools/find-jdk.sh))$(_JDK))
PY = $(or $(_PY),$(eval _PY := $(shell tools/python-env.sh))$(_PY))
MVN = JAVA_HOME="$(JDK)" mvn -B -q

.PHONY: help
help: ## List the targets
	@echo "Concurrency patterns in Java 25: an interactive course"
	@echo
	@grep -E '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: PORT=$(PORT) and UI=lab|notebook (make run), NB=notebooks/01-worker-pool.ipynb (make nb), FULL=1 (full sizes),"
	@echo "           BENCH=HandoffBench (make bench: only the benchmarks that match)"

.PHONY: run
run: kernel ## Set up what is missing, then open the course in JupyterLab (UI=notebook for Notebook 7)
	@app=$(if $(filter notebook,$(UI)),notebook,jupyterlab); \
	"$(PY)" -c "import $$app" 2>/dev/null || app=notebook; \
	root=""; [ "$$(id -u)" = 0 ] && root=--allow-root; \
	echo "Starting $$app in notebooks/ on port $(PORT); open the URL with its token printed below (Ctrl-C to stop)"; \
	exec "$(PY)" -m $$app --ip=127.0.0.1 --port=$(PORT) --no-browser $$root --ServerApp.root_dir="$(ROOT)/notebooks"

.PHONY: test
test: kernel ## Run every test: the committed notebooks' saved outputs, unit tests, every notebook through Jupyter, the kernel protocol, every chapter in JupyterLab in a browser
	@echo "== the committed notebooks: outputs from the current sources, every observation held or explained =="
	"$(PY)" -m unittest discover -s tools -p 'test_*.py' -q
	"$(PY)" tools/notebooks.py check $(NOTEBOOKS)
	@echo "== unit tests, then notebooks and protocol (integration tests) =="
	JAVA_HOME="$(JDK)" mvn -B -ntp verify -DskipNotebooks=false -Dcourse.python="$(PY)" | grep -vE "^\[INFO\] (Download|Copying|Building jar|--- |$$)"
	@echo "== every chapter in JupyterLab 4 in a browser, and the exported site =="
	$(MAKE) --no-print-directory ui-check
	@echo "== all tests passed =="

.PHONY: stress
stress: | jdk maven ## Run the randomized stress suite for three minutes (SEED=<seed> replays its choices)
	$(MVN) -pl lib test -Dtest=StressTest -Dstress.seconds=180 $(if $(SEED),-Dstress.seed=$(SEED))

.PHONY: prove
prove: build/.built ## Run chapter 8's JCStress tests and Lincheck checks (FULL=1: longer); fails if a right version shows a bad outcome
	"$(JDK)/bin/java" -cp "$$(ls prove/target/course-prove-*.jar | grep -v -e sources -e tests | head -n1):prove/target/lib/*" \
		course.prove.ProveMain all $(if $(FULL),full,quick)

.PHONY: execute
execute: kernel ## Execute every notebook headless into build/executed/ (sources untouched)
	@mkdir -p $(BUILD)/executed
	cd notebooks && $(if $(FULL),,COURSE_QUICK=1) "$(PY)" "$(ROOT)/tools/notebooks.py" execute \
		$(notdir $(NOTEBOOKS)) --out "$(BUILD)/executed"

.PHONY: refresh
refresh: kernel ## Re-execute every notebook in full mode, in place, in order, so the committed outputs come from the current code
	cd notebooks && env -u COURSE_QUICK "$(PY)" "$(ROOT)/tools/notebooks.py" execute $(notdir $(NOTEBOOKS)) --inplace

.PHONY: nb
nb: kernel ## Execute one notebook in place, for authors: make nb NB=notebooks/00-welcome.ipynb
	@test -n "$(NB)" || { echo "make nb needs NB=notebooks/<name>.ipynb" >&2; exit 2; }
	cd $(dir $(NB)) && $(if $(FULL),,COURSE_QUICK=1) "$(PY)" "$(ROOT)/tools/notebooks.py" execute \
		$(notdir $(NB)) --inplace

.PHONY: site
site: execute ## Export the executed notebooks to HTML in build/site/
	@$(MAKE) --no-print-directory site-pages
	@echo "The site is in $(BUILD)/site/index.html"

# The pages alone, from the executed copies already in build/executed/ (make test's notebook run
# leaves them there); tools/site_check.py fails on a link to a local file or to nothing.
.PHONY: site-pages
site-pages: | python
	@ls $(BUILD)/executed/*.ipynb >/dev/null 2>&1 || { echo "no executed notebooks in $(BUILD)/executed: run make execute" >&2; exit 1; }
	@rm -rf $(BUILD)/site && mkdir -p $(BUILD)/site
	"$(PY)" -m nbconvert --log-level=WARN --to html --template lab --output-dir "$(BUILD)/site" $(BUILD)/executed/*.ipynb
	"$(PY)" tools/site-assets.py "$(BUILD)/site"
	"$(PY)" tools/site_check.py "$(BUILD)/site"

UI_MODULES := $(BUILD)/ui/node_modules

.PHONY: ui-check
ui-check: kernel ## Run every chapter in JupyterLab 4 in headless Chromium (quick mode) and check it, then the site; screenshots in build/ui/
	@command -v chromium >/dev/null || tools/apt-install.sh chromium \
		|| { echo "ui-check needs Chromium (Debian package 'chromium')" >&2; exit 1; }
	@command -v node >/dev/null || tools/apt-install.sh nodejs npm \
		|| { echo "ui-check needs Node.js and npm (Debian packages 'nodejs' and 'npm')" >&2; exit 1; }
	@test -d $(UI_MODULES)/playwright-core || { mkdir -p $(BUILD)/ui && cd $(BUILD)/ui && npm install --silent --no-save playwright-core; }
	@for nb in $(notdir $(NOTEBOOKS)); do test $(BUILD)/executed/$$nb -nt notebooks/$$nb || { $(MAKE) --no-print-directory execute \
		|| echo "ui-check: a notebook failed headless (above); the browser test goes on and names its cells"; break; }; done
	@$(MAKE) --no-print-directory site-pages
	@mkdir -p $(JUPYTER_RUNTIME_DIR)
	NODE_PATH=$(UI_MODULES) node tools/ui-check.js --python "$(PY)" --notebooks notebooks --out $(BUILD)/ui --site $(BUILD)/site \
		| tee $(BUILD)/ui/ui-check.txt

.PHONY: bench
bench: build/.built ## Run the JMH suite (quick profile; FULL=1 for the full one), results in data/results/
	$(if $(FULL),FULL=1,FULL=) "$(JDK)/bin/java" --sun-misc-unsafe-memory-access=allow -cp "$$(ls bench/target/course-bench-*.jar | head -n1):bench/target/lib/*" \
		course.bench.Suite $(if $(BENCH),'$(BENCH)')

.PHONY: kafka
kafka: build/.built ## Start a single-node Kafka broker (KRaft, 127.0.0.1) and print its address until Ctrl-C
	"$(JDK)/bin/java" --sun-misc-unsafe-memory-access=allow -cp "$$(ls kafka/target/course-kafka-*.jar | head -n1):kafka/target/lib/*" \
		course.kafka.KafkaBroker

.PHONY: kernel-bench
kernel-bench: kernel ## Measure the kernel's cold start and a trivial cell's round trip
	"$(PY)" tools/kernel-bench.py --kernel $(KERNEL_NAME)

.PHONY: kernel
kernel: $(KERNEL_DIR)/kernel.json ## Build the course and install its kernel under build/jupyter

$(KERNEL_DIR)/kernel.json: build/.built tools/install-kernel.sh | python
	tools/install-kernel.sh "$(JDK)" "$(PY)" "$(JUPYTER_DIR)"

.PHONY: build
build: build/.built ## Compile the library, chapter 7's and chapter 9's modules, the benchmarks and the kernel (Maven)

SOURCES := $(shell find lib java25 bench kafka kernel prove -path '*/target' -prune -o -type f \( -name '*.java' -o -name 'pom.xml' \) -print 2>/dev/null) pom.xml
build/.built: $(SOURCES) | jdk maven
	$(MVN) package -DskipTests
	@mkdir -p build && touch $@

.PHONY: jdk
jdk:
	@test -n "$(JDK)" || { echo "No JDK 25 found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2; \
		echo "Install one: 'conda env create -f environment.yml' (openjdk=25), or a distribution package" >&2; \
		echo "such as Temurin 25 (https://adoptium.net), then set JAVA_HOME to it." >&2; exit 1; }
	@echo "JDK: $(JDK)"

.PHONY: maven
maven:
	@command -v mvn >/dev/null || tools/apt-install.sh maven \
		|| { echo "Maven is missing: 'conda env create -f environment.yml' provides it" >&2; exit 1; }

.PHONY: python
python:
	@test -n "$(PY)" || { echo "Jupyter is missing and cannot be installed here." >&2; \
		echo "Create the course's environment with 'conda env create -f environment.yml'," >&2; \
		echo "activate it ('conda activate concurrency-course') and run make again." >&2; exit 1; }
	@echo "Jupyter runs on: $(PY)"

.PHONY: clean
clean: ## Remove everything built (build/ and the target/ folders of lib, java25, bench, kafka, kernel and prove)
	rm -rf build
	-$(MVN) clean 2>/dev/null || rm -rf lib/target java25/target kernel/target bench/target kafka/target prove/target
