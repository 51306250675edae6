package htmltext

import (
	"strings"

	"golang.org/x/net/html"
)

// furnitureWords are words of class and id attributes that mark page
// furniture: cookie banners, share bars, newsletter boxes, ads, related-links
// boxes, comment sections, breadcrumbs. An element is furniture when one of
// the words of its class or id (split at "-", "_", " " and case changes) is
// in this set.
var furnitureWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "cmp": true,
	"share": true, "sharing": true, "sharebar": true, "social": true, "sociallinks": true,
	"newsletter": true, "subscribe": true, "signup": true,
	"advert": true, "advertisement": true, "adslot": true, "ad": true, "ads": true, "dfp": true, "sponsored": true, "outbrain": true, "taboola": true,
	"related": true, "recommended": true, "recirc": true, "trending": true, "popular": true,
	"comments": true, "comment": true, "disqus": true,
	"breadcrumb": true, "breadcrumbs": true,
}

// furnitureTags are elements that never hold article text.
var furnitureTags = map[string]bool{
	"nav": true, "button": true, "dialog": true,
}

// prune removes page furniture from the tree before extraction. It never
// removes <html>, <body>, <main>, <article> or an element holding the
// page's only <article>.
func prune(root *html.Node) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && isFurniture(c) {
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(root)
}

func isFurniture(n *html.Node) bool {
	switch n.Data {
	case "html", "body", "main", "article":
		return false
	}
	if furnitureTags[n.Data] {
		return !containsArticle(n)
	}
	for _, key := range []string{"class", "id"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		if hasFurnitureWord(v) {
			return !containsArticle(n)
		}
	}
	return false
}

// hasFurnitureWord splits an attribute value into words and looks them up.
func hasFurnitureWord(v string) bool {
	start := 0
	check := func(end int) bool {
		if end > start {
			w := strings.ToLower(v[start:end])
			if furnitureWords[w] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == ':' || c == '.':
			if check(i) {
				return true
			}
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && v[i-1] >= 'a' && v[i-1] <= 'z':
			if check(i) {
				return true
			}
			start = i
		}
	}
	return check(len(v))
}

// containsArticle reports whether n has an <article> or <main> inside, or
// many paragraphs: then it is a wrapper, not furniture.
func containsArticle(n *html.Node) bool {
	ps := 0
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "article", "main":
				found = true
				return
			case "p":
				ps++
			}
			walk(c)
		}
	}
	walk(n)
	return found || ps >= 8
}
