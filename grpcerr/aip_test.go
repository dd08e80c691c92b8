package grpcerr_test

import (
	"regexp"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
)

// TestAIP193Names checks the reasons and metadata keys a Server sends against the rules of
// google/rpc/error_details.proto (ErrorInfo) and AIP-193: a reason is UPPER_SNAKE_CASE of at
// most 63 characters, a metadata key matches [a-z][a-zA-Z0-9-_]+ and has at most 64.
func TestAIP193Names(t *testing.T) {
	reason := regexp.MustCompile(`^[A-Z][A-Z0-9_]+[A-Z0-9]$`)
	key := regexp.MustCompile(`^[a-z][a-zA-Z0-9-_]+$`)
	for _, c := range codes.All() {
		if name := c.String(); !reason.MatchString(name) || len(name) > 63 {
			t.Errorf("reason %q breaks AIP-193", name)
		}
	}
	for _, k := range []string{grpcerr.KeyCode, grpcerr.KeyHTTPStatus} {
		if !key.MatchString(k) || len(k) > 64 {
			t.Errorf("metadata key %q breaks AIP-193", k)
		}
	}
	if grpcerr.DefaultDomain == "" {
		t.Error("no default domain")
	}
}
