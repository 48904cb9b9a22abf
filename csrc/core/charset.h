/* charset.h: deciding a page's character encoding the way browsers do, and
 * turning its bytes into valid UTF-8.
 *
 * Encoding names are the WHATWG Encoding Standard's canonical lowercase names
 * ("utf-8", "windows-1252", "windows-1258", "shift_jis", ...).  All returned
 * names are static strings: never free them. */
#ifndef SAPO_CHARSET_H
#define SAPO_CHARSET_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Canonical name for an encoding label (ASCII case-insensitive, surrounding
 * whitespace ignored), or NULL when the label is unknown. */
const char *sapo_charset_canonical(const char *label, size_t len);

/* The charset parameter of an HTTP Content-Type value, as a canonical name;
 * NULL when absent or unknown. */
const char *sapo_charset_from_content_type(const char *value);

/* The HTML Standard's prescan of the first 1024 bytes for <meta charset> and
 * <meta http-equiv=content-type content="...charset=...">.  Returns the
 * canonical name (utf-16 declarations become utf-8, x-user-defined becomes
 * windows-1252, per the standard), or NULL when nothing is declared. */
const char *sapo_charset_prescan(const unsigned char *s, size_t len);

/* How the decision was made, for callers that want to report it. */
typedef enum {
  SAPO_CS_OPTION, SAPO_CS_BOM, SAPO_CS_HEADER, SAPO_CS_META, SAPO_CS_SNIFF, SAPO_CS_DEFAULT
} sapo_charset_source;

/* Decide the encoding: forced label > BOM > Content-Type > prescan > valid
 * UTF-8 > windows-1252.  *bom_len gets the number of BOM bytes to skip.
 * Fails with SAPO_EENCODING only when `forced` is an unknown label. */
int sapo_charset_decide(const unsigned char *s, size_t len, const char *forced,
                        const char *content_type, const char **name,
                        size_t *bom_len, sapo_charset_source *source, sapo_error *err);

/* Append the UTF-8 form of s (in encoding `name`, a canonical name) to out.
 * Malformed input never fails: each bad sequence becomes U+FFFD, and NUL
 * bytes become U+FFFD too.  Returns SAPO_OK, SAPO_ENOMEM, or SAPO_EENCODING
 * when the system's iconv cannot convert from that encoding. */
/* 1 when s is UTF-8 that sapo_decode would copy unchanged (well formed,
 * no NUL bytes): the parser may then read it in place. */
int sapo_utf8_clean(const unsigned char *s, size_t len);

int sapo_decode(const unsigned char *s, size_t len, const char *name,
                sapo_buf *out, sapo_error *err);

/* 1 when s[0..len) is valid UTF-8 (no surrogates, no overlongs). */
int sapo_utf8_valid(const unsigned char *s, size_t len);

/* Windows-1252: the code point of byte b, and the byte of code point cp
 * (-1 when cp has no byte; C1 controls map to themselves, as WHATWG does). */
int32_t sapo_cp1252_to_cp(unsigned char b);
int sapo_cp1252_from_cp(int32_t cp);

/* The legacy Vietnamese font encoding a charset label names ("tcvn3",
 * "x-viet-vni", ...: "tcvn3", "vni", "vps", "viqr"), or NULL; and the
 * label doc:charset() gives a page decoded with one ("x-viet-tcvn3"). */
const char *sapo_font_encoding(const char *label);
const char *sapo_font_label(const char *enc);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
