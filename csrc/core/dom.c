/* dom.c: the compact tree (see dom.h).  Built by one iterative walk. */
#include "dom.h"
#include <stdlib.h>
#include <string.h>
#include "tags.h"
#include "utext.h"

static int32_t push(dtree *t) {
  if (t->count == t->cap) {
    int32_t cap = t->cap ? t->cap * 2 : 256;
    if (cap < t->cap) return -1;
    dnode *p = realloc(t->n, (size_t)cap * sizeof *p);
    if (!p) return -1;
    t->n = p;
    t->cap = cap;
  }
  int32_t i = t->count++;
  dnode *d = &t->n[i];
  memset(d, 0, sizeof *d);
  d->parent = d->first = d->last = d->next = d->prev = -1;
  return i;
}

static void link_last(dtree *t, int32_t parent, int32_t i) {
  dnode *p = &t->n[parent], *c = &t->n[i];
  c->parent = parent;
  c->prev = p->last;
  c->next = -1;
  if (p->last >= 0) t->n[p->last].next = i;
  else p->first = i;
  p->last = i;
}

/* white space only, as JavaScript's \s (text nodes are read once, here:
 * the finder asks this of the same nodes many times) */
static int blank_text(const unsigned char *s, size_t m) {
  size_t k = 0;
  while (k < m) {
    unsigned char b = s[k];
    int32_t cp = b < 0x80 ? (k++, b) : sapo_u8_next(s, m, &k);
    if (!sapo_is_space(cp)) return 0;
  }
  return 1;
}

static int dropped_tag(int tag) {
  return tag == T_SCRIPT || tag == T_STYLE || tag == T_NOSCRIPT || tag == T_TEMPLATE;
}

void dom_read_attrs(xmlNodePtr x, dom_attrs *a) {
  memset(a, 0, sizeof *a);
  for (xmlAttrPtr p = x->properties; p; p = p->next) {
    const char *n = (const char *)p->name;
    if (!n) continue;
    const char *v = p->children && p->children->type == XML_TEXT_NODE && p->children->content
                    ? (const char *)p->children->content : "";
    switch (n[0]) {
    case 'h':
      if (!strcmp(n, "hidden")) a->hidden = 1;
      else if (!strcmp(n, "href")) a->href = v;
      break;
    case 'c': if (!strcmp(n, "class")) a->cls = v; break;
    case 'i':
      if (!strcmp(n, "id")) a->id = v;
      else if (!strcmp(n, "itemprop")) a->itemprop = v;
      break;
    case 's': if (!strcmp(n, "style")) a->style = v; break;
    case 'r':
      if (!strcmp(n, "role")) a->role = v;
      else if (!strcmp(n, "rel")) a->rel = v;
      break;
    case 'a':
      if (!strcmp(n, "aria-hidden")) a->aria_hidden = v;
      else if (!strcmp(n, "aria-modal")) a->aria_modal = v;
      break;
    default: break;
    }
  }
}

/* the elements of x's subtree (x included), in document order, to visit */
static int visit_subtree(xmlNodePtr x, dom_visit_fn visit, void *ud) {   /* (nothing of it in the tree) */
  for (xmlNodePtr n = x; n; n = sapo_next_node(n, x, 0))
    if (n->type == XML_ELEMENT_NODE) {
      dom_attrs a;
      dom_read_attrs(n, &a);
      if (visit(ud, NULL, n, sapo_node_tag(n), -1, &a)) return -1;
    }
  return 0;
}

int dom_build_visit(dtree *t, xmlDocPtr doc, dom_visit_fn visit, void *ud) {
  memset(t, 0, sizeof *t);
  t->html = t->head = t->body = -1;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return 0;
  /* the document element, whatever libxml2 named it */
  int32_t top = push(t);
  if (top < 0) return -1;
  t->n[top].x = root;
  t->n[top].type = DN_ELEM;
  t->n[top].tag = T_HTML;
  t->html = top;
  dom_attrs at;
  if (visit) dom_read_attrs(root, &at);
  if (visit && visit(ud, t, root, sapo_node_tag(root), top, &at)) return -1;
  int32_t cur = top;          /* dtree index of x's parent while descending */
  xmlNodePtr left_out = NULL; /* the element left out of the tree whose subtree is walked for visit only */
  xmlNodePtr x = root->children;
  while (x) {
    int descend = 0;
    if (x->type == XML_ELEMENT_NODE) {
      int own = sapo_node_tag(x), tag = own;
      if (tag == T_UNKNOWN && !strcmp((const char *)x->name, "amp-img")) tag = T_IMG;   /* AMP pages */
      if (visit) dom_read_attrs(x, &at);
      if (left_out) {
        if (visit && visit(ud, t, x, own, -1, &at)) return -1;
        descend = x->children != NULL;
      } else if (!dropped_tag(tag)) {
        int32_t i = push(t);
        if (i < 0) return -1;
        t->n[i].x = x;
        t->n[i].type = DN_ELEM;
        t->n[i].tag = (uint16_t)(tag == T_FONT ? T_SPAN : tag);   /* Readability: font -> span */
        link_last(t, cur, i);
        if (tag == T_A) {
          const char *href = visit ? at.href : xml_attr(x, "href");
          if (href && href[0] == '#' && href[1]) t->n[i].flags |= DF_LINKHASH;
        }
        if (tag == T_HEAD && t->head < 0) t->head = i;
        if (tag == T_BODY && t->body < 0) t->body = i;
        if (visit && visit(ud, t, x, own, i, &at)) return -1;
        if (x->children) { cur = i; descend = 1; }
      } else if (visit) {
        if (visit(ud, t, x, own, -1, &at)) return -1;
        if (x->children) { left_out = x; descend = 1; }
      }
    } else if (!left_out && (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) && x->content) {
      int32_t i = push(t);
      if (i < 0) return -1;
      t->n[i].x = x;
      t->n[i].type = DN_TEXT;
      t->n[i].text = (const char *)x->content;
      size_t len = strlen(t->n[i].text);
      t->n[i].tlen = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
      if (blank_text((const unsigned char *)t->n[i].text, t->n[i].tlen)) t->n[i].flags |= DF_BLANK;
      link_last(t, cur, i);
    }
    if (descend) { x = x->children; continue; }
    while (x && x != root && !x->next) {
      x = x->parent;
      if (x == left_out) left_out = NULL;
      else if (x && x != root && !left_out && t->n[cur].x == x) cur = t->n[cur].parent;
    }
    if (!x || x == root) break;
    x = x->next;
  }
  /* elements after the document element (libxml2 may leave some at the top) */
  if (visit)
    for (xmlNodePtr y = root->next; y; y = y->next)
      if (y->type == XML_ELEMENT_NODE && visit_subtree(y, visit, ud)) return -1;
  return 0;
}

int dom_build(dtree *t, xmlDocPtr doc) { return dom_build_visit(t, doc, NULL, NULL); }

void dom_free(dtree *t) {
  free(t->n);
  memset(t, 0, sizeof *t);
  t->html = t->head = t->body = -1;
}

int dom_copy(dtree *dst, const dtree *src) {
  /* a retry copies the page into the array it already has (no large
   * free and allocation per pass) */
  dnode *p = dst->n;
  int32_t cap = dst->n ? dst->cap : 0;
  if (!p || cap < src->cap) {
    cap = src->cap ? src->cap : 1;
    p = malloc((size_t)cap * sizeof *p);
    if (!p) return -1;
    free(dst->n);
  }
  if (src->count) memcpy(p, src->n, (size_t)src->count * sizeof *p);
  *dst = *src;
  dst->n = p;
  dst->cap = cap;
  return 0;
}

int32_t dom_new(dtree *t, uint16_t tag) {
  int32_t i = push(t);
  if (i < 0) return -1;
  t->n[i].type = DN_ELEM;
  t->n[i].tag = tag;
  t->n[i].flags = DF_VIRTUAL;
  return i;
}

void dom_unlink(dtree *t, int32_t i) {
  dnode *c = &t->n[i];
  if (c->parent < 0) return;
  dnode *p = &t->n[c->parent];
  if (c->prev >= 0) t->n[c->prev].next = c->next; else p->first = c->next;
  if (c->next >= 0) t->n[c->next].prev = c->prev; else p->last = c->prev;
  c->parent = c->prev = c->next = -1;
}

void dom_append(dtree *t, int32_t parent, int32_t child) {
  dom_unlink(t, child);
  link_last(t, parent, child);
}

void dom_insert_before(dtree *t, int32_t ref, int32_t child) {
  dom_unlink(t, child);
  dnode *r = &t->n[ref], *c = &t->n[child];
  c->parent = r->parent;
  c->next = ref;
  c->prev = r->prev;
  if (r->prev >= 0) t->n[r->prev].next = child; else t->n[r->parent].first = child;
  r->prev = child;
}

void dom_replace(dtree *t, int32_t old, int32_t repl) {
  if (t->n[old].parent < 0) return;
  dom_insert_before(t, old, repl);
  dom_unlink(t, old);
}

int32_t dom_first_elem(const dtree *t, int32_t i) {
  int32_t c = t->n[i].first;
  while (c >= 0 && t->n[c].type != DN_ELEM) c = t->n[c].next;
  return c;
}

int32_t dom_next_elem(const dtree *t, int32_t i) {
  int32_t c = t->n[i].next;
  while (c >= 0 && t->n[c].type != DN_ELEM) c = t->n[c].next;
  return c;
}

int32_t dom_prev_elem(const dtree *t, int32_t i) {
  int32_t c = t->n[i].prev;
  while (c >= 0 && t->n[c].type != DN_ELEM) c = t->n[c].prev;
  return c;
}

int dom_elem_count(const dtree *t, int32_t i) {
  int k = 0;
  for (int32_t c = t->n[i].first; c >= 0; c = t->n[c].next) k += t->n[c].type == DN_ELEM;
  return k;
}

int32_t dom_next(const dtree *t, int32_t i, int skip_children) {
  if (!skip_children) {
    int32_t c = dom_first_elem(t, i);
    if (c >= 0) return c;
  }
  while (i >= 0) {
    int32_t s = dom_next_elem(t, i);
    if (s >= 0) return s;
    i = t->n[i].parent;
  }
  return -1;
}

int32_t dom_next_in(const dtree *t, int32_t i, int32_t root, int skip_children) {
  if (!skip_children && t->n[i].first >= 0) return t->n[i].first;
  while (i >= 0 && i != root) {
    if (t->n[i].next >= 0) return t->n[i].next;
    i = t->n[i].parent;
  }
  return -1;
}

int dom_is_ancestor(const dtree *t, int32_t anc, int32_t i) {
  for (int32_t p = t->n[i].parent; p >= 0; p = t->n[p].parent)
    if (p == anc) return 1;
  return 0;
}

const char *xml_attr(xmlNodePtr x, const char *name) {
  if (!x || x->type != XML_ELEMENT_NODE) return NULL;
  for (xmlAttrPtr a = x->properties; a; a = a->next) {
    if (a->name && a->name[0] == (xmlChar)name[0] && !strcmp((const char *)a->name, name)) {
      if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
        return (const char *)a->children->content;
      return "";
    }
  }
  return NULL;
}

const char *dom_attr(const dtree *t, int32_t i, const char *name) {
  return xml_attr(t->n[i].x, name);
}

void dom_text(const dtree *t, int32_t i, sapo_buf *b) {
  if (t->n[i].type == DN_TEXT) { sapo_buf_add(b, t->n[i].text, t->n[i].tlen); return; }
  for (int32_t c = t->n[i].first; c >= 0; c = dom_next_in(t, c, i, 0))
    if (t->n[c].type == DN_TEXT) sapo_buf_add(b, t->n[c].text, t->n[c].tlen);
}

unsigned dom_token_lists(const char *v, const char *const *const *lists, int n) {
  if (!v) return 0;
  unsigned got = 0, all = n >= 32 ? ~0u : (1u << n) - 1;
  char tok[64];
  size_t k = 0;
  unsigned char prev = 0;
  for (const char *p = v;; p++) {
    unsigned char c = (unsigned char)*p;
    int w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    /* camelCase is two words too: "ArticleLead", "sapoDetail" */
    int boundary = !w || (c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z');
    if (boundary && k) {
      tok[k] = '\0';
      for (int j = 0; j < n; j++) {
        if (got & (1u << j)) continue;
        for (const char *const *x = lists[j]; *x; x++)
          if ((*x)[0] == tok[0] && !strcmp(tok, *x)) { got |= 1u << j; break; }
      }
      if (got == all) break;
      k = 0;
    }
    if (!c) break;
    if (w && k + 1 < sizeof tok) tok[k++] = (char)(c | 0x20);
    prev = c;
  }
  return got;
}

int dom_has_token(const char *v, const char *const *words) { return dom_token_lists(v, &words, 1) != 0; }

/* Raw text of a libxml2 subtree (up to cap bytes).  The compact tree may
 * have moved an element's children (a <div> swapped for its paragraph);
 * libxml2's tree is never changed, so elements outside the article are
 * read there. */
void dom_xml_text(xmlNodePtr x, sapo_buf *b, size_t cap) {
  for (xmlNodePtr c = x->children; c && b->len < cap;) {
    int fl = c->type == XML_ELEMENT_NODE && c->name ? sapo_tag_flags[sapo_node_tag(c)] : 0;
    int skip = fl & TF_SKIP;
    if ((fl & TF_BLOCK) && b->len) sapo_buf_adds(b, " ");   /* paragraphs stay apart */
    if (!skip && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      sapo_buf_adds(b, (const char *)c->content);
    c = sapo_next_node(c, x, skip);
  }
}

xmlNodePtr sapo_next_node(xmlNodePtr n, xmlNodePtr root, int skip_children) {
  if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

size_t raw_u16len(const dtree *t, int32_t i) {
  size_t k = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (t->n[n].type == DN_TEXT) k += sapo_u16len(t->n[n].text, t->n[n].tlen);
  return k;
}
