package htmltext

import (
	"encoding/json"
	nurl "net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// pageMeta is what the page says about itself, read from <meta> tags,
// JSON-LD, <html lang>, <link rel=canonical>, <title> and the first <h1>.
// Each field keeps the first non-empty value in order of trust.
type pageMeta struct {
	ldHeadline, ogTitle, twTitle, metaTitle, h1, title string

	ldPublished, metaPublished, timePublished string

	ldPublisher, ogSite, appName string

	ldAuthors, metaAuthor string

	htmlLang, metaLang, ogLocale string

	canonical, ogURL string

	ogDesc, metaDesc, ldDesc string
}

// readMeta walks the document once and collects its metadata.
func readMeta(root *html.Node) *pageMeta {
	m := &pageMeta{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				setFirst(&m.htmlLang, attr(n, "lang"))
				setFirst(&m.htmlLang, attr(n, "xml:lang"))
			case "meta":
				m.meta(n)
			case "link":
				if hasToken(attr(n, "rel"), "canonical") {
					setFirst(&m.canonical, attr(n, "href"))
				}
			case "title":
				if m.title == "" && (n.Parent == nil || n.Parent.Data != "svg") {
					m.title = collapse(nodeText(n))
				}
			case "h1":
				if m.h1 == "" {
					m.h1 = collapse(nodeText(n))
				}
			case "time":
				if m.timePublished == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					m.timePublished = attr(n, "datetime")
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					m.jsonLD(nodeText(n))
				}
				return
			case "style", "noscript", "template", "svg":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

// meta reads one <meta> element.
func (m *pageMeta) meta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if v := attr(n, "http-equiv"); strings.EqualFold(v, "content-language") {
		setFirst(&m.metaLang, content)
		return
	}
	if v := attr(n, "itemprop"); v != "" {
		switch strings.ToLower(v) {
		case "datepublished":
			setFirst(&m.metaPublished, content)
		case "headline":
			setFirst(&m.metaTitle, content)
		}
	}
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" || content == "" {
		return
	}
	switch key {
	case "og:title":
		setFirst(&m.ogTitle, content)
	case "twitter:title":
		setFirst(&m.twTitle, content)
	case "title", "dc.title", "headline", "sailthru.title", "parsely-title":
		setFirst(&m.metaTitle, content)
	case "article:published_time", "article:published", "og:published_time", "published_time",
		"datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
		"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
		"sailthru.date", "parsely-pub-date", "article.published", "original-publish-date",
		"cxenseparse:recs:publishtime", "article_date_original", "displaydate", "citation_publication_date":
		setFirst(&m.metaPublished, content)
	case "og:site_name", "twitter:site:name":
		setFirst(&m.ogSite, content)
	case "application-name", "publisher", "dc.publisher", "cre":
		setFirst(&m.appName, content)
	case "author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl", "byline":
		if !strings.Contains(content, "://") {
			setFirst(&m.metaAuthor, content)
		}
	case "og:locale", "language", "dc.language", "content-language":
		setFirst(&m.ogLocale, content)
	case "og:url":
		setFirst(&m.ogURL, content)
	case "og:description":
		setFirst(&m.ogDesc, content)
	case "description", "twitter:description", "dc.description":
		setFirst(&m.metaDesc, content)
	}
}

// articleTypes are schema.org types whose properties describe the article.
var articleTypes = map[string]int{
	"newsarticle": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3, "opinionnewsarticle": 3,
	"reviewnewsarticle": 3, "backgroundnewsarticle": 3, "article": 2, "blogposting": 2,
	"socialmediaposting": 1, "scholarlyarticle": 2, "techarticle": 2, "report": 1, "liveblogposting": 2,
	"webpage": 0, "itempage": 0,
}

// jsonLD reads one JSON-LD script, keeping the properties of the most
// article-like object found.
func (m *pageMeta) jsonLD(src string) {
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(src, "<!--")
	src = strings.TrimSuffix(src, "-->")
	src = strings.TrimSuffix(strings.TrimSpace(src), ";")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return
	}
	best, bestRank := map[string]any(nil), -1
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			rank := -1
			for _, t := range strs(x["@type"]) {
				if r, ok := articleTypes[strings.ToLower(t)]; ok && r > rank {
					rank = r
				}
			}
			if rank > bestRank {
				best, bestRank = x, rank
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if me, ok := x["mainEntity"]; ok {
				visit(me, depth+1)
			}
		}
	}
	visit(v, 0)
	if best == nil || bestRank < 0 {
		return
	}
	if bestRank > 0 {
		setFirst(&m.ldHeadline, str(best["headline"]))
	}
	setFirst(&m.ldPublished, str(best["datePublished"]))
	setFirst(&m.ldDesc, str(best["description"]))
	if p, ok := best["publisher"].(map[string]any); ok {
		setFirst(&m.ldPublisher, str(p["name"]))
	}
	if m.ldAuthors == "" {
		var names []string
		for _, a := range asList(best["author"]) {
			var name string
			switch y := a.(type) {
			case string:
				name = y
			case map[string]any:
				name = str(y["name"])
			}
			name = collapse(name)
			if name != "" && !strings.Contains(name, "://") && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		m.ldAuthors = strings.Join(names, ", ")
	}
}

// fill copies the metadata into d, each field from its most trusted source,
// with the extractors' values (fallback) last.
func (m *pageMeta) fill(d *Document, pageURL *nurl.URL, fb fallbackMeta) {
	d.Title = first(m.ldHeadline, m.ogTitle, m.twTitle, m.metaTitle, fb.title, m.h1, m.title)
	d.Title = collapse(html.UnescapeString(d.Title))
	for _, s := range []string{m.ldPublished, m.metaPublished, m.timePublished, fb.published} {
		if v := normalizeDate(s); v != "" {
			d.Published = v
			break
		}
	}
	d.Site = collapse(first(m.ogSite, m.ldPublisher, m.appName, fb.site))
	if strings.Contains(d.Site, "://") || isHostname(d.Site) {
		d.Site = "" // an address, not a name
	}
	d.Title = stripSite(d.Title, d.Site)
	d.Byline = trimBy(collapse(first(m.ldAuthors, m.metaAuthor, fb.byline)))
	d.Language = normalizeLang(first(m.htmlLang, m.metaLang, m.ogLocale, fb.lang))
	d.Canonical = resolve(pageURL, first(m.canonical, m.ogURL))
	d.Description = collapse(html.UnescapeString(first(m.ogDesc, m.metaDesc, m.ldDesc)))
}

// trimBy removes a leading "By " from a byline.
func trimBy(s string) string {
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// stripSite removes a trailing " | Site" (or " - Site", " – Site", " — Site")
// from a headline.
func stripSite(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// fallbackMeta is metadata the extractors found by their own means.
type fallbackMeta struct {
	title, published, site, byline, lang string
}

// dateLayouts are the formats accepted for publication dates, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339,
	"2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05", "2006-01-02 15:04",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006",
	"2006/01/02 15:04:05", "2006/01/02", "20060102", "2006-01-02",
}

// normalizeDate returns s as RFC 3339 when it carries a time of day with a
// zone, as YYYY-MM-DD when it carries a date, and "" when it is not a date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if t.Year() < 1800 || t.Year() > 2200 {
			return ""
		}
		hasZone := strings.Contains(l, "Z07") || strings.Contains(l, "-0700") || strings.Contains(l, "MST") || l == time.RFC3339 || l == time.RFC3339Nano
		hasClock := strings.Contains(l, "15")
		switch {
		case hasClock && hasZone:
			return t.Format(time.RFC3339)
		default:
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// normalizeLang turns "en-US", "en_GB" or "EN" into "en"; it returns "" for
// values that are not language codes.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

func resolve(base *nurl.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return ""
	}
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// nodeText is the concatenated text of n's descendants.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// collapse trims s and collapses its runs of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func setFirst(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func first(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"]; ok {
			return str(s)
		}
	}
	return ""
}

func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}
