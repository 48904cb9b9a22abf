/* fuzz_extract.c: libFuzzer target for the pure C core: bytes -> parse ->
 * extract with every output format -> free.  Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <libxml/tree.h>
#include "core/extract.h"
#include "core/html.h"
#include "core/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sapo_options po;
  sapo_options_init(&po);
  po.url = "https://fuzz.example/a/b.html";
  po.max_depth = 2048;
  po.formats = SAPO_FMT_TEXT | SAPO_FMT_MARKDOWN | SAPO_FMT_HTML;
  po.trace = 1;   /* the trace's paths and notes are fuzzed too */
  sapo_parsed p;
  sapo_error err;
  if (sapo_html_parse((const char *)data, size, &po, &p, &err) != SAPO_OK) return 0;
  sapo_buf b = SAPO_BUF_INIT;
  sapo_html_title(p.doc, &b);
  sapo_html_text(p.doc, &b);
  sapo_buf_free(&b);
  sapo_article a;
  sapo_extract(p.doc, &po, &a, &err);
  sapo_article_free(&a);
  xmlFreeDoc(p.doc);
  return 0;
}
