/* test_url.c: which URLs reach the output, and how (url.c). */
#include <stdlib.h>
#include "test.h"
#include "core/url.h"

static const char *safe(const char *base, const char *href, sapo_url_kind kind) {
  static char out[512];
  char *r = sapo_url_safe(base, href, kind);
  if (!r) return NULL;
  snprintf(out, sizeof out, "%s", r);
  free(r);
  return out;
}

TEST(url_refuses_script_schemes_however_hidden) {
  EXPECT_STR(safe(NULL, "javascript:alert(1)", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "\xE2\x80\x8Bjavascript:alert(1)", SAPO_URL_LINK), NULL);   /* U+200B */
  EXPECT_STR(safe(NULL, "java\tscript:alert(1)", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "  JAVASCRIPT:x", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "javascript&colon;x", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "vbscript:x", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "data:text/html,x", SAPO_URL_LINK), NULL);
  EXPECT_STR(safe(NULL, "mailto:a@b.c", SAPO_URL_IMAGE), NULL);
}

TEST(url_keeps_web_links_resolved_and_encoded) {
  EXPECT_STR(safe("https://example.com/a/b.html", "../c d.html", SAPO_URL_LINK), "https://example.com/c%20d.html");
  EXPECT_STR(safe(NULL, "mailto:a@b.c", SAPO_URL_LINK), "mailto:a@b.c");
  EXPECT_STR(safe(NULL, "/x?a=1&b=<2>", SAPO_URL_LINK), "/x?a=1&b=%3C2%3E");
  EXPECT_STR(safe(NULL, "a:b", SAPO_URL_LINK), NULL);           /* scheme a: is not on the list */
  EXPECT_STR(safe(NULL, "1a:b/c", SAPO_URL_LINK), "./1a:b/c");   /* no scheme, but it could read as one */
}

TEST(url_a_base_must_be_http) {
  EXPECT(sapo_url_is_http("https://example.com/"));
  EXPECT(!sapo_url_is_http("javascript:alert(1)//"));
  EXPECT(!sapo_url_is_http("http:///x"));
  EXPECT(!sapo_url_is_http("http://exa mple.com/"));
  EXPECT_STR(safe("javascript:alert(1)//", "rel", SAPO_URL_LINK), "rel");
}
