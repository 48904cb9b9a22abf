/* date.c: date recognition for metadata and visible date lines.  A small
 * scanner, not a regex engine: it looks for the first plausible date and
 * the time and zone that follow it. */
#include "date.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int num(const char *s, size_t *i, int maxd, int *v) {
  int d = 0, x = 0;
  while (s[*i] >= '0' && s[*i] <= '9' && d < maxd) { x = x * 10 + (s[*i] - '0'); (*i)++; d++; }
  if (s[*i] >= '0' && s[*i] <= '9') return 0;  /* too many digits */
  *v = x;
  return d;
}

/* a day that exists: the month's length, February 29th in leap years */
static int valid_ymd(int y, int m, int d) {
  static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]) return 0;
  return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* a two-digit year: 00-69 is 2000-2069, 70-99 is 1970-1999 */
static int full_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

/* Zone abbreviations dates write after the time ("19:20:36 CEST 2023"):
 * the unambiguous ones, as offsets in minutes. */
static const struct { const char *abbr; int minutes; } ZONES[] = {
  {"UTC", 0}, {"GMT", 0}, {"UT", 0}, {"WET", 0}, {"WEST", 60}, {"BST", 60}, {"CET", 60}, {"CEST", 120},
  {"MEZ", 60}, {"MESZ", 120}, {"EET", 120}, {"EEST", 180}, {"MSK", 180}, {"ICT", 420}, {"WIB", 420},
  {"HKT", 480}, {"SGT", 480}, {"AWST", 480}, {"JST", 540}, {"KST", 540}, {"AEST", 600}, {"AEDT", 660},
  {"NZST", 720}, {"NZDT", 780}, {"EST", -300}, {"EDT", -240}, {"CDT", -300}, {"MST", -420}, {"MDT", -360},
  {"PST", -480}, {"PDT", -420}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {NULL, 0}};

/* The zone abbreviation at s[k] (a whole word), its offset in *minutes;
 * the position after it, or k when there is none. */
static size_t zone_at(const char *s, size_t k, int *minutes) {
  for (int z = 0; ZONES[z].abbr; z++) {
    size_t n = strlen(ZONES[z].abbr);
    if (!strncmp(s + k, ZONES[z].abbr, n) && !isalpha((unsigned char)s[k + n])) {
      *minutes = ZONES[z].minutes;
      return k + n;
    }
  }
  return k;
}

/* Month names and abbreviations, lower case, as data: en, de, fr, es, it,
 * pt, nl, sv/da/no, pl, cs (genitive, as dates write them), ru, tr, id,
 * vi ("tháng" is handled apart).  Longest match wins; a name must end at a
 * non-letter.  Non-ASCII initials are listed in both cases. */
typedef struct { const char *name; int month; } month_name;
static const month_name MONTH_NAMES[] = {
  {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
  {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
  {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
  {"oct", 10}, {"nov", 11}, {"dec", 12},
  /* de */ {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
  {"oktober", 10}, {"dezember", 12}, {"okt", 10}, {"dez", 12}, {"mrz", 3},
  /* fr */ {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
  {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
  {"décembre", 12}, {"janv", 1}, {"févr", 2}, {"avr", 4}, {"juil", 7},
  /* es */ {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
  {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
  {"ene", 1}, {"dic", 12},
  /* it */ {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
  {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6}, {"lug", 7},
  {"ago", 8}, {"set", 9}, {"ott", 10},
  /* pt */ {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
  {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"fev", 2}, {"out", 10},
  /* nl */ {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
  /* sv, da, no */ {"augusti", 8}, {"maj", 5},
  /* pl */ {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
  {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11}, {"grudnia", 12},
  /* cs */ {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
  {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11}, {"prosince", 12},
  /* ru */ {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6}, {"июля", 7},
  {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
  /* tr */ {"ocak", 1}, {"şubat", 2}, {"Şubat", 2}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
  {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
  /* id */ {"februari", 2}, {"maret", 3}, {"agustus", 8}, {"desember", 12},
  {NULL, 0}};

static int is_letter_byte(unsigned char c) { return isalpha(c) || c >= 0x80; }

static int month_at(const char *s, size_t i, size_t *end) {
  if (i > 0 && is_letter_byte((unsigned char)s[i - 1])) return 0;
  size_t best_len = 0;
  int best = 0;
  for (const month_name *m = MONTH_NAMES; m->name; m++) {
    size_t n = strlen(m->name), k = 0;
    for (; k < n; k++) {
      unsigned char a = (unsigned char)s[i + k], b = (unsigned char)m->name[k];
      if (!a) break;
      if (a < 0x80 ? tolower(a) != b : a != b) break;
    }
    if (k < n) continue;
    if (is_letter_byte((unsigned char)s[i + n])) continue;   /* a longer word */
    if (n > best_len) { best_len = n; best = m->month; }
  }
  if (!best) return 0;
  *end = i + best_len;
  if (s[*end] == '.') (*end)++;   /* "Okt.", "janv." */
  return best;
}

/* "de", "del" between the parts of a Spanish or Portuguese date */
static void skip_filler(const char *s, size_t *k) {
  for (;;) {
    while (s[*k] == ' ' || s[*k] == ',' || s[*k] == '.') (*k)++;
    if (!strncasecmp(s + *k, "de ", 3)) { *k += 3; continue; }
    if (!strncasecmp(s + *k, "del ", 4)) { *k += 4; continue; }
    break;
  }
}

#define TIME_GAP 12   /* bytes between a date and the time that goes with it */

/* Time "HH:MM[:SS][.frac]" (optionally "h", "giờ" style not handled) and a
 * zone "Z", "+07:00", "+0700", "GMT+7", "(GMT+7)", "UTC+07:00". */
static void time_zone(const char *s, size_t i, int *hh, int *mm, int *ss, int *has_time, char *tz, size_t tzcap) {
  *has_time = 0;
  tz[0] = '\0';
  size_t j = i;
  /* up to TIME_GAP bytes of words and marks between the date and its
   * time: ", ", " - ", "T", " lúc ", " um ", " at ", " à " */
  for (int skip = 0; s[j] && skip < TIME_GAP; skip++, j++) {
    if (s[j] >= '0' && s[j] <= '9') break;
    if (s[j] == '\n' || s[j] == '.' || s[j] == ';') return;
  }
  int h, m, sec = 0;
  size_t k = j;
  if (!num(s, &k, 2, &h) || s[k] != ':') return;
  k++;
  if (num(s, &k, 2, &m) != 2) return;
  if (s[k] == ':') { k++; if (num(s, &k, 2, &sec) != 2) return; }
  if (s[k] == '.' || s[k] == ',') { k++; while (s[k] >= '0' && s[k] <= '9') k++; }
  if (h > 23 || m > 59 || sec > 60) return;
  /* am/pm */
  size_t q = k;
  while (s[q] == ' ') q++;
  if (!strncasecmp(s + q, "pm", 2) && h < 12) { h += 12; k = q + 2; }
  else if (!strncasecmp(s + q, "am", 2)) { if (h == 12) h = 0; k = q + 2; }
  *hh = h; *mm = m; *ss = sec;
  *has_time = 1;
  while (s[k] == ' ' || s[k] == '(') k++;
  if (s[k] == 'Z' && !isalpha((unsigned char)s[k + 1])) { snprintf(tz, tzcap, "+00:00"); return; }
  if (!strncasecmp(s + k, "GMT", 3) || !strncasecmp(s + k, "UTC", 3)) {
    k += 3;
    if (s[k] != '+' && s[k] != '-') { snprintf(tz, tzcap, "+00:00"); return; }
  } else {
    int zmin;
    if (zone_at(s, k, &zmin) != k) {
      int a = zmin < 0 ? -zmin : zmin;
      snprintf(tz, tzcap, "%c%02d:%02d", zmin < 0 ? '-' : '+', a / 60, a % 60);
      return;
    }
  }
  if (s[k] == '+' || s[k] == '-') {
    char sign = s[k++];
    int zh = 0, zm = 0;
    size_t st = k;
    int d = num(s, &k, 4, &zh);
    if (d == 4) { zm = zh % 100; zh /= 100; }
    else if (d >= 1 && s[k] == ':') { k++; num(s, &k, 2, &zm); }
    else if (d < 1) { (void)st; return; }
    if (zh >= 0 && zh <= 14 && zm >= 0 && zm < 60) snprintf(tz, tzcap, "%c%02u:%02u", sign, (unsigned)zh, (unsigned)zm);
  }
}

#define TIME_GAP_BEFORE 24   /* bytes between a time and the date after it ("10:30, Thứ năm, 25/4") */

/* The start of a time "H:MM" or "HH:MM[:SS]" that ends at most
 * TIME_GAP_BEFORE bytes of words and marks before the date at `start`
 * ("Cập nhật lúc 10:30, Thứ năm, 25/04/2024", "08:15 - 25/04/2024"), or
 * start when there is none. */
static size_t time_before(const char *s, size_t start) {
  size_t j = start;
  for (int skip = 0; j > 0 && skip < TIME_GAP_BEFORE; skip++, j--) {
    char c = s[j - 1];
    if (c >= '0' && c <= '9') break;
    if (c == '\n' || c == '.' || c == ';' || c == '/') return start;
  }
  size_t e = j, b = j;
  while (b > 0 && ((s[b - 1] >= '0' && s[b - 1] <= '9') || s[b - 1] == ':')) b--;
  size_t colons = 0;
  for (size_t k = b; k < e; k++) colons += s[k] == ':';
  if (!colons || colons > 2 || e - b < 4 || s[b] == ':') return start;
  if (b > 0 && (s[b - 1] == '/' || s[b - 1] == '-' || s[b - 1] == '.')) return start;   /* part of another date */
  return b;
}

static int emit(char *out, size_t cap, size_t start, int y, int mo, int d, const char *s, size_t after) {
  int hh = 0, mm = 0, ss = 0, has_time;
  char tz[16];
  time_zone(s, after, &hh, &mm, &ss, &has_time, tz, sizeof tz);
  if (!has_time) {
    size_t t = time_before(s, start);
    if (t != start) time_zone(s, t, &hh, &mm, &ss, &has_time, tz, sizeof tz);
  }
  if (!has_time) snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
  else snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, hh, mm, ss, tz);
  return 1;
}

int sapo_date_iso(const char *s, char *out, size_t cap) {
  if (!s || cap < 32) return 0;
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
      size_t j = i;
      int a, b, y;
      int da = num(s, &j, 4, &a);
      if (da == 4 && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {       /* Y-M-D */
        char sep = s[j++];
        if (!num(s, &j, 2, &b) || s[j] != sep) continue;
        j++;
        int d;
        if (!num(s, &j, 2, &d)) continue;
        if (valid_ymd(a, b, d)) return emit(out, cap, i, a, b, d, s, j);
        continue;
      }
      if (da == 8 && s[j] == 'T') {                                       /* YYYYMMDDThhmm */
        int y8 = a / 10000, m8 = a / 100 % 100, d8 = a % 100;
        if (valid_ymd(y8, m8, d8)) return emit(out, cap, i, y8, m8, d8, s, j);
      }
      if (da >= 1 && da <= 2 && (s[j] == '/' || s[j] == '-' || s[j] == '.') && s[j + 1] >= '0' && s[j + 1] <= '9') {
        /* D/M/Y, day first */
        char sep = s[j++];
        int mb = num(s, &j, 2, &b);
        if (!mb || s[j] != sep) continue;
        j++;
        int yd = num(s, &j, 4, &y);
        /* "27.04.24", "27/04/24": two digits each (not a version, "1.2.34") */
        if (yd == 2 && sep != '-' && da == 2 && mb == 2) y = full_year(y);
        else if (yd != 4) continue;
        if (valid_ymd(y, b, a)) return emit(out, cap, i, y, b, a, s, j);
        if (valid_ymd(y, a, b)) return emit(out, cap, i, y, a, b, s, j);   /* US order when day-first is impossible */
        continue;
      }
      if (da >= 1 && da <= 2) {                                /* 25 April 2024, 24. März 2024, 25 de abril de 2024 */
        size_t k = j, me;
        /* an ordinal ending: "1er", "1st", "2nd" */
        if (isalpha((unsigned char)s[k]) && isalpha((unsigned char)s[k + 1]) && s[k + 2] == ' ') k += 2;
        skip_filler(s, &k);
        int m = month_at(s, k, &me);
        if (m) {
          k = me;
          skip_filler(s, &k);
          if (num(s, &k, 4, &y) == 4 && valid_ymd(y, m, a)) return emit(out, cap, i, y, m, a, s, k);
        }
      }
      if (da == 4) {                                      /* 2024年4月25日, 2024년 4월 25일, 2024. 4. 25. */
        static const char *const Y[] = {"年", "년", ".", NULL}, *const M[] = {"月", "월", ".", NULL},
                          *const D[] = {"日", "일", ".", NULL};
        for (int form = 0; Y[form]; form++) {
          size_t k = j, ly = strlen(Y[form]), lm = strlen(M[form]);
          int mo, d;
          if (strncmp(s + k, Y[form], ly)) continue;
          k += ly;
          while (s[k] == ' ') k++;
          if (!num(s, &k, 2, &mo) || strncmp(s + k, M[form], lm)) continue;
          k += lm;
          while (s[k] == ' ') k++;
          if (!num(s, &k, 2, &d)) continue;
          if (!strncmp(s + k, D[form], strlen(D[form]))) k += strlen(D[form]);
          if (form == 2 && s[j + 1] != ' ') continue;     /* "2024.04.25" is the Y-M-D rule's */
          if (valid_ymd(a, mo, d)) return emit(out, cap, i, a, mo, d, s, k);
        }
      }
      if (da > 0) i = j - 1;
      continue;
    }
    /* "ngày 25 tháng 4 năm 2024" */
    if (!strncmp(s + i, "ngày ", 6) || !strncmp(s + i, "Ngày ", 6)) {
      size_t j = i + 6;
      int d, m, y;
      if (!num(s, &j, 2, &d)) continue;
      while (s[j] == ' ') j++;
      if (strncmp(s + j, "tháng ", 7)) continue;
      j += 7;
      if (!num(s, &j, 2, &m)) continue;
      while (s[j] == ' ') j++;
      if (strncmp(s + j, "năm ", 5)) continue;
      j += 5;
      if (num(s, &j, 4, &y) != 4) continue;
      if (valid_ymd(y, m, d)) return emit(out, cap, i, y, m, d, s, j);
      continue;
    }
    /* "April 25, 2024" */
    size_t me;
    int m = is_letter_byte(c) ? month_at(s, i, &me) : 0;
    if (m) {                                              /* April 25, 2024 / April 25th 2024 */
      size_t k = me;
      while (s[k] == ' ' || s[k] == '.') k++;
      int d, y;
      if (num(s, &k, 2, &d)) {
        while (s[k] == ',' || s[k] == ' ' || (s[k] >= 'a' && s[k] <= 'z' && k < me + 8)) k++;
        size_t before_year = k;
        if (num(s, &k, 4, &y) == 4 && valid_ymd(y, m, d)) return emit(out, cap, i, y, m, d, s, k);
        /* "Apr 28 19:20:36 CEST 2023" (Java's Date.toString): the time and
         * zone come before the year */
        size_t t = before_year;
        int hh;
        k = before_year;
        if (num(s, &t, 2, &hh) && s[t] == ':') {
          size_t after_time = t;
          while (s[after_time] && (s[after_time] == ':' || (s[after_time] >= '0' && s[after_time] <= '9'))) after_time++;
          size_t z = after_time;
          while (s[z] == ' ') z++;
          int zmin;
          size_t yz = zone_at(s, z, &zmin);
          while (s[yz] == ' ') yz++;
          if (num(s, &yz, 4, &y) == 4 && valid_ymd(y, m, d)) return emit(out, cap, i, y, m, d, s, k);
        }
      }
      i = me - 1;
    } else if (c >= 0x80) {
      while (((unsigned char)s[i + 1] & 0xC0) == 0x80) i++;   /* skip the rest of the character */
    }
  }
  return 0;
}
