package middleware_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// observed collects the outcomes Observe reports.
type observed struct {
	mu  sync.Mutex
	all []middleware.Outcome
}

func (o *observed) hook(r *http.Request, out middleware.Outcome) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.all = append(o.all, out)
}

func TestObserve(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    middleware.Outcome // Duration is not compared
	}{
		{"typed", func(w http.ResponseWriter, r *http.Request) { middleware.WriteError(w, r, codes.AppNotFound) },
			middleware.Outcome{Status: 404, Code: codes.AppNotFound, Lang: "en-US", Bytes: int64(len(`{"Code":10205,"Message":"The app was not found."}`))}},
		{"filled", writes{jsonHeader(), 404, []string{`{"Code":10205}`}}.ServeHTTP,
			middleware.Outcome{Status: 404, Code: codes.AppNotFound, Lang: "en-US", Bytes: int64(len(`{"Code":10205,"Message":"The app was not found."}`))}},
		{"Message kept", writes{jsonHeader(), 409, []string{`{"Code":10202,"Message":"taken"}`}}.ServeHTTP,
			middleware.Outcome{Status: 409, Code: codes.AppNameDuplicated, Bytes: 32}},
		{"unknown code", writes{jsonHeader(), 418, []string{`{"Code":424242}`}}.ServeHTTP,
			middleware.Outcome{Status: 418, Code: 424242, Bytes: 15}},
		{"2XX", writes{jsonHeader(), 200, []string{`{"Code":10205}`}}.ServeHTTP,
			middleware.Outcome{Status: 200, Bytes: 14}},
		{"implicit 200", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) },
			middleware.Outcome{Status: 200, Bytes: 2}},
		{"not JSON", writes{http.Header{"Content-Type": {"text/plain"}}, 404, []string{`{"Code":10205}`}}.ServeHTTP,
			middleware.Outcome{Status: 404, Bytes: 14}},
		{"panic", func(w http.ResponseWriter, r *http.Request) { panic("x") },
			middleware.Outcome{Status: 500, Code: codes.InternalError, Lang: "en-US", Bytes: int64(len(`{"Code":10004,"Message":"An internal error occurred."}`))}},
	}
	cat := newCatalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var obs observed
			h := middleware.New(cat, middleware.Observe(obs.hook), middleware.OnError(func(*http.Request, error) {}))(tt.handler)
			serve(h, request("GET", "/", "en"))
			if len(obs.all) != 1 {
				t.Fatalf("observed %d outcomes, want 1", len(obs.all))
			}
			got := obs.all[0]
			if got.Duration <= 0 {
				t.Errorf("Duration %v", got.Duration)
			}
			if got.End.IsZero() {
				t.Errorf("End is zero")
			}
			got.Duration, got.End = 0, time.Time{}
			if got != tt.want {
				t.Errorf("outcome %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestObserveAborted(t *testing.T) {
	t.Parallel()
	var obs observed
	h := middleware.New(newCatalog(t), middleware.Observe(obs.hook), middleware.OnError(func(*http.Request, error) {}))(
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"items":[`))
			panic("x")
		}))
	if _, v := servePanic(h, request("GET", "/", "en")); v != http.ErrAbortHandler {
		t.Fatalf("panicked with %v", v)
	}
	if len(obs.all) != 1 || !obs.all[0].Aborted || obs.all[0].Status != 200 {
		t.Errorf("observed %+v, want one aborted 200", obs.all)
	}
}
