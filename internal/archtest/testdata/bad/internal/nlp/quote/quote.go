// Package quote imports another stage, which the layering forbids.
package quote

import _ "bad/internal/nlp/actor"
