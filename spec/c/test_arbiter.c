/* test_arbiter.c: the arbiter's choice among the finder's candidates,
 * through the extraction stage (parse, find, choose), read off art.method
 * and the trace's verdicts. */
#include <stdlib.h>
#include "test.h"
#include "core/extract.h"
#include "core/html.h"
#include "core/options.h"

#define PARA "<p>The council met on Tuesday evening to decide the budget, and after a long debate, " \
             "the members voted to fund the new library, the bridge and the harbour works.</p>"

/* the method the finder chose for html, and the verdict of the candidate
 * of that source in the trace ("" when none) */
static const char *method(const char *html, char *verdict, size_t cap) {
  static char m[128];
  sapo_options o;
  sapo_options_init(&o);
  o.trace = 1;
  sapo_parsed p;
  sapo_error err;
  sapo_article a;
  verdict[0] = '\0';
  if (sapo_html_parse(html, strlen(html), &o, &p, &err)) return "(parse failed)";
  int rc = sapo_extract(p.doc, &o, &a, &err);
  snprintf(m, sizeof m, "%s", rc ? "(no article)" : a.method);
  for (int i = 0; rc == 0 && a.trace && i < a.trace->n; i++) {
    const trace_item *it = &a.trace->v[i];
    if (it->kind == TR_CANDIDATE && it->verdict && !strncmp(it->verdict, "chosen", 6)) {
      snprintf(verdict, cap, "%s", it->what ? it->what : "");
      break;
    }
  }
  sapo_article_free(&a);
  xmlFreeDoc(p.doc);
  return m;
}

TEST(arbiter_takes_the_article_body_prior) {
  char v[128];
  const char *html = "<html><body><nav><a href='/'>Home</a></nav><h1>Budget</h1>"
                     "<div itemprop='articleBody'>" PARA PARA PARA PARA "</div><footer>(c)</footer></body></html>";
  EXPECT_STR(method(html, v, sizeof v), "prior:itemprop-articlebody");
}

TEST(arbiter_prefers_the_title_region_over_a_longer_stream_of_teasers) {
  char v[128];
  const char *teasers = "<div class='more'><article><h3><a href='/a'>Another story on the river works</a></h3></article>"
                        "<article><h3><a href='/b'>A story on the school budget</a></h3></article>"
                        "<article><h3><a href='/c'>A story on the museum</a></h3></article></div>";
  const char *html_fmt = "<html><body><h1>Budget</h1><div class='story'>%s</div>%s%s</body></html>";
  char html[8192];
  snprintf(html, sizeof html, html_fmt, PARA PARA PARA PARA PARA, teasers, teasers);
  const char *m = method(html, v, sizeof v);
  EXPECT(strcmp(m, "(no article)") != 0);
  sapo_options o;
  sapo_options_init(&o);
  sapo_parsed p;
  sapo_error err;
  sapo_article a;
  EXPECT_INT(sapo_html_parse(html, strlen(html), &o, &p, &err), SAPO_OK);
  EXPECT_INT(sapo_extract(p.doc, &o, &a, &err), SAPO_OK);
  EXPECT(a.text && strstr(a.text, "fund the new library"));
  EXPECT(a.text && !strstr(a.text, "museum"));
  sapo_article_free(&a);
  xmlFreeDoc(p.doc);
}

TEST(arbiter_finds_no_article_on_an_empty_page) {
  char v[128];
  EXPECT_STR(method("<html><head><title>x</title></head><body><nav></nav><div> </div></body></html>", v, sizeof v),
             "(no article)");
}
