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

TEST(date_reads_java_date_to_string) {
  /* the form JSON-LD carries when a CMS prints a java.util.Date */
  EXPECT_STR(iso("Fri Apr 28 19:20:36 CEST 2023"), "2023-04-28T19:20:36+02:00");
  EXPECT_STR(iso("Mon Jan 08 07:05:00 PST 2024"), "2024-01-08T07:05:00-08:00");
  EXPECT_STR(iso("Thu Apr 25 10:30:00 ICT 2024"), "2024-04-25T10:30:00+07:00");
}

TEST(date_reads_a_time_written_before_the_date) {
  EXPECT_STR(iso("Cập nhật lúc 10:30, Thứ năm, 25/04/2024"), "2024-04-25T10:30:00");
  EXPECT_STR(iso("08:15 - 25/04/2024"), "2024-04-25T08:15:00");
  EXPECT_STR(iso("10:30 PM, 25/04/2024"), "2024-04-25T22:30:00");
  /* a score or a ratio is no time */
  EXPECT_STR(iso("3:1 on 25/04/2024"), "2024-04-25");
}

TEST(date_reads_a_time_after_words) {
  EXPECT_STR(iso("Veröffentlicht am 27.04.24 um 07:39 Uhr"), "2024-04-27T07:39:00");
  EXPECT_STR(iso("25/04/2024 lúc 10:30"), "2024-04-25T10:30:00");
}

TEST(date_reads_only_days_that_exist) {
  EXPECT_STR(iso("2023-02-29"), NULL);
  EXPECT_STR(iso("2024-02-29"), "2024-02-29");
  EXPECT_STR(iso("31/04/2024"), NULL);
  EXPECT_STR(iso("1900-02-29"), NULL);
  EXPECT_STR(iso("2000-02-29"), "2000-02-29");
}

TEST(date_reads_two_digit_years_only_in_day_month_year) {
  EXPECT_STR(iso("27.04.24"), "2024-04-27");
  EXPECT_STR(iso("version 1.2.34"), NULL);
}
