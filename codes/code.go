package codes

import (
	"net/http"
	"sort"
	"strconv"
)

// A Code is an API Switch error code, the number a client sees in the Code member of an
// error body. A Code is also an error, so a handler may return one as it is.
type Code int

// entry is one row of the generated table.
type entry struct {
	code   Code
	name   string
	status int
	grpc   uint32
}

// byName indexes table by wire name.
var byName = func() map[string]Code {
	m := make(map[string]Code, len(table))
	for _, e := range table {
		m[e.name] = e.code
	}
	return m
}()

// find returns the table entry of c.
func find(c Code) (entry, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].code >= c })
	if i < len(table) && table[i].code == c {
		return table[i], true
	}
	return entry{}, false
}

// String returns the wire name of c, such as "APP_NOT_FOUND", or "Code(N)" for a number
// that is not an API Switch code.
func (c Code) String() string {
	if e, ok := find(c); ok {
		return e.name
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// Error returns the wire name of c, so that a Code can be returned as an error.
func (c Code) Error() string { return c.String() }

// HTTPStatus returns the HTTP status of responses carrying c. A number that is not an API
// Switch code gets 500, as an internal error would.
func (c Code) HTTPStatus() int {
	if e, ok := find(c); ok {
		return e.status
	}
	return http.StatusInternalServerError
}

// GRPCCode returns the canonical gRPC status code of c, as numbered by google.rpc.Code and
// grpc-go's codes.Code: 5 (NotFound) for APP_NOT_FOUND. The progress codes, which are not
// errors, return 0 (OK). A number that is not an API Switch code gets 13 (Internal), as an
// internal error would. This package does not import gRPC: convert with
// codes.Code(c.GRPCCode()) in grpc-go.
func (c Code) GRPCCode() uint32 {
	if e, ok := find(c); ok {
		return e.grpc
	}
	return grpcInternal
}

// grpcInternal is google.rpc.Code INTERNAL.
const grpcInternal = 13

// Known reports whether c is one of the codes of the table.
func (c Code) Known() bool {
	_, ok := find(c)
	return ok
}

// ByNumber returns the code with number n.
func ByNumber(n int) (Code, bool) {
	c := Code(n)
	return c, c.Known()
}

// ByName returns the code whose wire name is name, such as "APP_NOT_FOUND". The match is exact.
func ByName(name string) (Code, bool) {
	c, ok := byName[name]
	return c, ok
}

// All returns every code in numeric order. The slice is a copy the caller may keep.
func All() []Code {
	all := make([]Code, len(table))
	for i, e := range table {
		all[i] = e.code
	}
	return all
}
