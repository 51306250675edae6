package actor

import _ "bad/internal/model"
