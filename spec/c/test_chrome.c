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
