/* jsonld.c: the article fields of a page's JSON-LD scripts (schema.org
 * Article types): headline, author names, dates, description, publisher,
 * image, keywords, articleBody. */
#include "meta_facts.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "json.h"
#include "utext.h"
#include "words.h"

static int is_article_type(const char *t) {
  if (!t) return 0;
  if (!strncmp(t, "Article", 7)) return 1;
  size_t n = strlen(t);
  if (n >= 12 && !strcmp(t + n - 12, "APIReference")) return 1;
  for (const char *const *p = W_LD_ARTICLE_TYPES; *p; p++)
    if (strstr(t, *p)) return 1;
  return 0;
}

/* a JSON-LD Person or Organization's name: "name", else "givenName
 * familyName" (malloc'ed, entities decoded by the caller), or NULL */
static char *ld_person(const jdoc *d, int v) {
  if (v < 0) return NULL;
  if (d->v[v].type == J_STR) return d->v[v].s && *d->v[v].s ? dup_str(d->v[v].s) : NULL;
  if (d->v[v].type != J_OBJ) return NULL;
  const char *name = json_str(d, v, "name");
  if (name && *name) return dup_str(name);
  const char *given = json_str(d, v, "givenName"), *family = json_str(d, v, "familyName");
  if (!given && !family) return NULL;
  sapo_buf b = SAPO_BUF_INIT;
  if (given) sapo_buf_adds(&b, given);
  if (given && family) sapo_buf_adds(&b, " ");
  if (family) sapo_buf_adds(&b, family);
  char *r = b.failed || !b.len ? NULL : dup_str(sapo_buf_cstr(&b));
  sapo_buf_free(&b);
  return r;
}

void ld_free(ldmeta *l) {
  free(l->title); free(l->byline); free(l->excerpt); free(l->site); free(l->published);
  free(l->modified); free(l->image); free(l->keywords); free(l->body);
  for (int k = 0; k < l->n_authors; k++) free(l->authors[k]);
  free(l->authors);
}

#define LD_MAX_TOPS 32   /* objects of a root array looked at */

void ld_read(facts *f, ldmeta *out) {
  for (int s = 0; s < f->nld; s++) {
    sapo_buf b = SAPO_BUF_INIT;
    node_text(f->ld[s], &b);
    const char *txt = sapo_buf_cstr(&b);
    size_t n = b.len;
    while (n && meta_js_ws((unsigned char)*txt)) { txt++; n--; }
    if (n >= 9 && !strncmp(txt, "<![CDATA[", 9)) { txt += 9; n -= 9; }
    while (n && meta_js_ws((unsigned char)txt[n - 1])) n--;
    if (n >= 3 && !strncmp(txt + n - 3, "]]>", 3)) n -= 3;
    jdoc d;
    int root = json_parse(&d, txt, n);
    sapo_buf_free(&b);
    int found = 0;
    /* the top objects: the root, or each object of a root array */
    int tops[LD_MAX_TOPS], nt = 0;
    if (root >= 0 && d.v[root].type == J_OBJ) tops[nt++] = root;
    else if (root >= 0 && d.v[root].type == J_ARR)
      for (int it = d.v[root].first; it >= 0 && nt < LD_MAX_TOPS; it = d.v[it].next)
        if (d.v[it].type == J_OBJ) tops[nt++] = it;
    for (int ti = 0; ti < nt && !found; ti++) {
      int rt = tops[ti];
      const char *ctx = json_str(&d, rt, "@context");
      int ok = ctx && (!strncmp(ctx, "http://schema.org", 17) || !strncmp(ctx, "https://schema.org", 18));
      if (ok) {
        const char *rest = ctx + (ctx[4] == 's' ? 18 : 17);
        ok = !*rest || !strcmp(rest, "/");
      }
      int obj = rt;
      if (ok && json_get(&d, rt, "@type") < 0) {
        int g = json_get(&d, rt, "@graph");
        obj = -1;
        if (g >= 0 && d.v[g].type == J_ARR)
          for (int it = d.v[g].first; it >= 0; it = d.v[it].next)
            if (is_article_type(json_str(&d, it, "@type"))) { obj = it; break; }
      }
      if (ok && obj >= 0 && is_article_type(json_str(&d, obj, "@type"))) {
        found = 1;
        const char *name = json_str(&d, obj, "name"), *head = json_str(&d, obj, "headline");
        if (name && head && strcmp(name, head)) {
          char *title = f->title_el ? doc_title(f) : strdup("");
          char *at = title ? title_from(f, title) : NULL;
          free(title);
          int nm = at && sapo_text_similarity(name, at) > 0.75, hm = at && sapo_text_similarity(head, at) > 0.75;
          free(at);
          out->title = dup_str(hm && !nm ? head : name);
        } else if (name) out->title = dup_str(name);
        else if (head) out->title = dup_str(head);
        int au = json_get(&d, obj, "author");
        if (au >= 0) {
          if (d.v[au].type == J_STR && d.v[au].s && *d.v[au].s) {
            out->byline = dup_str(d.v[au].s);
          } else if (d.v[au].type == J_OBJ) {
            out->byline = ld_person(&d, au);
          } else if (d.v[au].type == J_ARR) {
            sapo_buf j = SAPO_BUF_INIT;
            for (int a = d.v[au].first; a >= 0; a = d.v[a].next) {
              char *nm2 = ld_person(&d, a);
              if (!nm2) continue;
              char **grown = realloc(out->authors, (size_t)(out->n_authors + 1) * sizeof *grown);
              if (grown) {
                out->authors = grown;
                out->authors[out->n_authors] = strdup(nm2);
                if (out->authors[out->n_authors]) out->n_authors++;
              }
              if (j.len) sapo_buf_adds(&j, ", ");
              sapo_buf_adds(&j, nm2);
              free(nm2);
            }
            out->byline = j.failed || !j.len ? NULL : strdup(sapo_buf_cstr(&j));
            sapo_buf_free(&j);
          }
        }
        out->excerpt = dup_str(json_str(&d, obj, "description"));
        int pub = json_get(&d, obj, "publisher");
        if (pub >= 0) out->site = dup_str(json_str(&d, pub, "name"));
        out->published = dup_str(json_str(&d, obj, "datePublished"));
        out->modified = dup_str(json_str(&d, obj, "dateModified"));
        int img = json_get(&d, obj, "image");
        if (img >= 0) {
          if (d.v[img].type == J_STR) out->image = dup_str(d.v[img].s);
          else if (d.v[img].type == J_OBJ) out->image = dup_str(json_str(&d, img, "url"));
          else if (d.v[img].type == J_ARR && d.v[img].first >= 0) {
            int f0 = d.v[img].first;
            out->image = dup_str(d.v[f0].type == J_STR ? d.v[f0].s : json_str(&d, f0, "url"));
          }
        }
        out->keywords = dup_str(json_str(&d, obj, "keywords"));
        const char *ab = json_str(&d, obj, "articleBody");
        if (ab) {
          sapo_buf bb = SAPO_BUF_INIT;
          if (!sapo_clean(ab, strlen(ab), &bb, 1) && bb.len) out->body = sapo_buf_detach(&bb, NULL);
          sapo_buf_free(&bb);
        }
      }
        }
    json_free(&d);
    if (found) return;
  }
}
