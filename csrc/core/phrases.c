/* phrases.c: boilerplate phrases by language (Vietnamese, English) and the
 * class tokens that mark a lead paragraph.  Data only. */
#include <stddef.h>
#include <string.h>
#include "phrases.h"

const phrase sapo_phrases[] = {
  /* Vietnamese */
  {"đọc thêm", PH_INLINE}, {"xem thêm", PH_INLINE}, {"xem tiếp", PH_INLINE}, {"mời xem", PH_INLINE},
  {"tin liên quan", PH_INLINE}, {"bài liên quan", PH_INLINE}, {"có thể bạn quan tâm", PH_INLINE},
  {"đọc tiếp", PH_INLINE}, {"video:", PH_INLINE},
  {"theo dõi", PH_WIDGET}, {"chia sẻ", PH_WIDGET}, {"phiên bản di động", PH_WIDGET},
  {"bản quyền", PH_WIDGET}, {"quảng cáo", PH_WIDGET}, {"gửi bình luận", PH_WIDGET},
  {"tải ứng dụng", PH_WIDGET}, {"đăng ký nhận", PH_WIDGET}, {"bấm vào đây", PH_WIDGET},
  {"tin liên quan", PH_SECTION}, {"bài liên quan", PH_SECTION}, {"tin cùng chuyên mục", PH_SECTION},
  {"có thể bạn quan tâm", PH_SECTION}, {"đọc thêm", PH_SECTION}, {"xem thêm", PH_SECTION},
  {"tin khác", PH_SECTION}, {"tin mới", PH_SECTION}, {"tin mới nhất", PH_SECTION}, {"đọc nhiều", PH_SECTION},
  {"ý kiến", PH_SECTION}, {"ý kiến bạn đọc", PH_SECTION}, {"bình luận", PH_SECTION}, {"tin nổi bật", PH_SECTION},
  {"bài viết liên quan", PH_SECTION}, {"cùng chuyên mục", PH_SECTION}, {"tin đọc nhiều", PH_SECTION},
  {"theo ", PH_SOURCE}, {"nguồn:", PH_SOURCE}, {"nguồn ", PH_SOURCE},
  /* English */
  {"read more:", PH_INLINE}, {"read more »", PH_INLINE}, {"read also:", PH_INLINE}, {"also read:", PH_INLINE},
  {"related:", PH_INLINE}, {"see also:", PH_INLINE}, {"recommended:", PH_INLINE}, {"more:", PH_INLINE},
  {"share this", PH_WIDGET}, {"share on", PH_WIDGET}, {"follow us", PH_WIDGET}, {"sign up for", PH_WIDGET},
  {"subscribe to", PH_WIDGET}, {"advertisement", PH_WIDGET}, {"click here to", PH_WIDGET},
  {"all rights reserved", PH_WIDGET}, {"we use cookies", PH_WIDGET},
  {"related", PH_SECTION}, {"related articles", PH_SECTION}, {"related stories", PH_SECTION},
  {"related news", PH_SECTION}, {"related posts", PH_SECTION}, {"read more", PH_SECTION},
  {"more stories", PH_SECTION}, {"more from", PH_SECTION}, {"you may also like", PH_SECTION},
  {"you might also like", PH_SECTION}, {"recommended", PH_SECTION}, {"recommended for you", PH_SECTION},
  {"most read", PH_SECTION}, {"most popular", PH_SECTION}, {"comments", PH_SECTION}, {"trending", PH_SECTION},
  {"source:", PH_SOURCE},
  {0, 0}};

const char *const sapo_lead_tokens[] = {
  "sapo", "lead", "chapeau", "standfirst", "summary", "description", "intro", "introduction", "excerpt",
  "deck", "dek", "abstract", "subtitle", "subhead", "teaser", "tomtat", "sapodetail", "detailsapo", NULL};

int sapo_phrase_is(const char *key, int kind) {
  for (const phrase *p = sapo_phrases; p->text; p++)
    if (p->kind == kind && !strcmp(key, p->text)) return 1;
  return 0;
}

int sapo_phrase_prefix(const char *key, int kind) {
  for (const phrase *p = sapo_phrases; p->text; p++)
    if (p->kind == kind && !strncmp(key, p->text, strlen(p->text))) return 1;
  return 0;
}
