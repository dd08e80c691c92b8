package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/apiswitch/errcode/internal/localefile"
)

// config is what the command line says.
type config struct {
	addr            string
	upstream        *url.URL // nil: no gateway
	locales         string   // "": the embedded locales
	logFormat       string
	shutdownTimeout time.Duration
	gateway         gatewayConfig
	serveIncomplete bool // serve a language that lacks messages, falling back for them
}

// The gateway's bounds, unless the command line says otherwise.
const (
	// DefaultUpstreamTimeout bounds a whole proxied exchange, as the server's write
	// timeout bounds its own answers.
	DefaultUpstreamTimeout = 60 * time.Second
	// DefaultUpstreamIdleTimeout bounds how long a back end may stay silent: before its
	// response's headers, and between two reads of its body.
	DefaultUpstreamIdleTimeout = 30 * time.Second
)

// errUsage marks a command line that is wrong, as opposed to a failure while running.
var errUsage = errors.New("usage")

// parseConfig reads the flags of args. Each flag's default comes from an environment
// variable (getenv) when it is set, so that a container can be configured either way.
func parseConfig(args []string, getenv func(string) string, output io.Writer) (config, error) {
	var c config
	var upstream string
	fs := flag.NewFlagSet("apiswitch", flag.ContinueOnError)
	fs.SetOutput(output)
	fs.StringVar(&c.addr, "addr", env(getenv, "APISWITCH_ADDR", "127.0.0.1:8080"), "listen on this `address` (env APISWITCH_ADDR)")
	fs.StringVar(&upstream, "upstream", env(getenv, "APISWITCH_UPSTREAM", ""), "reverse-proxy every other path to this back end `URL`, filling error messages (env APISWITCH_UPSTREAM)")
	fs.StringVar(&c.locales, "locales", env(getenv, "APISWITCH_LOCALES", ""), "load message files from `DIR` and reload them when they change or on SIGHUP, instead of the embedded ones (env APISWITCH_LOCALES)")
	fs.BoolVar(&c.serveIncomplete, "serve-incomplete", envBool(getenv, "APISWITCH_SERVE_INCOMPLETE"), "serve a language whose files lack some messages, which then fall back to zh-CN; by default such a language is not served until complete (env APISWITCH_SERVE_INCOMPLETE=true)")
	fs.StringVar(&c.logFormat, "log-format", env(getenv, "APISWITCH_LOG_FORMAT", "text"), "log as `text` or json (env APISWITCH_LOG_FORMAT)")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout", 15*time.Second, "on SIGINT or SIGTERM, let in-flight requests finish for this `duration`")
	fs.DurationVar(&c.gateway.timeout, "upstream-timeout", DefaultUpstreamTimeout, "end a proxied request, with 504 or an aborted response, after this `duration`")
	fs.DurationVar(&c.gateway.idle, "upstream-idle-timeout", DefaultUpstreamIdleTimeout, "end a proxied request when the back end sends nothing, headers or body, for this `duration`")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: apiswitch [flags]\n\nServes the API Switch error catalog on /v1/errors and, with -upstream, localizes the errors of a back end.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return c, fmt.Errorf("%w: -log-format %q: want text or json", errUsage, c.logFormat)
	}
	for _, d := range []struct {
		name  string
		value time.Duration
	}{{"shutdown-timeout", c.shutdownTimeout}, {"upstream-timeout", c.gateway.timeout}, {"upstream-idle-timeout", c.gateway.idle}} {
		if d.value <= 0 {
			return c, fmt.Errorf("%w: -%s %v: want a positive duration", errUsage, d.name, d.value)
		}
	}

	if upstream != "" {
		u, err := parseUpstream(upstream)
		if err != nil {
			return c, err
		}
		c.upstream = u
	}
	return c, nil
}

// checkLocalesDir says, before anything loads, when -locales names no directory or one
// without a *.toml file.
func checkLocalesDir(dir string) error {
	if dir == "" {
		return nil
	}
	if err := localefile.CheckDir(dir); err != nil {
		return fmt.Errorf("-locales %s: %w", dir, err)
	}
	return nil
}

// parseUpstream accepts an absolute http or https URL.
func parseUpstream(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: -upstream %q: want an http:// or https:// URL with a host", errUsage, s)
	}
	return u, nil
}

func env(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// envBool reads a boolean flag's default: true for "1", "t", "true" in any case.
func envBool(getenv func(string) string, key string) bool {
	b, _ := strconv.ParseBool(getenv(key))
	return b
}
