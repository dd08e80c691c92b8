// Command apiswitch serves the API Switch error catalog and, with -upstream, localizes the
// error bodies of a back end. See package server for what it does and
//
//	go run ./cmd/apiswitch -help
//
// for its flags.
package main

import (
	"os"

	"github.com/apiswitch/errcode/server"
)

func main() {
	os.Exit(server.Main(os.Args[1:], os.Stdout, os.Stderr))
}
