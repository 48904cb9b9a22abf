/* dom.h: sapo's own compact tree over a libxml2 document.
 *
 * Extraction needs to try things (turn a <div> into a paragraph, wrap loose
 * text in a paragraph, drop a node, run again with other flags) without
 * touching the user's libxml2 document.  So the first walk copies the shape
 * of the document into an array of small records linked by index; every
 * later change is a few integer writes, a retry is a memcpy, and attributes
 * and text stay borrowed from libxml2 (never copied). */
#ifndef SAPO_DOM_H
#define SAPO_DOM_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>
#include "buf.h"
#include "tags.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* x's tag id: stamped by the parser as it made the element (html.c keeps
 * it in the node's application slot, _private, as id + 1), else looked up
 * by name (a node made otherwise); T_UNKNOWN for a nameless node. */
static inline int sapo_node_tag(const xmlNode *x) {
  if (x->_private) return (int)((uintptr_t)x->_private - 1);
  return x->name ? sapo_tag_id((const char *)x->name) : T_UNKNOWN;
}

#define DN_ELEM 1
#define DN_TEXT 3

/* flags */
#define DF_SCORED    0x01  /* has a content score (Readability's node.readability) */
#define DF_DATATABLE 0x02  /* a data table (not layout)                            */
#define DF_VIRTUAL   0x04  /* created by sapo (a wrapping <p>): no libxml2 node    */
#define DF_LINKHASH  0x08  /* <a href="#..."> : counts 0.3 in link density         */
#define DF_CAPTION   0x10  /* figcaption or caption-like block                     */
#define DF_BLANK     0x20  /* a text node of white space only (JS's \s), set when built */

typedef struct dnode {
  xmlNodePtr x;                 /* libxml2 node, NULL when virtual */
  int32_t parent, first, last, next, prev;
  uint16_t tag;
  uint8_t type;
  uint8_t flags;
  float score;
  const char *text;             /* text nodes: borrowed content */
  uint32_t tlen;
} dnode;

typedef struct dtree {
  dnode *n;
  int32_t count, cap;
  int32_t html, head, body;     /* -1 when absent */
} dtree;

/* Build the tree of doc (scripts, styles, noscript, templates and comments
 * left out).  Returns 0, or -1 when memory runs out. */
int  dom_build(dtree *t, xmlDocPtr doc);

/* The attributes the stages ask of every element, read in one walk of its
 * list (values as xml_attr reads them, NULL when absent; hidden: the
 * boolean attribute is there). */
typedef struct dom_attrs {
  const char *cls, *id, *style, *role, *aria_hidden, *aria_modal, *rel, *itemprop, *href;
  int hidden;
} dom_attrs;
void dom_read_attrs(xmlNodePtr x, dom_attrs *a);

/* dom_build, calling visit(ud, t, x, tag, i, a) for every element of the
 * document in document order as it goes (those the tree leaves out and
 * their subtrees included), so a stage that reads the whole document
 * shares its walk: tag is the element's own, i its index in t (already
 * built), or -1 when the tree leaves it out, a its attributes.  visit
 * returns 0, or -1 to stop (out of memory): -1 then. */
typedef int (*dom_visit_fn)(void *ud, const dtree *t, xmlNodePtr x, int tag, int32_t i, const dom_attrs *a);
int  dom_build_visit(dtree *t, xmlDocPtr doc, dom_visit_fn visit, void *ud);
void dom_free(dtree *t);
int  dom_copy(dtree *dst, const dtree *src);       /* 0 or -1 */

int32_t dom_new(dtree *t, uint16_t tag);           /* virtual element, -1 on ENOMEM */
void dom_unlink(dtree *t, int32_t i);
void dom_append(dtree *t, int32_t parent, int32_t child);        /* unlinks child first */
void dom_insert_before(dtree *t, int32_t ref, int32_t child);
void dom_replace(dtree *t, int32_t old, int32_t repl);

/* Element-only navigation (Readability's firstElementChild & co). */
int32_t dom_first_elem(const dtree *t, int32_t i);
int32_t dom_next_elem(const dtree *t, int32_t i);
int32_t dom_prev_elem(const dtree *t, int32_t i);
int     dom_elem_count(const dtree *t, int32_t i);
/* Pre-order over elements (Readability's _getNextNode). */
int32_t dom_next(const dtree *t, int32_t i, int skip_children);
/* Pre-order over all nodes within root. */
int32_t dom_next_in(const dtree *t, int32_t i, int32_t root, int skip_children);
int     dom_is_ancestor(const dtree *t, int32_t anc, int32_t i);

/* Attribute value of a node (borrowed from libxml2), or NULL. */
const char *dom_attr(const dtree *t, int32_t i, const char *name);
const char *xml_attr(xmlNodePtr x, const char *name);
/* The raw text of libxml2 subtree x (scripts and styles left out, a space
 * between block elements) appended to b, up to about cap bytes.  The
 * compact tree may have moved an element's children; libxml2's tree is
 * never changed, so elements outside the article are read there. */
void dom_xml_text(xmlNodePtr x, sapo_buf *b, size_t cap);

/* 1 when the class/id value v has a token (split on anything but ASCII
 * letters and digits, compared lower-case) equal to one of words. */
int dom_has_token(const char *v, const char *const *words);
/* dom_has_token for several lists in one reading of v: bit j set when a
 * token of v is in lists[j] (n <= 32) */
unsigned dom_token_lists(const char *v, const char *const *const *lists, int n);

/* Append the raw text of a subtree. */
void dom_text(const dtree *t, int32_t i, sapo_buf *b);

/* Iterative pre-order walk of libxml2's tree: the node after n in document
 * order within root, skipping n's children when skip_children is set. */
xmlNodePtr sapo_next_node(xmlNodePtr n, xmlNodePtr root, int skip_children);

/* The UTF-16 length of node i's text, white space as written. */
size_t raw_u16len(const dtree *t, int32_t i);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
