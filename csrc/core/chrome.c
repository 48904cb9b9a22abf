/* chrome.c: a page's interface lines that sit inside the article's
 * container and that no article is written in.
 *
 *   - consent widgets standing in for embedded content ("Externer Inhalt
 *     … Inhalte erlauben", "This content is provided by X … accept
 *     cookies"): a block with a consent phrase goes, with the short blocks
 *     of the same small widget around it;
 *   - stamp lines: every part between separators is a date after a stamp
 *     word, a reading time or a relative time ("Published 3:00 AM EST, Mon
 *     March 4, 2024 • Updated … • 4 minute read", "3 hours ago"), or a
 *     media duration ("Duration 2:13");
 *   - media teaser lines: a label such as "WATCH |" before a link;
 *   - job titles on their own line (read by clean.c by the byline and the
 *     signature only: elsewhere such a line may be a heading).
 * The words are data in words.c. */
#include "chrome.h"
#include <string.h>
#include "blocks.h"
#include "date.h"
#include "dom.h"
#include "utext.h"
#include "words.h"

#define CONSENT_MAX      500   /* characters of a consent widget's block            */
#define CONSENT_NEAR     2     /* blocks either side that may belong to the widget   */
#define CONSENT_WIDGET   1200  /* bytes of text of the widget's element at the most   */
#define STAMP_MAX        200   /* characters of a stamp line                         */
#define STAMP_LETTERS    30    /* letters of a date part besides its stamp word      */
#define STAMP_SHORT      40    /* characters of a relative time or a duration alone  */
#define STAMP_SHORT_WORDS 5
#define MEDIA_MAX        160   /* characters of a media teaser line                  */
#define JOB_TITLE_MAX    60    /* characters of a job title                          */
#define JOB_TITLE_WORDS  6
#define LOW_CAP          1024

/* ===== CONSENT WIDGETS ===== */

/* the small element around a consent block, or NULL when its parent is
 * the article's text itself */
static xmlNodePtr widget_of(const clean_input *in, const block *b) {
  xmlNodePtr x = block_x(in->t, b);
  xmlNodePtr w = x ? x->parent : NULL;
  if (!w || w->type != XML_ELEMENT_NODE) return NULL;
  sapo_buf raw = SAPO_BUF_INIT;
  dom_xml_text(w, &raw, CONSENT_WIDGET + 1);
  int small = !raw.failed && raw.len <= CONSENT_WIDGET;
  sapo_buf_free(&raw);
  return small ? w : NULL;
}

static int consent_hint(const char *low) {
  for (const char *const *h = W_CONSENT_HINTS; *h; h++)
    if (strstr(low, *h)) return 1;
  return 0;
}

static void consent(emit_out *o, const clean_input *in, int k, const char *low) {
  block *b = &o->b[k];
  if (b->chars >= CONSENT_MAX || !consent_hint(low) || !sapo_has_phrase(low, W_CONSENT_PHRASES)) return;
  drop(b, "consent");
  xmlNodePtr w = widget_of(in, b);
  if (!w) return;
  for (int j = k - CONSENT_NEAR; j <= k + CONSENT_NEAR; j++) {
    if (j < 0 || j >= o->n || j == k) continue;
    block *n = &o->b[j];
    if (kept(n) && n->kind != B_IMAGE && n->chars < CONSENT_MAX && xml_owns(w, block_x(in->t, n))) drop(n, "consent");
  }
}

/* ===== STAMPS ===== */

/* "3 hours ago", "vor 2 Stunden", "2 giờ trước", "il y a 5 minutes" */
static int relative_time(const char *low, size_t n) {
  if (!has_digit(low, n)) return 0;
  return sapo_has_phrase(low, W_RELATIVE_AFTER) || starts_label(low, W_RELATIVE_BEFORE, NULL);
}

/* "Duration 2:13", "2:13" */
static int duration(const char *low, size_t n) {
  size_t skip = 0;
  starts_label(low, W_DURATION_LABELS, &skip);
  int colon = 0, digits = 0;
  for (size_t i = skip; i < n; i++) {
    char c = low[i];
    if (c >= '0' && c <= '9') digits++;
    else if (c == ':') colon++;
    else if (c != ' ' && c != ':') return 0;
  }
  return colon >= 1 && colon <= 2 && digits >= 3;
}

/* one part of a stamp line: what follows a stamp word is a date, or the
 * part is a reading time or a relative time; *stamped when a stamp word,
 * a reading time or a relative time was seen */
static int stamp_part(const char *low, size_t n, int *stamped) {
  while (n && low[0] == ' ') { low++; n--; }
  while (n && low[n - 1] == ' ') n--;
  if (!n) return 1;
  char part[STAMP_MAX * 4 + 1], iso[48];
  if (n >= sizeof part) return 0;
  memcpy(part, low, n);
  part[n] = '\0';
  if (has_digit(part, n) && (sapo_has_phrase(part, W_READING_TIME) || relative_time(part, n))) {
    *stamped = 1;
    return letter_count(part, n) <= STAMP_LETTERS;
  }
  size_t skip = 0;
  if (starts_label(part, W_BYLINE_STAMPS, &skip)) *stamped = 1;
  const char *rest = part + skip;
  return sapo_date_iso(rest, iso, sizeof iso) && letter_count(rest, strlen(rest)) <= STAMP_LETTERS;
}

/* the separator at p, its length, or 0 */
static size_t separator_at(const char *p) {
  for (const char *const *s = W_STAMP_SEPARATORS; *s; s++)
    if (!strncmp(p, *s, strlen(*s))) return strlen(*s);
  return 0;
}

static int stamp_line(const char *low, size_t n) {
  int stamped = 0;
  size_t start = 0;
  for (size_t i = 0; i <= n;) {
    size_t sep = i < n ? separator_at(low + i) : 1;
    if (!sep) { i++; continue; }
    if (!stamp_part(low + start, i - start, &stamped)) return 0;
    i += sep;
    start = i;
  }
  return stamped;
}

/* a stamp word, a reading time or a relative time somewhere in low: what
 * every stamp line holds (read before any date is parsed) */
static int stamp_words(const char *low, size_t n) {
  return sapo_has_phrase(low, W_BYLINE_STAMPS) ||
         (has_digit(low, n) && (sapo_has_phrase(low, W_READING_TIME) || relative_time(low, n)));
}

static int stamp(emit_out *o, block *b, const char *low, size_t n, clean_found *f) {
  if (b->kind == B_HEADING || b->chars > STAMP_MAX || !has_digit(low, n)) return 0;
  int alone = b->chars <= STAMP_SHORT && words(low, n) <= STAMP_SHORT_WORDS;
  if (alone && (relative_time(low, n) || duration(low, n))) { drop(b, "stamp-line"); return 0; }
  if (!stamp_words(low, n) || !stamp_line(low, n)) return 0;
  if (!f->date && !(f->date = dup_block(o, b))) return -1;
  drop(b, "stamp-line");
  return 0;
}

/* ===== MEDIA TEASERS ===== */

static void media(block *b, const char *low) {
  size_t label;
  if (b->chars <= MEDIA_MAX && starts_label(low, W_MEDIA_LABELS, &label) && b->chars > label && link_share(b) >= 0.5)
    drop(b, "media-teaser");
}

/* one pass, each short block lower-cased once */
int chrome_lines(emit_out *o, const clean_input *in, clean_found *f) {
  char low[LOW_CAP];
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE || b->chars >= CONSENT_MAX) continue;
    size_t n = sapo_lower(btext(o, b), b->t_len, low, sizeof low);
    consent(o, in, k, low);
    if (!kept(b)) continue;
    media(b, low);
    if (kept(b) && stamp(o, b, low, n, f)) return -1;
  }
  return 0;
}

/* ===== JOB TITLES ===== */

int chrome_job_title(const char *s, size_t n) {
  if (!n || u8chars(s, n) > JOB_TITLE_MAX || words(s, n) > JOB_TITLE_WORDS || has_digit(s, n)) return 0;
  if (memchr(s, '.', n) || memchr(s, '!', n) || memchr(s, '?', n) || memchr(s, '\n', n)) return 0;
  char low[JOB_TITLE_MAX * 4 + 1];
  sapo_lower(s, n, low, sizeof low);
  for (const char *const *w = W_JOB_TITLES; *w; w++)
    if (strstr(low, *w)) return 1;
  return 0;
}
