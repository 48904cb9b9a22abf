/* test_authors.c: names and bylines (authors.c). */
#include <stdlib.h>
#include "test.h"
#include "core/authors.h"

/* the authors of a byline, joined by "|" */
static const char *authors(const char *byline) {
  static char out[512];
  char **v = NULL;
  int n = 0;
  out[0] = '\0';
  if (sapo_authors(byline, &v, &n)) return "(out of memory)";
  for (int k = 0; k < n; k++) {
    if (k) strcat(out, "|");
    strncat(out, v[k], sizeof out - strlen(out) - 2);
  }
  sapo_authors_free(v, n);
  return out;
}

static const char *tidy(const char *s) {
  static char out[512];
  snprintf(out, sizeof out, "%s", s);
  sapo_byline_tidy(out);
  return out;
}

TEST(authors_split_on_words_of_many_languages) {
  EXPECT_STR(authors("By Jane Doe and John Roe"), "Jane Doe|John Roe");
  EXPECT_STR(authors("Nguyễn Văn A / Trần Thị B"), "Nguyễn Văn A|Trần Thị B");
}

TEST(authors_drop_roles_agencies_and_lead_ins) {
  EXPECT_STR(authors("Von Anna Müller, dpa"), "Anna Müller");
  EXPECT_STR(authors("Jane Doe, Staff Writer"), "Jane Doe");
  EXPECT_STR(authors("Phóng viên Lê Hoàng"), "Lê Hoàng");
}

TEST(authors_an_agency_alone_is_the_author) {
  EXPECT_STR(authors("Theo TTXVN"), "TTXVN");
  EXPECT_STR(authors("Reuters"), "Reuters");
}

TEST(byline_lead_in_is_dropped) {
  EXPECT_STR(sapo_byline_lead_in("By Jane Doe"), "Jane Doe");
  EXPECT_STR(sapo_byline_lead_in("Theo TTXVN"), "TTXVN");
}

TEST(byline_tidy_ends_the_line_with_the_names) {
  EXPECT_STR(tidy("Dan Goodin - Apr 16, 2015 8:02 pm UTC"), "Dan Goodin");
  EXPECT_STR(tidy("By Jane Doe and John Roe"), "By Jane Doe and John Roe");
}

TEST(names_line_is_names_only) {
  EXPECT(sapo_names_line("Jane Doe / John Roe", strlen("Jane Doe / John Roe"), 1));
  EXPECT(!sapo_names_line("The council voted on Tuesday.", strlen("The council voted on Tuesday."), 1));
  EXPECT(!sapo_names_line("12345", 5, 1));
}
