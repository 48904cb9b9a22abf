/* vi_tables.h: legacy Vietnamese byte encodings (see vi_tables.c). */
#ifndef SAPO_VI_TABLES_H
#define SAPO_VI_TABLES_H

#include <stdint.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* byte -> code point; decode, then NFC (cp1258 has combining tone marks) */
extern const uint16_t vi_tcvn3[256], vi_viscii[256], vi_vps[256], vi_cp1258[256];

/* VNI-Windows letters: one or two bytes (b2 == 0 for one) -> code point.
 * Two-byte entries come first, sorted; then one-byte entries. */
typedef struct { uint8_t b1, b2; uint16_t cp; } vi_vni_entry;
extern const vi_vni_entry vi_vni[];
extern const int vi_vni_count;

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
