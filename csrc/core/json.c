/* json.c: the JSON reader behind JSON-LD metadata (see json.h).
 * Strings are stored in one growing block and referenced by offset while
 * parsing, then fixed up to pointers once the block stops moving. */
#include "json.h"
#include <stdlib.h>
#include <string.h>
#include "buf.h"

typedef struct { const char *s; size_t n, i; jdoc *d; int depth; int fail; } P;

static void ws(P *p) {
  while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r')) p->i++;
}

static int newval(P *p, int type) {
  jdoc *d = p->d;
  if (d->n == d->cap) {
    int cap = d->cap ? d->cap * 2 : 64;
    jval *v = realloc(d->v, (size_t)cap * sizeof *v);
    if (!v) { p->fail = 1; return -1; }
    d->v = v;
    d->cap = cap;
  }
  jval *v = &d->v[d->n];
  memset(v, 0, sizeof *v);
  v->type = type;
  v->first = v->next = -1;
  return d->n++;
}

/* Store string bytes; returns offset+1 (0 = failure). */
static size_t store(P *p, sapo_buf *b) {
  jdoc *d = p->d;
  size_t need = d->slen + b->len + 1;
  if (need > d->scap) {
    size_t cap = d->scap ? d->scap : 256;
    while (cap < need) cap *= 2;
    char *s = realloc(d->strings, cap);
    if (!s) { p->fail = 1; return 0; }
    d->strings = s;
    d->scap = cap;
  }
  size_t off = d->slen;
  if (b->len) memcpy(d->strings + off, b->data, b->len);
  d->strings[off + b->len] = '\0';
  d->slen = need;
  return off + 1;
}

static int hex4(const char *s, unsigned *out) {
  unsigned v = 0;
  for (int k = 0; k < 4; k++) {
    char c = s[k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if ((c | 32) >= 'a' && (c | 32) <= 'f') v |= (unsigned)((c | 32) - 'a' + 10);
    else return -1;
  }
  *out = v;
  return 0;
}

static size_t parse_string(P *p) {
  sapo_buf b = SAPO_BUF_INIT;
  p->i++;  /* opening quote */
  while (p->i < p->n) {
    char c = p->s[p->i];
    if (c == '"') {
      p->i++;
      size_t off = store(p, &b);
      sapo_buf_free(&b);
      return off;
    }
    if (c == '\\') {
      if (p->i + 1 >= p->n) break;
      char e = p->s[p->i + 1];
      p->i += 2;
      switch (e) {
      case 'n': sapo_buf_addc(&b, '\n'); break;
      case 't': sapo_buf_addc(&b, '\t'); break;
      case 'r': sapo_buf_addc(&b, '\r'); break;
      case 'b': sapo_buf_addc(&b, '\b'); break;
      case 'f': sapo_buf_addc(&b, '\f'); break;
      case 'u': {
        unsigned u, lo;
        if (p->i + 4 > p->n || hex4(p->s + p->i, &u)) goto bad;
        p->i += 4;
        if (u >= 0xD800 && u <= 0xDBFF && p->i + 6 <= p->n && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' &&
            !hex4(p->s + p->i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          p->i += 6;
        }
        sapo_buf_add_cp(&b, (int32_t)(u ? u : 0xFFFD));
        break;
      }
      default: sapo_buf_addc(&b, e); break;
      }
      continue;
    }
    sapo_buf_addc(&b, c);
    p->i++;
  }
bad:
  sapo_buf_free(&b);
  p->fail = 1;
  return 0;
}

static int parse_value(P *p);

static int parse_value(P *p) {
  ws(p);
  if (p->i >= p->n || p->fail) { p->fail = 1; return -1; }
  char c = p->s[p->i];
  if (c == '{' || c == '[') {
    if (++p->depth > JSON_MAX_DEPTH) { p->fail = 1; return -1; }
    int obj = c == '{';
    int v = newval(p, obj ? J_OBJ : J_ARR);
    if (v < 0) return -1;
    p->i++;
    int last = -1;
    ws(p);
    if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) { p->i++; p->depth--; return v; }
    for (;;) {
      size_t key = 0;
      if (obj) {
        ws(p);
        if (p->i >= p->n || p->s[p->i] != '"') { p->fail = 1; return -1; }
        key = parse_string(p);
        if (!key) return -1;
        ws(p);
        if (p->i >= p->n || p->s[p->i] != ':') { p->fail = 1; return -1; }
        p->i++;
      }
      int child = parse_value(p);
      if (child < 0) return -1;
      p->d->v[child].key = (const char *)(uintptr_t)key;  /* offset+1, fixed later */
      if (last < 0) p->d->v[v].first = child; else p->d->v[last].next = child;
      last = child;
      ws(p);
      if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
      if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) { p->i++; p->depth--; return v; }
      p->fail = 1;
      return -1;
    }
  }
  if (c == '"') {
    int v = newval(p, J_STR);
    if (v < 0) return -1;
    size_t off = parse_string(p);
    if (!off) return -1;
    p->d->v[v].s = (const char *)(uintptr_t)off;
    return v;
  }
  if (p->n - p->i >= 4 && !strncmp(p->s + p->i, "true", 4)) { p->i += 4; return newval(p, J_TRUE); }
  if (p->n - p->i >= 5 && !strncmp(p->s + p->i, "false", 5)) { p->i += 5; return newval(p, J_FALSE); }
  if (p->n - p->i >= 4 && !strncmp(p->s + p->i, "null", 4)) { p->i += 4; return newval(p, J_NULL); }
  if (c == '-' || (c >= '0' && c <= '9')) {
    size_t st = p->i;
    while (p->i < p->n && strchr("+-0123456789.eE", p->s[p->i])) p->i++;
    int v = newval(p, J_NUM);
    if (v < 0) return -1;
    sapo_buf b = SAPO_BUF_INIT;
    sapo_buf_add(&b, p->s + st, p->i - st);
    size_t off = store(p, &b);
    sapo_buf_free(&b);
    p->d->v[v].s = (const char *)(uintptr_t)off;
    return v;
  }
  p->fail = 1;
  return -1;
}

int json_parse(jdoc *d, const char *s, size_t n) {
  memset(d, 0, sizeof *d);
  P p = {s, n, 0, d, 0, 0};
  int root = parse_value(&p);
  ws(&p);
  if (p.fail || root < 0) return -1;
  for (int k = 0; k < d->n; k++) {
    jval *v = &d->v[k];
    uintptr_t ko = (uintptr_t)v->key, so = (uintptr_t)v->s;
    v->key = ko ? d->strings + ko - 1 : NULL;
    v->s = so ? d->strings + so - 1 : NULL;
    v->len = v->s ? strlen(v->s) : 0;
  }
  return root;
}

void json_free(jdoc *d) {
  free(d->v);
  free(d->strings);
  memset(d, 0, sizeof *d);
}

int json_get(const jdoc *d, int o, const char *key) {
  if (o < 0 || d->v[o].type != J_OBJ) return -1;
  for (int c = d->v[o].first; c >= 0; c = d->v[c].next)
    if (d->v[c].key && !strcmp(d->v[c].key, key)) return c;
  return -1;
}

const char *json_str(const jdoc *d, int o, const char *key) {
  int c = json_get(d, o, key);
  return (c >= 0 && d->v[c].type == J_STR) ? d->v[c].s : NULL;
}
