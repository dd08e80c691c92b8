//go:build unix

package server

import (
	"net"
	"syscall"
)

// pending returns how many bytes wait to be read on c without reading them (at most
// len(buf)), -1 when the peer has closed it, and 0 when nothing waits or c cannot be peeked.
func pending(c net.Conn, buf []byte) int {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return 0
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	// Control, not Read: the transport's reader may hold the read lock, blocked in a read.
	rc.Control(func(fd uintptr) {
		m, _, err := syscall.Recvfrom(int(fd), buf, syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		switch {
		case err != nil:
			n = 0
		case m == 0:
			n = -1
		default:
			n = m
		}
	})
	return n
}
