/* ssr.c: React streaming server rendering, done as the browser does it.
 *
 * A streamed React page prints a fallback ("Loading...") where a Suspense
 * boundary stands, marked by an empty <template id="B:0">, and later, at the
 * end of the body, the real content in <div hidden id="S:0"> followed by a
 * script call $RC("B:0","S:0") that moves the segment into the boundary
 * (replacing the fallback up to the closing <!--/$--> comment).  $RS("S:1",
 * "P:1") moves a segment into a <template id="P:1"> placeholder.  React 19
 * can print the same instructions as <template data-rci data-bid data-sid>
 * and <template data-rsi data-sid data-pid> elements.
 *
 * Without this step the article sits in a hidden element at the end of the
 * page and a reader finds only the fallback.  The instructions are applied
 * in document order; unknown or malformed ones are ignored.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "dom.h"
#include "ssr.h"

#define SSR_MAX_IDS    1024   /* segment, boundary and placeholder elements looked at */
#define SSR_MAX_MOVES  1024   /* instructions applied */
#define SSR_ID_MAX     32

typedef struct { char id[SSR_ID_MAX]; xmlNodePtr node; } ssr_id;
typedef struct { char target[SSR_ID_MAX], source[SSR_ID_MAX]; int boundary; } ssr_move;

typedef struct {
  ssr_id *ids;          /* grown as found: most pages have none */
  int nids, cap_ids;
  ssr_move *moves;
  int nmoves, cap_moves;
  int oom;
} ssr_state;

/* room for one more item in a grown array; 0 when full or out of memory */
static int room(void **v, int n, int *cap, int max, size_t size, int *oom) {
  if (n >= max) return 0;
  if (n < *cap) return 1;
  int c = *cap ? *cap * 2 : 8;
  if (c > max) c = max;
  void *p = realloc(*v, (size_t)c * size);
  if (!p) { *oom = 1; return 0; }
  *v = p;
  *cap = c;
  return 1;
}

/* "B:0", "S:1a", "P:2": a letter, a colon, then letters or digits */
static int react_id(const char *v) {
  if (!v || !(v[0] == 'B' || v[0] == 'S' || v[0] == 'P') || v[1] != ':' || !v[2]) return 0;
  size_t n = strlen(v);
  if (n >= SSR_ID_MAX) return 0;
  for (size_t i = 2; i < n; i++) {
    char c = v[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
  }
  return 1;
}

static void add_move(ssr_state *s, const char *target, const char *source, int boundary) {
  if (!react_id(target) || !react_id(source) ||
      !room((void **)&s->moves, s->nmoves, &s->cap_moves, SSR_MAX_MOVES, sizeof *s->moves, &s->oom)) return;
  ssr_move *m = &s->moves[s->nmoves++];
  strcpy(m->target, target);
  strcpy(m->source, source);
  m->boundary = boundary;
}

/* one quoted argument at *p ("..." or '...'), copied into out */
static const char *quoted(const char *p, char *out) {
  while (*p == ' ') p++;
  char q = *p;
  if (q != '"' && q != '\'') return NULL;
  const char *e = strchr(p + 1, q);
  if (!e || e - (p + 1) >= SSR_ID_MAX) return NULL;
  memcpy(out, p + 1, (size_t)(e - (p + 1)));
  out[e - (p + 1)] = '\0';
  return e + 1;
}

/* $RC("B:0","S:0") and $RS("S:1","P:1") calls in a script's text */
static void scan_script(ssr_state *s, const char *text) {
  for (const char *p = text; (p = strchr(p, '$')) != NULL; p++) {
    if (p[1] != 'R' || (p[2] != 'C' && p[2] != 'S') || p[3] != '(') continue;
    char a[SSR_ID_MAX], b[SSR_ID_MAX];
    const char *q = quoted(p + 4, a);
    if (!q) continue;
    while (*q == ' ') q++;
    if (*q != ',' || !quoted(q + 1, b)) continue;
    if (p[2] == 'C') add_move(s, a, b, 1);   /* $RC(boundary, segment) */
    else add_move(s, b, a, 0);               /* $RS(segment, placeholder) */
  }
}

/* the move instructions of a script ($RC/$RS calls) or of a React 19
 * instruction template */
static void note_instructions(ssr_state *s, xmlNodePtr x, int script) {
  if (script) {
    for (xmlNodePtr c = x->children; c; c = c->next)
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
          strstr((const char *)c->content, "$R"))
        scan_script(s, (const char *)c->content);
    return;
  }
  if (xml_attr(x, "data-rci")) add_move(s, xml_attr(x, "data-bid"), xml_attr(x, "data-sid"), 1);
  if (xml_attr(x, "data-rsi")) add_move(s, xml_attr(x, "data-pid"), xml_attr(x, "data-sid"), 0);
}

/* a boundary or placeholder template, or a hidden segment, by its id */
static void note_element(ssr_state *s, xmlNodePtr x) {
  int is_template = !strcmp((const char *)x->name, "template");
  const char *id = xml_attr(x, "id");
  if (!react_id(id)) return;
  /* boundaries and placeholders are templates; segments are hidden */
  if (id[0] == 'S' ? !xml_attr(x, "hidden") : !is_template) return;
  if (!room((void **)&s->ids, s->nids, &s->cap_ids, SSR_MAX_IDS, sizeof *s->ids, &s->oom)) return;
  strcpy(s->ids[s->nids].id, id);
  s->ids[s->nids++].node = x;
}

static xmlNodePtr lookup(ssr_state *s, const char *id) {
  for (int i = 0; i < s->nids; i++)
    if (s->ids[i].node && !strcmp(s->ids[i].id, id)) return s->ids[i].node;
  return NULL;
}

static void forget(ssr_state *s, xmlNodePtr x) {
  for (int i = 0; i < s->nids; i++)
    if (s->ids[i].node == x) s->ids[i].node = NULL;
}

static int is_ancestor(xmlNodePtr anc, xmlNodePtr x) {
  for (xmlNodePtr p = x; p; p = p->parent)
    if (p == anc) return 1;
  return 0;
}

static int comment_is(xmlNodePtr c, const char *what) {
  return c->type == XML_COMMENT_NODE && c->content && !strcmp((const char *)c->content, what);
}

/* The fallback after a boundary's template: siblings up to the matching
 * <!--/$--> (nested <!--$-->, <!--$?-->, <!--$!--> counted).  Nothing is
 * removed when no closing comment is found. */
static void drop_fallback(ssr_state *s, xmlNodePtr tmpl) {
  int depth = 0;
  xmlNodePtr end = NULL;
  for (xmlNodePtr c = tmpl->next; c; c = c->next) {
    if (comment_is(c, "$") || comment_is(c, "$?") || comment_is(c, "$!")) depth++;
    else if (comment_is(c, "/$")) {
      if (depth == 0) { end = c; break; }
      depth--;
    }
  }
  if (!end) return;
  for (xmlNodePtr c = tmpl->next; c && c != end;) {
    xmlNodePtr next = c->next;
    if (c->type == XML_ELEMENT_NODE)
      for (int i = 0; i < s->nids; i++)
        if (s->ids[i].node && is_ancestor(c, s->ids[i].node)) s->ids[i].node = NULL;
    xmlUnlinkNode(c);
    xmlFreeNode(c);
    c = next;
  }
}

static void apply(ssr_state *s, const ssr_move *m) {
  xmlNodePtr target = lookup(s, m->target), seg = lookup(s, m->source);
  if (!target || !seg || !target->parent || is_ancestor(seg, target) || is_ancestor(target, seg)) return;
  if (m->boundary) drop_fallback(s, target);
  while (seg->children) {
    xmlNodePtr c = seg->children;
    xmlUnlinkNode(c);
    xmlAddPrevSibling(target, c);
  }
  forget(s, target);
  forget(s, seg);
  xmlUnlinkNode(target);
  xmlFreeNode(target);
  xmlUnlinkNode(seg);
  xmlFreeNode(seg);
}

int sapo_ssr_calls_possible(const char *s, size_t n) {
  for (const char *p = s, *e = s + n; p < e && (p = memchr(p, '$', (size_t)(e - p))); p++)
    if (p + 1 < e && p[1] == 'R') return 1;
  return 0;
}

int sapo_ssr_instruction_tag(const char *name, const char *const *atts) {
  if (name[0] != 't' || strcmp(name, "template") || !atts) return 0;
  for (; atts[0]; atts += 2)
    if (!strcmp(atts[0], "data-rci") || !strcmp(atts[0], "data-rsi")) return 1;
  return 0;
}

int sapo_ssr_reveal(xmlDocPtr doc) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return 0;
  ssr_state st, *s = &st;
  memset(s, 0, sizeof *s);
  /* two iterative pre-order walks (depth is bounded by the parse limits,
   * the stack is not): the instructions, in scripts and templates only;
   * then, on the rare page that has some, the elements they name */
  for (int phase = 0; phase < 2; phase++) {
    for (xmlNodePtr x = root; x;) {
      if (x->type == XML_ELEMENT_NODE && x->name) {
        const char *n = (const char *)x->name;
        int tmpl = n[0] == 't' && !strcmp(n, "template"), script = n[0] == 's' && !strcmp(n, "script");
        if (phase == 0 && (tmpl || script)) note_instructions(s, x, script);
        if (phase == 1 && !script && (tmpl || xml_attr(x, "hidden"))) note_element(s, x);
      }
      if (x->children && x->type == XML_ELEMENT_NODE) { x = x->children; continue; }
      while (x && !x->next && x != root) x = x->parent;
      if (!x || x == root) break;
      x = x->next;
    }
    if (!s->nmoves || s->oom) break;
  }
  if (!s->oom)
    for (int i = 0; i < s->nmoves; i++) apply(s, &s->moves[i]);
  free(s->ids);
  free(s->moves);
  return s->oom ? -1 : 0;
}
