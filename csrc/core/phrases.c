/* phrases.c: boilerplate phrases by language, and the class tokens that
 * mark a lead paragraph.  Data only: a language is a set of rows.
 * Phrases are lower-case NFC; a block's text is lower-cased the same way,
 * and trailing ":" "." and spaces dropped, before it is matched.
 *
 *   PH_INLINE   prefix of a "see also" line: "Đọc thêm: <link>"
 *   PH_WIDGET   prefix of a short interface line: share, follow, subscribe
 *   PH_LABEL    a whole block that is an interface label: "Anzeige"
 *   PH_SECTION  a whole heading that opens a related/comments section
 *   PH_SOURCE   prefix of a source line at the end: "Theo TTXVN", "Quelle:" */
#include <stddef.h>
#include <string.h>
#include "phrases.h"

const phrase sapo_phrases[] = {
  /* ---- vi ---- */
  {"đọc thêm", PH_INLINE}, {"xem thêm", PH_INLINE}, {"xem tiếp", PH_INLINE}, {"mời xem", PH_INLINE},
  {"tin liên quan", PH_INLINE}, {"bài liên quan", PH_INLINE}, {"có thể bạn quan tâm", PH_INLINE},
  {"đọc tiếp", PH_INLINE}, {"video:", PH_INLINE},
  {"theo dõi", PH_WIDGET}, {"chia sẻ", PH_WIDGET}, {"phiên bản di động", PH_WIDGET},
  {"bản quyền", PH_WIDGET}, {"quảng cáo", PH_WIDGET}, {"gửi bình luận", PH_WIDGET},
  {"tải ứng dụng", PH_WIDGET}, {"đăng ký nhận", PH_WIDGET}, {"bấm vào đây", PH_WIDGET},
  {"tin liên quan", PH_SECTION}, {"bài liên quan", PH_SECTION}, {"tin cùng chuyên mục", PH_SECTION},
  {"có thể bạn quan tâm", PH_SECTION}, {"đọc thêm", PH_SECTION}, {"xem thêm", PH_SECTION},
  {"tin khác", PH_SECTION}, {"tin mới", PH_SECTION}, {"tin mới nhất", PH_SECTION}, {"đọc nhiều", PH_SECTION},
  {"ý kiến", PH_SECTION}, {"ý kiến bạn đọc", PH_SECTION}, {"bình luận", PH_SECTION}, {"tin nổi bật", PH_SECTION},
  {"bài viết liên quan", PH_SECTION}, {"cùng chuyên mục", PH_SECTION}, {"tin đọc nhiều", PH_SECTION},
  {"tin mới cùng chuyên mục", PH_SECTION}, {"xem nhiều", PH_SECTION}, {"đọc tiếp", PH_SECTION},
  {"theo ", PH_SOURCE}, {"nguồn:", PH_SOURCE}, {"nguồn ", PH_SOURCE},
  {"quảng cáo", PH_LABEL},
  {"các tin liên quan", PH_SECTION}, {"các tin khác", PH_SECTION}, {"các tin đã đưa", PH_SECTION},
  {"tin đã đưa", PH_SECTION}, {"tin bài liên quan", PH_SECTION}, {"tin bài khác", PH_SECTION},
  {"bài viết khác", PH_SECTION}, {"tin tức liên quan", PH_SECTION}, {"các bài liên quan", PH_SECTION},
  /* ---- en ---- */
  {"read more:", PH_INLINE}, {"read more »", PH_INLINE}, {"read also:", PH_INLINE}, {"also read:", PH_INLINE},
  {"related:", PH_INLINE}, {"see also:", PH_INLINE}, {"recommended:", PH_INLINE}, {"more:", PH_INLINE},
  {"read next:", PH_INLINE}, {"related article:", PH_INLINE}, {"related story:", PH_INLINE},
  {"related content:", PH_INLINE}, {"more on this:", PH_INLINE}, {"watch:", PH_INLINE}, {"related reading:", PH_INLINE},
  {"subscribe for", PH_WIDGET}, {"start your free trial", PH_WIDGET}, {"become a subscriber", PH_WIDGET},
  {"become a member", PH_WIDGET}, {"subscribe today", PH_WIDGET}, {"already subscribed", PH_WIDGET},
  {"share this", PH_WIDGET}, {"share on", PH_WIDGET}, {"follow us", PH_WIDGET}, {"sign up for", PH_WIDGET},
  {"subscribe to", PH_WIDGET}, {"subscribe now", PH_WIDGET}, {"advertisement", PH_WIDGET}, {"click here to", PH_WIDGET},
  {"all rights reserved", PH_WIDGET}, {"we use cookies", PH_WIDGET}, {"got a story", PH_WIDGET},
  {"for more stories", PH_WIDGET}, {"to view this video please", PH_WIDGET}, {"story continues below", PH_WIDGET},
  {"article continues below", PH_WIDGET}, {"continue reading below", PH_WIDGET}, {"register to unlock", PH_WIDGET},
  {"register / sign in", PH_WIDGET}, {"sign in to", PH_WIDGET}, {"sign in or create", PH_WIDGET},
  {"create an account", PH_WIDGET}, {"already a subscriber", PH_WIDGET}, {"already have an account", PH_WIDGET},
  {"this content is reserved", PH_WIDGET}, {"this article is free to read", PH_WIDGET},
  {"enjoy additional articles", PH_WIDGET}, {"get email updates", PH_WIDGET}, {"support local journalism", PH_WIDGET},
  {"unlimited digital access", PH_WIDGET}, {"unlimited online access", PH_WIDGET}, {"share your thoughts", PH_WIDGET},
  {"access articles from", PH_WIDGET}, {"download the app", PH_WIDGET}, {"download our app", PH_WIDGET},
  {"get the app", PH_WIDGET}, {"listen to this article", PH_WIDGET}, {"sign up to our", PH_WIDGET},
  {"sign up to the", PH_WIDGET}, {"get our free", PH_WIDGET}, {"skip advertisement", PH_WIDGET},
  {"do you have a story", PH_WIDGET}, {"get in touch with our", PH_WIDGET}, {"join the conversation", PH_WIDGET},
  {"advertisement", PH_LABEL}, {"advert", PH_LABEL}, {"sponsored", PH_LABEL}, {"article content", PH_LABEL},
  {"recommended videos", PH_LABEL}, {"share", PH_LABEL}, {"share this article", PH_LABEL}, {"comments", PH_LABEL},
  {"related", PH_SECTION}, {"related articles", PH_SECTION}, {"related stories", PH_SECTION},
  {"related news", PH_SECTION}, {"related posts", PH_SECTION}, {"read more", PH_SECTION},
  {"more stories", PH_SECTION}, {"more from", PH_SECTION}, {"you may also like", PH_SECTION},
  {"you might also like", PH_SECTION}, {"recommended", PH_SECTION}, {"recommended for you", PH_SECTION},
  {"most read", PH_SECTION}, {"most popular", PH_SECTION}, {"comments", PH_SECTION}, {"trending", PH_SECTION},
  {"more on this story", PH_SECTION}, {"related coverage", PH_SECTION}, {"top stories", PH_SECTION},
  {"latest news", PH_SECTION}, {"editor's picks", PH_SECTION}, {"don't miss", PH_SECTION},
  {"most viewed", PH_SECTION}, {"what to read next", PH_SECTION}, {"recommended reading", PH_SECTION},
  {"trending now", PH_SECTION}, {"read next", PH_SECTION}, {"more news", PH_SECTION},
  {"source:", PH_SOURCE},
  /* ---- de ---- */
  {"mehr zum thema", PH_INLINE}, {"lesen sie auch", PH_INLINE}, {"lesen sie mehr", PH_INLINE},
  {"auch interessant", PH_INLINE}, {"das könnte sie auch interessieren", PH_INLINE}, {"weiterlesen", PH_INLINE},
  {"mehr dazu", PH_INLINE}, {"siehe auch", PH_INLINE}, {"passend dazu", PH_INLINE}, {"lesen sie hier", PH_INLINE},
  {"jetzt abonnieren", PH_WIDGET}, {"abonnieren sie", PH_WIDGET}, {"folgen sie uns", PH_WIDGET},
  {"artikel teilen", PH_WIDGET}, {"zum newsletter", PH_WIDGET}, {"weiter nach der anzeige", PH_WIDGET},
  {"artikel merken", PH_WIDGET}, {"alle rechte vorbehalten", PH_WIDGET}, {"melden sie sich an", PH_WIDGET},
  {"sie haben bereits ein", PH_WIDGET}, {"jetzt registrieren", PH_WIDGET}, {"jetzt weiterlesen", PH_WIDGET},
  {"mehr artikel", PH_WIDGET}, {"newsletter abonnieren", PH_WIDGET}, {"melden sie sich für", PH_WIDGET},
  {"anzeige", PH_LABEL}, {"werbung", PH_LABEL}, {"teilen", PH_LABEL}, {"kommentare", PH_LABEL},
  {"mehr zum thema", PH_SECTION}, {"das könnte sie auch interessieren", PH_SECTION}, {"auch interessant", PH_SECTION},
  {"lesen sie auch", PH_SECTION}, {"weitere artikel", PH_SECTION}, {"meistgelesen", PH_SECTION},
  {"empfehlungen", PH_SECTION}, {"kommentare", PH_SECTION}, {"zum thema", PH_SECTION},
  {"mehr aus dem ressort", PH_SECTION}, {"beliebte artikel", PH_SECTION}, {"neueste artikel", PH_SECTION},
  {"quelle:", PH_SOURCE},
  /* ---- fr ---- */
  {"à lire aussi", PH_INLINE}, {"a lire aussi", PH_INLINE}, {"lire aussi", PH_INLINE}, {"voir aussi", PH_INLINE},
  {"à voir aussi", PH_INLINE}, {"lire la suite", PH_INLINE}, {"sur le même sujet", PH_INLINE},
  {"abonnez-vous", PH_WIDGET}, {"suivez-nous", PH_WIDGET}, {"inscrivez-vous", PH_WIDGET},
  {"tous droits réservés", PH_WIDGET}, {"déjà abonné", PH_WIDGET}, {"partager sur", PH_WIDGET},
  {"publicité", PH_LABEL}, {"partager", PH_LABEL}, {"commentaires", PH_LABEL},
  {"à lire aussi", PH_SECTION}, {"lire aussi", PH_SECTION}, {"sur le même sujet", PH_SECTION},
  {"les plus lus", PH_SECTION}, {"à découvrir", PH_SECTION}, {"nos recommandations", PH_SECTION},
  {"commentaires", PH_SECTION}, {"dans la même rubrique", PH_SECTION},
  {"source :", PH_SOURCE},
  /* ---- es ---- */
  {"lea también", PH_INLINE}, {"lee también", PH_INLINE}, {"vea también", PH_INLINE}, {"ver también", PH_INLINE},
  {"te puede interesar", PH_INLINE}, {"le puede interesar", PH_INLINE}, {"también te puede interesar", PH_INLINE},
  {"noticias relacionadas", PH_INLINE}, {"lectura recomendada", PH_INLINE}, {"relacionado:", PH_INLINE},
  {"suscríbete", PH_WIDGET}, {"síguenos", PH_WIDGET}, {"regístrate", PH_WIDGET},
  {"todos los derechos reservados", PH_WIDGET}, {"ya eres suscriptor", PH_WIDGET}, {"inicia sesión", PH_WIDGET},
  {"publicidad", PH_LABEL}, {"compartir", PH_LABEL}, {"comentarios", PH_LABEL},
  {"noticias relacionadas", PH_SECTION}, {"te puede interesar", PH_SECTION}, {"lo más leído", PH_SECTION},
  {"más noticias", PH_SECTION}, {"comentarios", PH_SECTION}, {"también te puede interesar", PH_SECTION},
  {"lea también", PH_SECTION}, {"relacionadas", PH_SECTION},
  {"fuente:", PH_SOURCE},
  /* ---- it ---- */
  {"leggi anche", PH_INLINE}, {"potrebbe interessarti", PH_INLINE}, {"vedi anche", PH_INLINE},
  {"abbonati", PH_WIDGET}, {"seguici", PH_WIDGET}, {"iscriviti", PH_WIDGET}, {"tutti i diritti riservati", PH_WIDGET},
  {"pubblicità", PH_LABEL}, {"condividi", PH_LABEL}, {"commenti", PH_LABEL},
  {"leggi anche", PH_SECTION}, {"articoli correlati", PH_SECTION}, {"potrebbe interessarti", PH_SECTION},
  {"i più letti", PH_SECTION}, {"commenti", PH_SECTION}, {"ti potrebbe interessare", PH_SECTION},
  {"fonte:", PH_SOURCE},
  /* ---- pt ---- */
  {"leia também", PH_INLINE}, {"veja também", PH_INLINE}, {"leia mais", PH_INLINE}, {"saiba mais", PH_INLINE},
  {"assine", PH_WIDGET}, {"siga-nos", PH_WIDGET}, {"inscreva-se", PH_WIDGET},
  {"todos os direitos reservados", PH_WIDGET}, {"já é assinante", PH_WIDGET},
  {"publicidade", PH_LABEL}, {"partilhar", PH_LABEL}, {"compartilhar", PH_LABEL}, {"comentários", PH_LABEL},
  {"leia também", PH_SECTION}, {"notícias relacionadas", PH_SECTION}, {"mais lidas", PH_SECTION},
  {"veja também", PH_SECTION}, {"comentários", PH_SECTION}, {"você pode gostar", PH_SECTION},
  /* ---- nl ---- */
  {"lees ook", PH_INLINE}, {"lees meer", PH_INLINE}, {"zie ook", PH_INLINE},
  {"volg ons", PH_WIDGET}, {"meld je aan", PH_WIDGET}, {"alle rechten voorbehouden", PH_WIDGET},
  {"advertentie", PH_LABEL}, {"delen", PH_LABEL}, {"reacties", PH_LABEL},
  {"lees ook", PH_SECTION}, {"meest gelezen", PH_SECTION}, {"gerelateerde artikelen", PH_SECTION},
  {"reacties", PH_SECTION}, {"meer nieuws", PH_SECTION},
  {"bron:", PH_SOURCE},
  /* ---- pl ---- */
  {"zobacz też", PH_INLINE}, {"zobacz także", PH_INLINE}, {"czytaj też", PH_INLINE}, {"czytaj także", PH_INLINE},
  {"czytaj więcej", PH_INLINE}, {"przeczytaj też", PH_INLINE}, {"przeczytaj także", PH_INLINE},
  {"obserwuj nas", PH_WIDGET}, {"zapisz się", PH_WIDGET}, {"wszelkie prawa zastrzeżone", PH_WIDGET},
  {"reklama", PH_LABEL}, {"udostępnij", PH_LABEL}, {"komentarze", PH_LABEL},
  {"zobacz też", PH_SECTION}, {"czytaj także", PH_SECTION}, {"najczęściej czytane", PH_SECTION},
  {"komentarze", PH_SECTION}, {"polecane", PH_SECTION},
  {"źródło:", PH_SOURCE},
  /* ---- cs ---- */
  {"čtěte také", PH_INLINE}, {"čtěte též", PH_INLINE}, {"přečtěte si také", PH_INLINE},
  {"sledujte nás", PH_WIDGET}, {"všechna práva vyhrazena", PH_WIDGET},
  {"sdílet", PH_LABEL}, {"komentáře", PH_LABEL},
  {"související články", PH_SECTION}, {"čtěte také", PH_SECTION}, {"nejčtenější", PH_SECTION},
  {"komentáře", PH_SECTION}, {"mohlo by vás zajímat", PH_SECTION}, {"související", PH_SECTION},
  {"zdroj:", PH_SOURCE},
  /* ---- ru ---- */
  {"читайте также", PH_INLINE}, {"смотрите также", PH_INLINE}, {"по теме:", PH_INLINE},
  {"подписывайтесь", PH_WIDGET}, {"подпишитесь", PH_WIDGET}, {"все права защищены", PH_WIDGET},
  {"реклама", PH_LABEL}, {"поделиться", PH_LABEL}, {"комментарии", PH_LABEL},
  {"читайте также", PH_SECTION}, {"по теме", PH_SECTION}, {"самое читаемое", PH_SECTION},
  {"комментарии", PH_SECTION}, {"похожие новости", PH_SECTION},
  {"источник:", PH_SOURCE},
  /* ---- tr ---- */
  {"ayrıca okuyun", PH_INLINE}, {"ilginizi çekebilir", PH_INLINE}, {"bunlar da ilginizi çekebilir", PH_INLINE},
  {"bizi takip edin", PH_WIDGET}, {"abone ol", PH_WIDGET}, {"tüm hakları saklıdır", PH_WIDGET},
  {"reklam", PH_LABEL}, {"paylaş", PH_LABEL}, {"yorumlar", PH_LABEL},
  {"ilgili haberler", PH_SECTION}, {"en çok okunanlar", PH_SECTION}, {"yorumlar", PH_SECTION},
  {"ilginizi çekebilir", PH_SECTION},
  {"kaynak:", PH_SOURCE},
  /* ---- ja ---- */
  {"関連記事", PH_INLINE}, {"あわせて読みたい", PH_INLINE}, {"続きを読む", PH_INLINE},
  {"無断転載", PH_WIDGET},
  {"広告", PH_LABEL}, {"シェア", PH_LABEL},
  {"関連記事", PH_SECTION}, {"関連ニュース", PH_SECTION}, {"あわせて読みたい", PH_SECTION},
  {"おすすめ記事", PH_SECTION}, {"人気記事", PH_SECTION}, {"コメント", PH_SECTION},
  /* ---- ko ---- */
  {"관련기사", PH_INLINE}, {"관련 기사", PH_INLINE},
  {"무단 전재", PH_WIDGET}, {"무단전재", PH_WIDGET}, {"저작권자", PH_WIDGET},
  {"광고", PH_LABEL}, {"공유하기", PH_LABEL},
  {"관련기사", PH_SECTION}, {"관련 기사", PH_SECTION}, {"많이 본 뉴스", PH_SECTION}, {"추천 기사", PH_SECTION},
  {"댓글", PH_SECTION},
  /* ---- zh ---- */
  {"相关阅读", PH_INLINE}, {"延伸阅读", PH_INLINE}, {"推荐阅读", PH_INLINE}, {"延伸閱讀", PH_INLINE},
  {"版权所有", PH_WIDGET}, {"版權所有", PH_WIDGET},
  {"广告", PH_LABEL}, {"廣告", PH_LABEL}, {"分享", PH_LABEL},
  {"相关阅读", PH_SECTION}, {"相关新闻", PH_SECTION}, {"热门新闻", PH_SECTION}, {"推荐阅读", PH_SECTION},
  {"延伸阅读", PH_SECTION}, {"相關新聞", PH_SECTION}, {"熱門新聞", PH_SECTION}, {"评论", PH_SECTION},
  {"評論", PH_SECTION},
  {"来源：", PH_SOURCE}, {"來源：", PH_SOURCE},
  {0, 0}};

const char *const sapo_lead_tokens[] = {
  "sapo", "lead", "chapeau", "standfirst", "summary", "description", "intro", "introduction", "excerpt",
  "deck", "dek", "abstract", "subtitle", "subhead", "teaser", "tomtat", "sapodetail", "detailsapo",
  "chappeau", "chapo", "chapeu", "vorspann", "bajada", "entradilla", "sumario", "resumen", "sommario",
  "catenaccio", "lede", "kurztext", "anons", "leadtext", "leadin", "preamble", "strapline", "perex", "ingress",
  "ingres", "ingresso", "ledtext", "entradeta", "sottotitolo", "wstep", NULL};

const char *const sapo_title_tokens[] = {
  "title", "headline", "heading", "hed", "kicker", "overline", "topline", "dachzeile", "rubric", "breadcrumb",
  "breadcrumbs", NULL};

const char *const sapo_pitch_tokens[] = {
  "subscribe", "subscription", "subscriptions", "paywall", "newsletter", "newsletters", "signup", "promo",
  "offer", "abo", "abonnement", "register", "registration", "login", NULL};

/* labels of an author's or a date's value, in many languages */
static const phrase FACT_LABELS[] = {
  {"author", FACT_AUTHOR}, {"authors", FACT_AUTHOR}, {"written by", FACT_AUTHOR}, {"by", FACT_AUTHOR},
  {"reporter", FACT_AUTHOR}, {"reporting by", FACT_AUTHOR}, {"words", FACT_AUTHOR},
  {"autor", FACT_AUTHOR}, {"autorin", FACT_AUTHOR}, {"autoren", FACT_AUTHOR}, {"autorinnen", FACT_AUTHOR},
  {"autorin/autor", FACT_AUTHOR}, {"autor/autorin", FACT_AUTHOR}, {"autorinnen/autoren", FACT_AUTHOR},
  {"autor*in", FACT_AUTHOR}, {"verfasser", FACT_AUTHOR}, {"auteur", FACT_AUTHOR}, {"auteurs", FACT_AUTHOR},
  {"rédigé par", FACT_AUTHOR}, {"écrit par", FACT_AUTHOR}, {"autore", FACT_AUTHOR}, {"autori", FACT_AUTHOR},
  {"scritto da", FACT_AUTHOR}, {"escrito por", FACT_AUTHOR}, {"autores", FACT_AUTHOR}, {"autora", FACT_AUTHOR},
  {"auteur(s)", FACT_AUTHOR}, {"forfatter", FACT_AUTHOR}, {"författare", FACT_AUTHOR}, {"skribent", FACT_AUTHOR},
  {"kirjoittaja", FACT_AUTHOR}, {"autorka", FACT_AUTHOR}, {"yazar", FACT_AUTHOR}, {"penulis", FACT_AUTHOR},
  {"wartawan", FACT_AUTHOR}, {"tác giả", FACT_AUTHOR}, {"phóng viên", FACT_AUTHOR}, {"автор", FACT_AUTHOR},
  {"作者", FACT_AUTHOR}, {"記者", FACT_AUTHOR}, {"기자", FACT_AUTHOR},
  {"date", FACT_DATE}, {"published", FACT_DATE}, {"published on", FACT_DATE}, {"publication date", FACT_DATE},
  {"datum", FACT_DATE}, {"veröffentlicht", FACT_DATE}, {"veröffentlicht am", FACT_DATE}, {"erschienen", FACT_DATE},
  {"erschienen am", FACT_DATE}, {"publiziert", FACT_DATE}, {"publié le", FACT_DATE}, {"publié", FACT_DATE},
  {"date de publication", FACT_DATE}, {"fecha", FACT_DATE}, {"publicado", FACT_DATE}, {"data", FACT_DATE},
  {"pubblicato", FACT_DATE}, {"pubblicato il", FACT_DATE}, {"datum publicatie", FACT_DATE}, {"gepubliceerd", FACT_DATE},
  {"publicerad", FACT_DATE}, {"publisert", FACT_DATE}, {"julkaistu", FACT_DATE}, {"opublikowano", FACT_DATE},
  {"tarih", FACT_DATE}, {"yayınlanma", FACT_DATE}, {"tanggal", FACT_DATE}, {"ngày", FACT_DATE},
  {"ngày đăng", FACT_DATE}, {"опубликовано", FACT_DATE}, {"дата", FACT_DATE}, {"发布时间", FACT_DATE},
  {"日期", FACT_DATE}, {"公開日", FACT_DATE}, {"입력", FACT_DATE}, {NULL, 0}};

int sapo_fact_label(const char *key) {
  for (const phrase *p = FACT_LABELS; p->text; p++)
    if (p->text[0] == key[0] && !strcmp(key, p->text)) return p->kind;
  return 0;
}

int sapo_phrase_is(const char *key, int kind) {
  for (const phrase *p = sapo_phrases; p->text; p++)
    if (p->text[0] == key[0] && p->kind == kind && !strcmp(key, p->text)) return 1;
  return 0;
}

size_t sapo_phrase_lead(const char *s, int kind) {
  for (const phrase *p = sapo_phrases; p->text; p++) {
    if (p->kind != kind) continue;
    size_t n = strlen(p->text), k = 0;
    while (k < n && s[k] && (s[k] == p->text[k] || (s[k] >= 'A' && s[k] <= 'Z' && s[k] + 32 == p->text[k]))) k++;
    if (k == n) {
      while (s[k] == ' ') k++;
      return k;
    }
  }
  return 0;
}

int sapo_phrase_prefix(const char *key, int kind) {
  for (const phrase *p = sapo_phrases; p->text; p++)
    if (p->text[0] == key[0] && p->kind == kind && !strncmp(key, p->text, strlen(p->text))) return 1;
  return 0;
}
