/* extract.c: the extraction pipeline in one place:
 *   one walk of the document: the compact tree (dom.c) and the metadata's
 *   facts (meta.c) -> metadata -> find (finder.c) and clean (clean.c) the
 *   article -> serialise (emit.c) -> fields (fields.c) -> fill the sapo_article.
 * Every string handed out is malloc'ed, cleaned and NFC. */
#include "extract.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include "dom.h"
#include "authors.h"
#include "clean.h"
#include "date.h"
#include "emit.h"
#include "meta.h"
#include "phrases.h"
#include "vi.h"
#include "find.h"
#include "fields.h"
#include "finder.h"
#include "tags.h"
#include "scripts.h"
#include "shapes.h"
#include "title.h"
#include "url.h"
#include "utext.h"

void sapo_article_free(sapo_article *a) {
  free(a->title); free(a->byline); free(a->date); free(a->modified); free(a->lead); free(a->lang);
  free(a->site_name); free(a->url); free(a->description); free(a->top_image); free(a->dir);
  free(a->text); free(a->markdown); free(a->html);
  for (int k = 0; k < a->n_authors; k++) free(a->authors[k]);
  free(a->authors);
  for (int k = 0; k < a->n_tags; k++) free(a->tags[k]);
  free(a->tags);
  for (int k = 0; k < a->n_images; k++) {
    free(a->images[k].src); free(a->images[k].alt); free(a->images[k].caption); free(a->images[k].credit);
  }
  free(a->images);
  if (a->trace) { trace_free(a->trace); free(a->trace); }
  memset(a, 0, sizeof *a);
}

/* Split a keywords string on commas into a[] (trimmed, non-empty). */
static int split_tags(const char *s, sapo_article *a) {
  if (!s) return 0;
  int cap = 0;
  while (*s) {
    const char *e = strchr(s, ',');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    sapo_buf b = SAPO_BUF_INIT;
    if (sapo_clean(s, n, &b, 0)) { sapo_buf_free(&b); return -1; }
    if (b.len) {
      if (a->n_tags == cap) {
        cap = cap ? cap * 2 : 8;
        char **p = realloc(a->tags, (size_t)cap * sizeof *p);
        if (!p) { sapo_buf_free(&b); return -1; }
        a->tags = p;
      }
      a->tags[a->n_tags++] = sapo_buf_detach(&b, NULL);
    }
    sapo_buf_free(&b);
    if (!e) break;
    s = e + 1;
  }
  return 0;
}

/* <base href> resolved against the page URL, else the page URL; either
 * only when it is an http(s) URL. */
static char *base_url(xmlDocPtr doc, const char *url) {
  xmlNodePtr html = xmlDocGetRootElement(doc);
  for (xmlNodePtr h = html ? html->children : NULL; h; h = h->next) {
    if (h->type != XML_ELEMENT_NODE || strcmp((const char *)h->name, "head")) continue;
    for (xmlNodePtr b = h->children; b; b = b->next)
      if (b->type == XML_ELEMENT_NODE && !strcmp((const char *)b->name, "base")) {
        const char *href = xml_attr(b, "href");
        char *r = href && *href ? sapo_url_safe(url, href, SAPO_URL_PAGE) : NULL;
        if (r) return r;
      }
  }
  return url ? sapo_url_safe(NULL, url, SAPO_URL_PAGE) : NULL;
}

/* ===== FIELD RULES ===== */

/* "div.main > article#story > p": a readable name of a page node, from
 * its libxml2 ancestors (the last five). */
static char *node_path(xmlNodePtr x) {
  xmlNodePtr chain[5];
  int n = 0;
  for (xmlNodePtr p = x; p && p->type == XML_ELEMENT_NODE && n < 5; p = p->parent) chain[n++] = p;
  sapo_buf b = SAPO_BUF_INIT;
  for (int k = n - 1; k >= 0; k--) {
    sapo_buf_adds(&b, (const char *)chain[k]->name);
    const char *id = xml_attr(chain[k], "id"), *cls = xml_attr(chain[k], "class");
    if (id && *id) { sapo_buf_addc(&b, '#'); sapo_buf_add(&b, id, strnlen(id, 40)); }
    if (cls && *cls) {
      sapo_buf_addc(&b, '.');
      size_t l = strnlen(cls, 60);
      for (size_t i = 0; i < l; i++) sapo_buf_addc(&b, cls[i] == ' ' ? '.' : cls[i]);
    }
    if (k) sapo_buf_adds(&b, " > ");
  }
  char *r = b.failed ? NULL : sapo_buf_detach(&b, NULL);
  sapo_buf_free(&b);
  return r;
}

#define TRACE_MAX_CANDS   32     /* candidates whose containers are marked on items */
#define TRACE_OUTSIDE_MAX 5000   /* blocks outside every container, reported at most */

static int xml_inside(xmlNodePtr x, xmlNodePtr anc) {
  for (; x; x = x->parent)
    if (x == anc) return 1;
  return 0;
}

/* paths, and for each item the candidates (by order, bit k) whose
 * container holds it, read on libxml2's tree (never changed) */
static void trace_paths(trace *tr, const dtree *t, int32_t orig_count) {
  xmlNodePtr cands[TRACE_MAX_CANDS];
  int nc = 0;
  for (int i = 0; i < tr->n && nc < TRACE_MAX_CANDS; i++) {
    const trace_item *it = &tr->v[i];
    if (it->kind == TR_CANDIDATE)
      cands[nc++] = it->node >= 0 && it->node < orig_count ? t->n[it->node].x : NULL;
  }
  for (int i = 0; i < tr->n; i++) {
    trace_item *it = &tr->v[i];
    if (it->node < 0 || it->node >= orig_count || !t->n[it->node].x) continue;
    it->path = node_path(t->n[it->node].x);
    if (!it->path) tr->failed = 1;
    if (it->kind == TR_DROP || it->kind == TR_KEEP || it->kind == TR_OUTSIDE)
      for (int k = 0; k < nc; k++)
        if (cands[k] && xml_inside(t->n[it->node].x, cands[k])) it->cands |= 1u << k;
  }
}

static void trace_field(trace *tr, const char *field, const char *value, const char *src) {
  if (!value) return;
  trace_item *it = trace_add(tr, TR_FIELD, -1, field, "chosen", value, strlen(value));
  if (it) it->source = src ? src : "page";
}

/* The page's text blocks that are neither in the article nor inside a
 * dropped node: outside every container the finder chose. */
static void trace_outside(trace *tr, const dtree *t, int32_t orig_count, int32_t article) {
  int budget = TRACE_OUTSIDE_MAX;
  sapo_buf b = SAPO_BUF_INIT;
  for (int32_t i = 0; i < orig_count && budget > 0; i++) {
    if (t->n[i].type != DN_ELEM || !(sapo_tag_flags[t->n[i].tag] & TF_BLOCK)) continue;
    b.len = 0;
    for (int32_t c = t->n[i].first; c >= 0; c = t->n[c].next)
      if (t->n[c].type == DN_TEXT) sapo_buf_add(&b, t->n[c].text, t->n[c].tlen);
      else if (t->n[c].type == DN_ELEM && !(sapo_tag_flags[t->n[c].tag] & TF_BLOCK)) dom_text(t, c, &b);
    const char *s = sapo_buf_cstr(&b);
    size_t k = 0;
    while (k < b.len && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r')) k++;
    if (k == b.len) continue;
    int32_t r = i, in_article = 0, in_body = 0;
    for (; r >= 0; r = t->n[r].parent) {
      if (r == article) in_article = 1;
      if (r == t->body) in_body = 1;
      if (t->n[r].parent < 0) break;
    }
    if (in_article || !in_body || r != t->html) continue;
    trace_add(tr, TR_OUTSIDE, i, "outside", NULL, s + k, b.len - k);
    budget--;
  }
  sapo_buf_free(&b);
}

/* The JSON-LD articleBody as paragraphs (a stub page's body). */
static int emit_ld_text(emit_out *o, const char *body) {
  memset(o, 0, sizeof *o);
  for (const char *p = body; *p;) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n && emit_append(o, p, n, 0)) return -1;
    if (!e) break;
    p = e + 1;
  }
  return 0;
}

/* When the page shows (almost) nothing, the body its scripts carry as
 * HTML strings: the finder runs again on that document and, when it finds
 * more there, its tree and result replace the page's.  *sdoc keeps the
 * document alive for the caller.  0, or -1 when out of memory. */
static int script_fallback(xmlDocPtr doc, const sapo_options *opt, dtree *t, const find_input *in, find_result *sr,
                           xmlDocPtr *sdoc) {
  if (sapo_script_html(doc, opt, sdoc)) return -1;
  if (!*sdoc) return 0;
  dtree t2;
  memset(&t2, 0, sizeof t2);
  find_result s2;
  memset(&s2, 0, sizeof s2);
  find_input in2 = *in;
  in2.features = NULL;   /* (those were the page's) */
  if (dom_build(&t2, *sdoc) || find_article(&t2, &in2, &s2)) {
    free(s2.byline); free(s2.mark); dom_free(&t2);
    return -1;
  }
  if (s2.article < 0 || s2.text_length <= sr->text_length || s2.text_length < FIND_MIN_TEXT) {
    free(s2.byline); free(s2.mark); dom_free(&t2);
    xmlFreeDoc(*sdoc);
    *sdoc = NULL;
    return 0;
  }
  if (!s2.byline) { s2.byline = sr->byline; sr->byline = NULL; }
  free(sr->byline);
  free(sr->mark);
  *sr = s2;
  sr->method = "script-html";
  dom_free(t);
  *t = t2;
  return 0;
}

/* ===== TEXT FINISHING: TONE STYLE AND LANGUAGE ===== */

#define LANG_SAMPLE 1500   /* bytes of text the language is detected on */

/* *s (n bytes, or its strlen when len is NULL) in the tone style. */
static int tone_one(char **s, size_t *len, int style) {
  if (!*s) return 0;
  size_t n = len ? *len : strlen(*s);
  sapo_buf b = SAPO_BUF_INIT;
  int rc = sapo_vi_tone(*s, n, style, &b);
  if (rc == SAPO_ENOMEM || b.failed) { sapo_buf_free(&b); return -1; }
  if (rc != SAPO_OK) { sapo_buf_free(&b); return 0; }   /* not UTF-8: left as it is */
  size_t m;
  char *t = sapo_buf_detach(&b, &m);
  if (!t) { t = strdup(""); m = 0; if (!t) return -1; }
  free(*s);
  *s = t;
  if (len) *len = m;
  return 0;
}

/* Every text of the article in opt->tone's style, and art.lang: forced,
 * else the page's, else "vi" when the text reads as Vietnamese. */
static int finish_text(sapo_article *a, const sapo_options *opt) {
  if (opt->tone >= 0) {
    char **one[] = {&a->title, &a->byline, &a->lead, &a->description, &a->site_name};
    for (size_t k = 0; k < sizeof one / sizeof *one; k++)
      if (tone_one(one[k], NULL, opt->tone)) return -1;
    if (tone_one(&a->text, &a->text_len, opt->tone) || tone_one(&a->markdown, &a->markdown_len, opt->tone) ||
        tone_one(&a->html, &a->html_len, opt->tone))
      return -1;
    for (int k = 0; k < a->n_authors; k++) if (tone_one(&a->authors[k], NULL, opt->tone)) return -1;
    for (int k = 0; k < a->n_tags; k++) if (tone_one(&a->tags[k], NULL, opt->tone)) return -1;
    for (int k = 0; k < a->n_images; k++)
      if (tone_one(&a->images[k].alt, NULL, opt->tone) || tone_one(&a->images[k].caption, NULL, opt->tone) ||
          tone_one(&a->images[k].credit, NULL, opt->tone))
        return -1;
  }
  if (opt->lang) {
    char *l = strdup(opt->lang);
    if (!l) return -1;
    free(a->lang);
    a->lang = l;
  } else if (!a->lang && a->text) {
    size_t n = a->text_len < LANG_SAMPLE ? a->text_len : LANG_SAMPLE;
    while (n < a->text_len && n > 0 && ((unsigned char)a->text[n] & 0xC0) == 0x80) n--;   /* whole characters */
    double score;
    if (sapo_vi_detect(a->text, n, &score) == 1 && !(a->lang = strdup("vi"))) return -1;
  }
  return 0;
}

/* ===== THE STAGES ===== */

/* Everything one extraction holds between its stages. */
typedef struct xctx {
  xmlDocPtr doc;
  const sapo_options *opt;
  sapo_article *a;
  sapo_error *err;
  meta_facts *facts;   /* collected by stage_read, consumed by stage_meta */
  vocab_pre *features; /* read by stage_read, taken over by the finder */
  sapo_meta m;
  dtree t;
  find_result sr;
  emit_out eo;
  clean_input ci;
  clean_found cf;
  field_ctx fc;
  char *base;
  xmlDocPtr sdoc;      /* the body printed into the page's scripts, when read */
  trace *tr;
} xctx;

/* what the walk that builds the tree reads of each element: the facts the
 * metadata is chosen from, and the finder's class/id features */
static int read_element(void *ud, const dtree *t, xmlNodePtr el, int tag, int32_t i, const dom_attrs *a) {
  xctx *x = ud;
  if (meta_facts_visit(x->facts, el, tag, a)) return -1;
  return i >= 0 ? vocab_pre_read(x->features, t, i, a) : 0;
}

/* one walk of the document: the compact tree, the facts of the metadata
 * and the elements' features */
static int stage_read(xctx *x) {
  if (!(x->facts = meta_facts_new()) || !(x->features = vocab_pre_new())) return SAPO_ENOMEM;
  return dom_build_visit(&x->t, x->doc, read_element, x) ? SAPO_ENOMEM : SAPO_OK;
}

/* metadata, before anything is dropped; the base URL of links */
static int stage_meta(xctx *x) {
  meta_facts *f = x->facts;
  x->facts = NULL;
  if (meta_read_facts(f, &x->m)) return SAPO_ENOMEM;
  /* links and images resolve against opts.url, else the page's own
   * canonical URL (link rel=canonical, og:url) when it is absolute */
  x->fc.page_url = x->opt->url;
  if (!x->fc.page_url && sapo_url_is_http(x->m.canonical)) x->fc.page_url = x->m.canonical;
  x->base = base_url(x->doc, x->fc.page_url);
  /* a meta author naming the publication, or another organisation, is
   * no person: the page's own byline element may then be read (it is the
   * last byline source) */
  if (site_named(x->m.byline, x->m.site_name, x->m.doc_title, x->fc.page_url) || shape_organisation(x->m.byline)) {
    x->fc.site_byline = x->m.byline;
    x->m.byline = NULL;
  }
  return SAPO_OK;
}

/* the article's container (or the HTML the page's scripts carry) */
static int stage_find(xctx *x) {
  find_input in = {x->m.title, x->m.byline != NULL, (int)x->opt->char_threshold, (int)x->opt->nb_top_candidates,
                   x->m.ld_body, x->tr, (x->opt->skip & CLEAN_LISTINGS) != 0, x->base, x->features};
  if (find_article(&x->t, &in, &x->sr)) return SAPO_ENOMEM;
  if (!x->sr.use_ld_text && x->sr.text_length < FIND_MIN_TEXT && script_fallback(x->doc, x->opt, &x->t, &in, &x->sr, &x->sdoc))
    return SAPO_ENOMEM;
  return SAPO_OK;
}

/* what the metadata says as it is: description, site, language, URL, tags, direction */
static int stage_page_fields(xctx *x) {
  sapo_article *a = x->a;
  a->description = x->m.excerpt; x->m.excerpt = NULL;
  a->site_name = x->m.site_name; x->m.site_name = NULL;
  a->lang = x->m.lang; x->m.lang = NULL;
  a->url = x->m.canonical ? sapo_url_safe(x->base, x->m.canonical, SAPO_URL_PAGE) : NULL;
  if (!a->url && x->opt->url) a->url = sapo_url_safe(NULL, x->opt->url, SAPO_URL_PAGE);
  if (split_tags(x->m.keywords, a)) return SAPO_ENOMEM;
  for (int32_t p = x->sr.dir_node; p >= 0; p = x->t.n[p].parent) {
    const char *d = dom_attr(&x->t, p, "dir");
    if (d && *d) { a->dir = strdup(d); break; }
  }
  return SAPO_OK;
}

/* the body: blocks, the precision filters and the lead, the outputs */
static int stage_body(xctx *x) {
  sapo_article *a = x->a;
  find_result *sr = &x->sr;
  if (!sr->use_ld_text && (sr->article < 0 || sr->text_length == 0))
    return sapo_fail(x->err, SAPO_ENOCONTENT, "no article content found");
  int formats = (int)x->opt->formats | SAPO_FMT_TEXT;
  if (sr->use_ld_text ? emit_ld_text(&x->eo, x->m.ld_body) : emit_blocks(&x->t, sr->article, x->base, formats, &x->eo))
    return SAPO_ENOMEM;
  if (sr->use_ld_text && sr->article < 0) {
    /* nothing of the page to clean against: an empty virtual container */
    sr->article = dom_new(&x->t, T_DIV);
    if (sr->article < 0) return SAPO_ENOMEM;
  }
  x->ci = (clean_input){&x->t, sr->article, sr->orig_count, x->m.title, a->description, sr->title_node,
                        x->opt->keep_captions, x->opt->skip, sr->mark, x->tr};
  if (clean_blocks(&x->eo, &x->ci, &x->cf)) return SAPO_ENOMEM;
  long words = 0;
  if (emit_serialize(&x->eo, formats, &a->text, &a->text_len, &a->markdown, &a->markdown_len, &a->html,
                     &a->html_len, &words))
    return SAPO_ENOMEM;
  if (a->text_len == 0) return sapo_fail(x->err, SAPO_ENOCONTENT, "no article content found");
  a->images = x->eo.images; a->n_images = x->eo.n_images;
  x->eo.images = NULL; x->eo.n_images = 0;
  a->word_count = words;
  a->lead = x->cf.lead; x->cf.lead = NULL;
  if (!a->description) {
    /* Readability: the first paragraph stands in for a missing excerpt */
    const char *e = strstr(a->text, "\n\n");
    size_t n = e ? (size_t)(e - a->text) : a->text_len;
    a->description = malloc(n + 1);
    if (!a->description) return SAPO_ENOMEM;
    memcpy(a->description, a->text, n);
    a->description[n] = '\0';
  }
  a->method = sr->method;
  return SAPO_OK;
}

/* title, byline and authors, dates, top image: the field stage */
static int stage_fields(xctx *x) {
  x->fc.opt = x->opt; x->fc.m = &x->m; x->fc.sr = &x->sr; x->fc.cf = &x->cf; x->fc.ci = &x->ci;
  x->fc.a = x->a; x->fc.base = x->base; x->fc.tr = x->tr;
  return fields_choose(&x->fc) ? SAPO_ENOMEM : SAPO_OK;
}

static void stage_trace(xctx *x) {
  if (!x->tr) return;
  trace_field(x->tr, "lead", x->a->lead, x->cf.lead_src);
  trace_field(x->tr, "method", x->a->method, "finder");
  trace_outside(x->tr, &x->t, x->sr.orig_count, x->sr.article);
  trace_paths(x->tr, &x->t, x->sr.orig_count);
}

static void xctx_free(xctx *x) {
  fields_done(&x->fc);
  meta_facts_free(x->facts);
  vocab_pre_free(x->features);
  if (x->sdoc) xmlFreeDoc(x->sdoc);
  free(x->base);
  free(x->sr.byline);
  free(x->sr.mark);
  meta_free(&x->m);
  dom_free(&x->t);
  emit_free(&x->eo);
  clean_found_free(&x->cf);
}

int sapo_extract(xmlDocPtr doc, const sapo_options *opt, sapo_article *a, sapo_error *err) {
  memset(a, 0, sizeof *a);
  xctx x;
  memset(&x, 0, sizeof x);
  x.doc = doc; x.opt = opt; x.a = a; x.err = err;
  int rc = SAPO_OK;
  if (opt->url && !sapo_url_is_http(opt->url))
    return sapo_fail(err, SAPO_EURL, "the page's URL must be an absolute http(s) URL (url): %.80s", opt->url);
  if (opt->trace && !(x.tr = a->trace = calloc(1, sizeof *x.tr))) rc = SAPO_ENOMEM;
  if (!rc) rc = stage_read(&x);
  if (!rc) rc = stage_meta(&x);
  if (!rc) rc = stage_find(&x);
  if (!rc) rc = stage_page_fields(&x);
  if (!rc) rc = stage_body(&x);
  if (!rc) rc = stage_fields(&x);
  if (!rc && finish_text(a, opt)) rc = SAPO_ENOMEM;
  /* no article: the trace still says why every candidate lost */
  if (!rc || (rc == SAPO_ENOCONTENT && x.tr)) stage_trace(&x);
  if (rc == SAPO_ENOMEM) sapo_fail(err, SAPO_ENOMEM, "out of memory");
  xctx_free(&x);
  return rc;
}
