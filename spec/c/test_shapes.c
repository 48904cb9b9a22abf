/* test_shapes.c: the shapes every field candidate is checked against
 * before it is chosen (shapes.c). */
#include "test.h"
#include "core/shapes.h"

#define PERSON(s) EXPECT_STR(shape_byline(s), NULL)
#define NOT_PERSON(s) EXPECT(shape_byline(s) != NULL)

TEST(shape_byline_takes_names_in_any_script) {
  PERSON("Jane Doe");
  PERSON("Phạm Bích");
  PERSON("Heryadi");            /* one name, capitalised */
  PERSON("Jane Doe, John Roe");
  PERSON("dpa");                /* an agency that writes itself in lower case */
  PERSON("TTXVN");
  PERSON("Q.A.");
  PERSON("Posted by Jane Doe");
  PERSON("山田太郎");
}

TEST(shape_byline_refuses_what_is_no_name) {
  NOT_PERSON("jane.doe@example.com");
  NOT_PERSON("12345");
  NOT_PERSON("Veröffentlicht am 27.04.24 um 07:39 Uhr");
  NOT_PERSON("2 minute read");
  NOT_PERSON("capital");        /* one lower-case word: a section or an account */
  NOT_PERSON("amw");
  NOT_PERSON("Nachrichten");    /* a section's name */
  NOT_PERSON("");
  NOT_PERSON("Jane Doe 4521");
}

TEST(shape_organisation_names_companies_and_desks) {
  EXPECT(shape_organisation("Acme Media Group"));
  EXPECT(!shape_organisation("Jane Doe"));
}

TEST(shape_date_is_iso_8601_as_sapo_writes_it) {
  EXPECT_STR(shape_date("2024-04-25"), NULL);
  EXPECT_STR(shape_date("2024-04-25T10:30:00+07:00"), NULL);
  EXPECT(shape_date("Fri Apr 28 19:20:36 CEST 2023") != NULL);
  EXPECT(shape_date("2024-02-30") != NULL);
  EXPECT(shape_date("25/04/2024") != NULL);
}

TEST(shape_lead_is_a_sentence_of_eight_words) {
  EXPECT_STR(shape_lead("The council approved three new ferry routes on Monday night.", NULL), NULL);
  EXPECT(shape_lead("Live", NULL) != NULL);
  EXPECT(shape_lead("A preventable crisis.", NULL) != NULL);
  EXPECT(shape_lead("Jane Doe, John Roe", NULL) != NULL);
  EXPECT(shape_lead("Photo: Jane Doe / Reuters, taken at the harbour on Monday morning", NULL) != NULL);
}

TEST(shape_words_counts_cjk_characters_as_half_words) {
  EXPECT(shape_words("one two three") == 3);
  EXPECT(shape_words("日本語の文章です") == 4);
}
