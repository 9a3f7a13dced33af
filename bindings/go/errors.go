package skillmatch

/*
#include "skillmatch/skillmatch.h"
*/
import "C"

import "runtime"

// Status is a skm_status code of the C ABI.
type Status int

const (
	StatusOK                Status = 0
	StatusInvalidArgument   Status = 1
	StatusParse             Status = 2
	StatusIO                Status = 3
	StatusNotFound          Status = 4
	StatusCycle             Status = 5
	StatusDimensionMismatch Status = 6
	StatusInvalidValue      Status = 7
	StatusDuplicate         Status = 8
	StatusCorrupt           Status = 9
	StatusInternal          Status = 10
	StatusNullArgument      Status = 11
	StatusOutOfMemory       Status = 12
)

// String is the library's name of the status: "parse_error", "not_found"...
func (s Status) String() string { return C.GoString(C.skm_status_name(C.int(s))) }

// Error is a failed call: the status and the library's message (skm_last_error()).
type Error struct {
	Status  Status
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "skillmatch: " + e.Status.String()
	}
	return "skillmatch: " + e.Status.String() + ": " + e.Message
}

// Is matches errors of the same status, so errors.Is(err, skillmatch.ErrParse) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Status == e.Status
}

// Sentinels for errors.Is, one per status.
var (
	ErrInvalidArgument   = &Error{Status: StatusInvalidArgument}
	ErrParse             = &Error{Status: StatusParse}
	ErrIO                = &Error{Status: StatusIO}
	ErrNotFound          = &Error{Status: StatusNotFound}
	ErrCycle             = &Error{Status: StatusCycle}
	ErrDimensionMismatch = &Error{Status: StatusDimensionMismatch}
	ErrInvalidValue      = &Error{Status: StatusInvalidValue}
	ErrDuplicate         = &Error{Status: StatusDuplicate}
	ErrCorrupt           = &Error{Status: StatusCorrupt}
	ErrInternal          = &Error{Status: StatusInternal}
	ErrNullArgument      = &Error{Status: StatusNullArgument}
	ErrOutOfMemory       = &Error{Status: StatusOutOfMemory}
)

// check turns a status into an error with the calling thread's last-error message. The caller
// holds its OS thread (lockThread) from the C call to here: skm_last_error() is per thread, and
// a goroutine may otherwise move to another thread between the two calls.
func check(status C.skm_status) error {
	if status == C.SKM_OK {
		return nil
	}
	return &Error{Status: Status(status), Message: C.GoString(C.skm_last_error())}
}

func bindingError(status Status, message string) error {
	return &Error{Status: status, Message: message}
}

// lockThread pins the goroutine to its OS thread until the returned function runs.
func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
