package middleware_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// writes is an inner handler: it sets headers, writes a status, then the body in parts.
type writes struct {
	header http.Header
	status int
	parts  []string
}

func (wr writes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range wr.header {
		w.Header()[k] = v
	}
	if wr.status != 0 {
		w.WriteHeader(wr.status)
	}
	for _, p := range wr.parts {
		w.Write([]byte(p))
	}
}

func jsonHeader(kv ...string) http.Header {
	h := http.Header{"Content-Type": {"application/json"}}
	for i := 0; i < len(kv); i += 2 {
		h[kv[i]] = []string{kv[i+1]}
	}
	return h
}

func TestFill(t *testing.T) {
	t.Parallel()
	long := `{"Code":10205,"Pad":"` + strings.Repeat("x", 100) + `"}`
	tests := []struct {
		name     string
		opts     []middleware.Option
		method   string
		in       writes
		want     string // "" means the body must come out unchanged
		headers  map[string]string
		reported bool
	}{
		{name: "missing Message", in: writes{jsonHeader(), 404, []string{`{"Code":10205}`}},
			want:    `{"Code":10205,"Message":"The app was not found."}`,
			headers: map[string]string{"Content-Language": "en-US", "Vary": "Accept-Language", "Content-Length": ""}},
		{name: "empty Message, members kept", in: writes{jsonHeader(), 404, []string{`{"Id":12345678901234567890,"Code":10205, "Message" : "" ,"x":{"y":[1.50]}}`}},
			want: `{"Id":12345678901234567890,"Code":10205, "Message" : "The app was not found." ,"x":{"y":[1.50]}}`},
		{name: "null Message", in: writes{jsonHeader(), 500, []string{`{"Message":null,"Code":10004}`}},
			want: `{"Message":"An internal error occurred.","Code":10004}`},
		{name: "Content-Length fixed", in: writes{jsonHeader("Content-Length", "14"), 404, []string{`{"Code":10205}`}},
			want: `{"Code":10205,"Message":"The app was not found."}`, headers: map[string]string{"Content-Length": "49"}},
		{name: "written in parts", in: writes{jsonHeader(), 404, []string{`{"Co`, `de":10`, `205}`}},
			want: `{"Code":10205,"Message":"The app was not found."}`},
		{name: "problem+json, charset, spaces", in: writes{http.Header{"Content-Type": {"Application/Problem+JSON ; charset=utf-8"}}, 401, []string{" {\"Code\":10101}\n"}},
			want: " {\"Code\":10101,\"Message\":\"The access token is invalid or has expired.\"}\n"},
		{name: "escaped name", in: writes{jsonHeader(), 404, []string{`{"\u0043ode":10205}`}},
			want: `{"\u0043ode":10205,"Message":"The app was not found."}`},
		{name: "Vary kept", in: writes{jsonHeader("Vary", "Origin"), 404, []string{`{"Code":10205}`}},
			want: `{"Code":10205,"Message":"The app was not found."}`, headers: map[string]string{"Vary": "Origin | Accept-Language"}},
		{name: "overwrite", opts: []middleware.Option{middleware.Overwrite(true)}, in: writes{jsonHeader(), 404, []string{`{"Code":10205,"Message":"app missing"}`}},
			want: `{"Code":10205,"Message":"The app was not found."}`},
		{name: "validators and digests of the replaced bytes dropped", in: writes{jsonHeader("Etag", `"abc"`, "Digest", "sha-256=x",
			"Content-Digest", "sha-256=:x:", "Repr-Digest", "sha-256=:x:", "Content-Md5", "x", "Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT"),
			404, []string{`{"Code":10205}`}},
			want: `{"Code":10205,"Message":"The app was not found."}`,
			headers: map[string]string{"Etag": "", "Digest": "", "Content-Digest": "", "Repr-Digest": "", "Content-Md5": "",
				"Last-Modified": "Mon, 02 Jan 2006 15:04:05 GMT"}},
		{name: "3XX", in: writes{jsonHeader(), 409, []string{`{"Code":10202}`}}, want: `{"Code":10202,"Message":"An app with this name already exists."}`},

		{name: "Message kept", in: writes{jsonHeader(), 404, []string{`{"Code":10205,"Message":"app missing"}`}},
			headers: map[string]string{"Content-Language": "", "Vary": ""}},
		{name: "not filled: validators kept", in: writes{jsonHeader("Etag", `"abc"`), 404, []string{`{"Code":10205,"Message":"app missing"}`}},
			headers: map[string]string{"Etag": `"abc"`}},
		{name: "Message not a string", in: writes{jsonHeader(), 404, []string{`{"Code":10205,"Message":0}`}}},
		{name: "2XX", in: writes{jsonHeader(), 200, []string{`{"Code":10205}`}}},
		{name: "2XX implicit", in: writes{jsonHeader(), 0, []string{`{"Code":10205}`}}},
		{name: "progress code", in: writes{jsonHeader(), 202, []string{`{"Code":10320}`}}},
		{name: "text", in: writes{http.Header{"Content-Type": {"text/plain"}}, 404, []string{`{"Code":10205}`}}},
		{name: "no content type", in: writes{nil, 404, []string{`{"Code":10205}`}}},
		{name: "ndjson", in: writes{http.Header{"Content-Type": {"application/x-ndjson"}}, 404, []string{`{"Code":10205}`}}},
		{name: "encoded", in: writes{jsonHeader("Content-Encoding", "gzip"), 404, []string{`{"Code":10205}`}}},
		{name: "trailer", in: writes{jsonHeader("Trailer", "X-Sum"), 404, []string{`{"Code":10205}`}}},
		{name: "HEAD", method: "HEAD", in: writes{jsonHeader(), 404, nil}},
		{name: "304", in: writes{jsonHeader(), 304, nil}},
		{name: "invalid JSON", in: writes{jsonHeader(), 404, []string{`{"Code":10205,}`}}},
		{name: "two values", in: writes{jsonHeader(), 404, []string{`{"Code":10205}{}`}}},
		{name: "array", in: writes{jsonHeader(), 404, []string{`[{"Code":10205}]`}}},
		{name: "no Code", in: writes{jsonHeader(), 404, []string{`{"code":10205}`}}},
		{name: "Code a string", in: writes{jsonHeader(), 404, []string{`{"Code":"10205"}`}}},
		{name: "Code twice", in: writes{jsonHeader(), 404, []string{`{"Code":10205,"Code":10004}`}}},
		{name: "Message twice", in: writes{jsonHeader(), 404, []string{`{"Code":10205,"Message":"","Message":""}`}}},
		{name: "unknown code", in: writes{jsonHeader(), 404, []string{`{"Code":99999}`}}, reported: true},
		{name: "fractional code", in: writes{jsonHeader(), 404, []string{`{"Code":10205.0}`}}, reported: true},
		{name: "negative code", in: writes{jsonHeader(), 404, []string{`{"Code":-10205}`}}, reported: true},
		{name: "length mismatch", in: writes{jsonHeader("Content-Length", "20"), 404, []string{`{"Code":10205}`}}},
		{name: "declared over bound", opts: []middleware.Option{middleware.MaxBody(64)}, in: writes{jsonHeader("Content-Length", strconv.Itoa(len(long))), 404, []string{long}}},
		{name: "grows over bound", opts: []middleware.Option{middleware.MaxBody(64)}, in: writes{jsonHeader(), 404, []string{long[:50], long[50:]}}},
		{name: "fill off", opts: []middleware.Option{middleware.MaxBody(0)}, in: writes{jsonHeader(), 404, []string{`{"Code":10205}`}}},
	}
	cat := newCatalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var rec recorded
			opts := append([]middleware.Option{middleware.OnError(rec.hook)}, tt.opts...)
			method := tt.method
			if method == "" {
				method = "GET"
			}
			w := serve(middleware.New(cat, opts...)(tt.in), request(method, "/", "en"))
			in := strings.Join(tt.in.parts, "")
			want := tt.want
			if want == "" {
				want = in
			}
			status := tt.in.status
			if status == 0 {
				status = 200
			}
			if w.Code != status || w.Body.String() != want {
				t.Errorf("got %d %s\nwant %d %s", w.Code, w.Body, status, want)
			}
			if tt.want == "" && len(tt.headers) == 0 {
				checkHeaders(t, w.Header(), map[string]string{"Content-Language": "", "Vary": joined(tt.in.header["Vary"])})
			}
			checkHeaders(t, w.Header(), tt.headers)
			errs := rec.all()
			if got := len(errs) > 0; got != tt.reported || got && !errors.Is(errs[0], middleware.ErrUnknownCode) {
				t.Errorf("OnError told %v, want reported = %v", errs, tt.reported)
			}
		})
	}
}

// TestFillTemplateData fills messages with placeholders from the body's other top-level
// members.
func TestFillTemplateData(t *testing.T) {
	t.Parallel()
	cat, err := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"未找到应用 {{.Name}}\"\nINTERNAL_ERROR = \"内部错误\"\n")},
		"en-US.toml": {Data: []byte("APP_NOT_FOUND = \"The app {{.Name}} was not found.\"\nINTERNAL_ERROR = \"An internal error occurred.\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, in, want string
	}{
		{"en", `{"Code":10205,"Name":"web"}`, `{"Code":10205,"Message":"The app web was not found.","Name":"web"}`},
		{"zh", `{"Code":10205,"Name":"web"}`, `{"Code":10205,"Message":"未找到应用 web","Name":"web"}`},
		{"en", `{"Name":"a \"b\" \u00e9","Code":10205,"Message":""}`, `{"Name":"a \"b\" \u00e9","Code":10205,"Message":"The app a \"b\" é was not found."}`},
		{"en", `{"Code":10205,"Name":9007199254740993}`, `{"Code":10205,"Message":"The app 9007199254740993 was not found.","Name":9007199254740993}`},
		{"en", `{"Code":10205,"Name":true}`, `{"Code":10205,"Message":"The app true was not found.","Name":true}`},
		{"en", `{"Code":10205,"N\u0061me":"web"}`, `{"Code":10205,"Message":"The app web was not found.","N\u0061me":"web"}`},
		{"en", `{"Code":10205,"Name":"<b>&"}`, `{"Code":10205,"Message":"The app \u003cb\u003e\u0026 was not found.","Name":"<b>&"}`},
	}
	h := middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(404)
		io.Copy(w, r.Body)
	}))
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/", strings.NewReader(tt.in))
		r.Header.Set("Accept-Language", tt.lang)
		if w := serve(h, r); w.Body.String() != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.lang, tt.in, w.Body, tt.want)
		}
	}
	// Without the data (null, an object, no member) the message is still filled and never
	// shows "<no value>"; what it says is the catalog's fallback rule.
	for _, in := range []string{`{"Code":10205}`, `{"Code":10205,"Name":null}`, `{"Code":10205,"Name":{"x":1}}`} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(in))
		r.Header.Set("Accept-Language", "en")
		w := serve(h, r)
		var got struct{ Message string }
		if json.Unmarshal(w.Body.Bytes(), &got) != nil || got.Message == "" || strings.Contains(got.Message, "no value") {
			t.Errorf("%s: %s", in, w.Body)
		}
	}
}
