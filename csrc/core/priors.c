/* priors.c: three candidate sources besides Readability's score.
 *
 *  - Structural priors: a table of rules (itemprop=articleBody, the body
 *    classes of common CMSs, Vietnamese ones included, <article>, story
 *    and main-column classes, content wrappers, <main>), ranked from most
 *    to least specific, as trafilatura's selector cascade.  Every match is
 *    returned; the arbiter validates them (enough text outside listings).
 *  - JSON-LD articleBody: the smallest element whose text covers probes
 *    taken along the publisher's own copy of the body.  Evidence, not the
 *    answer: the copy is often truncated.
 *  - The title anchor: the heading that repeats the title.  The body
 *    follows it in document order within a shared ancestor.
 * Ancestors of the title heading and of priors are protected from
 * Readability's "unlikely" stripping (NM_PROTECT). */
#include "priors.h"
#include "words.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tags.h"
#include "utext.h"

/* ===== THE RULE TABLE ===== */

#define PRIORS_REPEATED 3   /* a body rule matching this many separate elements is a component */

enum { PR_ITEMPROP = 1, PR_CLASS, PR_TOKEN, PR_CLASS_EQ, PR_ID_EQ, PR_TAG, PR_ROLE };

typedef struct prior_rule {
  const char *name;        /* "prior:<rule>": shown in art.method and the trace */
  int rank;
  int kind;
  const char *value;       /* lower case */
} prior_rule;

static const prior_rule RULES[] = {
  /* rank 1: the publisher says so */
  {"prior:itemprop-articlebody", 1, PR_ITEMPROP, "articlebody"},
  /* rank 2: body classes (substring of class or id, as trafilatura's BODY_XPATH) */
  {"prior:article-body", 2, PR_CLASS, "article-body"}, {"prior:article-body", 2, PR_CLASS, "article__body"},
  {"prior:article-body", 2, PR_CLASS, "articlebody"}, {"prior:article-body", 2, PR_CLASS, "article_body"},
  {"prior:article-content", 2, PR_CLASS, "article-content"}, {"prior:article-content", 2, PR_CLASS, "article__content"},
  {"prior:article-content", 2, PR_CLASS, "articlecontent"}, {"prior:article-content", 2, PR_CLASS, "article_content"},
  {"prior:article-text", 2, PR_CLASS, "article-text"}, {"prior:article-text", 2, PR_CLASS, "articletext"},
  {"prior:article-text", 2, PR_CLASS, "article__text"},
  {"prior:entry-content", 2, PR_CLASS, "entry-content"}, {"prior:entry-content", 2, PR_CLASS, "entry_content"},
  {"prior:post-content", 2, PR_CLASS, "post-content"}, {"prior:post-content", 2, PR_CLASS, "post_content"},
  {"prior:post-content", 2, PR_CLASS, "postcontent"}, {"prior:post-content", 2, PR_CLASS, "post-body"},
  {"prior:post-content", 2, PR_CLASS, "post-text"}, {"prior:post-content", 2, PR_CLASS, "post_text"},
  {"prior:post-content", 2, PR_CLASS, "post-entry"}, {"prior:post-content", 2, PR_CLASS, "postentry"},
  {"prior:story-body", 2, PR_CLASS, "story-body"}, {"prior:story-body", 2, PR_CLASS, "storybody"},
  {"prior:story-body", 2, PR_CLASS, "story-content"}, {"prior:story-body", 2, PR_CLASS, "storycontent"},
  {"prior:story-body", 2, PR_CLASS, "story__body"}, {"prior:story-body", 2, PR_CLASS, "story-text"},
  {"prior:body-text", 2, PR_CLASS, "body-text"}, {"prior:body-text", 2, PR_CLASS, "bodytext"},
  {"prior:body-text", 2, PR_CLASS, "text-content"}, {"prior:body-text", 2, PR_CLASS, "art-content"},
  {"prior:body-text", 2, PR_CLASS, "field--name-body"}, {"prior:body-text", 2, PR_CLASS, "field-name-body"},
  {"prior:body-text", 2, PR_CLASS, "rich-text"}, {"prior:body-text", 2, PR_CLASS, "richtext"},
  /* Vietnamese CMS families: FCK detail bodies, VCCorp "detail-content
   * afcbc-body", "singular-content", "maincontent", "the-article-body",
   * "cms-body", "content-detail" and "detail__content"; whole class tokens
   * (or the whole id), as these words are common inside other names */
  {"prior:vn-body", 2, PR_TOKEN, "fck_detail"}, {"prior:vn-body", 2, PR_TOKEN, "detail-content"},
  {"prior:vn-body", 2, PR_TOKEN, "detail__content"}, {"prior:vn-body", 2, PR_TOKEN, "afcbc-body"},
  {"prior:vn-body", 2, PR_TOKEN, "singular-content"}, {"prior:vn-body", 2, PR_TOKEN, "maincontent"},
  {"prior:vn-body", 2, PR_TOKEN, "the-article-body"}, {"prior:vn-body", 2, PR_TOKEN, "cms-body"},
  {"prior:vn-body", 2, PR_TOKEN, "content-detail"}, {"prior:vn-body", 2, PR_TOKEN, "detail-body"},
  {"prior:vn-body", 2, PR_TOKEN, "news-content"}, {"prior:vn-body", 2, PR_TOKEN, "art-body"},
  {"prior:vn-body", 2, PR_TOKEN, "content-news"}, {"prior:vn-body", 2, PR_TOKEN, "contentdetail"},
  /* rank 3: the article element and story/post patterns */
  {"prior:article", 3, PR_TAG, "article"}, {"prior:article", 3, PR_ROLE, "article"},
  {"prior:story", 3, PR_CLASS_EQ, "story"}, {"prior:story", 3, PR_ID_EQ, "story"}, {"prior:story", 3, PR_ID_EQ, "article"},
  {"prior:story", 3, PR_CLASS_EQ, "post"}, {"prior:story", 3, PR_CLASS_EQ, "entry"}, {"prior:story", 3, PR_CLASS, "single-content"},
  {"prior:story", 3, PR_CLASS, "post-bodycopy"}, {"prior:story", 3, PR_CLASS, "blog-content"},
  {"prior:story", 3, PR_CLASS, "main-column"}, {"prior:story", 3, PR_CLASS, "wpb_text_column"},
  {"prior:story", 3, PR_CLASS, "fulltext"}, {"prior:story", 3, PR_CLASS, "hentry"}, {"prior:story", 3, PR_CLASS, "h-entry"},
  /* rank 4: content wrappers */
  {"prior:content", 4, PR_CLASS, "content-main"}, {"prior:content", 4, PR_CLASS, "content_main"},
  {"prior:content", 4, PR_CLASS, "content-body"}, {"prior:content", 4, PR_CLASS, "contentbody"},
  {"prior:content", 4, PR_CLASS, "content__body"}, {"prior:content", 4, PR_CLASS, "main-content"},
  {"prior:content", 4, PR_CLASS, "page-content"}, {"prior:content", 4, PR_ID_EQ, "content"}, {"prior:content", 4, PR_CLASS_EQ, "content"},
  /* rank 5: the main region */
  {"prior:main", 5, PR_TAG, "main"}, {"prior:main", 5, PR_ROLE, "main"},
  {NULL, 0, 0, NULL}};

/* The attributes a rule looks at, read and lower-cased once per element. */
typedef struct attrs {
  int tag;
  char cls[256], id[128];       /* lower case, "" when absent */
  const char *itemprop, *role;
} attrs;

static void lower_into(char *dst, size_t cap, const char *s) {
  size_t k = 0;
  for (; s && *s && k + 1 < cap; s++) dst[k++] = (char)tolower((unsigned char)*s);
  dst[k] = '\0';
}

/* a whitespace-separated token of cls equals v (both lower case) */
static int class_token(const char *cls, const char *v) {
  size_t n = strlen(v);
  for (const char *p = cls; (p = strstr(p, v)); p++)
    if ((p == cls || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
        (p[n] == '\0' || p[n] == ' ' || p[n] == '\t' || p[n] == '\n'))
      return 1;
  return 0;
}

static int rule_matches(const attrs *a, const prior_rule *r) {
  switch (r->kind) {
  case PR_ITEMPROP: {
    if (!a->itemprop) return 0;
    for (const char *p = a->itemprop; *p; p++)
      if (!strncasecmp(p, r->value, strlen(r->value))) return 1;
    return 0;
  }
  case PR_TAG: return (r->value[0] == 'a' && a->tag == T_ARTICLE) || (r->value[0] == 'm' && a->tag == T_MAIN);
  case PR_ROLE: return a->role && !strcasecmp(a->role, r->value);
  default: break;
  }
  if (!prior_class_tag(a->tag)) return 0;
  switch (r->kind) {
  case PR_CLASS: return strstr(a->cls, r->value) || strstr(a->id, r->value);
  case PR_TOKEN: return class_token(a->cls, r->value) || !strcmp(a->id, r->value);
  case PR_CLASS_EQ: return !strcmp(a->cls, r->value);
  case PR_ID_EQ: return !strcmp(a->id, r->value);
  default: return 0;
  }
}

/* Every class or id rule holds one of these stems: elements without any
 * are skipped before the table is scanned. */

/* the stems starting with each byte, and their lengths: one scan of a
 * string finds them all */
/* bit k: W_BODY_STEMS[k] is in the class or id */
static unsigned stems_of(const fctx *c, const attrs *a) { return vocab_body_stems(c, a->cls) | vocab_body_stems(c, a->id); }

/* bit of the stem a rule's value holds (0 for itemprop, tag and role rules) */
static unsigned stem_bit(const prior_rule *r) {
  if (r->kind == PR_ITEMPROP || r->kind == PR_TAG || r->kind == PR_ROLE) return 0;
  for (int k = 0; W_BODY_STEMS[k]; k++)
    if (strstr(r->value, W_BODY_STEMS[k])) return 1u << k;
  return ~0u;
}

static void protect_up(fctx *c, int32_t i) {
  for (int32_t p = i; p >= 0; p = c->t->n[p].parent)
    if (p < c->orig_count) c->mark[p] |= NM_PROTECT;
}

/* comment threads reuse body classes for each comment's text */

static int in_comments(const dtree *t, int32_t i) {
  for (int32_t p = i; p >= 0; p = t->n[p].parent)
    if (dom_has_token(dom_attr(t, p, "class"), W_COMMENT_SECTION_TOKENS) || dom_has_token(dom_attr(t, p, "id"), W_COMMENT_SECTION_TOKENS))
      return 1;
  return 0;
}

#define NRULES ((int)(sizeof RULES / sizeof *RULES) - 1)

int priors_find(fctx *c, candidate *out, int max) {
  const dtree *t = c->t;
  int n = 0;
  unsigned rule_stem[NRULES];
  for (int r = 0; r < NRULES; r++) rule_stem[r] = stem_bit(&RULES[r]);
  for (int32_t i = 0; i < c->orig_count && n < max; i++) {
    if (t->n[i].type != DN_ELEM || !t->n[i].x) continue;
    /* the element's one reading (vocab.c) says whether a rule can match */
    nfeat f = vocab_feat(c, i);
    if (!f.stems && !(f.f & VF_ITEMPROP_ROLE) && t->n[i].tag != T_ARTICLE && t->n[i].tag != T_MAIN) continue;
    attrs at;
    at.tag = t->n[i].tag;
    at.itemprop = at.role = NULL;
    const char *cls = NULL, *id = NULL;
    for (xmlAttrPtr p = t->n[i].x->properties; p; p = p->next) {
      const char *v = p->children && p->children->type == XML_TEXT_NODE ? (const char *)p->children->content : "";
      if (!strcmp((const char *)p->name, "class")) cls = v;
      else if (!strcmp((const char *)p->name, "id")) id = v;
      else if (!strcmp((const char *)p->name, "itemprop")) at.itemprop = v;
      else if (!strcmp((const char *)p->name, "role")) at.role = v;
    }
    if (!cls && !id && !at.itemprop && !at.role && at.tag != T_ARTICLE && at.tag != T_MAIN) continue;
    lower_into(at.cls, sizeof at.cls, cls);
    lower_into(at.id, sizeof at.id, id);
    unsigned stems = stems_of(c, &at);
    if (!at.itemprop && !at.role && at.tag != T_ARTICLE && at.tag != T_MAIN && !stems) continue;
    const prior_rule *best = NULL;
    for (int r = 0; r < NRULES; r++) {
      if (rule_stem[r] && !(rule_stem[r] & stems)) continue;   /* its stem is not there */
      if ((!best || RULES[r].rank < best->rank) && rule_matches(&at, &RULES[r])) best = &RULES[r];
    }
    if (!best) continue;
    if (c->mark[i] & NM_IN_LISTING) continue;   /* a teaser card's <article> */
    if (best->rank <= 2 && in_comments(t, i)) continue;
    candidate *cd = &out[n++];
    memset(cd, 0, sizeof *cd);
    cd->node = i;
    cd->source = SRC_PRIOR;
    cd->rule = best->name;
    cd->rank = best->rank;
  }
  /* a body rule matching PRIORS_REPEATED or more separate elements marks a
   * repeated component (cards, comments), not the body */
  for (int a = 0; a < n; a++) {
    if (out[a].rank > 2) continue;
    int same = 0;
    for (int b = 0; b < n; b++)
      if (out[b].rule == out[a].rule && !dom_is_ancestor(t, out[b].node, out[a].node) &&
          !dom_is_ancestor(t, out[a].node, out[b].node))
        same++;
    if (same + 1 >= PRIORS_REPEATED) out[a].rank = 0;
  }
  int kept = 0;
  for (int a = 0; a < n; a++) if (out[a].rank) out[kept++] = out[a];
  n = kept;
  /* most specific ranks first (stable) */
  for (int a = 1; a < n; a++) {
    candidate v = out[a];
    int b = a - 1;
    while (b >= 0 && out[b].rank > v.rank) { out[b + 1] = out[b]; b--; }
    out[b + 1] = v;
  }
  for (int k = 0; k < n; k++)
    if (out[k].rank <= 3) protect_up(c, out[k].node);
  return n;
}

/* ===== THE TITLE ANCHOR ===== */

#define TITLE_SIMILARITY   0.75   /* Readability's _headerDuplicatesTitle */
#define TITLE_AFTER_MIN    300    /* characters after the heading in its container */
#define TITLE_LEVELS       6
#define TITLE_CRUMB_UP     4      /* levels up a breadcrumb list still owns a heading */

static int visible_up(fctx *c, int32_t i) {
  for (int32_t p = i; p >= 0; p = c->t->n[p].parent)
    if (vocab_feat(c, p).f & VF_HIDDEN) return 0;
  return 1;
}

/* a heading that is a breadcrumb's last step (in a list or navigation,
 * or named so) repeats the title but does not head the article */
static int crumb_heading(const dtree *t, int32_t i) {
  if (t->n[i].x && dom_has_token(xml_attr(t->n[i].x, "class"), W_CRUMB_TOKENS)) return 1;
  int up = 0;
  for (int32_t p = t->n[i].parent; p >= 0 && up < TITLE_CRUMB_UP; p = t->n[p].parent, up++) {
    if (t->n[p].tag == T_LI || t->n[p].tag == T_NAV || t->n[p].tag == T_OL) return 1;
    if (t->n[p].x && dom_has_token(xml_attr(t->n[p].x, "class"), W_CRUMB_TOKENS)) return 1;
  }
  return 0;
}

int32_t priors_title_heading(fctx *c, const char *title) {
  const dtree *t = c->t;
  c->title_node = -1;
  if (!title || !*title) return -1;
  int32_t first_h1 = -1;
  for (int32_t i = 0; i < c->orig_count; i++) {
    int tag = t->n[i].tag;
    if (t->n[i].type != DN_ELEM || (tag != T_H1 && tag != T_H2)) continue;
    if (c->title_node >= 0 && tag != T_H1) continue;
    inner_text(t, i, &c->tmp, 0);
    if (sapo_text_similarity(title, sapo_buf_cstr(&c->tmp)) <= TITLE_SIMILARITY) continue;
    if (!visible_up(c, i) || crumb_heading(t, i)) continue;
    if (c->title_node < 0) c->title_node = i;
    if (tag == T_H1) { first_h1 = i; break; }
  }
  int32_t h = first_h1 >= 0 ? first_h1 : c->title_node;
  if (h >= 0) protect_up(c, t->n[h].parent);
  return h;
}

int32_t priors_title_container(fctx *c, int32_t h) {
  const dtree *t = c->t;
  if (h < 0) return -1;
  uint32_t after = 0;
  int32_t x = h;
  for (int up = 0; up < TITLE_LEVELS; up++) {
    int32_t a = t->n[x].parent;
    if (a < 0 || t->n[a].tag == T_BODY || t->n[a].tag == T_HTML) return -1;
    for (int32_t s = t->n[x].next; s >= 0; s = t->n[s].next)
      if (t->n[s].type == DN_ELEM) after += eff_len_of(c, s);
    if (after >= TITLE_AFTER_MIN) return a;
    x = a;
  }
  return -1;
}

int priors_near_title(const fctx *c, int32_t tcont, int32_t h, int32_t n) {
  if (tcont < 0 || h < 0 || n < 0) return 0;
  const dtree *t = c->t;
  if (n == tcont || dom_is_ancestor(t, n, tcont)) return 1;   /* contains the whole region */
  return dom_is_ancestor(t, tcont, n) && n > h;              /* inside it, after the heading */
}

/* ===== JSON-LD articleBody ===== */

#define LD_PROBES        7
#define LD_PROBE_BYTES   28
#define LD_MIN_BODY      200   /* shorter copies are not worth probing */

/* collapse white space runs into single spaces into b (replacing it) */
static void squeeze(const char *s, size_t n, sapo_buf *b) {
  b->len = 0;
  int ws = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') { ws = 1; continue; }
    if (ws && b->len) sapo_buf_addc(b, ' ');
    ws = 0;
    sapo_buf_addc(b, (char)ch);
  }
  sapo_buf_addc(b, '\0');
  b->len--;
}

int32_t priors_jsonld_node(fctx *c, const char *ld_body) {
  const dtree *t = c->t;
  if (!ld_body) return -1;
  sapo_buf body = SAPO_BUF_INIT, txt = SAPO_BUF_INIT;
  squeeze(ld_body, strlen(ld_body), &body);
  int32_t result = -1;
  if (body.failed || body.len < LD_MIN_BODY) goto done;
  /* probes: LD_PROBE_BYTES-byte windows starting at word starts, spread
   * over the first 90% (a truncated copy still matches) */
  char probes[LD_PROBES][LD_PROBE_BYTES + 4];
  int np = 0;
  for (int k = 0; k < LD_PROBES; k++) {
    size_t at = (size_t)((double)body.len * 0.9 * k / LD_PROBES);
    while (at < body.len && body.data[at] != ' ') at++;
    while (at < body.len && body.data[at] == ' ') at++;
    if (at + LD_PROBE_BYTES >= body.len) break;
    size_t e = at + LD_PROBE_BYTES;
    while (e > at && ((unsigned char)body.data[e] & 0xC0) == 0x80) e--;   /* whole code points */
    memcpy(probes[np], body.data + at, e - at);
    probes[np][e - at] = '\0';
    np++;
  }
  int32_t hits[LD_PROBES];
  int nh = 0;
  int found[LD_PROBES] = {0};
  for (int32_t i = 0; i < c->orig_count && nh < np; i++) {
    if (t->n[i].type != DN_TEXT || t->n[i].tlen < 8 || (t->n[i].flags & DF_BLANK)) continue;
    squeeze(t->n[i].text, t->n[i].tlen, &txt);
    if (txt.failed) goto done;
    for (int k = 0; k < np; k++)
      if (!found[k] && strstr(txt.data, probes[k])) { found[k] = 1; hits[nh++] = i; }
  }
  if (nh < 2) goto done;
  /* lowest common ancestor of the hits */
  int32_t lca = t->n[hits[0]].parent;
  for (int k = 1; k < nh && lca >= 0; k++) {
    while (lca >= 0 && !dom_is_ancestor(t, lca, hits[k])) lca = t->n[lca].parent;
  }
  if (lca >= 0 && t->n[lca].tag != T_BODY && t->n[lca].tag != T_HTML) result = lca;
done:
  sapo_buf_free(&body);
  sapo_buf_free(&txt);
  return result;
}
