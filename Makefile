# sapo Makefile: builds one C module (sapo/core.so) per Lua ABI into its own
# folder, so a 5.1 (LuaJIT) object can never be found by Lua 5.4:
#   build/lua5.4/sapo/core.so     build/luajit/sapo/core.so
# `make test` installs what is missing (Debian packages), builds both and
# runs the busted suites, ending with one "N passed, N failed" line.

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wno-unused-parameter -Wmissing-prototypes
XML_CFLAGS  := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS    := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
UTF8_LIBS   := -lutf8proc
LUA54_INC   ?= /usr/include/lua5.4
LUAJIT_INC  ?= /usr/include/luajit-2.1
BASE_CFLAGS  = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -fPIC -fvisibility=hidden \
               $(WARN) -Icsrc $(XML_CFLAGS)
LDFLAGS_SO   = -shared
LIBS         = $(XML_LIBS) $(UTF8_LIBS)

# The rockspec is the one list of C sources (luarocks builds from it too);
# a spec checks that every csrc/**/*.c file is on it.
ROCK_SRC := $(shell grep -o '"csrc/[^"]*\.c"' sapo-scm-1.rockspec | tr -d '"')
CORE_SRC = $(filter csrc/core/%,$(ROCK_SRC))
BIND_SRC = $(filter-out csrc/core/%,$(ROCK_SRC))
HEADERS  = $(wildcard csrc/*.h csrc/core/*.h)

LUA      ?= lua5.4
BUSTED   ?= busted
PREFIX   ?= /usr/local
LUA_LMOD ?= $(PREFIX)/share/lua/5.4
LUA_CMOD ?= $(PREFIX)/lib/lua/5.4

# Debian packages the build and the tests need (see README).
APT_PKGS = build-essential pkg-config lua5.4 liblua5.4-dev luarocks lua-busted libxml2-dev \
           libutf8proc-dev lua-cjson lua-socket lua-sec lua-zlib lua-argparse ca-certificates \
           nginx libnginx-mod-http-lua luajit2 libluajit2-5.1-dev valgrind clang libclang-rt-14-dev \
           openssl wrk cmark-gfm lua-check lua-ldoc lua-markdown

.PHONY: all luajit both deps test test-fast check-c demo install clean bench bench-vi env dist \
        bench-accuracy bench-jobs bench-load asan valgrind fuzz fuzz-build rockspec docs lint

all: build/lua5.4/sapo/core.so

luajit: build/luajit/sapo/core.so

both: all luajit

build/lua5.4/sapo/core.so: $(CORE_SRC) $(BIND_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(BASE_CFLAGS) -I$(LUA54_INC) -DSAPO_NEED_LUA_VER=504 $(CORE_SRC) $(BIND_SRC) \
	  -o $@ $(LDFLAGS_SO) $(LIBS)

build/luajit/sapo/core.so: $(CORE_SRC) $(BIND_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(BASE_CFLAGS) -I$(LUAJIT_INC) -DSAPO_NEED_LUA_VER=501 $(CORE_SRC) $(BIND_SRC) \
	  -o $@ $(LDFLAGS_SO) $(LIBS)

# Install missing Debian packages (idempotent: only what dpkg lacks).
deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Everything: Lua 5.4, LuaJIT, the C unit tests, the C tree's shape,
# ASan+UBSan, valgrind, fuzz smoke, nginx.
test: deps both build/ctest/run build/asan/sapo/core.so fuzz-build
	@sh spec/run.sh

# The two interpreters only (seconds, for the edit-test loop).
test-fast: both
	@SAPO_SUITES="lua5.4 luajit nginx" sh spec/run.sh

# ---- release: the tarball and its versioned rockspec ----------------------
# The versioned rockspec is the scm one with the version and the release
# tarball as its source (so its C source list is the same list the Makefile
# builds from); `make rockspec` regenerates it and a spec checks it is
# current.
VERSION := $(shell sed -n 's/^\#define SAPO_VERSION "\(.*\)"/\1/p' csrc/core/sapo.h)
RELEASE_ROCKSPEC = rockspecs/sapo-$(VERSION)-1.rockspec

rockspec:
	@mkdir -p rockspecs
	@sed -e 's|^version = "scm-1"|version = "$(VERSION)-1"|' \
	     -e 's|^  url = "git+https://example.invalid/sapo.git",|  url = "https://example.invalid/sapo/releases/sapo-$(VERSION).tar.gz",  -- `make dist` builds it\n  dir = "sapo-$(VERSION)",|' \
	     sapo-scm-1.rockspec > $(RELEASE_ROCKSPEC)
	@echo "wrote $(RELEASE_ROCKSPEC)"

# dist/sapo-VERSION.tar.gz from the committed tree (git archive), and
# dist/sapo-VERSION-1.rockspec, the versioned rockspec with a file:// URL to
# that tarball: `luarocks build dist/sapo-VERSION-1.rockspec` installs it
# offline (the rockspec in rockspecs/ names the published tarball instead)
dist: rockspec
	@mkdir -p dist
	git archive --format=tar.gz --prefix=sapo-$(VERSION)/ -o dist/sapo-$(VERSION).tar.gz HEAD
	@sed -e 's|^  url = ".*",  -- `make dist` builds it|  url = "file://$(CURDIR)/dist/sapo-$(VERSION).tar.gz",|' \
	     $(RELEASE_ROCKSPEC) > dist/sapo-$(VERSION)-1.rockspec
	@echo "wrote dist/sapo-$(VERSION).tar.gz and dist/sapo-$(VERSION)-1.rockspec"

# The API reference (LDoc, config.ld) in docs/api/: open docs/api/index.html
docs:
	@ldoc -q . && echo "wrote docs/api/index.html"

# luacheck (.luacheckrc) and the doc comments of every public function
lint:
	@luacheck -q lua bin spec examples tools
	@$(LUA) tools/check_docs.lua .

# `eval "$(make -s env)"`: this tree's modules for lua5.4 and luajit, so the
# examples (and your scripts) run from the tree after `make`
env:
	@echo 'export LUA_PATH_5_4="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;"'
	@echo 'export LUA_CPATH_5_4="$(CURDIR)/build/lua5.4/?.so;;"'
	@echo 'export LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;"'
	@echo 'export LUA_CPATH="$(CURDIR)/build/luajit/?.so;;"'

demo: deps all
	@$(LUA) bin/sapo extract examples/pages/baoquocte-like.html --format text | head -40

install: all
	install -d $(DESTDIR)$(LUA_LMOD)/sapo $(DESTDIR)$(LUA_CMOD)/sapo $(DESTDIR)$(PREFIX)/bin
	install -m 644 lua/sapo/*.lua $(DESTDIR)$(LUA_LMOD)/sapo/
	install -m 755 build/lua5.4/sapo/core.so $(DESTDIR)$(LUA_CMOD)/sapo/core.so
	install -m 755 bin/sapo $(DESTDIR)$(PREFIX)/bin/sapo

clean:
	rm -rf build *.o csrc/*.o csrc/core/*.o

CORPUS ?= ../shared/corpus/dev
LUAENV = LUA_PATH_5_4="./lua/?.lua;./lua/?/init.lua;;" LUA_CPATH_5_4="./build/lua5.4/?.so;;"

build/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) -O2 $(XML_CFLAGS) bench/floor.c -o $@ $(XML_LIBS)

# speed: every phase side by side (CORPUS=dir for another corpus, ROUNDS=n)
ROUNDS ?= 3
bench: all build/bench/floor build/bench/vibench
	@sh bench/speed.sh "$(if $(filter command line,$(origin CORPUS)),$(CORPUS),)" $(ROUNDS)
	@build/bench/vibench
	@$(LUAENV) $(LUA) bench/scaling.lua

build/bench/vibench: bench/vibench.c $(CORE_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c99 -D_DEFAULT_SOURCE -Icsrc $(XML_CFLAGS) bench/vibench.c $(CORE_SRC) -o $@ $(LIBS)

bench-vi: build/bench/vibench
	@build/bench/vibench

# --jobs 1 against --jobs 2 on ~2,000 pages (CORPUS=dir for another corpus)
bench-jobs: all
	@sh bench/jobs.sh $(if $(filter command line,$(origin CORPUS)),$(CORPUS),)

# load check of the nginx service (wrk, loopback, bounded)
bench-load: luajit
	@sh bench/load.sh

# accuracy on a corpus of ID.html + ID.json pairs (CORPUS=dir)
bench-accuracy: all
	@$(LUAENV) $(LUA) bench/accuracy.lua $(CORPUS)

# ---- C unit tests: spec/c/test_*.c over the core, no Lua (with ASan+UBSan) --
CTEST_SRC = $(wildcard spec/c/test_*.c)
build/ctest/run: $(CTEST_SRC) spec/c/test.h $(CORE_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -std=c99 \
	  -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) -Icsrc -Ispec/c $(XML_CFLAGS) $(CTEST_SRC) $(CORE_SRC) \
	  -o $@ $(LIBS) -lm

# the C unit tests and the tree's shape only (seconds)
check-c: build/ctest/run
	@SAPO_SUITES="c shape" sh spec/run.sh

# ---- reliability: sanitizers, valgrind, fuzzing --------------------------
CLANG     ?= clang
SECONDS   ?= 60
FUZZ_SRC   = $(CORE_SRC)
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icsrc $(XML_CFLAGS) \
             -D_DEFAULT_SOURCE -std=c99

build/fuzz/fuzz_extract: spec/c/fuzz_extract.c $(CORE_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_FLAGS) spec/c/fuzz_extract.c $(FUZZ_SRC) -o $@ $(LIBS)

build/fuzz/fuzz_text: spec/c/fuzz_text.c $(CORE_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_FLAGS) spec/c/fuzz_text.c $(FUZZ_SRC) -o $@ $(LIBS)

# seed corpora from the example pages and spec fixtures (copied, then grown
# by the fuzzer in build/fuzz/corpus-*; crashes land in build/fuzz/)
fuzz-build: build/fuzz/fuzz_extract build/fuzz/fuzz_text
	@mkdir -p build/fuzz/corpus-extract build/fuzz/corpus-text
	@cp -n examples/pages/*.html spec/fixtures/*.html build/fuzz/corpus-extract/ 2>/dev/null || true
	@cp -n spec/fixtures/text/* build/fuzz/corpus-text/ 2>/dev/null || true

fuzz: deps fuzz-build
	cd build/fuzz && ./fuzz_extract -max_total_time=$(SECONDS) -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
	  -print_final_stats=1 corpus-extract 2>&1 | tail -n 12
	cd build/fuzz && ./fuzz_text -max_total_time=$(SECONDS) -max_len=20000 -timeout=10 -rss_limit_mb=2048 \
	  -print_final_stats=1 corpus-text 2>&1 | tail -n 12

build/asan/sapo/core.so: $(CORE_SRC) $(BIND_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all $(BASE_CFLAGS) \
	  -I$(LUA54_INC) -DSAPO_NEED_LUA_VER=504 $(CORE_SRC) $(BIND_SRC) -o $@ $(LDFLAGS_SO) $(LIBS)

# The busted suite against the module built with ASan + UBSan, and the
# suite under valgrind (memory errors and definite leaks fail it):
# spec/run.sh holds both command lines, the one place they are written.
asan: deps build/asan/sapo/core.so
	@SAPO_SUITES=asan sh spec/run.sh

valgrind: deps all
	@SAPO_SUITES=valgrind sh spec/run.sh
