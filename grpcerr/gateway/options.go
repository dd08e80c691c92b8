package gateway

import (
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/middleware"
)

// An Option configures ErrorHandler. The zero configuration works: the domain is
// grpcerr.DefaultDomain and the middleware has its default options.
type Option func(*options)

type options struct {
	domain     string
	middleware []middleware.Option
}

func newOptions(opts []Option) options {
	o := options{domain: grpcerr.DefaultDomain}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Domain sets the ErrorInfo domain of the statuses to answer as API Switch errors; it must
// be the gRPC servers' (grpcerr.Domain). It panics if d is empty.
func Domain(d string) Option {
	if d == "" {
		panic("gateway: empty Domain")
	}
	return func(o *options) { o.domain = d }
}

// Middleware sets the options of the middleware the handler writes errors with, when the
// gateway does not run inside one: give the options of the middleware.New that serves
// the rest of the API (Query, Members, OnError...) so that its errors look the same.
// Inside a middleware, that middleware's options apply and these are not used.
func Middleware(opts ...middleware.Option) Option {
	return func(o *options) { o.middleware = append(o.middleware, opts...) }
}
