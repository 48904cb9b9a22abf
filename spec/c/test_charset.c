/* test_charset.c: the HTML Standard's prescan and the encoding decision (charset.c). */
#include "test.h"
#include "core/charset.h"

static const char *prescan(const char *s) { return sapo_charset_prescan((const unsigned char *)s, strlen(s)); }

static const char *decide(const char *s, const char *forced, const char *ctype) {
  const char *name = NULL;
  size_t bom = 0;
  sapo_charset_source src;
  sapo_error err;
  if (sapo_charset_decide((const unsigned char *)s, strlen(s), forced, ctype, &name, &bom, &src, &err)) return NULL;
  return name;
}

TEST(prescan_reads_meta_charset_and_http_equiv) {
  EXPECT_STR(prescan("<meta charset=\"windows-1258\">"), "windows-1258");
  EXPECT_STR(prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"), "windows-1252");
  EXPECT_STR(prescan("<!-- <meta charset=koi8-r> --><meta charset=utf-8>"), "utf-8");
  EXPECT_STR(prescan("<p>no declaration</p>"), NULL);
}

TEST(decide_orders_option_header_meta) {
  EXPECT_STR(decide("<meta charset=windows-1258><p>x</p>", "iso-8859-2", NULL), "iso-8859-2");
  EXPECT_STR(decide("<meta charset=windows-1258><p>x</p>", NULL, "text/html; charset=koi8-r"), "koi8-r");
  EXPECT_STR(decide("<meta charset=windows-1258><p>x</p>", NULL, NULL), "windows-1258");
  EXPECT_STR(decide("\xEF\xBB\xBF<meta charset=windows-1258><p>x</p>", NULL, NULL), "utf-8");
}

TEST(font_encodings_have_their_labels) {
  EXPECT_STR(sapo_font_encoding("TCVN3"), "tcvn3");
  EXPECT_STR(sapo_font_encoding("x-viet-vni"), "vni");
  EXPECT_STR(sapo_font_label("vni"), "x-viet-vni");
  EXPECT_STR(sapo_font_encoding("utf-8"), NULL);
}
