// Package model imports upwards, which the layering forbids.
package model

import _ "bad/internal/nlp/actor"
