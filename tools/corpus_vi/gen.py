#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""gen.py: write bench/corpus-vi, the Vietnamese fixture corpus.

    python3 tools/corpus_vi/gen.py [OUT_DIR]      (default: bench/corpus-vi)

Every page is a complete news page (head with metadata, header with menus
and a "today" widget, main column, sidebars, footer) laid out the way one
of nine Vietnamese news site families lays out its article pages (the
structures are modelled from memory of those sites' markup, with invented
text from content.py).  Each page gets ID.html and ID.json: url, title,
body (lead then paragraphs and sub-headings, blank-line separated: what a
reader reads), lead, byline, date, lang, and must_contain /
must_not_contain lists.  The output is deterministic; the files are
committed, so neither the build nor the tests run this script."""
import datetime, html, json, os, random, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import ARTICLES, TEASERS, SIDEBAR

E = html.escape
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
MENU = ["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe",
        "Đời sống", "Du lịch", "Khoa học", "Số hóa", "Xe", "Ý kiến"]
TODAY = datetime.datetime(2024, 11, 29, 8, 15)          # the "today" widget, never the article's date


def slug(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D")).lower()
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    out, dash = [], False
    for c in s:
        if c.isalnum():
            out.append(c); dash = False
        elif not dash:
            out.append("-"); dash = True
    return "".join(out).strip("-")


def weekday(dt):
    return WEEKDAYS[dt.weekday()]


class Page:
    """Everything a template needs: the article, its dates and links, the
    teasers, and which traps this page carries."""
    def __init__(self, pid, site, art, rng, stream, heavy, related_mid, signature, host):
        self.id, self.site, self.a, self.rng = pid, site, art, rng
        self.stream, self.heavy, self.related_mid, self.signature = stream, heavy, related_mid, signature
        self.host = host
        y, m, d, hh, mm = art["date"]
        self.dt = datetime.datetime(y, m, d, hh, mm)
        self.iso = self.dt.strftime("%Y-%m-%dT%H:%M:00+07:00")
        self.url = "https://%s/%s-%d.html" % (host, slug(art["title"]), 4700000 + sum(map(ord, pid)))
        n = rng.randint(20, 25) if heavy else rng.randint(15, 18)
        picks = rng.sample(range(len(TEASERS)), n)
        self.teasers = []
        for k, i in enumerate(picks):
            h, s = TEASERS[i]
            when = self.dt - datetime.timedelta(hours=3 * k + rng.randint(1, 3), minutes=rng.randint(0, 59))
            self.teasers.append(dict(h=h, s=s, when=when, href="/%s-%d.html" % (slug(h), 4600000 + i * 7),
                                     img="https://i.%s/thumb/2024/%d.jpg" % (host, 9000 + i)))
        self.related = [dict(h=h, href="/%s-%d.html" % (slug(h), 4500000 + len(h))) for h in art["related"]]
        self.sidebar = rng.sample(SIDEBAR, 6)

    def paras(self):
        """(kind, text) for the body: "p" or "h2", with image slots after paragraph indexes."""
        return self.a["body"]

    def images_after(self, i):
        return [im for im in self.a["images"] if im[0] == i]


def img_src(p, k):
    return "https://i.%s/2024/%02d/%02d/%s-%d.jpg" % (p.host, p.dt.month, p.dt.day, slug(p.a["key"]), k)


def head(p, site_name, extra_meta="", ld=True, meta_date=True, meta_author=True, charset="utf-8"):
    a = p.a
    parts = ['<!DOCTYPE html>', '<html lang="vi">', '<head>']
    if charset:
        parts.append('<meta charset="%s">' % charset)
    parts += [
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>%s - %s</title>' % (E(a["title"]), E(site_name)),
        '<meta name="description" content="%s">' % E(a["lead"]),
        '<meta name="keywords" content="%s, tin tức, %s">' % (E(a["cat"].lower()), E(site_name)),
        '<link rel="canonical" href="%s">' % p.url,
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="%s">' % E(a["title"]),
        '<meta property="og:description" content="%s">' % E(a["lead"]),
        '<meta property="og:url" content="%s">' % p.url,
        '<meta property="og:site_name" content="%s">' % E(site_name),
        '<meta property="og:image" content="%s">' % img_src(p, 0),
    ]
    if meta_date:
        parts.append('<meta property="article:published_time" content="%s">' % p.iso)
    if meta_author:
        parts.append('<meta name="author" content="%s">' % E(site_name))   # a site, not a person: a trap
    parts.append(extra_meta)
    parts.append('<link rel="stylesheet" href="/static/css/main.min.css">')
    parts.append('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
                 'gtag("js",new Date());gtag("config","G-XXXX");</script>')
    if ld:
        obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
               "description": a["lead"], "datePublished": p.iso, "dateModified": p.iso,
               "author": {"@type": "Person", "name": a["author"]},
               "publisher": {"@type": "Organization", "name": site_name}, "mainEntityOfPage": p.url}
        parts.append('<script type="application/ld+json">%s</script>' % json.dumps(obj, ensure_ascii=False))
    parts.append('</head>')
    return "\n".join(parts)


def menu_items(cls_li="", cls_a=""):
    return "".join('<li%s><a%s href="/%s">%s</a></li>' % (' class="%s"' % cls_li if cls_li else "",
                                                           ' class="%s"' % cls_a if cls_a else "", slug(m), E(m))
                   for m in MENU)


def today_text():
    return "%s, %d/%d/%d" % (weekday(TODAY), TODAY.day, TODAY.month, TODAY.year)


def footer_common(site, extra=""):
    return ('<p>Cơ quan chủ quản: Công ty Cổ phần Truyền thông %s. Giấy phép số 548/GP-BTTTT.</p>'
            '<p>Địa chỉ: Tầng 5, tòa nhà 17 phố Trần Hưng Đạo, Hà Nội. Điện thoại: 024 3333 8888.</p>'
            '<p>© Bản quyền thuộc về %s. Không sao chép khi chưa được sự đồng ý bằng văn bản.</p>%s'
            '<p><a href="/m">Phiên bản di động</a> · <a href="/rss">RSS</a> · <a href="/lien-he">Liên hệ quảng cáo</a></p>'
            % (E(site), E(site), extra))


def signature_html(p, how):
    a = p.a
    out = ""
    if how == "right-bold":
        out = '<p style="text-align:right;"><strong>%s</strong></p>' % E(a["author"])
    elif how == "right-class":
        out = '<p class="author_mail" align="right"><strong>%s</strong></p>' % E(a["author"])
    elif how == "bold-last":
        out = '<p><strong>%s</strong></p>' % E(a["author"])
    if a["source"]:
        out += '<p style="text-align:right;"><em>%s</em></p>' % E(a["source"])
    return out


# ===== the nine site families =====

def body_html(p, pcls="", fig="figure", related_box=None):
    """Paragraphs, sub-headings and figures; related_box() inserted after the second paragraph."""
    out, k = [], 0
    pc = ' class="%s"' % pcls if pcls else ""
    for i, t in enumerate(p.paras()):
        if t.startswith("## "):
            out.append("<h2>%s</h2>" % E(t[3:]))
        else:
            out.append("<p%s>%s</p>" % (pc, E(t)))
        for im in p.images_after(i):
            k += 1
            cap = "%s (Ảnh: %s)" % (im[1], im[2])
            if fig == "figure":
                out.append('<figure class="image"><img src="%s" alt="%s"><figcaption><p>%s</p></figcaption></figure>'
                           % (img_src(p, k), E(im[1]), E(cap)))
            elif fig == "table":
                out.append('<table class="picture" align="center"><tbody><tr><td class="pic"><img src="%s" alt="%s">'
                           '</td></tr><tr><td class="pCaption caption">%s</td></tr></tbody></table>'
                           % (img_src(p, k), E(im[1]), E(cap)))
            elif fig == "div":
                out.append('<div class="VCSortableInPreviewMode" type="Photo"><div><img src="%s" alt="%s"></div>'
                           '<div class="PhotoCMS_Caption"><p>%s</p></div></div>' % (img_src(p, k), E(im[1]), E(cap)))
            elif fig == "lazy":
                out.append('<figure class="tplCaption"><div class="fig-picture"><picture><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" '
                           'data-src="%s" alt="%s" class="lazy"></picture></div><figcaption><p class="Image">%s</p>'
                           '</figcaption></figure>' % (img_src(p, k), E(im[1]), E(cap)))
        if i == 1 and related_box and p.related_mid:
            out.append(related_box(p))
    return "\n".join(out)


def vnexpress(p):
    """Main column named "sidebar-1", date line above the title, p.description lead,
    article.fck_detail body, right-aligned signature, box-category streams."""
    a, site = p.a, "Tin Nhanh Điện Tử"
    d = p.dt
    dateline = "%s, %d/%d/%d, %02d:%02d (GMT+7)" % (weekday(d), d.day, d.month, d.year, d.hour, d.minute)
    def item(t):
        return ('<article class="item-news item-news-common thumb-left">'
                '<div class="thumb-art"><a href="%s" class="thumb thumb-5x3"><picture><img src="%s" alt="%s"></picture></a></div>'
                '<h3 class="title-news"><a href="%s" title="%s">%s</a></h3>'
                '<p class="description"><a href="%s">%s</a></p></article>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["h"]), t["href"], E(t["s"])))
    stream = ('<div class="box-category box-cate-featured-v2"><hr class="line"><h2 class="title-box-category">'
              '<a href="/%s">Tin cùng chuyên mục</a></h2><div class="width_common list-news-subfolder">%s</div></div>'
              % (slug(a["cat"]), "".join(item(t) for t in p.teasers)))
    def related_box(p):
        return ('<div class="box-tinlienquanv2"><h3 class="title-box">Tin liên quan</h3><ul class="list-news">%s</ul></div>'
                % "".join('<li><h4 class="title-news"><a href="%s">%s</a></h4></li>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, pcls="Normal", fig="lazy", related_box=related_box)
    art = ('<article class="fck_detail">%s%s</article>' % (body, signature_html(p, p.signature)))
    if p.stream == "inside":
        art = art.replace("</article>", stream + "</article>")
    side2 = ('<div class="sidebar-2"><div class="box-most-read"><h3>Xem nhiều</h3><ul class="list-news">%s</ul></div>'
             '<div class="banner-ads"><a href="/ads"><img src="/ads/300x600.jpg" alt="quảng cáo"></a></div></div>'
             % "".join('<li><a href="/%s">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar))
    main = ('<div class="sidebar-1"><div class="header-content width_common"><ul class="breadcrumb"><li><a href="/%s">%s</a></li></ul>'
            '<span class="date">%s</span></div>'
            '<h1 class="title-detail">%s</h1><p class="description">%s</p>%s'
            '<div class="footer-content"><div class="social-share"><a href="#">Chia sẻ</a> <a href="#">Facebook</a></div></div>%s</div>'
            % (slug(a["cat"]), E(a["cat"]), dateline, E(a["title"]), E(a["lead"]), art,
               stream if p.stream == "sibling" else ""))
    grid = ""
    if p.stream == "grid":
        grid = ('<section class="section section_topstory"><div class="container"><h2 class="title-box-category">Tin khác</h2>'
                '<div class="grid-news">%s</div></div></section>' % "".join(
                    '<div class="col-news">%s</div>' % item(t) for t in p.teasers))
    html_ = (head(p, site, meta_date=True) +
             '<body><header class="section header"><div class="container"><a class="logo" href="/">%s</a>'
             '<span class="time-now">%s</span><nav class="main-nav"><ul class="parent">%s</ul></nav></div></header>'
             '<section class="section page-detail top-detail"><div class="container">%s%s</div></section>%s'
             '<footer class="footer"><div class="container">%s</div></footer></body></html>'
             % (E(site), today_text(), menu_items(), main, side2, grid, footer_common(site)))
    return html_


def tuoitre(p):
    """detail-cmain column, detail-time above the title, h2.detail-sapo lead,
    div.detail-content body with VCSortable photos, author box after the body."""
    a, site = p.a, "Báo Tuổi Mới"
    d = p.dt
    def item(t):
        return ('<div class="box-category-item"><a class="box-category-link-with-avatar img-resize" href="%s" title="%s">'
                '<img src="%s" alt="%s" class="box-category-avatar"></a><div class="box-category-content">'
                '<h3 class="box-title-text"><a class="box-category-link-title" href="%s">%s</a></h3>'
                '<p class="box-category-sapo">%s</p></div></div>'
                % (t["href"], E(t["h"]), t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["s"])))
    stream = ('<div class="box-category" data-layout="stream"><div class="box-category-top"><h2 class="box-category-title">'
              'Tin cùng chuyên mục</h2></div><div class="box-category-middle">%s</div></div>'
              % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="kbwscwl-relatedbox">'
                '<strong>Đọc thêm</strong><ul>%s</ul></div></div>'
                % "".join('<li><a href="%s" class="title">%s</a></li>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="div", related_box=related_box)
    author = ('<div class="author-info"><a class="name" href="/tac-gia/%s.htm">%s</a></div>' % (slug(a["author"]), E(a["author"])))
    main = ('<div class="detail-cmain"><div class="detail-top"><div class="detail-cate"><a href="/%s.htm">%s</a></div>'
            '<div class="detail-time"><div data-role="publishdate">%02d/%02d/%d %02d:%02d GMT+7</div></div></div>'
            '<h1 class="detail-title article-title" data-role="title">%s</h1>%s'
            '<h2 class="detail-sapo" data-role="sapo">%s</h2>'
            '<div class="detail-content afcbc-body" data-role="content">%s</div>'
            '<div class="detail-tab"><a href="#">Tags</a><a href="/tag/%s.htm">%s</a></div>%s</div>'
            % (slug(a["cat"]), E(a["cat"]), d.day, d.month, d.year, d.hour, d.minute, E(a["title"]), author,
               E(a["lead"]), body + ("" if p.stream != "inside" else ""), slug(a["cat"]), E(a["cat"]),
               stream if p.stream == "sibling" else ""))
    if p.stream == "inside":
        main = main.replace('<div class="detail-tab">', stream + '<div class="detail-tab">')
    side = ('<div class="detail-cright"><div class="box-tin-moi"><h3 class="title">Tin mới nhất</h3><ul>%s</ul></div>'
            '<div class="box-doc-nhieu"><h3 class="title">Đọc nhiều</h3><ol>%s</ol></div></div>'
            % ("".join('<li><a href="%s">%s</a><span class="time">%s</span></li>' % (t["href"], E(t["h"]), t["when"].strftime("%H:%M"))
                       for t in p.teasers[:5]),
               "".join('<li><a href="/%s.htm">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar)))
    grid = ""
    if p.stream == "grid":
        grid = '<div class="detail-bottom"><div class="container">%s</div></div>' % stream
    return (head(p, site, ld=True) +
            '<body><div class="header"><div class="header__top"><span class="header__date">%s</span>'
            '<a href="/" class="logo">%s</a></div><div class="menu-nav"><ul class="menu-ul">%s</ul></div></div>'
            '<div class="detail-container"><div class="container"><div class="detail-w fl">%s%s</div></div></div>%s'
            '<div class="footer"><div class="footer__info">%s</div></div></body></html>'
            % (today_text(), E(site), menu_items("menu-li"), main, side, grid, footer_common(site)))


def dantri(p):
    """article.singular-container with the byline and time near the title,
    h2.singular-sapo, div.singular-content, article-item streams in a
    grid below the main column."""
    a, site = p.a, "Dân Việt Trí"
    d = p.dt
    def item(t):
        return ('<article class="article-item"><div class="article-thumb"><a href="%s"><img src="%s" alt="%s"></a></div>'
                '<div class="article-content"><h3 class="article-title"><a href="%s">%s</a></h3>'
                '<div class="article-excerpt"><a href="%s">%s</a></div></div></article>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), t["href"], E(t["s"])))
    stream = ('<section class="article-related"><h3 class="title-section">Tin khác</h3><div class="article-list">%s</div></section>'
              % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<article class="singular-related-box"><div class="related-title">Tin liên quan</div>%s</article>'
                % "".join('<div class="related-item"><a href="%s"><img src="%s" alt=""></a><h4><a href="%s">%s</a></h4></div>'
                          % (r["href"], img_src(p, 90 + i), r["href"], E(r["h"])) for i, r in enumerate(p.related)))
    body = body_html(p, fig="figure", related_box=related_box)
    timestr = "%s, %02d/%02d/%d - %02d:%02d" % (weekday(d), d.day, d.month, d.year, d.hour, d.minute)
    art = ('<article class="singular-container"><h1 class="title-page detail">%s</h1>'
           '<div class="author-wrap"><div class="author-name"><a href="/tac-gia/%s.htm"><b>%s</b></a></div>'
           '<time class="author-time" datetime="%s">%s</time></div>'
           '<h2 class="singular-sapo">%s</h2><div class="singular-content">%s</div>%s</article>'
           % (E(a["title"]), slug(a["author"]), E(a["author"]), d.strftime("%Y-%m-%d %H:%M"), timestr,
              E(a["lead"]), body, stream if p.stream == "inside" else ""))
    side = ('<aside class="grid-aside"><div class="box-read-most"><h3>Đọc nhiều</h3><ol>%s</ol></div>'
            '<div class="box-ads"><div id="ads-300"></div></div></aside>'
            % "".join('<li><a href="/%s.htm">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar))
    main = '<main class="grid-main">%s%s</main>' % (art, stream if p.stream == "sibling" else "")
    grid = ('<div class="grid-bottom"><div class="container">%s</div></div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_date=False, meta_author=False) +
            '<body><header class="site-header"><div class="header-top"><div class="container"><span class="header-date">%s</span>'
            '</div></div><div class="container"><a class="logo" href="/">%s</a><nav class="menu-wrap"><ul class="menu-main">%s</ul></nav>'
            '</div></header><div class="container"><div class="grid-container">%s%s</div></div>%s'
            '<footer class="site-footer">%s</footer></body></html>'
            % (today_text(), E(site), menu_items("has-child"), main, side, grid, footer_common(site)))


def vietnamnet(p):
    """div.content-detail, h2 sapo, div.maincontent; horizontalPost streams; signature at the end."""
    a, site = p.a, "Việt Nam Mạng"
    d = p.dt
    def item(t):
        return ('<div class="horizontalPost version-news mb-20"><div class="horizontalPost__avt"><a href="%s" title="%s">'
                '<picture><img src="%s" alt="%s"></picture></a></div><div class="horizontalPost__main">'
                '<h3 class="horizontalPost__main-title vnn-title"><a href="%s" title="%s">%s</a></h3>'
                '<div class="horizontalPost__main-desc"><p>%s</p></div></div></div>'
                % (t["href"], E(t["h"]), t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["h"]), E(t["s"])))
    stream = ('<div class="container-list"><div class="box-subcate-style"><h2 class="box-title">Tin cùng chuyên mục</h2></div>'
              '<div class="topStory-15nd">%s</div></div>' % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="insert-wiki-content"><p><strong>Tin liên quan</strong></p><ul>%s</ul></div>'
                % "".join('<li><a href="%s">%s</a></li>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="figure", related_box=related_box)
    main = ('<div class="content-detail"><div class="bread-crumb-detail"><ul><li><a href="/%s">%s</a></li></ul>'
            '<div class="bread-crumb-detail__time">%s, %02d/%02d/%d - %02d:%02d</div></div>'
            '<h1 class="content-detail-title">%s</h1><h2 class="content-detail-sapo sm-sapo-mb-0">%s</h2>'
            '<div class="maincontent main-content" id="maincontent">%s%s</div>'
            '<div class="newsFeature"><div class="social-share"><span>Chia sẻ</span></div></div>%s</div>'
            % (slug(a["cat"]), E(a["cat"]), weekday(d), d.day, d.month, d.year, d.hour, d.minute, E(a["title"]),
               E(a["lead"]), body, signature_html(p, p.signature), stream if p.stream in ("sibling", "inside") else ""))
    side = ('<div class="sidebar"><div class="box-most-view"><h3 class="box-title">Đọc nhiều</h3><ul>%s</ul></div></div>'
            % "".join('<li><a href="/%s.html">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar))
    grid = ('<div class="section-more"><div class="container">%s</div></div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_author=False, meta_date=False, ld=False,
                 extra_meta='<meta itemprop="datePublished" content="%s">' % p.iso) +
            '<body><div class="header"><div class="header__top"><div class="container"><p class="header__date">%s</p>'
            '<a href="/" class="header__logo">%s</a></div></div><div class="mainNav"><ul>%s</ul></div></div>'
            '<div class="main-v1"><div class="container"><div class="row"><div class="col-left">%s</div><div class="col-right">%s</div>'
            '</div></div></div>%s<div class="footer">%s</div></body></html>'
            % (today_text(), E(site), menu_items("mainNav__item"), main, side, grid, footer_common(site)))


def znews(p):
    """article.the-article with a header (title, meta list, summary), table
    pictures, credit paragraph; article-item streams inside the article."""
    a, site = p.a, "Tri Thức Số"
    d = p.dt
    def item(t):
        return ('<article class="article-item type-text"><p class="article-thumbnail"><a href="%s"><img src="%s" alt="%s"></a></p>'
                '<header><p class="article-title"><a href="%s">%s</a></p><p class="article-meta">'
                '<span class="friendly-time">%s</span></p></header><p class="article-summary">%s</p></article>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), t["when"].strftime("%H:%M %d/%m/%Y"), E(t["s"])))
    stream = ('<section class="section recommendation"><header><p class="section-title"><span>Đọc tiếp</span></p></header>'
              '<div class="article-list listing-layout">%s</div></section>' % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="inner-article"><p class="inner-article-title">Bài liên quan</p>%s</div>'
                % "".join('<article class="article-item"><p class="article-title"><a href="%s">%s</a></p></article>'
                          % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="table", related_box=related_box)
    credit = '<p class="the-article-credit"><strong class="author">%s</strong></p>' % E(a["author"])
    art = ('<article class="the-article"><header class="the-article-header"><p class="the-article-category">'
           '<a href="/%s.html">%s</a></p><h1 class="the-article-title">%s</h1>'
           '<ul class="the-article-meta"><li class="the-article-author"><a href="/tac-gia/%s.html">%s</a></li>'
           '<li class="the-article-publish">%02d:%02d %d/%d/%d</li></ul></header>'
           '<section class="main"><p class="the-article-summary">%s</p><div class="the-article-body">%s</div>%s'
           '<div class="the-article-tags"><span>Tags</span><a href="/tag/%s.html">%s</a></div></section>%s</article>'
           % (slug(a["cat"]), E(a["cat"]), E(a["title"]), slug(a["author"]), E(a["author"]), d.hour, d.minute,
              d.day, d.month, d.year, E(a["lead"]), body, credit, slug(a["cat"]), E(a["cat"]),
              stream if p.stream == "inside" else ""))
    side = ('<aside class="sidebar"><div class="most-popular"><h3>Đọc nhiều nhất</h3><ol>%s</ol></div></aside>'
            % "".join('<li><a href="/%s.html">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar))
    grid = ('<div class="site-content-bottom"><div class="page-wrapper">%s</div></div>' % stream) if p.stream == "grid" else ""
    sib = stream if p.stream == "sibling" else ""
    return (head(p, site, meta_date=False, ld=True) +
            '<body><header id="site-header"><div class="page-wrapper"><div id="site-date">%s</div><a id="logo" href="/">%s</a>'
            '<nav id="main-nav"><ul>%s</ul></nav></div></header><div id="site-content"><div class="page-wrapper">'
            '<div id="content" class="main-column">%s%s</div>%s</div></div>%s<footer id="site-footer">%s</footer></body></html>'
            % (today_text(), E(site), menu_items(), art, sib, side, grid, footer_common(site)))


def laodong(p):
    """div.article-detail with a chappeau lead, div.art-body, div.author
    signature, teaser lists as ul > li > article."""
    a, site = p.a, "Báo Lao Công"
    d = p.dt
    def item(t):
        return ('<li><article class="article-large"><a class="link-img" href="%s"><img src="%s" alt="%s"></a>'
                '<header><a href="%s"><h2>%s</h2></a></header><div class="chappeau"><p>%s</p></div>'
                '<span class="time">%s</span></article></li>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["s"]), t["when"].strftime("%d/%m/%Y %H:%M")))
    stream = ('<div class="list-news lst-other"><div class="tit-box"><span>Tin khác</span></div><ul class="lst-art">%s</ul></div>'
              % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="box-related"><h3>Tin liên quan</h3>%s</div>'
                % "".join('<p><a href="%s">%s</a></p>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="figure", related_box=related_box)
    main = ('<div class="article-detail"><div class="breadcrumbs"><a href="/%s">%s</a></div><div class="title"><h1>%s</h1></div>'
            '<div class="time">%s, %02d/%02d/%d %02d:%02d (GMT+7)</div><div class="chappeau"><p>%s</p></div>'
            '<div class="art-body">%s</div><div class="author">%s</div>%s</div>%s'
            % (slug(a["cat"]), E(a["cat"]), E(a["title"]), weekday(d).replace("Thứ", "Thứ"), d.day, d.month, d.year,
               d.hour, d.minute, E(a["lead"]), body, E(a["author"]), stream if p.stream == "inside" else "",
               stream if p.stream == "sibling" else ""))
    side = ('<div class="col-right"><div class="box-most"><div class="tit-box"><span>Tin mới</span></div><ul>%s</ul></div></div>'
            % "".join('<li><a href="%s">%s</a></li>' % (t["href"], E(t["h"])) for t in p.teasers[-6:]))
    grid = ('<div class="section-bottom"><div class="wrapper">%s</div></div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_date=True, ld=False) +
            '<body><div class="header"><div class="top-bar"><span class="date-now">%s</span></div><div class="logo"><a href="/">%s</a></div>'
            '<div class="menu"><ul>%s</ul></div></div><div class="wrapper"><div class="main-content"><div class="col-left">%s</div>%s</div></div>%s'
            '<div class="footer">%s</div></body></html>'
            % (today_text(), E(site), menu_items(), main, side, grid, footer_common(site)))


def nhandan(p):
    """div.detail-page with article__title, article__meta time, article__sapo,
    div.article__body (CMS class), p.article__author; story streams."""
    a, site = p.a, "Báo Nhân Sinh"
    d = p.dt
    def item(t):
        return ('<div class="story"><div class="story__thumb"><a href="%s"><img src="%s" alt="%s"></a></div>'
                '<h3 class="story__heading"><a class="cms-link" href="%s">%s</a></h3>'
                '<div class="story__summary">%s</div><time class="story__time">%s</time></div>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["s"]), t["when"].strftime("%d/%m/%Y")))
    stream = ('<div class="box-content content-list"><div class="box-heading"><h3 class="heading">Tin cùng chuyên mục</h3></div>'
              '<div class="box-content__list">%s</div></div>' % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="article__related"><h4>Bài viết liên quan</h4>%s</div>'
                % "".join('<div class="story story--related"><h5 class="story__heading"><a href="%s">%s</a></h5></div>'
                          % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="figure", related_box=related_box)
    main = ('<div class="detail-page"><div class="article__header"><h1 class="article__title cms-title">%s</h1>'
            '<div class="article__meta"><time class="time">%s, %02d-%02d-%d, %02d:%02d</time></div></div>'
            '<div class="article__sapo cms-desc">%s</div><div class="article__body zce-content-body cms-body">%s%s</div>'
            '<div class="article__footer"><div class="article__tag"><a href="/%s">%s</a></div></div>%s</div>%s'
            % (E(a["title"]), weekday(d), d.day, d.month, d.year, d.hour, d.minute, E(a["lead"]), body,
               signature_html(p, p.signature), slug(a["cat"]), E(a["cat"]), stream if p.stream == "inside" else "",
               stream if p.stream == "sibling" else ""))
    side = ('<div class="col-sidebar"><div class="box-most-read"><h3 class="box-heading">Đọc nhiều</h3>%s</div></div>'
            % "".join('<div class="story story--small"><h3 class="story__heading"><a href="/%s">%s</a></h3></div>'
                      % (slug(s), E(s)) for s in p.sidebar))
    grid = ('<div class="section-more"><div class="container">%s</div></div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_date=False, ld=False, meta_author=True,
                 extra_meta='<meta name="pubdate" content="%s">' % p.iso) +
            '<body><header class="header"><div class="header__top"><div class="container"><span class="header__today">%s</span>'
            '</div></div><div class="header__logo"><a href="/">%s</a></div><nav class="header__nav"><ul>%s</ul></nav></header>'
            '<main class="main"><div class="container"><div class="row"><div class="col-main">%s</div>%s</div></div></main>%s'
            '<footer class="footer">%s</footer></body></html>'
            % (today_text(), E(site), menu_items(), main, side, grid, footer_common(site)))


def vov(p):
    """a Drupal-style layout: div.region-content > article.node, field
    classes, view listings (views-row) for the teaser streams."""
    a, site = p.a, "Đài Tiếng Nói Số"
    d = p.dt
    def item(t):
        return ('<div class="views-row"><div class="views-field views-field-field-image"><a href="%s"><img src="%s" alt="%s"></a></div>'
                '<div class="views-field views-field-title"><span class="field-content"><a href="%s">%s</a></span></div>'
                '<div class="views-field views-field-body"><div class="field-content">%s</div></div>'
                '<div class="views-field views-field-created">%s</div></div>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["s"]), t["when"].strftime("%d/%m/%Y %H:%M")))
    stream = ('<div class="block block-views"><h2 class="block-title">Tin cùng chuyên mục</h2><div class="view-content">%s</div></div>'
              % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="block-related"><p><strong>Xem thêm:</strong></p>%s</div>'
                % "".join('<p><a href="%s">%s</a></p>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="figure", related_box=related_box)
    art = ('<article class="node node--type-article node--view-mode-full"><h1 class="article-title">%s</h1>'
           '<div class="article__time">%s, %02d:%02d, %02d/%02d/%d</div>'
           '<div class="field field--name-field-summary article__sapo">%s</div>'
           '<div class="field field--name-body field--type-text-with-summary text-long">%s%s</div>%s</article>'
           % (E(a["title"]), weekday(d), d.hour, d.minute, d.day, d.month, d.year, E(a["lead"]), body,
              signature_html(p, p.signature), stream if p.stream == "inside" else ""))
    side = ('<div class="region region-sidebar-second"><div class="block"><h2 class="block-title">Tin mới</h2><div class="item-list"><ul>%s</ul></div></div></div>'
            % "".join('<li><a href="%s">%s</a></li>' % (t["href"], E(t["h"])) for t in p.teasers[:6]))
    grid = ('<div class="region region-bottom">%s</div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_date=True, ld=True) +
            '<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas"><header class="header">'
            '<div class="header-top"><span class="current-date">%s</span></div><div class="branding"><a href="/">%s</a></div>'
            '<nav class="menu--main"><ul class="menu">%s</ul></nav></header><div class="layout-container"><div class="row">'
            '<div class="region region-content col-md-8">%s%s</div><div class="col-md-4">%s</div></div></div>%s'
            '<footer class="site-footer">%s</footer></div></body></html>'
            % (today_text(), E(site), menu_items("menu-item"), art, stream if p.stream == "sibling" else "", side, grid,
               footer_common(site)))


def cafef(p):
    """div.totalcontentdetail with span.pdate, h2.sapo, div.detail-content
    (afcbc-body), p.author at the end; tlitem teaser lists; knswli related."""
    a, site = p.a, "Cà Phê Tài Chính"
    d = p.dt
    def item(t):
        return ('<li class="tlitem clearfix"><a href="%s" class="avatar"><img src="%s" alt="%s"></a>'
                '<h3><a href="%s" title="%s">%s</a></h3><p class="sapo">%s</p></li>'
                % (t["href"], t["img"], E(t["h"]), t["href"], E(t["h"]), E(t["h"]), E(t["s"])))
    stream = ('<div class="tinlienquan"><h2 class="title-box">Tin mới cùng chuyên mục</h2><ul class="list-news">%s</ul></div>'
              % "".join(item(t) for t in p.teasers))
    def related_box(p):
        return ('<div class="VCSortableInPreviewMode link-content-footer" type="link"><p class="knswli-title">Đọc thêm</p>%s</div>'
                % "".join('<a class="knswli-item" href="%s">%s</a>' % (r["href"], E(r["h"])) for r in p.related))
    body = body_html(p, fig="div", related_box=related_box)
    main = ('<div class="totalcontentdetail"><div class="dateandcat"><a class="cat" href="/%s.chn">%s</a>'
            '<span class="pdate" data-role="publishdate">%02d-%02d-%d - %02d:%02d %s</span></div>'
            '<h1 class="title" data-role="title">%s</h1><div class="contentdetail"><h2 class="sapo" data-role="sapo">%s</h2>'
            '<div class="detail-content afcbc-body" data-role="content">%s</div><p class="author">%s</p>'
            '%s</div>%s</div>'
            % (slug(a["cat"]), E(a["cat"]), d.day, d.month, d.year, d.hour % 12 or 12, d.minute,
               "PM" if d.hour >= 12 else "AM", E(a["title"]), E(a["lead"]), body, E(a["author"]),
               stream if p.stream == "inside" else "", stream if p.stream == "sibling" else ""))
    side = ('<div class="right"><div class="box-read-most"><div class="title">Đọc nhiều nhất</div><ul>%s</ul></div></div>'
            % "".join('<li><a href="/%s.chn">%s</a></li>' % (slug(s), E(s)) for s in p.sidebar))
    grid = ('<div class="box-bottom"><div class="w1040">%s</div></div>' % stream) if p.stream == "grid" else ""
    return (head(p, site, meta_date=False, ld=True) +
            '<body><div class="header"><div class="w1040"><div class="time-now">%s</div><a class="logo" href="/">%s</a>'
            '<ul class="menucategory">%s</ul></div></div><div class="w1040 mg0auto"><div class="left">%s</div>%s</div>%s'
            '<div class="footer">%s</div></body></html>'
            % (today_text(), E(site), menu_items(), main, side, grid, footer_common(site)))


SITES = [("vnexpress", vnexpress, "tinnhanh.example.vn"), ("tuoitre", tuoitre, "tuoimoi.example.vn"),
         ("dantri", dantri, "danviettri.example.vn"), ("vietnamnet", vietnamnet, "vnmang.example.vn"),
         ("znews", znews, "trithucso.example.vn"), ("laodong", laodong, "laocong.example.vn"),
         ("nhandan", nhandan, "nhansinh.example.vn"), ("vov", vov, "tiengnoiso.example.vn"),
         ("cafef", cafef, "caphetaichinh.example.vn")]
# (site, stream placement, heavy stream, related box mid-body, signature style)
PLAN = [
 ("vnexpress", "sibling", True, True, "right-bold"), ("vnexpress", "inside", False, False, "right-bold"),
 ("vnexpress", "grid", True, True, "right-class"),
 ("tuoitre", "sibling", True, True, None), ("tuoitre", "grid", False, True, None), ("tuoitre", "inside", True, False, None),
 ("dantri", "grid", True, True, None), ("dantri", "sibling", True, False, None), ("dantri", "inside", False, True, None),
 ("vietnamnet", "sibling", True, True, "right-bold"), ("vietnamnet", "grid", True, False, "bold-last"),
 ("vietnamnet", "inside", False, True, "right-bold"),
 ("znews", "inside", True, True, None), ("znews", "grid", False, False, None), ("znews", "sibling", True, True, None),
 ("laodong", "sibling", True, True, None), ("laodong", "inside", True, False, None), ("laodong", "grid", False, True, None),
 ("nhandan", "grid", True, True, "right-bold"), ("nhandan", "sibling", False, False, "right-class"),
 ("nhandan", "inside", True, True, "right-bold"),
 ("vov", "sibling", True, False, "right-bold"), ("vov", "grid", True, True, "bold-last"),
 ("cafef", "sibling", True, True, None), ("cafef", "inside", True, False, None), ("cafef", "grid", False, True, None),
]


def cp1258(s):
    """s in windows-1258: precomposed where the code page has the letter,
    else base letter + combining tone mark (as Vietnamese Windows writes it)."""
    out = []
    for ch in s:
        try:
            out.append(ch.encode("cp1258")); continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = d[0]
        shape = "".join(m for m in d[1:] if m in "\u0302\u0306\u031b")
        tone = "".join(m for m in d[1:] if m not in shape)
        base = unicodedata.normalize("NFC", base + shape)
        whole = unicodedata.normalize("NFC", base + tone)
        for cand in (whole, base + tone):
            try:
                out.append(cand.encode("cp1258")); break
            except UnicodeEncodeError:
                continue
        else:
            raise ValueError("cannot write %r in windows-1258" % ch)
    return b"".join(out)


def truth(p):
    a = p.a
    body = [a["lead"]] + [t[3:] if t.startswith("## ") else t for t in a["body"]]
    paras = [t for t in a["body"] if not t.startswith("## ")]
    must = [a["lead"][:60], paras[0][:60], paras[-1][-60:]]
    if len(paras) > 2:
        must.append(paras[len(paras) // 2][:50])
    mnot = [t["h"] for t in p.teasers[:3]] + [t["h"] for t in p.teasers[-2:]] + [p.teasers[4]["s"][:60]]
    if p.related_mid:
        mnot += [r["h"] for r in p.related]
    mnot += ["Phiên bản di động", "Bản quyền thuộc về", today_text(), "Tin cùng chuyên mục", "Tin khác"]
    mnot += [im[1] for im in a["images"]]
    mnot += [s for s in p.sidebar[:2]]
    if a["source"]:
        mnot.append(a["source"])
    return dict(url=p.url, title=a["title"], body="\n\n".join(body), lead=a["lead"], byline=a["author"],
                date=p.iso, lang="vi", site=p.site, stream=p.stream, heavy=p.heavy,
                must_contain=must, must_not_contain=mnot)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "bench", "corpus-vi")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20241129)
    sites = {s[0]: s for s in SITES}
    arts = list(ARTICLES)
    pages = []
    for k, (site, stream, heavy, rel, sig) in enumerate(PLAN):
        art = arts[k % len(arts)]
        name, fn, host = sites[site]
        pid = "%s-%s" % (site, art["key"])
        p = Page(pid, site, art, rng, stream, heavy, rel, sig, host)
        pages.append((p, fn(p)))
    # encodings: the same page bytes as other sites serve them
    variants = []
    for p, h in pages[:3]:
        variants.append((p, h, "cp1258"))
    for p, h in pages[9:11]:
        variants.append((p, h, "nfd"))
    variants.append((pages[13][0], pages[13][1], "undeclared"))
    for p, h in pages:
        write(out, p.id, h.encode("utf-8"), truth(p))
    for p, h, enc in variants:
        if enc == "cp1258":
            data = cp1258(h.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'))
        elif enc == "nfd":
            data = unicodedata.normalize("NFD", h).encode("utf-8")
        else:
            data = h.replace('<meta charset="utf-8">', "").encode("utf-8")
        t = truth(p)
        t["encoding"] = enc
        write(out, "%s-%s" % (p.id, enc), data, t)
    print("wrote %d pages to %s" % (len(pages) + len(variants), out))


def write(out, pid, data, t):
    with open(os.path.join(out, pid + ".html"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, pid + ".json"), "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
