package app

import (
	"syscall"
	"time"
	"unsafe"
)

// ThreadCPU returns the calling OS thread's CPU time in nanoseconds (Linux;
// elsewhere, or on error, the wall clock), for Config.Clock: per-stage costs
// then leave out time spent waiting for a core.
func ThreadCPU() int64 {
	var ts syscall.Timespec
	const clockThreadCPUTimeID = 3
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return time.Now().UnixNano()
	}
	return ts.Nano()
}
