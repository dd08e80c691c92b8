package middleware

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

func TestObjectMembers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want []string // name=value, raw
		ok   bool
	}{
		{`{}`, nil, true},
		{" \n{ } \t", nil, true},
		{`{"Code":10205}`, []string{`"Code"=10205`}, true},
		{`{ "Code" : 10205 , "Message" : "" }`, []string{`"Code"=10205`, `"Message"=""`}, true},
		{`{"a":{"b":[1,{"c":"}"}]},"d":"\"}","e":-1.5e+3,"f":true,"g":null}`,
			[]string{`"a"={"b":[1,{"c":"}"}]}`, `"d"="\"}"`, `"e"=-1.5e+3`, `"f"=true`, `"g"=null`}, true},
		{`{"\u0043ode":1}`, []string{`"\u0043ode"=1`}, true},
		{`[]`, nil, false},
		{`{"Code":1}{}`, nil, false},
		{`{"Code":1,}`, nil, false},
		{`{"Code":01}`, nil, false},
		{`{"Code":1`, nil, false},
		{`{"Code" 1}`, nil, false},
		{`{"Code":"\x"}`, nil, false},
		{"{\"Code\":\"\x01\"}", nil, false},
		{`{"Code":tru}`, nil, false},
		{``, nil, false},
	}
	for _, tt := range tests {
		ms, ok := objectMembers([]byte(tt.body), nil)
		if ok != tt.ok || ok != json.Valid([]byte(tt.body)) && strings.HasPrefix(strings.TrimSpace(tt.body), "{") {
			t.Errorf("objectMembers(%q) ok = %v, want %v", tt.body, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		var got []string
		for _, m := range ms {
			got = append(got, string(m.name)+"="+tt.body[m.start:m.end])
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("objectMembers(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestObjectMembersDepth(t *testing.T) {
	t.Parallel()
	for _, n := range []int{maxDepth - 1, maxDepth, maxDepth + 1} {
		body := `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + "}"
		if _, ok := objectMembers([]byte(body), nil); ok != json.Valid([]byte(body)) {
			t.Errorf("depth %d: objectMembers ok = %v, json.Valid = %v", n, ok, !ok)
		}
	}
}

// FuzzObjectMembers checks that the scanner accepts exactly the objects json.Valid
// accepts, and that its members are what encoding/json decodes, in order.
func FuzzObjectMembers(f *testing.F) {
	for _, s := range []string{`{}`, `{"Code":10205,"Message":""}`, `{"a":[1,2,{"b":null}],"c":"\u00e9\n"}`,
		`{"n":1e400,"m":-0.5E-3}`, `{"Code":1,}`, `{"a":"\ud800"}`, " {\"a\" :\t[ ] } ", `[1]`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ms, ok := objectMembers(body, nil)
		trimmed := strings.TrimLeft(string(body), " \t\r\n")
		want := json.Valid(body) && strings.HasPrefix(trimmed, "{")
		if ok != want {
			t.Fatalf("objectMembers(%q) ok = %v, json.Valid says %v", body, ok, want)
		}
		if !ok {
			return
		}
		var kv map[string]json.RawMessage
		if err := json.Unmarshal(body, &kv); err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			var name string
			if err := json.Unmarshal(m.name, &name); err != nil {
				t.Fatalf("name %q: %v", m.name, err)
			}
			if !json.Valid(body[m.start:m.end]) {
				t.Fatalf("value %q of %q is not JSON", body[m.start:m.end], name)
			}
			if m.is("Code") != (name == "Code") || m.is("Message") != (name == "Message") {
				t.Fatalf("member %q decodes to %q, is disagrees", m.name, name)
			}
		}
		if len(kv) > len(ms) {
			t.Fatalf("%d members, encoding/json finds %d", len(ms), len(kv))
		}
	})
}

func TestQueryValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"lang=en", "en", true},
		{"a=1&lang=en-US&lang=zh", "en-US", true},
		{"lang=", "", true},
		{"lang", "", true},
		{"l%61ng=e%6E", "en", true},
		{"lang=en;x=1&lang=zh", "zh", true},
		{"lang=%zz&lang=zh", "zh", true},
		{"language=en", "", false},
		{"", "", false},
		{"&&lang=en+US", "en US", true},
	}
	for _, tt := range tests {
		got, ok := queryValue(tt.raw, "lang")
		if got != tt.want || ok != tt.ok {
			t.Errorf("queryValue(%q) = %q, %v, want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzQueryValue checks queryValue against url.ParseQuery.
func FuzzQueryValue(f *testing.F) {
	for _, s := range []string{"lang=en", "a=1&lang=zh;x", "lang=%zz&lang=en", "l%61ng=x+y", "lang&lang=en"} {
		f.Add(s, "lang")
	}
	f.Fuzz(func(t *testing.T, raw, name string) {
		got, ok := queryValue(raw, name)
		vs, _ := url.ParseQuery(raw)
		want, wantOK := "", len(vs[name]) > 0
		if wantOK {
			want = vs[name][0]
		}
		if got != want || ok != wantOK {
			t.Fatalf("queryValue(%q, %q) = %q, %v; url.ParseQuery gives %q, %v", raw, name, got, ok, want, wantOK)
		}
	})
}
