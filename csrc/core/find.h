/* find.h: the content finder's shared state, seen by its units only.
 *
 * The finder works on the compact tree (dom.h).  Its units, one job each:
 *   measure.c    text measures and bottom-up aggregates
 *   vocab.c      Readability's class/id vocabulary
 *   listing.c    teaser and listing detection, once, before any scoring
 *   readability.c  Readability's walk, paragraph scores, top candidate
 *   priors.c     structural, JSON-LD and title-anchor candidates
 *   arbiter.c    one choice among the candidates, weights in one table
 *   merge.c      siblings that belong to the chosen container
 *   prep.c       cleaning of a chosen container (any candidate)
 *   finder.c     the cascade: passes, retries, which try is kept
 * and trace.c records what each of them decided when asked. */
#ifndef SAPO_FIND_H
#define SAPO_FIND_H

#include <stdint.h>
#include "buf.h"
#include "dom.h"
#include "trace.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* ===== NAMED THRESHOLDS (one definition each) ===== */
/* Readability.js: DEFAULT_CHAR_THRESHOLD and DEFAULT_N_TOP_CANDIDATES */
#define FIND_CHAR_THRESHOLD   500
#define FIND_NB_TOP           5
#define FIND_NB_TOP_MAX       64
/* Less text than this is no article: a candidate's floor (arbiter), a
 * whole-page fallback's (a category page whose listings hold more), and
 * what makes sapo read the body the page's scripts carry */
#define FIND_MIN_TEXT         140
/* Readability: paragraphs shorter than this carry no score */
#define FIND_MIN_PARAGRAPH    25
/* Readability: a share widget is removed when shorter than this */
#define FIND_SHARE_MAX_LEN    500

/* Readability's pass flags, relaxed one by one on retries */
#define FLAG_STRIP_UNLIKELYS     1
#define FLAG_WEIGHT_CLASSES      2
#define FLAG_CLEAN_CONDITIONALLY 4

/* per-node marks on the page's own nodes (index < orig_count) */
#define NM_LISTING     0x01  /* a listing item or box                       */
#define NM_IN_LISTING  0x02  /* inside (or being) a listing                 */
#define NM_LIST_HEAD   0x04  /* the heading over a listing                  */
#define NM_PROTECT     0x08  /* ancestor of the title or a prior: never "unlikely" */
#define NM_WEAK        0x10  /* a listing of bare links (menus, tag clouds)  */
#define NM_STRIPPED    0x20  /* removed as "unlikely" by the first pass      */
#define NM_DIALOG      0x40  /* consent / paywall / newsletter interface     */
#define NM_CONFIRMED   0x80  /* a listing under a marker phrase ("Related") or, bare links, an h2-h6 */

/* ===== AGGREGATES ===== */
/* agg.f: how a text's ends combine with its neighbours' */
#define AG_NONEMPTY 1  /* has non-space text                  */
#define AG_LEAD     2  /* starts with white space             */
#define AG_TRAIL    4  /* ends with white space               */
#define AG_WS       8  /* (empty nodes) contains white space  */

typedef struct agg {
  uint32_t len;        /* score_inner_len of the node                      */
  uint32_t commas;     /* Unicode commas in its text                       */
  uint32_t ascii_commas;
  float link;          /* link text length (x0.3 for #anchors), nested too */
  /* sums over descendants (not the node itself) */
  uint32_t n_p, n_img, n_li, n_input, n_embed, n_video, n_datatable;
  uint32_t heading_len, textish_len, list_len;
  uint32_t listing_len;  /* text inside listings                            */
  uint32_t p_len;        /* text inside <p> (and <pre>, <blockquote>)       */
  uint8_t f;           /* AG_* summary bits, for combining siblings        */
} agg;

typedef struct nodelist { int32_t *v; int32_t n, cap; } nodelist;
typedef struct vocab_sets vocab_sets;   /* vocab.c's pattern tables, per extraction */

/* a text node's measures, read once per page */

/* What an element's attributes say, read once per page (vocab.c). */
#define VF_HIDDEN        0x001  /* hidden attribute, style, utility class        */
#define VF_DIALOG        0x002  /* dialog/consent/newsletter tokens or role      */
#define VF_AD            0x004  /* ad-slot class or id tokens                    */
#define VF_UNLIKELY      0x008  /* Readability's unlikely vocabulary, not ok-maybe */
#define VF_UNLIKELY_ROLE 0x010  /* role=menu, navigation, dialog...             */
#define VF_BYLINE        0x020  /* byline class, rel=author, itemprop author     */
#define VF_SHARE         0x040  /* share widget class                            */
#define VF_ITEMPROP_ROLE 0x080  /* an itemprop or a role attribute               */
/* the elements whose class and id the priors' class rules read (priors.c) */
static inline int prior_class_tag(int tag) {
  return tag == T_DIV || tag == T_ARTICLE || tag == T_SECTION || tag == T_MAIN;
}

typedef struct nfeat {
  uint16_t f;              /* VF_* */
  int8_t weight;           /* Readability's class weight (-50..50)           */
  uint8_t done;
  uint16_t stems;          /* bit k: W_BODY_STEMS[k] in the class or id (all bits: maybe, too long to say) */
  uint16_t tag;            /* the element's tag when they were read */
} nfeat;

/* Features read as the compact tree is built (the walk that touches each
 * element anyway), handed to the finder through find_input. */
typedef struct vocab_pre vocab_pre;
vocab_pre *vocab_pre_new(void);                            /* NULL when out of memory */
int  vocab_pre_read(vocab_pre *v, const dtree *t, int32_t i, const dom_attrs *a);   /* element i, just built: 0 or -1 */
void vocab_pre_free(vocab_pre *v);

typedef struct find_input {
  const char *title;        /* article title (for the repeated heading), or NULL */
  int have_byline;          /* metadata already has a byline: don't look for one  */
  int char_threshold;
  int nb_top;
  const char *ld_body;      /* JSON-LD articleBody, or NULL                    */
  trace *tr;                /* decisions are recorded when not NULL            */
  int keep_listings;        /* 1: teaser runs inside the container stay (opts.skip "listings") */
  const char *page_url;     /* the page's absolute URL (links to its host are its own), or NULL */
  vocab_pre *features;      /* features read while t was built (taken over), or NULL */
} find_input;

typedef struct fctx {
  dtree *t;
  agg *ag;                 /* valid for indices < ag_n when ag_valid */
  int32_t ag_n, ag_cap;
  int32_t text_ready;      /* text nodes below this index have their ag[] summary */
  int ag_valid;
  const find_input *in;
  int flags;               /* FLAG_* of the current pass */
  int pass;                /* 0, 1, 2, 3, 4 */
  int keep_hidden;         /* this pass keeps hidden elements (the body was hidden) */
  uint8_t *mark;           /* NM_* per original node */
  uint8_t *gone;           /* prep: 1 for each node its removals took out of the container */
  int32_t gone_n;
  int32_t orig_count;
  char ms[512];            /* className + " " + id, lower case */
  sapo_buf tmp;
  char *byline;
  nodelist list;           /* scratch */
  trace *tr;
  int32_t title_node;      /* original index of the heading that repeats the title, or -1 */
  nfeat *feat;             /* per page node, filled by vocab_features */
  vocab_sets *vs;
  double para_median;      /* median length of the page's prose paragraphs */
  int32_t title_anc[32];   /* the title heading's ancestors on the page as built, innermost first */
  int title_anc_n;
} fctx;

/* ===== measure.c ===== */
agg    measure_text(const char *s, size_t n);              /* a text's summary: length, commas, AG_* ends */
int    list_push(nodelist *l, int32_t v);                  /* 0 or -1 */
int    is_tag(const dtree *t, int32_t i, int tag);
int    is_js_ws_text(const dtree *t, int32_t i);
int    text_blank(const dtree *t, int32_t i);
size_t shown_u16len(const dtree *t, int32_t i);
size_t count_desc(const dtree *t, int32_t i, int tag);
int    is_comma(int32_t c);
size_t count_commas(const dtree *t, int32_t i);
void   inner_text(const dtree *t, int32_t i, sapo_buf *b, int normalize);
int    aggregates_at(fctx *c, int32_t root);              /* 0 or -1 */
int    aggregates(fctx *c);                               /* whole tree */
void   unfold_up(fctx *c, int32_t x, int32_t stop);
size_t len_of(fctx *c, int32_t i);
double link_density_of(fctx *c, int32_t i);
size_t commas_of(fctx *c, int32_t i);
/* text outside listings, as aggregated */
uint32_t eff_len_of(const fctx *c, int32_t i);
int    in_listing(const fctx *c, int32_t i);              /* self or an ancestor is a listing */
int32_t orig_of(const fctx *c, int32_t i);                /* i, or its nearest page-own ancestor */

/* ===== vocab.c ===== */
int  vocab_features(fctx *c, vocab_pre *pre);             /* c->feat for every page node (pre's taken over); 0 or -1 */
nfeat vocab_feat(fctx *c, int32_t i);                     /* cached, or read now (virtual nodes) */
const char *chrome_of(fctx *c, int32_t i, nfeat f);       /* "hidden", "ad-slot", "dialog" or NULL */
const char *match_string(fctx *c, int32_t i);
unsigned vocab_body_stems(const fctx *c, const char *s);   /* bit k: W_BODY_STEMS[k] is in s (lower case) */
int  has_any(const char *s, const char *const *list);
int  class_weight(fctx *c, int32_t i);
int  is_share(const char *s);
int  is_unlikely(const char *ms);                         /* UNLIKELY and not OK_MAYBE */
int  is_unlikely_role(const char *role);
int  is_byline_class(const char *ms);
int  is_video_embed(const dtree *t, int32_t i);
int  is_probably_visible(const dtree *t, int32_t i);
/* "hidden", "dialog" (consent, paywall, newsletter interface), "ad-slot"
 * (ad containers and their labels), or NULL: one scan of the attributes */
const char *chrome_kind(const dtree *t, int32_t i);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
