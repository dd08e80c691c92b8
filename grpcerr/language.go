package grpcerr

import (
	"context"
	"sync"

	"google.golang.org/grpc/metadata"

	"github.com/apiswitch/errcode/i18n"
)

// Incoming metadata keys a Server negotiates the language from, in this order; then the
// LangKey option's key.
const (
	keyAcceptLanguage        = "accept-language"
	keyGatewayAcceptLanguage = "grpcgateway-accept-language" // what grpc-gateway forwards
	keyContentLanguage       = "content-language"
)

// localizer chooses the language of a call's error: every accept-language value, else
// every grpcgateway-accept-language value, through the catalog's negotiation; else the
// LangKey tag if the catalog has that language; else the default language.
func (s *Server) localizer(ctx context.Context) i18n.Localizer {
	if v := metadata.ValueFromIncomingContext(ctx, keyAcceptLanguage); present(v) {
		return s.cat.Localizer(v...)
	}
	if v := metadata.ValueFromIncomingContext(ctx, keyGatewayAcceptLanguage); present(v) {
		return s.cat.Localizer(v...)
	}
	if s.opts.langKey != "" {
		if v := metadata.ValueFromIncomingContext(ctx, s.opts.langKey); len(v) > 0 {
			if l, ok := s.cat.LocalizerFor(v[0]); ok {
				return l
			}
		}
	}
	return s.cat.Localizer()
}

// present reports whether a metadata key has a value that is not empty.
func present(values []string) bool {
	for _, v := range values {
		if v != "" {
			return true
		}
	}
	return false
}

// An mdCache holds the content-language metadata of each language tag, so that an error
// sets it without allocating. grpc-go copies what SetTrailer is given, so one value serves
// every call.
type mdCache struct{ m sync.Map } // string → metadata.MD

func (c *mdCache) get(tag string) metadata.MD {
	if md, ok := c.m.Load(tag); ok {
		return md.(metadata.MD)
	}
	md := metadata.MD{keyContentLanguage: {tag}}
	c.m.Store(tag, md)
	return md
}
