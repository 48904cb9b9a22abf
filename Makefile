# sapo Makefile: builds one C module (sapo/core.so) per Lua ABI into its own
# folder, so a 5.1 (LuaJIT) object can never be found by Lua 5.4:
#   build/lua5.4/sapo/core.so     build/luajit/sapo/core.so
# `make test` installs what is missing (Debian packages), builds both and
# runs the busted suites, ending with one "N passed, N failed" line.

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wno-unused-parameter
XML_CFLAGS  := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS    := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
UTF8_LIBS   := -lutf8proc
LUA54_INC   ?= /usr/include/lua5.4
LUAJIT_INC  ?= /usr/include/luajit-2.1
BASE_CFLAGS  = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -fPIC -fvisibility=hidden \
               $(WARN) -Icsrc $(XML_CFLAGS)
LDFLAGS_SO   = -shared
LIBS         = $(XML_LIBS) $(UTF8_LIBS)

CORE_SRC = $(wildcard csrc/core/*.c)
BIND_SRC = csrc/lsapo.c csrc/ldoc.c csrc/lextract.c csrc/ltext.c csrc/lvi.c
HEADERS  = $(wildcard csrc/*.h csrc/core/*.h)

LUA      ?= lua5.4
BUSTED   ?= busted
PREFIX   ?= /usr/local
LUA_LMOD ?= $(PREFIX)/share/lua/5.4
LUA_CMOD ?= $(PREFIX)/lib/lua/5.4

# Debian packages the build and the tests need (see README).
APT_PKGS = build-essential pkg-config lua5.4 liblua5.4-dev luarocks lua-busted libxml2-dev \
           libutf8proc-dev lua-cjson lua-socket lua-sec lua-zlib lua-argparse ca-certificates \
           nginx libnginx-mod-http-lua luajit2 libluajit2-5.1-dev valgrind clang libclang-rt-14-dev

.PHONY: all luajit both deps test test-lua54 test-luajit check-c demo install clean bench \
        bench-accuracy asan valgrind

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

test: deps both
	@sh spec/run.sh

test-lua54: all
	$(BUSTED)

test-luajit: luajit
	$(BUSTED) --lua=luajit --cpath=./build/luajit/?.so --exclude-tags=lua54only

demo: deps all
	@$(LUA) bin/sapo extract examples/pages/baoquocte-like.html --format text | head -40

install: all
	install -d $(DESTDIR)$(LUA_LMOD)/sapo $(DESTDIR)$(LUA_CMOD)/sapo
	install -m 644 lua/sapo/*.lua $(DESTDIR)$(LUA_LMOD)/sapo/
	install -m 755 build/lua5.4/sapo/core.so $(DESTDIR)$(LUA_CMOD)/sapo/core.so

clean:
	rm -rf build *.o csrc/*.o csrc/core/*.o

CORPUS ?= ../shared/corpus/dev
LUAENV = LUA_PATH_5_4="./lua/?.lua;./lua/?/init.lua;;" LUA_CPATH_5_4="./build/lua5.4/?.so;;"

# accuracy on a corpus of ID.html + ID.json pairs (CORPUS=dir)
bench-accuracy: all
	@$(LUAENV) $(LUA) bench/accuracy.lua $(CORPUS)
