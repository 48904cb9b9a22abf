/* test_options.c: the option schema and the clean filters it names. */
#include "test.h"
#include "core/clean.h"
#include "core/options.h"

TEST(options_defaults_come_from_the_schema) {
  sapo_options o;
  sapo_options_init(&o);
  EXPECT_INT(o.max_bytes, 32 * 1024 * 1024);
  EXPECT_INT(o.max_depth, 4096);
  EXPECT_INT(o.max_attributes, 256);
  EXPECT_INT(o.legacy, 1);
  EXPECT_INT(o.tone, -1);
  EXPECT_INT(o.char_threshold, 500);
}

TEST(options_ranges_refuse_what_is_not_a_whole_number_in_range) {
  const sapo_option *mb = sapo_option_find("max_bytes");
  char buf[160];
  EXPECT(mb != NULL);
  EXPECT(sapo_option_range_error(mb, 1024, buf, sizeof buf) == NULL);
  EXPECT(sapo_option_range_error(mb, 0, buf, sizeof buf) != NULL);
  EXPECT(sapo_option_range_error(mb, -1, buf, sizeof buf) != NULL);
  EXPECT(sapo_option_range_error(mb, 1.5, buf, sizeof buf) != NULL);
  EXPECT(sapo_option_range_error(mb, 1e300, buf, sizeof buf) != NULL);
  EXPECT(sapo_option_range_error(mb, 0.0 / 0.0, buf, sizeof buf) != NULL);
}

TEST(every_skip_name_has_a_filter) {
  const sapo_option *skip = sapo_option_find("skip");
  EXPECT(skip && skip->choices);
  for (int k = 0; skip->choices[k]; k++) {
    unsigned bit = clean_filter_bit(skip->choices[k]);
    EXPECT(bit == 1u << k);
    if (!clean_filter_runs(bit)) test_fail(__FILE__, __LINE__, "skip name %s runs no filter", skip->choices[k]);
  }
}
