/* bench/vibench.c: MB/s of sapo's Vietnamese functions next to a bare
 * utf8proc_NFC over the same text, in one run, alternating over rounds
 * (`make bench-vi`).  The text: the Vietnamese example pages' paragraphs
 * (built in), repeated to about 8 MB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>
#include "core/buf.h"
#include "core/vi.h"

static const char *SAMPLE =
  "Tại buổi làm việc, Thứ trưởng Bộ Thông tin và Truyền thông đánh giá cao những kết quả hợp tác giữa hai nước "
  "trong thời gian qua, đặc biệt là trong các lĩnh vực hạ tầng số, an toàn thông tin và phát triển doanh nghiệp "
  "công nghệ. Phía Nhật Bản khẳng định sẵn sàng chia sẻ kinh nghiệm xây dựng chính phủ số, đồng thời hỗ trợ đào "
  "tạo kỹ sư công nghệ thông tin cho Việt Nam. Thuỷ điện Hoà Bình khoẻ mạnh, người dân tuỳ ý. Giá xăng RON 95-III "
  "giảm 960 đồng, còn 23.150 đồng mỗi lít; dầu diesel giảm 590 đồng, về 20.300 đồng một lít.\n";

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(void) {
  sapo_buf text = SAPO_BUF_INIT;
  while (text.len < 8 * 1000 * 1000) sapo_buf_adds(&text, SAMPLE);
  sapo_buf tcvn = SAPO_BUF_INIT;
  sapo_vi_encode(text.data, text.len, "tcvn3", &tcvn);
  enum { NF = 7, ROUNDS = 5 };
  const char *names[NF] = {"utf8proc_NFC (baseline)", "vi.tone old", "vi.tone new", "vi.fold", "vi.slug",
                           "vi.nfc", "vi.decode tcvn3"};
  double t[NF][ROUNDS];
  for (int r = 0; r < ROUNDS; r++) {
    for (int f = 0; f < NF; f++) {
      sapo_buf out = SAPO_BUF_INIT;
      double t0 = now();
      switch (f) {
      case 0: { utf8proc_uint8_t *p = utf8proc_NFC((const utf8proc_uint8_t *)text.data); free(p); break; }
      case 1: sapo_vi_tone(text.data, text.len, SAPO_TONE_OLD, &out); break;
      case 2: sapo_vi_tone(text.data, text.len, SAPO_TONE_NEW, &out); break;
      case 3: sapo_vi_fold(text.data, text.len, &out); break;
      case 4: sapo_vi_slug(text.data, text.len, &out); break;
      case 5: sapo_vi_nfc(text.data, text.len, &out); break;
      case 6: sapo_vi_decode(tcvn.data, tcvn.len, "tcvn3", &out); break;
      }
      t[f][r] = now() - t0;
      sapo_buf_free(&out);
    }
  }
  printf("vi: %.1f MB of Vietnamese text, %d alternating rounds, CPU time, median\n", text.len / 1e6, ROUNDS);
  double base = 0;
  for (int f = 0; f < NF; f++) {
    qsort(t[f], ROUNDS, sizeof(double), cmp);
    double med = t[f][ROUNDS / 2];
    double mbs = (f == 6 ? tcvn.len : text.len) / 1e6 / med;
    if (f == 0) base = mbs;
    printf("  %-26s %8.1f MB/s  %5.2fx of NFC\n", names[f], mbs, mbs / base);
  }
  sapo_buf_free(&text);
  sapo_buf_free(&tcvn);
  return 0;
}
