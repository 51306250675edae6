package lang

import _ "github.com/example/heavy"
