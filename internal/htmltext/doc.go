// Package htmltext turns a web page into its main article text, split into
// blocks (paragraphs, headings, block quotes, debris), with the page's
// metadata (headline, publication date, site, byline, language, canonical
// URL, description).
//
// How the main text is found (each step was kept because it raised the
// score of `herald eval zyte` on the article-extraction benchmark, tuned on
// the even half of its pages and checked on the odd half):
//
//   - The page is decoded (valid UTF-8 is taken as UTF-8 whatever its
//     <meta charset> says; other bytes as the page declares or sniffing
//     says) and parsed once. Page furniture is pruned: <nav>, <button>,
//     <dialog>, and elements whose class or id has a word such as cookie,
//     share, newsletter, ad, related or comments.
//   - readeck's go-readability extracts a candidate; go-trafilatura extracts
//     the main content with that candidate as its fallback (instead of its
//     own readability port).
//   - The two vote: a block of trafilatura's output is kept when readability's
//     text holds half of its word trigrams (short blocks: the whole block).
//   - The blocks are cleaned: the headline repeated at the top, share bars,
//     "Read more:" prompts, newsletter and cookie notices, bare addresses and
//     credits are dropped using a small embedded lexicon (boilerplate.txt);
//     blocks with no letters or digits become debris.
//
// Pages whose text is larger than maxTrafilaturaText go to readability alone
// (trafilatura's cost grows with the square of the text), and pages nested
// too deeply for the HTML parser are rendered from their tokens.
//
// Metadata comes from JSON-LD (schema.org NewsArticle and kin), meta tags
// (Open Graph, article:published_time, Dublin Core, …), <html lang>,
// <link rel=canonical>, <time pubdate> and <title>, with the extractors'
// own findings as a fallback. Nothing keys on a domain, URL or page id.
//
// This package is the only one that imports the extraction libraries.
// Extract is safe for concurrent use: everything shared is read-only after
// a sync.Once.
package htmltext
