package htmltext

import (
	nurl "net/url"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func metaOf(t *testing.T, head string, pageURL string) Document {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html>" + head + "<body><p>x</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	var u *nurl.URL
	if pageURL != "" {
		u, _ = nurl.Parse(pageURL)
	}
	var d Document
	readMeta(root).fill(&d, u, fallbackMeta{})
	return d
}

func TestMeta(t *testing.T) {
	tests := []struct {
		name, head, url string
		want            Document
	}{
		{
			name: "json-ld NewsArticle with author string and publisher",
			head: `<head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
				"headline":"Talks resume in Geneva","datePublished":"2025-08-06","author":"Jane Roe",
				"publisher":{"@type":"Organization","name":"Daily Example"},"description":"Delegations met."}</script></head>`,
			want: Document{Title: "Talks resume in Geneva", Published: "2025-08-06", Byline: "Jane Roe", Site: "Daily Example", Description: "Delegations met."},
		},
		{
			name: "json-ld list with @type array, authors as objects, duplicate removed",
			head: `<head><script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["ReportageNewsArticle","NewsArticle"],
				"headline":"Strike ends","datePublished":"2025-08-07T14:05:00+02:00",
				"author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"},{"name":"A. Writer"}]}]</script></head>`,
			want: Document{Title: "Strike ends", Published: "2025-08-07T14:05:00+02:00", Byline: "A. Writer, B. Writer"},
		},
		{
			name: "json-ld in html comment with trailing semicolon; WebPage does not give a headline",
			head: `<head><script type="application/ld+json"><!-- {"@type":"WebPage","headline":"Home page","datePublished":"2024-01-02"}; --></script>
				<meta property="og:title" content="Real headline"></head>`,
			want: Document{Title: "Real headline", Published: "2024-01-02"},
		},
		{
			name: "broken json-ld is ignored; meta tags used",
			head: `<head><script type="application/ld+json">{"@type":"NewsArticle",</script>
				<meta property="article:published_time" content="2023-05-01T08:00:00Z">
				<meta name="author" content="By Sam Doe"><meta property="og:site_name" content="The Example">
				<meta name="description" content="A summary &amp; more."></head>`,
			want: Document{Published: "2023-05-01T08:00:00Z", Byline: "Sam Doe", Site: "The Example", Description: "A summary & more."},
		},
		{
			name: "article:author URL is not a byline; title element split off the site; lang region dropped",
			head: `<head><meta property="article:author" content="https://facebook.com/someone"><title>Floods hit the north | Example News</title></head>`,
			url:  "https://example.test/a/b",
			want: Document{Title: "Floods hit the north | Example News"},
		},
		{
			name: "byline BY prefix dropped; an address is no site name",
			head: `<head><meta name="author" content="BY TOM WRITER, Staff"><meta property="og:site_name" content="https://www.example.test"></head>`,
			want: Document{Byline: "TOM WRITER, Staff"},
		},
		{
			name: "site suffix removed from a <title> headline",
			head: `<head><meta property="og:site_name" content="Example News"><title>Floods hit the north – Example News</title></head>`,
			want: Document{Title: "Floods hit the north", Site: "Example News"},
		},
		{
			name: "canonical resolved against the page address; og:url second",
			head: `<head><link rel="Canonical" href="/story/1"><meta property="og:url" content="https://other.test/x"></head>`,
			url:  "https://example.test/a/b?c=d",
			want: Document{Canonical: "https://example.test/story/1"},
		},
		{
			name: "og:url when no canonical link; relative without base is dropped",
			head: `<head><meta property="og:url" content="https://example.test/x"></head>`,
			want: Document{Canonical: "https://example.test/x"},
		},
		{
			name: "time element with pubdate; itemprop datePublished meta",
			head: `<head></head><body><time pubdate datetime="2022-12-24">Dec 24</time></body>`,
			want: Document{Published: "2022-12-24"},
		},
		{
			name: "unreadable date is left out",
			head: `<head><meta name="date" content="last Tuesday"></head>`,
			want: Document{},
		},
	}
	for _, tt := range tests {
		got := metaOf(t, tt.head, tt.url)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestMetaLanguage(t *testing.T) {
	tests := map[string]string{
		`<html lang="en-US"><head></head></html>`:                                                 "en",
		`<html lang="DE"><head></head></html>`:                                                    "de",
		`<html><head><meta http-equiv="content-language" content="fr-CA"></head></html>`:          "fr",
		`<html><head><meta property="og:locale" content="pt_BR"></head></html>`:                   "pt",
		`<html lang="x"><head></head></html>`:                                                     "",
		`<html><head><meta http-equiv="Content-Language" content="es, en"></head></html>`:         "es",
		`<html lang="en"><head><meta http-equiv="content-language" content="fr"></head></html>`:   "en",
		`<html><head><meta property="og:locale" content="12345"></head></html>`:                   "",
		`<html lang=""><head><meta name="language" content="Italian-IT"></head></html>`:           "",
		`<html lang="zh-Hant-TW"><head></head><body><p>some text of the page</p></body></html>`:   "zh",
		`<html xml:lang="nl"><head></head></html>`:                                                "nl",
		`<html><head><meta name="dc.language" content="sv"></head></html>`:                        "sv",
		`<html><head><meta property="og:locale" content="en_GB"><title>t</title></head></html>`:   "en",
		`<html><head></head><body><html lang="ru"></html></body></html>`:                          "ru",
		`<html><head><meta http-equiv="content-language" content=""></head></html>`:               "",
		`<html><head><meta http-equiv="content-language" content="  EN-gb  "></head></html>`:      "en",
		`<html><head><meta http-equiv="content-language" content="english"></head></html>`:        "",
		`<html><head><meta http-equiv="content-language" content="ast"></head></html>`:            "ast",
		`<html><head><meta http-equiv="content-language" content="e1"></head></html>`:             "",
		`<html><head><meta http-equiv="content-language" content="en;q=0.9"></head></html>`:       "en",
		`<html><head><meta http-equiv="content-language" content="de_AT_x"></head></html>`:        "de",
		`<html><head><meta http-equiv="content-language" content="-en"></head></html>`:            "",
		`<html><head><meta http-equiv="content-language" content="u"></head></html>`:              "",
		`<html><head><meta http-equiv="content-language" content="uk-UA"></head></html>`:          "uk",
		`<html><head><meta http-equiv="content-language" content="ar-EG"></head></html>`:          "ar",
		`<html><head><meta http-equiv="content-language" content="he"></head></html>`:             "he",
		`<html><head><meta http-equiv="content-language" content="ko-KR"></head></html>`:          "ko",
		`<html><head><meta http-equiv="content-language" content="JA"></head></html>`:             "ja",
		`<html><head><meta http-equiv="content-language" content="zz-ZZ-zz-zz"></head></html>`:    "zz",
		`<html><head><meta http-equiv="content-language" content="en-US,en;q=0.5"></head></html>`: "en",
	}
	for page, want := range tests {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var d Document
		readMeta(root).fill(&d, nil, fallbackMeta{})
		if d.Language != want {
			t.Errorf("%s: language %q, want %q", page, d.Language, want)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"2025-08-07":                      "2025-08-07",
		" 2025-08-07 ":                    "2025-08-07",
		"2025-08-07T10:11:12Z":            "2025-08-07T10:11:12Z",
		"2025-08-07T10:11:12.345+03:00":   "2025-08-07T10:11:12+03:00",
		"2025-08-07T10:11:12+0300":        "2025-08-07T10:11:12+03:00",
		"2025-08-07T10:11:12":             "2025-08-07", // no zone: the date only, never a guessed zone
		"2025-08-07 10:11:12":             "2025-08-07",
		"Thu, 07 Aug 2025 10:11:12 +0000": "2025-08-07T10:11:12Z",
		"Thu, 07 Aug 2025 10:11:12 GMT":   "2025-08-07T10:11:12Z",
		"August 7, 2025":                  "2025-08-07",
		"Aug 7, 2025":                     "2025-08-07",
		"7 August 2025":                   "2025-08-07",
		"2025/08/07":                      "2025-08-07",
		"20250807":                        "2025-08-07",
		"2025-08":                         "", // a month is not a publication date
		"yesterday":                       "",
		"":                                "",
		"0001-01-01":                      "",
		"2025-13-40":                      "",
	}
	for in, want := range tests {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}
