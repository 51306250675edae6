package htmltext

import _ "github.com/example/heavy/sub"
