package grpcerr_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDependencies checks that only importers of this package pay for gRPC: the core
// packages depend on neither gRPC nor protobuf, and this package not on grpc-gateway.
func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	for _, tc := range []struct {
		pkg       string
		forbidden []string
	}{
		{"github.com/apiswitch/errcode/codes", []string{"google.golang.org/", "github.com/grpc-ecosystem/"}},
		{"github.com/apiswitch/errcode/i18n", []string{"google.golang.org/", "github.com/grpc-ecosystem/"}},
		{"github.com/apiswitch/errcode/middleware", []string{"google.golang.org/", "github.com/grpc-ecosystem/"}},
		{"github.com/apiswitch/errcode/grpcerr", []string{"github.com/grpc-ecosystem/"}},
	} {
		t.Run(filepath.Base(tc.pkg), func(t *testing.T) {
			out, err := exec.Command(goTool(), "list", "-deps", "-test=false", tc.pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, out)
			}
			deps := strings.Fields(string(out))
			if len(deps) < 2 || deps[len(deps)-1] != tc.pkg {
				t.Fatalf("go list -deps %s gave no dependencies: %q", tc.pkg, out)
			}
			for _, d := range deps {
				for _, f := range tc.forbidden {
					if strings.HasPrefix(d, f) {
						t.Errorf("%s depends on %s", tc.pkg, d)
					}
				}
			}
		})
	}
}

// goTool returns the go command of the toolchain running the test.
func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); runtime.GOROOT() != "" {
		return p
	}
	return "go"
}
