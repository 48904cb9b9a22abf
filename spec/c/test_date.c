/* test_date.c: sapo_date_iso, the date reader every date field goes through. */
#include "test.h"
#include "core/date.h"

static const char *iso(const char *s) {
  static char out[64];
  return sapo_date_iso(s, out, sizeof out) ? out : NULL;
}

TEST(date_keeps_iso_8601) {
  EXPECT_STR(iso("2024-04-25T10:30:00+07:00"), "2024-04-25T10:30:00+07:00");
  EXPECT_STR(iso("2024-04-25"), "2024-04-25");
}

TEST(date_reads_vietnamese_date_lines) {
  EXPECT_STR(iso("Thứ năm, 25/4/2024, 10:30 (GMT+7)"), "2024-04-25T10:30:00+07:00");
  EXPECT_STR(iso("25/04/2024 10:30 GMT+7"), "2024-04-25T10:30:00+07:00");
  EXPECT_STR(iso("ngày 25 tháng 4 năm 2024"), "2024-04-25");
}

TEST(date_reads_month_names_in_many_languages) {
  EXPECT_STR(iso("April 25, 2024"), "2024-04-25");
  EXPECT_STR(iso("24. April 2024"), "2024-04-24");
  EXPECT_STR(iso("25 de abril de 2024"), "2024-04-25");
  EXPECT_STR(iso("25 апреля 2024"), "2024-04-25");
  EXPECT_STR(iso("2024年4月25日"), "2024-04-25");
  EXPECT_STR(iso("2024년 4월 25일"), "2024-04-25");
}

TEST(date_reads_rfc_2822_and_javascript_forms) {
  EXPECT_STR(iso("Thu, 25 Apr 2024 10:30:00 +0700"), "2024-04-25T10:30:00+07:00");
  EXPECT_STR(iso("Fri Apr 28 2023 19:20:36 GMT+0200 (Central European Summer Time)"), "2023-04-28T19:20:36+02:00");
}

TEST(date_finds_no_date_where_there_is_none) {
  EXPECT_STR(iso("hello"), NULL);
  EXPECT_STR(iso("123"), NULL);
  EXPECT_STR(iso(""), NULL);
}
