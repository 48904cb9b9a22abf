/* test_chrome.c: the interface lines read by themselves (chrome.c). */
#include <string.h>
#include "test.h"
#include "core/chrome.h"

#define TITLE(s) EXPECT(chrome_job_title(s, strlen(s)))
#define NOT_TITLE(s) EXPECT(!chrome_job_title(s, strlen(s)))

TEST(chrome_job_title_reads_titles_in_several_languages) {
  TITLE("Senior Political Correspondent");
  TITLE("Staff Writer");
  TITLE("Chefredakteurin");
  TITLE("Phóng viên thường trú");
  TITLE("Rédactrice en chef adjointe");
}

TEST(chrome_job_title_refuses_sentences_and_names) {
  NOT_TITLE("The staff writer who covered the harbour said the routes were overdue.");
  NOT_TITLE("Jane Doe");
  NOT_TITLE("Editor's note: this story was updated on 3 March 2024");
  NOT_TITLE("");
}

#include "core/words.h"

TEST(chrome_every_consent_phrase_holds_a_hint) {
  /* the hints are read first: a phrase without one would never be seen */
  for (const char *const *p = W_CONSENT_PHRASES; *p; p++) {
    int hinted = 0;
    for (const char *const *h = W_CONSENT_HINTS; *h; h++) hinted |= strstr(*p, *h) != NULL;
    EXPECT(hinted);
  }
}
