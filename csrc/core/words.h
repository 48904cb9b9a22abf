/* words.h: sapo's vocabulary, as data (words.c): every list of words the
 * stages match against, grouped by kind, each named once.  Lists end
 * with NULL.  Language knowledge of other shapes lives in phrases.c
 * (boilerplate phrases by language), vocab.c (the finder's class
 * vocabulary and its matchers), date.c (month names), vi_tables.c. */
#ifndef SAPO_WORDS_H
#define SAPO_WORDS_H

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* ===== NAMES AND BYLINES (by language where they are words) ===== */
extern const char *const W_BYLINE_STAMPS[];   /* words that open an "Updated ..." stamp after a byline */
extern const char *const W_BYLINE_PREFIXES[];   /* lead-ins of a byline ("By ", "Von ", "Theo "), lower case */
extern const char *const W_NAME_SEPARATORS[];   /* what separates names in a byline ("and", "und", "và", ",", "/") */
extern const char *const W_ROLES[];   /* job titles that follow a name ("staff writer", "phóng viên") */
extern const char *const W_AGENCIES[];   /* news agencies (authors only when no person is named) */
extern const char *const W_NAME_PARTICLES[];   /* lower-case particles inside names ("von", "van", "de") */
extern const char *const W_NAME_JOINERS[];   /* words joining two names ("and", "und", "và") */
extern const char *const W_NOT_NAMES[];   /* kickers and labels in capitals that are never names ("Breaking News") */
extern const char *const W_RELATIVE_AFTER[];   /* words after a number in a relative time ("2 days ago", "2 giờ trước") */
extern const char *const W_RELATIVE_BEFORE[];   /* words before a number in a relative time ("vor 3 Stunden") */
extern const char *const W_WEEKDAYS[];   /* weekday names and abbreviations, lower case */
extern const char *const W_DATE_LEADS[];   /* words that introduce a date after a byline ("on", "am", "ngày") */
extern const char *const W_BYLINE_MARKS[];   /* dashes and dots a byline puts between names and the rest */

extern const char *const W_CONSENT_PHRASES[];   /* a consent widget for embedded content ("externe Inhalte") */
extern const char *const W_CONSENT_HINTS[];   /* substrings every consent phrase holds */
extern const char *const W_MEDIA_LABELS[];   /* labels of a video teaser line ("WATCH |") */
extern const char *const W_STAMP_SEPARATORS[];   /* separators of a stamp line's parts ("•", "|") */
extern const char *const W_LABEL_BRACKETS[];   /* brackets around a label ("【", "[") */
extern const char *const W_DURATION_LABELS[];   /* labels of a media duration ("Duration") */
extern const char *const W_JOB_TITLES[];   /* stems of a job title under a byline ("correspondent") */
extern const char *const W_READING_TIME[];   /* a reading time after a byline ("min read", "phút đọc"), lower case */
extern const char *const W_SECTION_NAMES[];  /* names of a site's sections: never a byline, lower case */
extern const char *const W_ORG_WORDS[];      /* words that make a name an organisation's, lower case */
extern const char *const W_LEAD_LABELS[];    /* a line that is a label, never a lead ("Live"), lower case */

/* ===== CLASS AND ID TOKENS (what page authors name their elements) ===== */
extern const char *const W_AUTHOR_BOX_STEMS[];   /* class tokens that name an author (the author box after the text) */
extern const char *const W_AUTHOR_BOX_PARTS[];   /* class tokens of a box around an author ("box", "bio", "card") */
extern const char *const W_DATE_TOKENS[];   /* class/id tokens of an element holding the page's date */
extern const char *const W_CAPTION_TOKENS[];   /* class/id tokens of a caption or credit */
extern const char *const W_COMMENT_TOKENS[];   /* class/id tokens of a comment section (emit) */
extern const char *const W_RIGHT_TOKENS[];   /* class tokens of a right-aligned signature ("right", "tacgia") */
extern const char *const W_ARTICLE_TOKENS[];   /* class tokens of an element that is an article ("hentry", "post") */
extern const char *const W_SUBTITLE_TOKENS[];   /* class tokens of a secondary title ("sub", "tertiary") */
extern const char *const W_BOLD_TOKENS[];   /* class tokens of bold type ("bold", "fett") */
extern const char *const W_MEDIA_TOKENS[];   /* class tokens of a picture, video or its caption */
extern const char *const W_STATE_TOKENS[];   /* class tokens of a state, not a kind ("active", "odd", "first") */
extern const char *const W_BODY_STEMS[];   /* stems of a body container's class ("content", "detail") */
extern const char *const W_COMMENT_SECTION_TOKENS[];   /* class/id tokens of a comment section (priors) */
extern const char *const W_CRUMB_TOKENS[];   /* class tokens of a breadcrumb */

/* ===== METADATA KEYS ===== */
extern const char *const W_META_KEYS[];   /* <meta> names and properties kept while reading a page */
extern const char *const W_META_PROPERTY_PREFIXES[];   /* prefixes of <meta property> names ("og", "dc") */
extern const char *const W_META_PROPERTY_NAMES[];   /* names after such a prefix ("title", "published_time") */
extern const char *const W_META_WHOLE_NAMES[];   /* <meta name> values kept as written */
extern const char *const W_META_NAME_ENDINGS[];   /* endings of <meta name> values ("author", "pub-date") */
extern const char *const W_META_NAME_PREFIXES[];   /* prefixes of <meta name> values */
extern const char *const W_LD_ARTICLE_TYPES[];   /* schema.org types of an article in JSON-LD */
extern const char *const W_META_TITLE[];   /* <meta> keys of the title, in order */
extern const char *const W_META_BYLINE[];   /* <meta> keys of the author, in order */
extern const char *const W_META_EXCERPT[];   /* <meta> keys of the description, in order */
extern const char *const W_META_PUBLISHED[];   /* <meta> keys of the publication date, in order */
extern const char *const W_META_MODIFIED[];   /* <meta> keys of the modification date, in order */
extern const char *const W_META_KEYWORDS[];   /* <meta> keys of the keywords */
extern const char *const W_META_PUBLISHED_LATE[];   /* <meta> keys of a date, after the <time> elements */

/* ===== ELEMENTS AND ATTRIBUTES ===== */
extern const char *const W_RAW_TEXT_ELEMENTS[];   /* elements whose text is not markup (the <meta> prescan skips them) */
extern const char *const W_SOCIAL_NETWORKS[];   /* social networks named in follow and share lines */
extern const char *const W_LAZY_SRC_ATTRS[];   /* attributes holding a lazily loaded image's real src */
extern const char *const W_SRCSET_ATTRS[];   /* attributes holding a srcset */

/* ===== URLS AND HOSTS ===== */
extern const char *const W_AUTHOR_PATHS[];   /* URL paths of an author page ("/author/", "/tac-gia/") */
extern const char *const W_PLACEHOLDER_SRC[];   /* pieces of an image src that only holds the place of a lazy one */
extern const char *const W_HOST_PREFIXES[];   /* host prefixes that are not the site's name ("www.", "m.") */
extern const char *const W_LINK_SCHEMES[];   /* schemes a link may have in sapo's output */
extern const char *const W_IMAGE_SCHEMES[];   /* schemes an image may have */
extern const char *const W_PAGE_SCHEMES[];   /* schemes the page's own URL may have */

/* ===== TEXT: LABELS, SEPARATORS, MARKS ===== */
/* Separators between a headline and a site or section name in <title>,
 * in the order they are tried, with what each may do: */
#define SEP_SITE     1u   /* a site's name may stand after or before it     */
#define SEP_SHORT_H1 2u   /* a short h1 may stand before it ("Home | Site")  */
#define SEP_AFTER_H1 4u   /* without its spaces, it may open what follows the h1 */
typedef struct sapo_title_sep { const char *text; unsigned uses; } sapo_title_sep;
extern const sapo_title_sep W_TITLE_SEPARATORS[];   /* ends with {NULL, 0} */
extern const char *const W_CREDIT_LABELS[];   /* labels that open a photo credit ("Ảnh:", "Photo:") */
extern const char *const W_CREDIT_AGENCIES[];   /* picture agencies a credit names */
extern const char *const W_CREDIT_SEPARATORS[];   /* what separates a caption from its credit */
extern const char *const W_QUOTE_CLOSERS[];   /* what may close a sentence after its stop (quotes, brackets) */
extern const char *const W_AD_LABELS[];   /* texts of an ad slot or a loading placeholder */

/* ===== VIETNAMESE ===== */
extern const char *const W_VI_ONSETS[];   /* Vietnamese syllable onsets, longest first */
extern const char *const W_VI_FINALS[];   /* Vietnamese syllable finals */

/* ===== NAMES SAPO GIVES ===== */
extern const char *const W_SOURCE_NAMES[];   /* None */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
