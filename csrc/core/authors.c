/* authors.c: a byline line into a clean list of names (art.authors).
 *
 * "By Jane Doe and John Roe, Reuters | Updated 10:30" -> {"Jane Doe",
 * "John Roe"}.  In order: the line is cut at an "Updated"-style stamp;
 * e-mail addresses go; a leading "By/Von/Par/Por/Di/Theo/Av/Door/..."
 * goes; the rest is split on list separators in many languages ("and",
 * "und", "et", "y", "e", "en", "og", "och", "i", "và", "&", "/", ",", ";");
 * parts that are roles ("Staff Writer", "Korrespondent", "PV") or news
 * agencies ("Reuters", "dpa", "TTXVN") are split off; each remaining part
 * must read as a name (1 to 5 words, no digits).  Agencies are the authors
 * only when no person is named.  Every list is data. */
#include "authors.h"
#include "words.h"
#include "date.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define AUTHORS_MAX        16
#define AUTHOR_MAX_WORDS   5
#define AUTHOR_MAX_BYTES   120

/* a stamp after which nothing is a name (matched case-insensitively) */

/* prefixes of the line or of a part ("By ", "Von ", "Theo ", "Text: ") */

/* separators between names (with their spaces) */

/* roles and desks: a part holding one of these words is not a name */

/* news agencies and wire services (whole part, case-insensitive) */

/* path segments of author pages; a slug must follow */

/* a line of names: words per name, names per line */
#define NAMES_LINE_MAX_WORDS 4
#define NAMES_LINE_MAX_NAMES 4

/* lower-case particles inside names ("Ursula von der Leyen", "Luiz da Silva") */

/* words that join names on one line (the punctuation joiners are , / ; | &) */

/* capitalised words of kickers and labels, never of a name ("Breaking News",
 * "Editor's Note", "Live Updates"); compared case-insensitively */

static int listed_word(const char *w, size_t n, const char *const *list) {
  for (const char *const *l = list; *l; l++)
    if (strlen(*l) == n && !memcmp(w, *l, n)) return 1;
  return 0;
}

static int listed_word_ci(const char *w, size_t n, const char *const *list) {
  for (const char *const *l = list; *l; l++)
    if (strlen(*l) == n && !strncasecmp(w, *l, n)) return 1;
  return 0;
}

/* A word of a name: an upper-case letter first (any script with case),
 * then letters, hyphens, apostrophes or an initial's dot. */
static int name_word(const char *w, size_t n) {
  size_t i = 0;
  int first = 1;
  while (i < n) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    if (first) {
      if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LT) return 0;
      first = 0;
    } else if (!(cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
                 cat == UTF8PROC_CATEGORY_MN || c == '-' || c == '\'' || c == 0x2019 || c == '.')) {
      return 0;
    }
    i += (size_t)k;
  }
  return 1;
}

int sapo_names_line(const char *s, size_t n, int min_words) {
  int names = 0, in_name = 0;
  size_t i = 0;
  while (i <= n) {
    /* the next token: a run of bytes up to a space (incl. U+00A0) or a joiner mark */
    size_t a = i;
    while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '/' && s[i] != ';' && s[i] != '|' && s[i] != '&' &&
           !((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0))
      i++;
    size_t len = i - a;
    int mark = i < n && s[i] != ' ' && (unsigned char)s[i] != 0xC2;   /* , / ; | & */
    int end = i >= n;
    if (len) {
      if (listed_word(s + a, len, W_NAME_JOINERS)) mark = 1;
      else if (listed_word_ci(s + a, len, W_NOT_NAMES)) return 0;
      else if (in_name && listed_word(s + a, len, W_NAME_PARTICLES)) in_name++;
      else if (name_word(s + a, len)) in_name++;
      else return 0;
    }
    if (mark || end) {
      if (in_name) {
        if (in_name < min_words || in_name > NAMES_LINE_MAX_WORDS) return 0;
        names++;
        in_name = 0;
      }
      if (end) break;
    }
    i += (i < n && (unsigned char)s[i] == 0xC2) ? 2 : 1;
  }
  return names >= 1 && names <= NAMES_LINE_MAX_NAMES;
}

static int lower_byte(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* case-insensitive (ASCII) search */
static char *find_ci(char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (char *p = hay; *p; p++)
    if (!strncasecmp(p, needle, n)) return p;
  return NULL;
}

static void trim(char *s) {
  size_t n = strlen(s), a = 0;
  while (a < n && (s[a] == ' ' || s[a] == ',' || s[a] == ':' || s[a] == '-' || s[a] == '|' || s[a] == '(' ||
                   s[a] == '.' || s[a] == '/'))
    a++;
  while (n > a && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == ':' || s[n - 1] == '-' || s[n - 1] == '|' ||
                   s[n - 1] == ')' || s[n - 1] == '/'))
    n--;
  memmove(s, s + a, n - a);
  s[n - a] = '\0';
}

/* strip leading prefixes (repeatedly: "By: Von ...") */
static void strip_prefixes(char *s) {
  for (int round = 0; round < 3; round++) {
    int hit = 0;
    for (const char *const *p = W_BYLINE_PREFIXES; *p; p++) {
      size_t n = strlen(*p);
      if (!strncasecmp(s, *p, n)) { memmove(s, s + n, strlen(s + n) + 1); hit = 1; break; }
    }
    /* "Theo" and "By" in other cases: "BY JANE DOE", "THEO" */
    if (!hit) break;
    trim(s);
  }
}

/* the words of s that hold '@' (e-mail addresses) removed */
static void drop_emails(char *s) {
  char *w = s;
  while (*w) {
    char *e = w;
    while (*e && *e != ' ') e++;
    int mail = 0;
    for (char *q = w; q < e; q++) mail |= *q == '@';
    if (mail) {
      while (*e == ' ') e++;
      memmove(w, e, strlen(e) + 1);
    } else {
      w = e;
      while (*w == ' ') w++;
    }
  }
}

static int is_listed(const char *part, const char *const *list, int whole) {
  char low[AUTHOR_MAX_BYTES + 1];
  size_t k = 0;
  for (; part[k] && k < AUTHOR_MAX_BYTES; k++) low[k] = (char)lower_byte((unsigned char)part[k]);
  low[k] = '\0';
  for (const char *const *l = list; *l; l++) {
    if (whole) { if (!strcmp(low, *l)) return 1; continue; }
    const char *p = strstr(low, *l);
    size_t n = strlen(*l);
    if (p && (p == low || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ' || p[n] == ',' || p[n] == '.')) return 1;
  }
  return 0;
}

int sapo_name_shaped(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > AUTHOR_MAX_BYTES) return 0;
  int words = 1, letters = 0;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= '0' && c <= '9') return 0;
    if (c == ' ') words++;
    if (c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z')) letters++;
    if (c == '@' || c == ':' || c == '"' || c == '<' || c == '>' || c == '=' || c == '#' || c == '?') return 0;
  }
  return letters >= 2 && words <= AUTHOR_MAX_WORDS;
}

static int add(char ***v, int *n, const char *s) {
  for (int k = 0; k < *n; k++)
    if (!strcasecmp((*v)[k], s)) return 0;
  if (*n >= AUTHORS_MAX) return 0;
  char **g = realloc(*v, (size_t)(*n + 1) * sizeof *g);
  if (!g) return -1;
  *v = g;
  g[*n] = strdup(s);
  if (!g[*n]) return -1;
  (*n)++;
  return 0;
}

int sapo_author_href(const char *href) {
  if (!href) return 0;
  /* one pass over the path's slashes; a table entry is compared only where
   * a segment starts with its letter */
  for (const char *p = strchr(href, '/'); p && *p && *p != '?' && *p != '#'; p = strchr(p + 1, '/')) {
    int c = lower_byte((unsigned char)p[1]);
    if (c < 'a' || c > 'z') continue;
    for (const char *const *a = W_AUTHOR_PATHS; *a; a++) {
      if ((*a)[1] != c) continue;
      size_t n = strlen(*a);
      if (strncasecmp(p, *a, n)) continue;
      /* a slug after the segment: letters, not an index page */
      size_t letters = 0;
      for (const char *q = p + n; *q && *q != '/' && *q != '?' && *q != '#'; q++) letters += *q != '-' && *q != '_';
      if (letters >= 2) return 1;
    }
  }
  return 0;
}

const char *sapo_byline_lead_in(const char *s) {
  for (const char *const *p = W_BYLINE_PREFIXES; *p; p++) {
    size_t n = strlen(*p);
    if (!strncasecmp(s, *p, n)) return s + n;
  }
  return s;
}

/* relative times: "3 hours ago", "vor 3 Stunden", "hace 2 días", "2 giờ trước" */
/* weekday names that open a date ("Monday, February 29, 2016") */
/* words that lead from the names to the date ("Jane Doe on March 3") */
#define BYLINE_TIDY_MAX 400   /* bytes of a byline whose tail is looked at */
#define RELATIVE_MAX_WORDS 3   /* "1 day ago", "3 Stunden" */
#define DATE_TAIL_LETTER_WORDS 4   /* "Apr 16, 2015 8:02 pm UTC": Apr, pm, UTC */

static int has_digit(const char *s) {
  for (; *s; s++) if (*s >= '0' && *s <= '9') return 1;
  return 0;
}

/* s is a date and little else: one sapo_date_iso reads, few words of letters */
static int date_tail(const char *s) {
  char iso[48];
  if (!has_digit(s) || !sapo_date_iso(s, iso, sizeof iso)) return 0;
  int lw = 0, in = 0, letters = 0;
  for (const char *p = s;; p++) {
    if (!*p || *p == ' ') { lw += in && letters; in = letters = 0; if (!*p) break; continue; }
    in = 1;
    letters |= (unsigned char)*p >= 0x80 || ((*p | 32) >= 'a' && (*p | 32) <= 'z');
  }
  return lw <= DATE_TAIL_LETTER_WORDS;
}

/* s starts a relative time that runs to the end of the line */
static int relative_tail(const char *s) {
  for (const char *const *b = W_RELATIVE_BEFORE; *b; b++) {
    size_t n = strlen(*b);
    if (!strncasecmp(s, *b, n) && s[n] >= '0' && s[n] <= '9') return 1;
  }
  if (!(*s >= '0' && *s <= '9')) return 0;
  int w = 1;
  const char *last = s;
  for (const char *p = s; *p; p++)
    if (*p == ' ' && p[1]) { w++; last = p + 1; }
  if (w > RELATIVE_MAX_WORDS) return 0;
  for (const char *const *a = W_RELATIVE_AFTER; *a; a++) {
    size_t n = strlen(*a);
    if (!strncasecmp(last, *a, n) && last[n] == '\0') return 1;
    /* "2 giờ trước" ends in its word; "3時間前" glues it on */
    size_t ln = strlen(last);
    if (ln > n && !strcmp(last + ln - n, *a) && (unsigned char)**a >= 0x80) return 1;
  }
  return 0;
}

static void trim_trailing_marks(char *s) {
  for (;;) {
    size_t n = strlen(s);
    if (n && strchr(" -|,;:/", s[n - 1])) { s[n - 1] = '\0'; continue; }
    int cut = 0;
    for (const char *const *m = W_BYLINE_MARKS; *m && !cut; m++) {
      size_t k = strlen(*m);
      if (n >= k && !strcmp(s + n - k, *m)) { s[n - k] = '\0'; cut = 1; }
    }
    if (!cut) return;
  }
}

void sapo_byline_tidy(char *s) {
  if (!s) return;
  for (const char *const *p = W_BYLINE_PREFIXES; *p; p++) {
    size_t n = strlen(*p);
    if (!strncasecmp(s, *p, n) && strchr(*p, ':')) {   /* "Von: ", "Autor: " (a bare "By " stays) */
      size_t k = n;
      while (s[k] == ' ') k++;
      memmove(s, s + k, strlen(s + k) + 1);
      break;
    }
  }
  /* (a line this long is no byline to tidy; each test below reads the
   * rest of the line from every word) */
  if (strlen(s) > BYLINE_TIDY_MAX) return;
  /* what follows the names on the same line: a stamp ("Updated …"), a
   * date (found where it starts: the last word from which the same date is
   * read), a relative time ("1 day ago") */
  for (const char *const *st = W_BYLINE_STAMPS; *st; st++) {
    char *q = find_ci(s, *st);
    if (!q) continue;
    if (q > s && q[-1] == ' ') { *q = '\0'; continue; }
    /* "Last updated: January 7, 2025" names no one; "Posted by Jane Doe" does */
    const char *r = q + strlen(*st);
    while (*r == ' ' || *r == ':') r++;
    if (q == s && date_tail(r)) { *s = '\0'; return; }
  }
  drop_emails(s);
  char *cut = NULL;
  char iso[48], iso2[48];
  /* a reading time after the names: "Jane Doe 4 min read", "· 3 phút đọc" */
  for (const char *const *rt = W_READING_TIME; *rt && !cut; rt++) {
    char *q = find_ci(s, *rt);
    if (!q) continue;
    while (q > s && (q[-1] == ' ' || (q[-1] >= '0' && q[-1] <= '9'))) q--;
    cut = q;
  }
  if (cut) { *cut = '\0'; cut = NULL; }
  if (has_digit(s) && sapo_date_iso(s, iso, sizeof iso)) {
    for (char *q = s; *q; q++)
      /* where a word starts, or where digits are glued to a name ("Nolan22 Dec 2016") */
      if ((q == s || q[-1] == ' ' || (*q >= '0' && *q <= '9' && isalpha((unsigned char)q[-1]))) &&
          sapo_date_iso(q, iso2, sizeof iso2) && !strcmp(iso, iso2) && date_tail(q))
        cut = q;
  }
  for (char *q = s + 1; *q && (!cut || q < cut); q++)
    if (q[-1] == ' ' && relative_tail(q)) { cut = q; break; }
  if (cut == s) { *s = '\0'; return; }   /* a date, no name */
  if (cut) {
    *cut = '\0';
    trim_trailing_marks(s);
    /* "Joe Wee Monday, February 29, 2016", "Jane Doe on March 3": the
     * weekday or the word that led to the date went with it */
    for (int round = 0; round < 2; round++) {
      char *w = strrchr(s, ' ');
      if (!w) break;
      size_t n = strlen(w + 1);
      if (!listed_word_ci(w + 1, n, W_WEEKDAYS) && !listed_word_ci(w + 1, n, W_DATE_LEADS)) break;
      *w = '\0';
      trim_trailing_marks(s);
    }
  }
  trim_trailing_marks(s);
}

void sapo_authors_free(char **v, int n) {
  for (int k = 0; k < n; k++) free(v[k]);
  free(v);
}

int sapo_authors(const char *byline, char ***out, int *n_out) {
  *out = NULL;
  *n_out = 0;
  if (!byline || !*byline) return 0;
  size_t len = strlen(byline);
  if (len > 1000) len = 1000;
  char *s = malloc(len + 1);
  if (!s) return -1;
  memcpy(s, byline, len);
  s[len] = '\0';
  for (char *p = s; *p; p++) if (*p == '\n' || *p == '\t' || *p == '\r') *p = ' ';
  for (const char *const *st = W_BYLINE_STAMPS; *st; st++) {
    char *q = find_ci(s, *st);
    if (q) *q = '\0';
  }
  drop_emails(s);
  trim(s);
  strip_prefixes(s);
  /* split: the earliest separator each time */
  char *parts[AUTHORS_MAX * 2];
  int after_comma[AUTHORS_MAX * 2];
  int np = 0, comma = 0;
  char *p = s;
  while (p && *p && np < AUTHORS_MAX * 2) {
    char *best = NULL;
    size_t skip = 0;
    for (const char *const *sp = W_NAME_SEPARATORS; *sp; sp++) {
      char *q = strstr(p, *sp);
      if (q && (!best || q < best || (q == best && strlen(*sp) > skip))) { best = q; skip = strlen(*sp); }
    }
    after_comma[np] = comma;
    parts[np++] = p;
    comma = best && *best == ',';
    if (best) { *best = '\0'; p = best + skip; } else p = NULL;
  }
  char **people = NULL, **agencies = NULL;
  int npeople = 0, nagencies = 0, rc = 0;
  for (int k = 0; k < np && rc == 0; k++) {
    trim(parts[k]);
    strip_prefixes(parts[k]);
    trim(parts[k]);
    if (!*parts[k]) continue;
    if (is_listed(parts[k], W_AGENCIES, 1)) { rc = add(&agencies, &nagencies, parts[k]); continue; }
    if (is_listed(parts[k], W_ROLES, 0)) continue;
    /* "Jane Doe, Lille": one word after a comma that follows a full name
     * is the dateline's place */
    if (after_comma[k] && npeople && !strchr(parts[k], ' ') && strchr(people[npeople - 1], ' ')) continue;
    if (sapo_name_shaped(parts[k])) rc = add(&people, &npeople, parts[k]);
  }
  free(s);
  if (rc) { sapo_authors_free(people, npeople); sapo_authors_free(agencies, nagencies); return -1; }
  if (npeople) {
    sapo_authors_free(agencies, nagencies);
    *out = people; *n_out = npeople;
  } else {
    *out = agencies; *n_out = nagencies;
  }
  return 0;
}
