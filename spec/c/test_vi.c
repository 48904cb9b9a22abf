/* test_vi.c: the syllable and tone-mark rules (vi.c). */
#include "test.h"
#include "core/buf.h"
#include "core/vi.h"

static const char *tone(const char *s, int style) {
  static char out[256];
  sapo_buf b = SAPO_BUF_INIT;
  int rc = sapo_vi_tone(s, strlen(s), style, &b);
  snprintf(out, sizeof out, "%s", rc ? "(error)" : sapo_buf_cstr(&b));
  sapo_buf_free(&b);
  return out;
}

static const char *slug(const char *s) {
  static char out[256];
  sapo_buf b = SAPO_BUF_INIT;
  sapo_vi_slug(s, strlen(s), &b);
  snprintf(out, sizeof out, "%s", sapo_buf_cstr(&b));
  sapo_buf_free(&b);
  return out;
}

TEST(tone_old_style_marks_the_first_vowel_of_oa_oe_uy) {
  EXPECT_STR(tone("hoà bình", SAPO_TONE_OLD), "hòa bình");
  EXPECT_STR(tone("thuỷ điện", SAPO_TONE_OLD), "thủy điện");
  EXPECT_STR(tone("khoẻ", SAPO_TONE_OLD), "khỏe");
}

TEST(tone_new_style_marks_the_main_vowel) {
  EXPECT_STR(tone("hòa bình", SAPO_TONE_NEW), "hoà bình");
  EXPECT_STR(tone("thủy điện", SAPO_TONE_NEW), "thuỷ điện");
}

TEST(tone_keeps_qu_and_gi_onsets_and_case) {
  EXPECT_STR(tone("quả", SAPO_TONE_OLD), "quả");
  EXPECT_STR(tone("giữa", SAPO_TONE_NEW), "giữa");
  EXPECT_STR(tone("HOÀ", SAPO_TONE_OLD), "HÒA");
}

TEST(tone_leaves_other_words_alone) {
  EXPECT_STR(tone("Việt Nam and the world", SAPO_TONE_OLD), "Việt Nam and the world");
}

TEST(slug_folds_and_joins) {
  EXPECT_STR(slug("Đà Nẵng: lễ hội pháo hoa"), "da-nang-le-hoi-phao-hoa");
}

TEST(detect_tells_vietnamese) {
  double score;
  const char *vi = "Hai bên nhất trí thúc đẩy hợp tác trong lĩnh vực chuyển đổi số và đổi mới sáng tạo.";
  const char *en = "The council approved new bike lanes downtown after a long debate.";
  EXPECT_INT(sapo_vi_detect(vi, strlen(vi), &score), 1);
  EXPECT_INT(sapo_vi_detect(en, strlen(en), &score), 0);
}
