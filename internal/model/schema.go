package model

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of the herald/v1 output.
//
//go:embed herald-v1.schema.json
var JSONSchema []byte
