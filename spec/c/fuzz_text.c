/* fuzz_text.c: libFuzzer target for every text function of the core on
 * arbitrary bytes: Vietnamese normalisation, legacy decoders, mojibake
 * repair, detection, NFC and cleanup, page decoding, dates, JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/charset.h"
#include "core/date.h"
#include "core/json.h"
#include "core/utext.h"
#include "core/vi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  sapo_buf b = SAPO_BUF_INIT;
#define RUN(call) do { call; sapo_buf_free(&b); } while (0)
  RUN(sapo_vi_nfc(s, size, &b));
  RUN(sapo_vi_tone(s, size, SAPO_TONE_OLD, &b));
  RUN(sapo_vi_tone(s, size, SAPO_TONE_NEW, &b));
  RUN(sapo_vi_strip(s, size, &b));
  RUN(sapo_vi_fold(s, size, &b));
  RUN(sapo_vi_slug(s, size, &b));
  static const char *const encs[] = {"tcvn3", "vni", "viqr", "viscii", "vps", "cp1258"};
  for (int k = 0; k < 6; k++) {
    RUN(sapo_vi_decode(s, size, encs[k], &b));
    if (k != 2) RUN(sapo_vi_encode(s, size, encs[k], &b));
  }
  RUN(sapo_vi_repair(s, size, NULL, &b));
  RUN(sapo_vi_repair(s, size, "tcvn3", &b));
  RUN(sapo_vi_repair(s, size, "vni", &b));
  double score;
  sapo_vi_detect(s, size, &score);
  const char *enc;
  if (sapo_utf8_valid(data, size)) {
    sapo_vi_legacy_guess(s, size, &enc);
    RUN(sapo_nfc(s, size, &b));
    RUN(sapo_clean(s, size, &b, 1));
  }
  sapo_error err;
  static const char *const pages[] = {"utf-8", "windows-1252", "windows-1258", "shift_jis", "utf-16le", "gbk", "iso-2022-jp"};
  for (int k = 0; k < 7; k++) RUN(sapo_decode(data, size, pages[k], &b, &err));
  sapo_charset_prescan(data, size);
  char *z = malloc(size + 1);
  if (z) {
    memcpy(z, data, size);
    z[size] = '\0';
    char iso[48];
    sapo_date_iso(z, iso, sizeof iso);
    sapo_charset_from_content_type(z);
    free(z);
  }
  jdoc d;
  json_parse(&d, s, size);
  json_free(&d);
  return 0;
}
