/* shapes.c: the fields' shapes (see shapes.h).  The words they use are
 * data in words.c; this file is the rules. */
#include "shapes.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "authors.h"
#include "date.h"
#include "utext.h"
#include "words.h"

#define LEAD_WORDS  8     /* words of a lead at the least */
#define SHAPE_MAX   512   /* bytes of a value the rules read (a longer one is read cut) */

/* s lower-cased (every letter, by Unicode) into out (cap bytes, cut) */
static void lower(const char *s, char *out, size_t cap) { sapo_lower(s, strlen(s), out, cap); }

static int listed(const char *low, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(low, *list)) return 1;
  return 0;
}

typedef struct { int letters, cased, upper, lower, digits, tokens, at_sign; } counts;

static counts count(const char *s) {
  counts c = {0, 0, 0, 0, 0, 0, 0};
  size_t n = strlen(s), i = 0;
  int in = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    int32_t cp = sapo_u8_next(u, n, &i);
    if (cp == ' ') { in = 0; continue; }
    if (!in) { c.tokens++; in = 1; }
    if (cp == '@') c.at_sign++;
    if (cp >= '0' && cp <= '9') { c.digits++; continue; }
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) c.letters++;
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) { c.cased++; c.upper++; }
    if (cat == UTF8PROC_CATEGORY_LL) { c.cased++; c.lower++; }
  }
  return c;
}

/* "Q.A.", "T.H", "J.-P.": letters of one or two between dots */
static int initials(const char *s) {
  int seg = 0, dots = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '.' || *p == '-') { if (*p == '.') dots++; seg = 0; continue; }
    if (*p < 0x80 && !isalpha(*p)) return 0;
    if (*p < 0x80 || (*p & 0xC0) == 0xC0) seg++;
    if (seg > 2) return 0;
  }
  return dots >= 1;
}

/* a token that is all digits (a count, an id) */
static int number_token(const char *s) {
  for (const char *p = s; *p;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if (e > p) {
      int digits = 1;
      for (const char *q = p; q < e; q++) if (!(*q >= '0' && *q <= '9') && *q != '.' && *q != ',') digits = 0;
      if (digits) return 1;
    }
    p = e;
  }
  return 0;
}

const char *shape_byline(const char *s) {
  if (!s || !*s) return "rejected: empty";
  char low[SHAPE_MAX];
  lower(s, low, sizeof low);
  counts c = count(s);
  if (!c.letters) return "rejected: no letters (a number or an id)";
  if (c.at_sign) return "rejected: an e-mail address";
  /* "2 minute read", "Updated 3 hours ago": a stamp with its numbers
   * ("Posted by Jane Doe" is names after a stamp's words) */
  if (c.digits && (sapo_has_phrase(low, W_BYLINE_STAMPS) || sapo_has_phrase(low, W_READING_TIME))) return "rejected: a stamp, not names";
  char iso[48];
  if (c.digits && sapo_date_iso(s, iso, sizeof iso)) return "rejected: a date, not names";
  if (number_token(s)) return "rejected: a number, not names";
  if (listed(low, W_SECTION_NAMES)) return "rejected: a section's name";
  if (c.tokens == 1 && c.cased && !c.upper) {
    /* one lower-case word: a section or a CMS account ("capital", "amw"),
     * unless an agency that writes itself so ("dpa"); a capitalised one
     * is a name (many people have one) */
    if (listed(low, W_AGENCIES) || initials(s) || strchr(s, '/') || strchr(s, ',')) return NULL;
    return "rejected: one lower-case word (a section or an account)";
  }
  return NULL;
}

int shape_organisation(const char *s) {
  if (!s) return 0;
  char low[SHAPE_MAX];
  lower(s, low, sizeof low);
  return sapo_has_phrase(low, W_ORG_WORDS);
}

const char *shape_date(const char *iso) {
  char again[48];
  /* sapo writes what it reads the same way again, and reads only days that exist */
  if (!iso || !sapo_date_iso(iso, again, sizeof again) || strcmp(again, iso)) return "rejected: not an ISO 8601 date";
  return NULL;
}

size_t shape_words(const char *s) {
  size_t words = 0, cjk = 0, i = 0, n = strlen(s);
  int in = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    int32_t cp = sapo_u8_next(u, n, &i);
    if (sapo_is_space(cp)) { in = 0; continue; }
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      cjk++;
      in = 0;
      continue;
    }
    if (!in) words++;
    in = 1;
  }
  return words + cjk / 2;
}

const char *shape_lead(const char *s, const char *byline) {
  if (!s || !*s) return "rejected: empty";
  char low[SHAPE_MAX];
  lower(s, low, sizeof low);
  size_t n = strlen(low);
  while (n && (low[n - 1] == ':' || low[n - 1] == '.' || low[n - 1] == ' ')) low[--n] = '\0';
  if (listed(low, W_LEAD_LABELS)) return "rejected: a label";
  for (const char *const *l = W_CREDIT_LABELS; *l; l++)
    if (!strncasecmp(s, *l, strlen(*l))) return "rejected: a caption or credit";
  if (byline && *byline && !strcasecmp(s, byline)) return "rejected: the byline";
  if (sapo_names_line(s, strlen(s), 1) && !strpbrk(s, ".!?")) return "rejected: names only";
  if (shape_words(s) < LEAD_WORDS) return "rejected: fewer than 8 words";
  return NULL;
}
