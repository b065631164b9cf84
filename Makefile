# Two entry points for a fresh machine:
#   make demo   set up, then build the example graph, draw it and query it (outputs in examples/out/)
#   make test   set up with the test extras, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := examples/out

.PHONY: demo test setup setup-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: setup
	mkdir -p $(OUT)
	$(BIN)/graphkit build examples/articles -o $(OUT)/graph.trig
	$(BIN)/graphkit validate $(OUT)/graph.trig
	$(BIN)/graphkit viz $(OUT)/graph.trig -o $(OUT)/graph.html
	$(BIN)/graphkit query $(OUT)/graph.trig --name who-sells-what-to-whom | tee $(OUT)/who-sells-what-to-whom.txt
	@echo "Open $(OUT)/graph.html in a browser; the graph is $(OUT)/graph.trig."

test: setup-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(OUT) .pytest_cache
