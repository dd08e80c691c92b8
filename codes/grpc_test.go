package codes_test

import (
	"testing"

	"github.com/apiswitch/errcode/codes"
)

func TestGRPCCode(t *testing.T) {
	for _, tc := range []struct {
		code codes.Code
		want uint32
	}{
		{codes.AppNotFound, 5},
		{codes.IllegalParameter, 3},
		{codes.TokenInvalid, 16},
		{codes.Forbidden, 7},
		{codes.QuotaExceed, 8},
		{codes.AppNameDuplicated, 6},
		{codes.AppStateError, 9},
		{codes.SubmittingInProgress, 10},
		{codes.InternalError, 13},
		{codes.VolExpandContinue, 0},
		{codes.Code(1), 13},
	} {
		if got := tc.code.GRPCCode(); got != tc.want {
			t.Errorf("%s.GRPCCode() = %d, want %d", tc.code, got, tc.want)
		}
	}
	for _, c := range codes.All() {
		if ok := c.GRPCCode() == 0; ok != (c.HTTPStatus() < 300) {
			t.Errorf("%s: gRPC %d with HTTP %d: only the 2XX progress codes are OK", c, c.GRPCCode(), c.HTTPStatus())
		}
	}
}
