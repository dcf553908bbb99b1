# isnad - one non-recursive GNU Makefile.
#   make          build bin/isnad (runs scripts/setup.sh once for packages)
#   make test     unit, CLI and fuzz-corpus tests; ends with "N passed, N failed"
#   make check    the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench    throughput benchmarks against the Snowball-only peer
#   make fuzz     libFuzzer targets (clang); FUZZ_SECONDS=600 make fuzz-run
#   make lexicon  regenerate data/lexicon.tsv from ../shared/data
#   make model    retrain data/ner.model from ../shared/data (NER)
SHARED ?= ../shared
CC ?= cc
VARIANT ?= release
B := build/$(VARIANT)

PKG_LIBS := uchardet libutf8proc libxml-2.0 zlib sqlite3 libcurl jansson
WARN := -Wall -Wextra -Werror -Wpedantic -Wstrict-prototypes -Wvla \
	-Wwrite-strings -Wformat-security -Wno-overlength-strings
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(WARN) -MMD -MP
ifeq ($(VARIANT),check)
OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
else ifeq ($(VARIANT),debug)
OPT := -O0 -g
else
OPT := -O2 -g
endif
CFLAGS ?=
override CFLAGS := $(CFLAGS_BASE) $(OPT) $(CFLAGS)
LDLIBS := -lstemmer $(shell pkg-config --libs $(PKG_LIBS) 2>/dev/null || \
	echo -luchardet -lutf8proc -lxml2 -lz -lsqlite3 -lcurl -ljansson) -lm -lpthread
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
override CFLAGS += $(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null || echo $(XML_CFLAGS))

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o) $(B)/src/lexicon_blob.o $(B)/src/ner_blob.o
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
LIB := $(B)/libisnad.a
STAMP := build/.setup-done

.PHONY: all test check bench bench-boiler fuzz fuzz-run lexicon model clean run setup
all: bin/isnad

setup: $(STAMP)
$(STAMP): scripts/setup.sh
	@sh scripts/setup.sh
	@mkdir -p build && touch $@

$(B)/%.o: %.c | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/src/lexicon_blob.o: src/lexicon_blob.S data/lexicon.tsv | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) -c -DISNAD_LEXICON_PATH='"data/lexicon.tsv"' $< -o $@

$(B)/src/ner_blob.o: src/ner_blob.S data/ner.model | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) -c -DISNAD_NER_MODEL_PATH='"data/ner.model"' $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/isnad: $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

bin/isnad: $(B)/isnad
	@mkdir -p bin
	cp $< $@

$(B)/test_unit: $(TEST_OBJ) $(LIB)
	$(CC) $(CFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LDLIBS)

# Plain replay drivers of the fuzz targets: run over the saved corpus in test.
$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/standalone_main.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ fuzz/fuzz_$*.c fuzz/standalone_main.c $(LIB) $(LDLIBS)

REPLAYS := $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)

TEST_ENV ?=
test: $(B)/test_unit $(B)/isnad $(REPLAYS)
	@$(TEST_ENV) ISNAD=$(B)/isnad B=$(B) SHARED=$(SHARED) sh tests/run_all.sh

# Sanitizers slow the huge-line test and inflate its RSS: smaller there.
check:
	$(MAKE) --no-print-directory VARIANT=check test TEST_ENV="HUGE_MB=8 RSS_LIMIT_MB=4000"

run: bin/isnad
	bin/isnad analyze $(wildcard $(SHARED)/seeds/*.txt)

# ---- benchmarks --------------------------------------------------------
$(B)/bench_text: bench/bench_text.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(B)/conflation: bench/conflation.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(B)/bench_store: bench/bench_store.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(B)/bench_extract: bench/bench_extract.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
bench: $(B)/bench_text $(B)/conflation $(B)/bench_store $(B)/bench_extract
	$(B)/bench_text $(SHARED)/data/news/saudinewsnet.jsonl
	$(B)/bench_store $(SHARED)/data/news/saudinewsnet.jsonl
	$(B)/bench_extract $(SHARED)/data/news/saudinewsnet.jsonl 3000 3
	$(B)/conflation tests/data/conflation/pairs.tsv

# HTML boilerplate removal against Mozilla Readability (node + npm; not in
# test: CI has no node modules).  Scores both on ../shared/data/boilerplate.
$(B)/bench_boiler: bench/bench_boiler.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
bench-boiler: $(B)/bench_boiler
	@test -d bench/readability/node_modules || \
	  (cd bench/readability && npm install --no-audit --no-fund)
	$(B)/bench_boiler $(SHARED) $(B)/boiler_isnad.jsonl 5 > $(B)/boiler_isnad.perf
	node bench/readability/run.mjs $(SHARED) $(B)/boiler_readability.jsonl 1 \
	  > $(B)/boiler_readability.perf
	python3 bench/boiler_score.py $(SHARED) isnad=$(B)/boiler_isnad.jsonl \
	  readability=$(B)/boiler_readability.jsonl \
	  --perf "$$(cat $(B)/boiler_isnad.perf)" "$$(cat $(B)/boiler_readability.perf)"

# ---- fuzzing (clang + libFuzzer) ------------------------------------------
FB := build/fuzz
FUZZ_CFLAGS := $(CFLAGS_BASE) -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	$(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null || echo $(XML_CFLAGS))
$(FB)/lib/%.o: src/%.c | $(STAMP)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c $< -o $@
$(FB)/lib/lexicon_blob.o: src/lexicon_blob.S data/lexicon.tsv
	@mkdir -p $(dir $@)
	clang -c -DISNAD_LEXICON_PATH='"data/lexicon.tsv"' $< -o $@
$(FB)/lib/ner_blob.o: src/ner_blob.S data/ner.model
	@mkdir -p $(dir $@)
	clang -c -DISNAD_NER_MODEL_PATH='"data/ner.model"' $< -o $@
$(FB)/libisnad.a: $(LIB_SRC:src/%.c=$(FB)/lib/%.o) $(FB)/lib/lexicon_blob.o \
		$(FB)/lib/ner_blob.o
	@rm -f $@
	ar rcs $@ $^
$(FB)/fuzz_%: fuzz/fuzz_%.c $(FB)/libisnad.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FB)/libisnad.a $(LDLIBS)
fuzz: $(FUZZ_TARGETS:%=$(FB)/fuzz_%)
FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	for t in $(FUZZ_TARGETS); do mkdir -p fuzz/corpus/$$t; \
	  $(FB)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -rss_limit_mb=2048 fuzz/corpus/$$t || exit 1; done

# ---- generated data ----------------------------------------------------------
$(B)/mklexicon: tools/mklexicon.c $(LIB)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
# The NER model (data/ner.model, committed): fixed seed and epochs.  ANERcorp
# (news) is the main data; AQMAR and the Wojood sample (other conventions)
# join with updates scaled down.
NER_TRAIN ?= $(SHARED)/data/ner/anercorp/train.conll
NER_AUX ?= $(filter-out $(NER_TRAIN),$(wildcard $(SHARED)/data/ner/*/train.conll))
NER_EPOCHS ?= 15
NER_DROPOUT ?= 0
NER_RUNS ?= 1
model: $(B)/isnad
	$(B)/isnad train-ner --out data/ner.model --epochs $(NER_EPOCHS) \
	  --seed 1 --runs $(NER_RUNS) --word-dropout $(NER_DROPOUT) \
	  --gazetteers $(SHARED)/data/gazetteers \
	  --news $(SHARED)/data/news/saudinewsnet.jsonl \
	  $(NER_TRAIN) $(addprefix --aux ,$(NER_AUX)) --aux-weight 0.1
	$(MAKE) all

lexicon: $(B)/mklexicon
	$(B)/mklexicon $(SHARED)/data/news/saudinewsnet.jsonl \
	  $(wildcard $(SHARED)/data/ner/*/train.conll) > data/lexicon.tsv.new
	mv data/lexicon.tsv.new data/lexicon.tsv

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
