package framing

import "testing"

// Messages as the gateway's connections carry them: a browser-like request, the request the
// reverse proxy sends to a back end, a back end's response, and the revalidation of the
// catalog list that server's BenchmarkCatalogTCP sends (loadgen.GET's bytes, with the
// catalog's ETag: version, code table, language).
const (
	benchRequest = "GET /apps/web HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\r\n" +
		"Accept: application/json\r\nAccept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n"
	benchUpstream = "GET /apps/web HTTP/1.1\r\nHost: 127.0.0.1:9090\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\r\n" +
		"Accept: application/json\r\nAccept-Encoding: gzip, deflate, br\r\nAccept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\n" +
		"X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Host: 127.0.0.1:8080\r\nX-Forwarded-Proto: http\r\n\r\n"
	benchResponse = "HTTP/1.1 200 OK\r\nContent-Length: 64\r\nContent-Type: application/json\r\n" +
		"Date: Sat, 28 Nov 2026 00:31:14 GMT\r\n\r\n" +
		`{"Name":"web","Image":"nginx:1.27","Replicas":3,"State":"run"}` + "\r\n"
	benchTCP = "GET /v1/errors HTTP/1.1\r\nHost: 127.0.0.1:40919\r\nAccept-Language: en-US,en;q=0.9\r\n" +
		`If-None-Match: "5f0c3a9e1b7d24c68a0e13f7-9b2e41d0-en-US"` + "\r\n\r\n"
)

// BenchmarkFeed follows one message per op, fed in one piece as a read returns it.
func BenchmarkFeed(b *testing.B) {
	for _, bm := range []struct{ name, msg string }{
		{"request", benchRequest},
		{"upstream", benchUpstream},
		{"tcpbench", benchTCP},
	} {
		b.Run(bm.name, func(b *testing.B) {
			s, p := Requests(), []byte(bm.msg)
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			for b.Loop() {
				if s.Feed(p) != len(p) || s.State() != Idle {
					b.Fatal("not followed")
				}
			}
		})
	}
	b.Run("response", func(b *testing.B) {
		s, p := Responses(), []byte(benchResponse)
		b.SetBytes(int64(len(p)))
		b.ReportAllocs()
		for b.Loop() {
			s.Expect()
			s.Method("GET")
			if s.Feed(p) != len(p) || s.State() != Idle {
				b.Fatal("not followed")
			}
		}
	})
}
