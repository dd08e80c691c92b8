//go:build !unix

package server

import "net"

// pending cannot peek a socket here: the guard relies on reads alone.
func pending(net.Conn, []byte) int { return 0 }
