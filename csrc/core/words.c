/* words.c: the vocabulary (see words.h).  Data only. */
#include <stddef.h>
#include "words.h"

/* ===== NAMES AND BYLINES (by language where they are words) ===== */

/* words that open an "Updated ..." stamp after a byline */
const char *const W_BYLINE_STAMPS[] = {
  "last updated", "last modified", "updated", "published", "posted", "aktualisiert", "veröffentlicht", "stand:", "mis à jour",
  "publié le", "actualizado", "publicado", "aggiornato", "pubblicato", "atualizado", "bijgewerkt", "cập nhật",
  "đăng lúc", "zaktualizowano", "opublikowano", "обновлено", "опубликовано", NULL};

/* lead-ins of a byline ("By ", "Von ", "Theo "), lower case */
const char *const W_BYLINE_PREFIXES[] = {
  "written by ", "reported by ", "story by ", "words by ", "text by ", "by ", "von ", "par ", "por ", "di ",
  "theo ", "av ", "door ", "autor: ", "autorin: ", "autoren: ", "author: ", "authors: ", "text: ", "tekst: ",
  "texto: ", "testo: ", "bài: ", "bài và ảnh: ", "thực hiện: ", "nhóm phóng viên ", "phóng viên ", "pv ", "ctv ",
  "redacción: ", "rédaction: ", "av: ", "by: ", "von: ", "par : ", "por: ", "di: ", NULL};

/* what separates names in a byline ("and", "und", "và", ",", "/") */
const char *const W_NAME_SEPARATORS[] = {
  " and ", " und ", " et ", " y ", " e ", " en ", " og ", " och ", " i ", " và ", " & ", " / ", "/", ", ", ",",
  "; ", ";", " | ", "|", " · ", " • ", " - ", " – ", " — ", "、", "，", NULL};

/* job titles that follow a name ("staff writer", "phóng viên") */
const char *const W_ROLES[] = {
  "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "photographer",
  "producer", "desk", "team", "newsroom", "redaktion", "redakteur", "redakteurin", "korrespondent",
  "korrespondentin", "rédaction", "rédacteur", "envoyé", "envoyée", "corresponsal", "redacción", "redazione",
  "correspondente", "redactie", "phóng viên", "biên tập", "cộng tác viên", "nhóm pv", "special to", "in london",
  "in paris", "in berlin", "in washington", "in new york", "hà nội", "tp.hcm", NULL};

/* news agencies (authors only when no person is named) */
const char *const W_AGENCIES[] = {
  "reuters", "afp", "ap", "associated press", "dpa", "epd", "kna", "apa", "ansa", "efe", "sda", "sid", "ttxvn",
  "vna", "xinhua", "yonhap", "kyodo", "pti", "ians", "bloomberg", "agence france-presse", "anp", "belga",
  "ritzau", "ntb", "tt", "stt", "ctk", "pap", "tass", "ria novosti", "interfax", "aap", "cna", "bernama",
  "antara", "ani", "upi", NULL};

/* lower-case particles inside names ("von", "van", "de") */
const char *const W_NAME_PARTICLES[] = {
  "von", "van", "der", "den", "de", "da", "di", "du", "des", "del", "della", "dos", "das", "do", "la", "le",
  "ter", "ten", "zu", "bin", "binti", "al", "el", "ibn", NULL};

/* words joining two names ("and", "und", "và") */
const char *const W_NAME_JOINERS[] = {"and", "und", "et", "y", "e", "en", "og", "och", "i", "và", NULL};

/* kickers and labels in capitals that are never names ("Breaking News") */
const char *const W_NOT_NAMES[] = {
  "news", "breaking", "live", "update", "updates", "exclusive", "analysis", "opinion", "comment", "commentary",
  "editorial", "interview", "review", "video", "videos", "photo", "photos", "gallery", "watch", "listen", "read",
  "more", "advertisement", "sponsored", "note", "editor's", "editors", "podcast", "newsletter", "highlights",
  "summary", "key", "points", "takeaways", "story", "report", "special", "feature", "nachrichten", "eilmeldung",
  "kommentar", "meinung", "analyse", "exklusiv", "liveblog", "actualités", "direct", "exclusif", "noticias",
  "última", "hora", "vivo", "notizie", "esclusiva", "tin", "nóng", "mới", NULL};

/* words after a number in a relative time ("2 days ago", "2 giờ trước") */
const char *const W_RELATIVE_AFTER[] = {"ago", "trước", "geleden", "siden", "sedan", "temu", "назад", "fa", "前", NULL};

/* words before a number in a relative time ("vor 3 Stunden") */
const char *const W_RELATIVE_BEFORE[] = {"vor ", "hace ", "il y a ", "há ", NULL};

/* weekday names and abbreviations, lower case */
const char *const W_WEEKDAYS[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
  "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi",
  "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
  "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", NULL};

/* words that introduce a date after a byline ("on", "am", "ngày") */
const char *const W_DATE_LEADS[] = {"on", "at", "am", "le", "el", "il", "ngày", "lúc", "den", "dne", NULL};

/* dashes and dots a byline puts between names and the rest */
const char *const W_BYLINE_MARKS[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2", NULL};

/* a reading time after a byline ("4 min read", "3 phút đọc"), lower case */
const char *const W_READING_TIME[] = {
  "min read", "mins read", "minute read", "minutes read", "min. read", "min lesezeit", "minuten lesezeit",
  "lesezeit", "min de lecture", "minutes de lecture", "min de lectura", "minutos de lectura", "min di lettura",
  "phút đọc", "min läsning", "min leestijd", NULL};

/* names of a site's sections and pages, never a byline (whole, lower case) */
const char *const W_SECTION_NAMES[] = {
  "news", "home", "world", "business", "sport", "sports", "politics", "opinion", "culture", "science",
  "technology", "tech", "health", "travel", "lifestyle", "entertainment", "local", "national", "nachrichten",
  "politik", "wirtschaft", "kultur", "panorama", "startseite", "inland", "ausland", "meinung", "actualités",
  "accueil", "monde", "économie", "noticias", "portada", "deportes", "notizie", "cronaca", "tin tức", "thời sự",
  "thế giới", "kinh doanh", "giải trí", "thể thao", "pháp luật", "giáo dục", "sức khỏe", "đời sống", "xã hội",
  "trang chủ", "новости", "главная", NULL};

/* words that make an author's name an organisation's, not a person's
 * (whole words, lower case): a newspaper, a company, a newsroom */
const char *const W_ORG_WORDS[] = {
  "báo", "tạp chí", "công ty", "cổng thông tin", "đài", "truyền hình", "ban biên tập", "tòa soạn", "online",
  "newspaper", "magazine", "media", "group", "inc", "inc.", "ltd", "ltd.", "llc", "corporation", "gmbh",
  "verlag", "zeitung", "editorial board", "newsroom", NULL};

/* a line that is a label, never a lead (whole, lower case) */
const char *const W_LEAD_LABELS[] = {
  "live", "live updates", "breaking", "breaking news", "update", "updated", "exclusive", "video", "watch",
  "listen", "photos", "gallery", "advertisement", "liveblog", "eilmeldung", "trực tiếp", "nóng", "en direct",
  "en vivo", "in diretta", NULL};

/* ===== CLASS AND ID TOKENS (what page authors name their elements) ===== */

/* class tokens that name an author (the author box after the text) */
const char *const W_AUTHOR_BOX_STEMS[] = {"author", "authors", "autor", "autoren", "auteur", "writer", NULL};

/* class tokens of a box around an author ("box", "bio", "card") */
const char *const W_AUTHOR_BOX_PARTS[] = {"box", "bio", "biography", "container", "card", "profile", "about", "info",
  "description", "details", "teaser", "name", "wrapper", NULL};

/* class/id tokens of an element holding the page's date */
const char *const W_DATE_TOKENS[] = {
  "date", "time", "datetime", "dateline", "published", "publish", "pubdate", "posted", "timestamp", "meta",
  "ngay", "ngaydang", "thoigian", "timepost", "timeupdate", "detailtime", "updated", NULL};

/* class/id tokens of a caption or credit */
const char *const W_CAPTION_TOKENS[] = {
  "caption", "figcaption", "imagecaption", "photocaption", "credit", "credits", "photocredit", "expnoedit",
  "image_caption", "captions", "legend", "desc_image", "photo_caption", "img_caption", NULL};

/* class/id tokens of a comment section (emit) */
const char *const W_COMMENT_TOKENS[] = {
  "comment", "comments", "binhluan", "ykien", "disqus", "discussion", "replies", "reply", NULL};

/* class tokens of a right-aligned signature ("right", "tacgia") */
const char *const W_RIGHT_TOKENS[] = {"right", "textright", "author", "tacgia", "author_mail", NULL};

/* class tokens of an element that is an article ("hentry", "post") */
const char *const W_ARTICLE_TOKENS[] = {"hentry", "post", "entry", "h-entry", NULL};

/* class tokens of a secondary title ("sub", "tertiary") */
const char *const W_SUBTITLE_TOKENS[] = {"sub", "secondary", "tertiary", "second", "subline", NULL};

/* class tokens of bold type ("bold", "fett") */
const char *const W_BOLD_TOKENS[] = {"bold", "bolder", "semibold", "medium", "strong", "fett", NULL};

/* class tokens of a picture, video or its caption */
const char *const W_MEDIA_TOKENS[] = {"caption", "figcaption", "credit", "figure", "photo", "image", "img", "media",
  "gallery", "picture", "video", NULL};

/* class tokens of a state, not a kind ("active", "odd", "first") */
const char *const W_STATE_TOKENS[] = {
  "active", "first", "last", "odd", "even", "current", "selected", "clearfix", "clear", "show", "visible",
  "big", "small", "large", "featured", "highlight", "top", "new", "hot", "fl", "fr", "left", "right", NULL};

/* stems of a body container's class ("content", "detail") */
const char *const W_BODY_STEMS[] = {
  "body", "content", "text", "entry", "post", "story", "detail", "main", "column", "article", "single",
  "blog", "fck", "cms", "full", NULL};

/* class/id tokens of a comment section (priors) */
const char *const W_COMMENT_SECTION_TOKENS[] = {
  "comment", "comments", "commentlist", "discussion", "replies", "reply", "respond", "disqus", NULL};

/* class tokens of a breadcrumb */
const char *const W_CRUMB_TOKENS[] = {"breadcrumb", "breadcrumbs", "crumb", "crumbs", NULL};

/* ===== METADATA KEYS ===== */

/* <meta> names and properties kept while reading a page */
const char *const W_META_KEYS[] = {
  "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
  "twitter:title", "parsely-title", "dc:creator", "dcterm:creator", "author", "parsely-author",
  "dc:description", "dcterm:description", "og:description", "weibo:article:description",
  "weibo:webpage:description", "description", "twitter:description", "og:site_name",
  "article:published_time", "parsely-pub-date", "article:modified_time", "og:image", "keywords",
  "article:author", "og:updated_time", "pubdate", "date", "news_keywords", "og:url", "publish-date", "publish_date",
  "dc:date", "dcterms:date", "sailthru:date", "sailthru:author", "application-name", NULL};

/* prefixes of <meta property> names ("og", "dc") */
const char *const W_META_PROPERTY_PREFIXES[] = {"article", "dc", "dcterm", "og", "twitter", NULL};

/* names after such a prefix ("title", "published_time") */
const char *const W_META_PROPERTY_NAMES[] = {"author", "creator", "description", "published_time", "title", "site_name",
  "modified_time", "image", "updated_time", "url", NULL};

/* <meta name> values kept as written */
const char *const W_META_WHOLE_NAMES[] = {"keywords", "news_keywords", "pubdate", "date", "publish-date", "publish_date",
  "dc:date", "dcterms:date", "sailthru:date", "sailthru:author",
  "application-name", NULL};

/* endings of <meta name> values ("author", "pub-date") */
const char *const W_META_NAME_ENDINGS[] = {"author", "creator", "pub-date", "description", "title", "site_name", NULL};

/* prefixes of <meta name> values */
const char *const W_META_NAME_PREFIXES[] = {"dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage", NULL};

/* schema.org types of an article in JSON-LD */
const char *const W_LD_ARTICLE_TYPES[] = {
  "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
  "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
  "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
  "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", NULL};

/* <meta> keys of the title, in order */
const char *const W_META_TITLE[] = {"dc:title", "dcterm:title", "og:title", "weibo:article:title",
  "weibo:webpage:title", "title", "twitter:title", "parsely-title", NULL};

/* <meta> keys of the author, in order */
const char *const W_META_BYLINE[] = {"dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru:author", NULL};

/* <meta> keys of the description, in order */
const char *const W_META_EXCERPT[] = {"dc:description", "dcterm:description", "og:description",
  "weibo:article:description", "weibo:webpage:description", "description",
  "twitter:description", NULL};

/* <meta> keys of the publication date, in order */
const char *const W_META_PUBLISHED[] = {"article:published_time", "parsely-pub-date", NULL};

/* <meta> keys of the modification date, in order */
const char *const W_META_MODIFIED[] = {"article:modified_time", "og:updated_time", NULL};

/* <meta> keys of the keywords */
const char *const W_META_KEYWORDS[] = {"keywords", "news_keywords", NULL};

/* <meta> keys of a date, after the <time> elements */
const char *const W_META_PUBLISHED_LATE[] = {"pubdate", "publish-date", "publish_date", "sailthru:date", "dc:date",
  "dcterms:date", "date", NULL};

/* ===== ELEMENTS AND ATTRIBUTES ===== */

/* elements whose text is not markup (the <meta> prescan skips them) */
const char *const W_RAW_TEXT_ELEMENTS[] = {"script", "style", "template", "noscript", "textarea", "title", NULL};

/* social networks named in follow and share lines */
const char *const W_SOCIAL_NETWORKS[] = {
  "twitter", "facebook", "instagram", "tiktok", "youtube", "telegram", "whatsapp", "linkedin", "threads",
  "pinterest", "zalo", "line", "kakao", "weibo", "wechat", "vk", "x.com", NULL};

/* attributes holding a lazily loaded image's real src */
const char *const W_LAZY_SRC_ATTRS[] = {"data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
  "data-hi-res-src", NULL};

/* attributes holding a srcset */
const char *const W_SRCSET_ATTRS[] = {"data-srcset", "data-lazy-srcset", "srcset", NULL};

/* ===== URLS AND HOSTS ===== */

/* URL paths of an author page ("/author/", "/tac-gia/") */
const char *const W_AUTHOR_PATHS[] = {
  "/author/", "/authors/", "/autor/", "/autoren/", "/autorin/", "/auteur/", "/auteurs/", "/autore/",
  "/autori/", "/tac-gia/", "/journalist/", "/journalisten/", "/journalists/", "/reporter/", "/reporters/",
  "/redakteur/", "/forfatter/", "/skribent/", "/kirjoittaja/", NULL};

/* pieces of an image src that only holds the place of a lazy one */
const char *const W_PLACEHOLDER_SRC[] = {"blank.", "spacer", "pixel.", "placeholder", "lazy", "loading", "1x1",
  "transparent.", "grey.gif", "gray.gif", "empty.", NULL};

/* host prefixes that are not the site's name ("www.", "m.") */
const char *const W_HOST_PREFIXES[] = {"www.", "m.", "amp.", "mobile.", NULL};

/* schemes a link may have in sapo's output */
const char *const W_LINK_SCHEMES[] = {"http", "https", "mailto", NULL};

/* schemes an image may have */
const char *const W_IMAGE_SCHEMES[] = {"http", "https", NULL};

/* schemes the page's own URL may have */
const char *const W_PAGE_SCHEMES[] = {"http", "https", NULL};

/* ===== TEXT: LABELS, SEPARATORS, MARKS ===== */

const sapo_title_sep W_TITLE_SEPARATORS[] = {
  {" | ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1}, {" - ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1},
  {" \xE2\x80\x93 ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1}, {" \xE2\x80\x94 ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1},
  {" :: ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1}, {" \xC2\xBB ", SEP_SITE | SEP_SHORT_H1 | SEP_AFTER_H1},
  {" \xC2\xB7 ", SEP_SITE | SEP_AFTER_H1}, {" \xE2\x80\xA2 ", SEP_SITE | SEP_AFTER_H1}, {" / ", SEP_SITE | SEP_AFTER_H1},
  {": ", SEP_SITE},
  /* CJK titles write these without spaces: Hangul ㅣ, fullwidth ｜ and ： */
  {"\xE3\x85\xA3", SEP_SITE | SEP_AFTER_H1}, {"\xEF\xBD\x9C", SEP_SITE}, {"\xEF\xBC\x9A", SEP_SITE},
  {NULL, 0}};

/* labels that open a photo credit ("Ảnh:", "Photo:") */
const char *const W_CREDIT_LABELS[] = {
  "ảnh:", "ảnh :", "Ảnh:", "Ảnh :", "ẢNH:", "nguồn ảnh:", "Nguồn ảnh:", "Nguồn:", "nguồn:", "photo:", "photos:", "photo by", "photograph:", "image:", "picture:", "credit:",
  "credits:", "source:", "foto:", "fotos:", "bild:", "quelle:", "fotó:", "crédit :", "crédit:", "Crédit :", "Crédit:",
  "crédito:", "Crédito:", "créditos:", "Créditos:", "zdjęcie:", "Zdjęcie:", "fot.", "фото:", "Фото:", "фото ", "Фото ", "写真：", "照片：", "图片来源：", "사진=", "사진:", "© ", "(c) ", NULL};

/* picture agencies a credit names */
const char *const W_CREDIT_AGENCIES[] = {
  "getty images", "reuters", "afp", "ap photo", "epa", "dpa", "ttxvn", "shutterstock", "imago", "alamy",
  "xinhua", "anadolu", "picture alliance", "keystone", "ansa", "efe", "yonhap", "kyodo", NULL};

/* what separates a caption from its credit */
const char *const W_CREDIT_SEPARATORS[] = {". ", " - ", " – ", " | ", " / ", "  ", NULL};

/* what may close a sentence after its stop (quotes, brackets) */
const char *const W_QUOTE_CLOSERS[] = {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\x9C", NULL};

/* texts of an ad slot or a loading placeholder */
const char *const W_AD_LABELS[] = {
  "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "Реклама",
  "Anuncio", "loading", "正在加载", "Загрузка", "chargement", "cargando", NULL};

/* ===== VIETNAMESE ===== */

/* Vietnamese syllable onsets, longest first */
const char *const W_VI_ONSETS[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
  "v", "x", NULL};

/* Vietnamese syllable finals */
const char *const W_VI_FINALS[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t", NULL};

/* ===== INTERFACE CHROME IN THE TEXT (chrome.c) ===== */

/* phrases of a consent widget standing in for embedded content (lower case) */
const char *const W_CONSENT_PHRASES[] = {
  "externer inhalt", "externe inhalte", "externen inhalt", "inhalte erlauben", "inhalt erlauben", "inhalte laden",
  "inhalt laden", "externe inhalte anzeigen", "ich bin damit einverstanden", "this content is provided by",
  "to show you this content", "to view this content", "accept cookies", "enable cookies", "cookie preferences",
  "cookie settings", "allow and continue", "accept and continue", "contenu externe", "accepter les cookies",
  "afficher le contenu", "contenido externo", "aceptar cookies", "contenuto esterno", "conteúdo externo",
  "externe inhoud", "nội dung bên ngoài", NULL};

/* what every consent phrase above holds (read first: most blocks hold none) */
const char *const W_CONSENT_HINTS[] = {"inhalt", "content", "cookie", "conte", "continue", "einverst", "inhoud", "nội dung", NULL};

/* labels that open a video or audio teaser line ("WATCH | …") */
const char *const W_MEDIA_LABELS[] = {"watch |", "watch:", "video |", "video:", "listen |", "listen:", "watch live",
  "ansehen:", "regarder :", "xem video:", NULL};

/* what separates the parts of a stamp line ("Published … • Updated … | 4 min read") */
const char *const W_STAMP_SEPARATORS[] = {"\xE2\x80\xA2", "\xC2\xB7", "|", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "\n", NULL};

/* brackets a label may stand in ("【関連記事】", "[Related]") */
const char *const W_LABEL_BRACKETS[] = {"\xE3\x80\x90", "\xE3\x80\x94", "\xE3\x80\x8A", "\xE3\x80\x8C", "[", NULL};

/* labels of a media duration ("Duration 2:13") */
const char *const W_DURATION_LABELS[] = {"duration", "dauer", "durée", "duración", "durata", "thời lượng", NULL};

/* stems of a job title printed under a byline or a signature */
const char *const W_JOB_TITLES[] = {
  "correspondent", "writer", "reporter", "editor", "columnist", "contributor", "photographer", "producer",
  "analyst", "journalist", "redakteur", "korrespondent", "autorin", "autor", "rédacteur", "rédactrice",
  "journaliste", "correspondant", "periodista", "redactor", "redactora", "corresponsal", "giornalista",
  "redattore", "jornalista", "verslaggever", "phóng viên", "biên tập viên", "cộng tác viên", "nhà báo", NULL};

/* ===== NAMES SAPO GIVES ===== */

/* None */
const char *const W_SOURCE_NAMES[] = {"", "readability", "prior", "jsonld", "title", "page"};
