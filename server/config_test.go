package server

import (
	"errors"
	"flag"
	"io"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		addr     string
		upstream string
		locales  string
		err      error
	}{
		{"defaults", nil, nil, "127.0.0.1:8080", "", "", nil},
		{"env", nil, map[string]string{"APISWITCH_ADDR": ":9000", "APISWITCH_UPSTREAM": "http://b:1", "APISWITCH_LOCALES": "/l"}, ":9000", "http://b:1", "/l", nil},
		{"flags win", []string{"-addr", "127.0.0.1:0", "-upstream", "https://api.internal/base"}, map[string]string{"APISWITCH_ADDR": ":9000"}, "127.0.0.1:0", "https://api.internal/base", "", nil},
		{"help", []string{"-help"}, nil, "", "", "", flag.ErrHelp},
		{"unknown flag", []string{"-port", "1"}, nil, "", "", "", errors.New("any")},
		{"argument", []string{"serve"}, nil, "", "", "", errUsage},
		{"log format", []string{"-log-format", "xml"}, nil, "", "", "", errUsage},
		{"read header timeout", []string{"-read-header-timeout", "0s"}, nil, "", "", "", errUsage},
		{"upstream without scheme", []string{"-upstream", "localhost:9000"}, nil, "", "", "", errUsage},
		{"upstream ftp", []string{"-upstream", "ftp://host"}, nil, "", "", "", errUsage},
		{"upstream without host", []string{"-upstream", "http:///x"}, nil, "", "", "", errUsage},
	}
	for _, tt := range tests {
		cfg, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
		if tt.err != nil {
			if err == nil || (tt.err.Error() != "any" && !errors.Is(err, tt.err)) {
				t.Errorf("%s: parseConfig(%q) error %v, want %v", tt.name, tt.args, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: parseConfig(%q): %v", tt.name, tt.args, err)
			continue
		}
		up := ""
		if cfg.upstream != nil {
			up = cfg.upstream.String()
		}
		if cfg.addr != tt.addr || up != tt.upstream || cfg.locales != tt.locales || cfg.logFormat != "text" || cfg.shutdownTimeout != 15*time.Second || cfg.headerTimeout != DefaultReadHeaderTimeout {
			t.Errorf("%s: parseConfig(%q) = %+v", tt.name, tt.args, cfg)
		}
	}
}
