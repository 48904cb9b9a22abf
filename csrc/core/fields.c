/* fields.c: the field stage (see fields.h): the chooser, and each field's
 * sources in priority order and its check. */
#include "fields.h"
#include <stdlib.h>
#include <string.h>
#include "authors.h"
#include "clean.h"
#include "date.h"
#include "phrases.h"
#include "shapes.h"
#include "title.h"
#include "url.h"
#include "utext.h"

/* ===== THE CHOOSER ===== */

static void note(field_ctx *c, const char *field, const char *source, const char *value, const char *verdict) {
  trace_item *it = trace_add(c->tr, TR_FIELD, -1, field, verdict, value, strlen(value));
  if (it) it->source = source;
}

char *field_choose(field_ctx *c, const field_rule *rule, const char **src) {
  for (const field_source *s = rule->sources; s->name; s++) {
    const char *name = s->name;
    char *v = s->propose(c, &name);
    if (c->oom) { free(v); return NULL; }
    if (v && rule->tidy) rule->tidy(&v);
    if (!v) continue;
    const char *why = rule->check ? rule->check(c, v, name) : NULL;
    note(c, rule->field, name, v, why ? why : "chosen");
    if (!why) {
      if (src) *src = name;
      return v;
    }
    free(v);
  }
  return NULL;
}

/* a string taken from its owner (the owner's pointer set to NULL) */
static char *take(char **p) {
  char *v = *p;
  *p = NULL;
  return v;
}

static char *dup_or_oom(field_ctx *c, const char *s) {
  if (!s) return NULL;
  char *v = strdup(s);
  if (!v) c->oom = 1;
  return v;
}

/* *s replaced by its cleaned text (white space collapsed, invisible
 * characters dropped, NFC), or NULL when nothing is left; -1 when memory
 * runs out (*s then unchanged). */
static int clean_line(char **s) {
  if (!*s) return 0;
  sapo_buf b = SAPO_BUF_INIT;
  if (sapo_clean(*s, strlen(*s), &b, 0)) { sapo_buf_free(&b); return -1; }
  free(*s);
  *s = b.len ? sapo_buf_detach(&b, NULL) : NULL;
  sapo_buf_free(&b);
  return 0;
}

/* a taken string, cleaned (NULL when nothing is left) */
static char *cleaned(field_ctx *c, char *v) {
  if (clean_line(&v)) { free(v); c->oom = 1; return NULL; }
  return v;
}

/* "Theo Reuters" -> "Reuters": a source line names an agency (the lead-ins
 * are the cleaning stage's source phrases, phrases.c). */
static void strip_source_prefix(char *s) {
  size_t n = sapo_phrase_lead(s, PH_SOURCE);
  if (n) memmove(s, s + n, strlen(s + n) + 1);
}

/* art.authors: JSON-LD's names (each cleaned), else the byline's */
static int set_authors(sapo_article *a, char **ld, int n_ld) {
  if (n_ld) {
    for (int k = 0; k < n_ld; k++) {
      char **v = NULL;
      int n = 0;
      if (sapo_authors(ld[k], &v, &n)) return -1;
      for (int j = 0; j < n; j++) {
        int dup = 0;
        for (int i = 0; i < a->n_authors; i++) dup |= !strcmp(a->authors[i], v[j]);
        if (dup) continue;
        char **g = realloc(a->authors, (size_t)(a->n_authors + 1) * sizeof *g);
        if (!g) { sapo_authors_free(v, n); return -1; }
        a->authors = g;
        a->authors[a->n_authors++] = v[j];
        v[j] = NULL;
      }
      sapo_authors_free(v, n);
    }
    return 0;
  }
  return sapo_authors(a->byline, &a->authors, &a->n_authors);
}

/* art.byline as "A, B, C" from art.authors */
static int join_names(sapo_article *a) {
  sapo_buf b = SAPO_BUF_INIT;
  for (int k = 0; k < a->n_authors; k++) {
    if (k) sapo_buf_adds(&b, ", ");
    sapo_buf_adds(&b, a->authors[k]);
  }
  if (b.failed) { sapo_buf_free(&b); return -1; }
  free(a->byline);
  a->byline = sapo_buf_detach(&b, NULL);
  return a->byline ? 0 : -1;
}

static void iso_date(char **d) {
  if (!*d) return;
  char iso[48];
  if (sapo_date_iso(*d, iso, sizeof iso)) {
    char *n = strdup(iso);
    if (n) { free(*d); *d = n; }
  }
}

static int has_letter(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s >= 0x80 || ((*s | 32) >= 'a' && (*s | 32) <= 'z')) return 1;
  return 0;
}

/* ===== TITLE ===== */

/* the metadata's title (JSON-LD, OpenGraph, <title>), the site's name cut
 * off, the h1 taken when <title> is it plus a suffix */
static char *title_metadata(field_ctx *c, const char **name) {
  if (!c->m->title) return NULL;
  *name = c->m->title_src ? c->m->title_src : "meta";
  char *t = take(&c->m->title);
  title_strip_site(t, c->a->site_name, c->a->url ? c->a->url : c->opt->url);
  title_prefer_h1(&t, c->m->h1);
  return t;
}

/* the page's h1, when the metadata's title only named the site */
static char *title_h1(field_ctx *c, const char **name) {
  (void)name;
  return c->title_named_site ? dup_or_oom(c, c->m->h1) : NULL;
}

static const char *title_check(field_ctx *c, const char *v, const char *source) {
  if (!strcmp(source, "h1") || !title_names_site(v, c->a->site_name, c->m->h1)) return NULL;
  c->title_named_site = 1;
  return "rejected: names only the site";
}

static const field_source TITLE_SOURCES[] = {{"meta", title_metadata}, {"h1", title_h1}, {NULL, NULL}};

/* ===== BYLINE ===== */

/* a byline candidate as it will be written: lead-in labels, dates, stamps
 * and e-mail addresses after the names cut */
static void byline_tidy(char **v) { sapo_byline_tidy(*v); }

/* the page's byline element, when the metadata names no author */
static char *byline_element(field_ctx *c, const char **name) {
  (void)name;
  if (c->m->byline || !c->sr->byline) return NULL;
  return cleaned(c, take(&c->sr->byline));
}
/* names signed in bold above the text (over a metadata author, which is
 * often a CMS account; never over the byline element, tried before) */
static char *byline_opening(field_ctx *c, const char **name) { (void)name; return take(&c->cf->opening_byline); }
/* JSON-LD's authors, <meta name=author> */
static char *byline_metadata(field_ctx *c, const char **name) {
  if (!c->m->byline) return NULL;
  *name = c->m->byline_src ? c->m->byline_src : "meta";
  return cleaned(c, take(&c->m->byline));
}
static char *byline_signature(field_ctx *c, const char **name) { (void)name; return take(&c->cf->byline); }
static char *byline_labelled(field_ctx *c, const char **name) { (void)name; return take(&c->m->fact_author); }
static char *byline_rel_author(field_ctx *c, const char **name) { (void)name; return take(&c->m->rel_author); }
static char *byline_author_link(field_ctx *c, const char **name) { (void)name; return take(&c->m->author_link); }
static char *byline_by_line(field_ctx *c, const char **name) { (void)name; return meta_byline_near(c->m); }
static char *byline_source_line(field_ctx *c, const char **name) {
  (void)name;
  char *v = take(&c->cf->source);
  if (v) strip_source_prefix(v);
  return v;
}
/* the publication, when the metadata names it as the author and no person
 * signs the article anywhere */
static char *byline_publisher(field_ctx *c, const char **name) { (void)name; return cleaned(c, take(&c->site_byline)); }

/* a person's names (shapes.c), not the site or an organisation; the
 * publication itself (the last source) only needs to be a name */
static const char *byline_check(field_ctx *c, const char *v, const char *source) {
  if (!*v) return "rejected: empty";
  if (!strcmp(source, "publisher")) return has_letter(v) ? NULL : "rejected: no letters";
  /* the <title>'s last part names the site; an element marked as the
   * author's that says the same is a person whose site bears the name */
  const char *doc_title = strcmp(source, "byline-element") ? c->m->doc_title : NULL;
  if (site_named(v, c->a->site_name, doc_title, c->page_url)) return "rejected: names the site";
  if (shape_organisation(v)) return "rejected: an organisation, not a person";
  return shape_byline(v);
}

static const field_source BYLINE_SOURCES[] = {
  {"byline-element", byline_element}, {"opening-signature", byline_opening}, {"meta", byline_metadata},
  {"signature", byline_signature}, {"labelled", byline_labelled}, {"rel-author", byline_rel_author},
  {"author-link", byline_author_link}, {"by-line", byline_by_line}, {"source-line", byline_source_line},
  {"publisher", byline_publisher}, {NULL, NULL}};

static int choose_byline(field_ctx *c) {
  sapo_article *a = c->a;
  const char *src = NULL;
  static const field_rule BYLINE = {"byline", BYLINE_SOURCES, byline_tidy, byline_check};
  a->byline = field_choose(c, &BYLINE, &src);
  if (c->oom) return -1;
  /* the authors are the byline's names: JSON-LD's list when the byline
   * came from it, else the names read from the line */
  int ld_authors = src && !strcmp(src, "json-ld");
  if (set_authors(a, c->m->authors, ld_authors ? c->m->n_authors : 0)) return -1;
  /* a line of names only, slashed ("A / B", "A | B"): written as a list,
   * as bylines are (the names are the authors read from it) */
  if (a->byline && a->n_authors > 1 && (!ld_authors || !c->m->n_authors) && strpbrk(a->byline, "/|")) {
    const char *names = sapo_byline_lead_in(a->byline);
    if (sapo_names_line(names, strlen(names), 1) && join_names(a)) return -1;
  }
  if (a->byline && !*a->byline) { free(a->byline); a->byline = NULL; }
  return 0;
}

/* ===== DATE ===== */

static char *date_metadata(field_ctx *c, const char **name) {
  if (!c->m->published) return NULL;
  *name = c->m->date_src ? c->m->date_src : "meta";
  return take(&c->m->published);
}
static char *date_labelled(field_ctx *c, const char **name) { (void)name; return take(&c->m->fact_date); }
static char *date_line(field_ctx *c, const char **name) { (void)name; return take(&c->cf->date); }
static char *date_near_title(field_ctx *c, const char **name) { (void)name; return clean_title_date(c->ci); }
static char *date_page(field_ctx *c, const char **name) {
  (void)name;
  return clean_page_date(c->ci);
}

static const char *date_check(field_ctx *c, const char *v, const char *source) {
  (void)c; (void)source;
  return shape_date(v);
}

static const field_source DATE_SOURCES[] = {
  {"meta", date_metadata}, {"labelled", date_labelled}, {"date-line", date_line}, {"near-title", date_near_title},
  {"page-date", date_page},
  {NULL, NULL}};

/* ===== TOP IMAGE ===== */

static char *image_metadata(field_ctx *c, const char **name) {
  (void)name;
  return c->m->image ? sapo_url_safe(c->base, c->m->image, SAPO_URL_IMAGE) : NULL;
}
static char *image_first(field_ctx *c, const char **name) {
  (void)name;
  return c->a->n_images ? dup_or_oom(c, c->a->images[0].src) : NULL;
}

static const field_source IMAGE_SOURCES[] = {{"og:image", image_metadata}, {"first-image", image_first}, {NULL, NULL}};

/* ===== THE STAGE ===== */

int fields_choose(field_ctx *c) {
  sapo_article *a = c->a;
  static const field_rule TITLE = {"title", TITLE_SOURCES, NULL, title_check};
  static const field_rule DATE = {"date", DATE_SOURCES, iso_date, date_check};
  static const field_rule IMAGE = {"top_image", IMAGE_SOURCES, NULL, NULL};
  a->title = field_choose(c, &TITLE, NULL);
  if (c->oom || choose_byline(c)) return -1;
  a->date = field_choose(c, &DATE, NULL);
  if (c->oom) return -1;
  a->modified = take(&c->m->modified);
  iso_date(&a->modified);
  if (a->modified && shape_date(a->modified)) { free(a->modified); a->modified = NULL; }
  a->top_image = field_choose(c, &IMAGE, NULL);
  return c->oom ? -1 : 0;
}

void fields_done(field_ctx *c) {
  free(c->site_byline);
  c->site_byline = NULL;
}
