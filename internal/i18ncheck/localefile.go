package i18ncheck

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// A File is one parsed locale file.
type File struct {
	Path   string // as reported in positions
	Locale string // the language tag its name gives, as go-i18n reads it
	// Broken is set when the TOML does not decode: go-i18n loads nothing from it, and
	// i18ncheck knows none of its messages.
	Broken bool
	// Rejected is set when go-i18n's loader would return an error for the file.
	Rejected bool
	Messages []*Message // in file order
	Findings []Finding
	src      string
	keys     *keyIndex // while the file is walked
	buf      []byte    // for pos, which runs once per key
	joins    []join
}

// reservedKeys are go-i18n's message keys, lower-cased; see go-i18n's isReserved.
var reservedKeys = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
	"translation": true,
}

// isReservedKey reports whether key is one of go-i18n's message keys, in any case.
func isReservedKey(key string) bool {
	var buf [len("translation")]byte // the longest
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= utf8.RuneSelf { // lower-casing may shorten it, as for "İD"
			return reservedKeys[strings.ToLower(key)]
		}
		if i < len(buf) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
	}
	return len(key) <= len(buf) && reservedKeys[string(buf[:len(key)])]
}

// isReserved reports whether key = v makes its table a message, as go-i18n decides.
func isReserved(key string, v any) bool {
	if !isReservedKey(key) {
		return false
	}
	_, isString := v.(string)
	return key == "translation" || isString
}

// parseFile decodes src, the content of the locale file at path, into messages the way
// go-i18n would, and reports what would make go-i18n fail or load something unintended.
// Keys that joined a table are kept for resolveJoins.
func parseFile(path, locale, src string) *File {
	f := &File{Path: path, Locale: locale, src: src}
	// Like go-i18n, decode into an interface: the decoder then hands over its own table
	// rather than copying it into a map.
	var decoded any
	if _, err := toml.Decode(src, &decoded); err != nil {
		f.Broken, f.Rejected = true, true
		f.Findings = append(f.Findings, f.decodeFinding(err))
		return f
	}
	raw, _ := decoded.(map[string]any)
	f.keys = scanTOML(src)
	w := &walker{f: f}
	w.walk(make([]string, 0, 8), raw)
	f.keys, f.buf = nil, nil // only the walker needs positions: let them go
	sortMessages(f.Messages)
	return f
}

// decodeFinding turns a TOML error into a finding at its position.
func (f *File) decodeFinding(err error) Finding {
	fd := Finding{Check: CheckSyntax, Severity: Error, Pos: Position{File: f.Path, Line: 1, Col: 1}, Locale: f.Locale, Subject: f.Path}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		fd.Message = "TOML: " + err.Error()
		return fd
	}
	fd.Pos.Line, fd.Pos.Col = max(pe.Position.Line, 1), max(pe.Position.Col, 1)
	fd.Message = "TOML: " + strings.TrimSuffix(pe.Message, ".") + "; go-i18n loads nothing from this file"
	if strings.Contains(pe.Message, "has already been defined") {
		fd.Check = CheckDuplicate
	}
	fd.Detail = pe.Message
	return fd
}

// pos returns the position of the key or header at path, or the file's start.
func (f *File) pos(path []string) Position {
	f.buf = f.buf[:0]
	for i, p := range path {
		if i > 0 {
			f.buf = append(f.buf, 0)
		}
		f.buf = append(f.buf, p...)
	}
	if k, ok := f.keys.keys[string(f.buf)]; ok {
		return Position{File: f.Path, Line: k.Line, Col: k.Col}
	}
	return Position{File: f.Path, Line: 1, Col: 1}
}

// firstKeyPos returns the earliest position of a key under path, for tables that have no
// header, such as those made by dotted keys.
func (f *File) firstKeyPos(path []string, m map[string]any) Position {
	if k, ok := f.keys.keys[pathKey(path)]; ok {
		return Position{File: f.Path, Line: k.Line, Col: k.Col}
	}
	best := Position{File: f.Path, Line: 1, Col: 1}
	for k := range m {
		p := f.pos(append(slices.Clone(path), k))
		if p.Line > 1 && (best.Line == 1 || p.Line < best.Line) {
			best = p
		}
	}
	return best
}

type walker struct {
	f *File
}

// syntax reports a problem that makes go-i18n reject the file.
func (w *walker) syntax(pos Position, subject, format string, args ...any) {
	w.f.Rejected = true
	w.odd(pos, subject, format, args...)
}

// odd reports a problem go-i18n accepts, loading something other than what was meant.
func (w *walker) odd(pos Position, subject, format string, args ...any) {
	w.f.Findings = append(w.f.Findings, Finding{
		Check: CheckSyntax, Severity: Error, Pos: pos, Locale: w.f.Locale, Subject: subject,
		Message: fmt.Sprintf(format, args...), Detail: fmt.Sprintf(format, args...),
	})
}

// walk follows go-i18n's recGetMessages: a table holding only reserved keys is a message,
// one holding none is a namespace whose keys join the id with ".", and one holding both is
// an error that makes go-i18n reject the whole file.
//
// path is the id so far. The walker goes depth first and keeps no path, so a child appends
// its key to path in place: the slice is a stack, with room for the usual depth.
func (w *walker) walk(path []string, m map[string]any) {
	var buf [8]string
	var fieldBuf [8]keyValue
	reserved, fields := buf[:0], fieldBuf[:0]
	for k, v := range m {
		if isReserved(k, v) {
			reserved = append(reserved, k)
			fields = append(fields, keyValue{k, v})
		}
	}
	slices.Sort(reserved)
	switch {
	case len(reserved) > 0 && len(reserved) < len(m):
		w.mixed(path, m, reserved, unreservedKeys(m))
	case len(reserved) > 0 && len(path) == 0:
		k := reserved[0]
		w.odd(w.f.pos([]string{k}), k, "key %q at the top level makes the whole file one message without an id; put messages in [ID] tables", k)
	case len(reserved) > 0:
		w.message(path, m, fields)
	default:
		for k, v := range m { // any order: messages and findings are sorted later
			w.child(path, k, v)
		}
	}
}

// child handles the value of key k in the namespace path.
func (w *walker) child(path []string, k string, v any) {
	p := append(path, k)
	switch v := v.(type) {
	case string:
		msg := w.newMessage(p, w.f.pos(p))
		msg.Forms["other"] = v
		msg.FormPos["other"] = msg.Pos
		w.f.Messages = append(w.f.Messages, msg)
	case map[string]any:
		w.walk(p, v)
	case []any:
		id := strings.Join(p, ".")
		if err := goi18nAccepts(k, v); err != nil {
			w.syntax(w.f.pos(p), id, "%q is a TOML array that go-i18n rejects: %v", id, err)
			return
		}
		w.odd(w.f.pos(p), id, "%q is a TOML array; a message is a string or a table of strings", id)
	default:
		w.syntax(w.f.pos(p), strings.Join(p, "."), "%q is a TOML %s; a message is a string or a table of strings", strings.Join(p, "."), tomlType(v))
	}
}

// mixed reports a table that mixes reserved keys with ids, then recovers what was meant.
func (w *walker) mixed(path []string, m map[string]any, reserved, unreserved []string) {
	if len(path) == 0 {
		for _, k := range reserved {
			w.syntax(w.f.pos([]string{k}), k, "reserved key %q outside any table, among message ids: go-i18n rejects the file", k)
		}
		for _, k := range unreserved {
			w.child(path, k, m[k])
		}
		return
	}
	table := strings.Join(path, ".")
	msgPart := map[string]any{}
	fields := make([]keyValue, 0, len(reserved))
	for _, k := range reserved {
		msgPart[k] = m[k]
		fields = append(fields, keyValue{k, m[k]})
	}
	w.message(path, msgPart, fields)
	for _, k := range unreserved {
		p := append(path, k)
		s, isString := m[k].(string)
		switch {
		case reservedKeys[strings.ToLower(k)]:
			w.syntax(w.f.pos(p), table, "%q of message %s is a TOML %s, want a string", k, table, tomlType(m[k]))
		case isString:
			w.f.Rejected = true
			w.f.joins = append(w.f.joins, join{table: table, key: k, text: s, pos: w.f.pos(p)})
		default:
			w.syntax(w.f.pos(p), table, "unknown key %q in message %s: go-i18n rejects the file (reserved keys mixed with ids)", k, table)
		}
	}
}

// A join is a string key in a message table that is no message key: a message written
// after a table, which joined it, or a misspelt key. Which one depends on the codes, so
// resolveJoins decides once they are known.
type join struct {
	table, key, text string
	pos              Position
}

// resolveJoins reports the joins of f: a key that names a code, or is not close to a
// reserved key, is taken for a message that joined the table above it and is recovered as
// that message; any other key is reported as unknown.
func (f *File) resolveJoins(isCode func(string) bool) {
	for _, j := range f.joins {
		fd := Finding{Check: CheckSyntax, Severity: Error, Pos: j.pos, Locale: f.Locale, Subject: j.table}
		if !isCode(j.key) && nearReserved(j.key) {
			fd.Message = fmt.Sprintf("unknown key %q in message %s: go-i18n rejects the file (reserved keys mixed with ids)", j.key, j.table)
			fd.Detail = fd.Message
			f.Findings = append(f.Findings, fd)
			continue
		}
		fd.Subject = j.key
		fd.Message = fmt.Sprintf("%q follows table [%s] and so became one of its keys: go-i18n rejects the file (reserved keys mixed with ids); move it above the first table or write it as [%s]", j.key, j.table, j.key)
		fd.Detail = fd.Message
		f.Findings = append(f.Findings, fd)
		msg := &Message{ID: j.key, Locale: f.Locale, Pos: j.pos, Forms: map[string]string{"other": j.text}, FormPos: map[string]Position{"other": j.pos}}
		f.Messages = append(f.Messages, msg)
	}
	if len(f.joins) > 0 {
		sortMessages(f.Messages)
	}
}

// sortMessages sorts ms by position, stably. It sorts the messages with their indexes, which
// is faster than a stable sort of many messages.
func sortMessages(ms []*Message) {
	type indexed struct {
		line, col, i int
		m            *Message
	}
	s := make([]indexed, len(ms))
	for i, m := range ms {
		s[i] = indexed{m.Pos.Line, m.Pos.Col, i, m}
	}
	slices.SortFunc(s, func(a, b indexed) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col), cmp.Compare(a.i, b.i))
	})
	for i := range s {
		ms[i] = s[i].m
	}
}

// A keyValue is one key of a table and its value.
type keyValue struct {
	key   string
	value any
}

// message builds the message at path from a table of reserved keys, m, whose keys and values
// are fields as well.
func (w *walker) message(path []string, m map[string]any, fields []keyValue) {
	msg := w.newMessage(path, w.f.firstKeyPos(path, m))
	for _, kv := range fields {
		w.field(msg, append(path, kv.key), kv.key, kv.value)
	}
	w.f.Messages = append(w.f.Messages, msg)
}

// field sets one reserved key of msg.
func (w *walker) field(msg *Message, p []string, k string, v any) {
	pos := w.f.pos(p)
	if sub, ok := v.(map[string]any); ok && k == "translation" {
		for _, kk := range sortedKeys(sub) {
			w.field(msg, append(p, kk), kk, sub[kk])
		}
		return
	}
	s, ok := v.(string)
	if !ok {
		w.syntax(pos, msg.ID, "%q of message %s is a TOML %s, want a string", k, msg.ID, tomlType(v))
		return
	}
	switch lk := strings.ToLower(k); lk {
	case "id":
		msg.ID = s
	case "description":
		msg.Description = s
	case "hash":
		msg.Hash, msg.HashPos = s, pos
	case "leftdelim":
		msg.LeftDelim = s
	case "rightdelim":
		msg.RightDelim = s
	case "translation":
		msg.Forms["other"], msg.FormPos["other"] = s, pos
	default:
		msg.Forms[lk], msg.FormPos[lk] = s, pos
	}
}

func (w *walker) newMessage(path []string, pos Position) *Message {
	return &Message{
		ID:      strings.Join(path, "."),
		Locale:  w.f.Locale,
		Pos:     pos,
		Forms:   map[string]string{},
		FormPos: map[string]Position{},
		Stub:    len(w.f.keys.stubs) > 0 && w.f.keys.stubs[pathKey(path)],
	}
}

// unreservedKeys returns the keys of m that are not reserved, sorted.
func unreservedKeys(m map[string]any) []string {
	var keys []string
	for k, v := range m {
		if !isReserved(k, v) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case []map[string]any:
		return "array of tables"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	case bool:
		return "boolean"
	case int64:
		return "integer"
	case float64:
		return "float"
	}
	return "date or time"
}

// nearReserved reports whether k looks like a misspelt reserved key, such as "descripton".
func nearReserved(k string) bool {
	lk := strings.ToLower(k)
	for r := range reservedKeys {
		if editDistance(lk, r) <= 2 {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// goi18nAccepts runs go-i18n's own message parser on the decoded array v under key k, so
// that the rules of its v1 array format (which elements it takes, which it refuses) are
// go-i18n's, not a copy of them.
func goi18nAccepts(k string, v []any) error {
	decoded := func(_ []byte, out any) error {
		*out.(*any) = map[string]any{k: v}
		return nil
	}
	_, err := i18n.ParseMessageBytes([]byte{'{'}, decoded)
	return err
}
