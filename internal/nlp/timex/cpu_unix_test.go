//go:build unix

package timex

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user + system), so the
// benchmark's tokens per CPU second do not depend on how loaded the machine is.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
