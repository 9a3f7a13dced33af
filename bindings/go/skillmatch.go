// Package skillmatch is the Go client of skillmatch (skill-based matching of jobs and candidates)
// over its C ABI (include/skillmatch/skillmatch.h, libskillmatch.so), through cgo.
//
// Handles (Taxonomy, Engine) are released by Close; a finalizer releases what is never closed,
// as a safety net only. Results are copied into Go values when a query returns and need no Close.
//
// Errors: every failing call returns an *Error carrying the skm_status code and the library's
// message (what and where: the line, the id, the position in a filter); compare with errors.Is
// against the sentinels (ErrParse, ErrNotFound, ...). A nil or closed handle reaches the library
// as NULL and comes back as ErrNullArgument with the library's message, never a crash.
//
// Goroutines: as the C ABI promises, any number of goroutines may match on one Engine at once,
// also while others upsert or remove; Close waits for the calls in progress to end.
//
// Building: the header comes from this repository (../../include); the library is linked with
// -lskillmatch, so set CGO_LDFLAGS="-L<dir of libskillmatch.so> -Wl,-rpath,<dir>" when it is not
// installed where the linker looks (docs/bindings.md).
package skillmatch

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#cgo LDFLAGS: -lskillmatch
#include <stdlib.h>
#include "skillmatch/skillmatch.h"
*/
import "C"

import (
	"strings"
	"unsafe"
)

// Side is the side of the market a profile belongs to; a query of one side matches the other.
type Side int

const (
	Job       Side = C.SKM_SIDE_JOB
	Candidate Side = C.SKM_SIDE_CANDIDATE
)

// MaxK is the largest k a query accepts.
const MaxK = C.SKM_MAX_K

// Version is the version of the library actually loaded, "MAJOR.MINOR.PATCH".
func Version() string { return C.GoString(C.skm_version()) }

// cString copies s for C (free with C.free). A NUL byte inside is refused, since C would silently
// read only the text before it.
func cString(s, what string) (*C.char, error) {
	if at := strings.IndexByte(s, 0); at >= 0 {
		return nil, bindingError(StatusInvalidArgument, what+" contains a NUL byte at offset "+itoa(at))
	}
	return C.CString(s), nil
}

func free(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

func goString(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
