package localefile

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

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

// A walker goes over the decoded tree the way go-i18n's recGetMessages does, to find where
// each message is and to explain what go-i18n refuses or loads other than meant. When
// go-i18n accepts the file, its messages are the file's: the walker only locates them (see
// locate). When go-i18n refuses it, the walker recovers what the file meant, for diagnosis.
type walker struct {
	f     *File
	keys  *keyIndex
	buf   []byte // for pos, which runs once per key
	found []*Message
	// go-i18n's messages by id, while locating; more holds the second and later messages
	// of an id, which only odd files have.
	byID map[string]*Message
	more map[string][]*Message
	all  []*Message
}

// pos returns the position of the key or header at path, or the file's start.
func (w *walker) pos(path []string) Position {
	w.buf = w.buf[:0]
	for i, p := range path {
		if i > 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf = append(w.buf, p...)
	}
	if k, ok := w.keys.keys[string(w.buf)]; ok {
		return k
	}
	return start
}

// firstKeyPos returns the earliest position of a key under path, for tables that have no
// header, such as those made by dotted keys.
func (w *walker) firstKeyPos(path []string, m map[string]any) Position {
	if k, ok := w.keys.keys[pathKey(path)]; ok {
		return k
	}
	best := start
	for k := range m {
		p := w.pos(append(slices.Clone(path), k))
		if p.Line > 1 && (best.Line == 1 || p.Line < best.Line) {
			best = p
		}
	}
	return best
}

// rejects reports a problem that makes go-i18n reject the file.
func (w *walker) rejects(pos Position, subject, format string, args ...any) {
	w.f.walkerRejects = true
	w.problem(Rejects, pos, subject, format, args...)
}

// odd reports a problem go-i18n accepts, loading something other than what was meant.
func (w *walker) odd(pos Position, subject, format string, args ...any) {
	w.problem(Unintended, pos, subject, format, args...)
}

func (w *walker) problem(k Kind, pos Position, subject, format string, args ...any) {
	w.f.Problems = append(w.f.Problems, Problem{Pos: pos, Kind: k, Subject: subject, Text: fmt.Sprintf(format, args...)})
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
		w.odd(w.pos([]string{k}), k, "key %q at the top level makes the whole file one message without an id; put messages in [ID] tables", k)
	case len(reserved) > 0:
		w.message(path, m, fields)
	default:
		for k, v := range m { // any order: messages and problems are sorted later
			w.child(path, k, v)
		}
	}
}

// child handles the value of key k in the namespace path.
func (w *walker) child(path []string, k string, v any) {
	p := append(path, k)
	switch v := v.(type) {
	case string:
		msg := w.newMessage(strings.Join(p, "."), p, w.pos(p))
		w.setForm(msg, "other", v, msg.Pos)
	case map[string]any:
		w.walk(p, v)
	case []any:
		id := strings.Join(p, ".")
		if err := goi18nAccepts(k, v); err != nil {
			w.rejects(w.pos(p), id, "%q is a TOML array that go-i18n rejects: %v", id, err)
			return
		}
		w.odd(w.pos(p), id, "%q is a TOML array; a message is a string or a table of strings", id)
	default:
		w.rejects(w.pos(p), strings.Join(p, "."), "%q is a TOML %s; a message is a string or a table of strings", strings.Join(p, "."), tomlType(v))
	}
}

// mixed reports a table that mixes reserved keys with ids, then recovers what was meant.
func (w *walker) mixed(path []string, m map[string]any, reserved, unreserved []string) {
	if len(path) == 0 {
		for _, k := range reserved {
			w.rejects(w.pos([]string{k}), k, "reserved key %q outside any table, among message ids: go-i18n rejects the file", k)
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
			w.rejects(w.pos(p), table, "%q of message %s is a TOML %s, want a string", k, table, tomlType(m[k]))
		case isString:
			w.f.walkerRejects = true
			w.f.Joins = append(w.f.Joins, Join{Table: table, Key: k, Text: s, Pos: w.pos(p)})
		default:
			w.rejects(w.pos(p), table, "unknown key %q in message %s: go-i18n rejects the file (reserved keys mixed with ids)", k, table)
		}
	}
}

// A keyValue is one key of a table and its value.
type keyValue struct {
	key   string
	value any
}

// message handles the message at path, a table of reserved keys, m, whose keys and values
// are fields as well.
func (w *walker) message(path []string, m map[string]any, fields []keyValue) {
	msg := w.newMessage(messageID(path, fields), path, w.firstKeyPos(path, m))
	for _, kv := range fields {
		w.field(msg, append(path, kv.key), kv.key, kv.value)
	}
}

// messageID is the id go-i18n gives the message at path: its path joined with ".", or the
// value of its "id" key in place of the table's own name.
func messageID(path []string, fields []keyValue) string {
	for _, kv := range fields {
		if s, ok := kv.value.(string); ok && strings.EqualFold(kv.key, "id") {
			return strings.Join(append(slices.Clone(path[:len(path)-1]), s), ".")
		}
	}
	return strings.Join(path, ".")
}

// field handles one reserved key of msg: while locating, its position; else its value too.
func (w *walker) field(msg *Message, p []string, k string, v any) {
	pos := w.pos(p)
	if sub, ok := v.(map[string]any); ok && k == "translation" {
		for _, kk := range sortedKeys(sub) {
			w.field(msg, append(p, kk), kk, sub[kk])
		}
		return
	}
	s, ok := v.(string)
	if !ok {
		w.rejects(pos, msg.ID, "%q of message %s is a TOML %s, want a string", k, msg.ID, tomlType(v))
		return
	}
	switch lk := strings.ToLower(k); lk {
	case "id":
	case "description":
		msg.Description = s
	case "hash":
		msg.Hash, msg.HashPos = s, pos
	case "leftdelim":
		msg.LeftDelim = s
	case "rightdelim":
		msg.RightDelim = s
	case "translation":
		w.setForm(msg, "other", s, pos)
	default:
		w.setForm(msg, lk, s, pos)
	}
}

// setForm records a form of msg; while locating, go-i18n's text stays.
func (w *walker) setForm(msg *Message, name, text string, pos Position) {
	if f, ok := msg.Form(name); ok && w.byID != nil {
		text = f.Text
	}
	msg.setForm(name, text, pos)
}

// newMessage returns the message id at path: go-i18n's while locating, else a new one.
func (w *walker) newMessage(id string, path []string, pos Position) *Message {
	var m *Message
	if w.byID != nil {
		if m = w.take(id); m == nil {
			m = &Message{} // go-i18n has no such message: locate nothing
		}
	} else {
		m = &Message{ID: id}
		w.found = append(w.found, m)
	}
	m.Pos = pos
	m.Stub = len(w.keys.stubs) > 0 && w.keys.stubs[pathKey(path)]
	return m
}

// locate makes go-i18n's messages those the walker finds, for it to give them positions.
func (w *walker) locate(msgs []*goi18n.Message) {
	w.byID = make(map[string]*Message, len(msgs))
	w.all = make([]*Message, 0, len(msgs))
	for _, g := range msgs {
		if g.ID == "" {
			continue // a file that is one message without an id: reported by walk
		}
		m := &Message{ID: g.ID, Description: g.Description, Hash: g.Hash, LeftDelim: g.LeftDelim, RightDelim: g.RightDelim}
		for i, text := range []string{g.Zero, g.One, g.Two, g.Few, g.Many, g.Other} {
			if text != "" {
				m.Forms = append(m.Forms, Form{Name: PluralForms[i], Text: text})
			}
		}
		w.all = append(w.all, m)
		if _, dup := w.byID[g.ID]; !dup {
			w.byID[g.ID] = m
			continue
		}
		if w.more == nil {
			w.more = map[string][]*Message{}
		}
		w.more[g.ID] = append(w.more[g.ID], m)
	}
}

// take returns go-i18n's next message with id that is not located yet, or nil.
func (w *walker) take(id string) *Message {
	if m := w.byID[id]; m != nil && m.Pos.Line == 0 {
		return m
	}
	for _, m := range w.more[id] {
		if m.Pos.Line == 0 {
			return m
		}
	}
	return nil
}

// located returns go-i18n's messages, with positions; one the walker did not find is at
// the file's start.
func (w *walker) located() []*Message {
	for _, m := range w.all {
		if m.Pos.Line == 0 {
			m.Pos = start
		}
		for i := range m.Forms {
			if m.Forms[i].Pos.Line == 0 {
				m.Forms[i].Pos = m.Pos
			}
		}
	}
	return w.all
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
	slices.Sort(keys)
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

// goi18nAccepts runs go-i18n's own message parser on the decoded array v under key k, so
// that the rules of its v1 array format (which elements it takes, which it refuses) are
// go-i18n's, not a copy of them.
func goi18nAccepts(k string, v []any) error {
	decoded := func(_ []byte, out any) error {
		*out.(*any) = map[string]any{k: v}
		return nil
	}
	_, err := goi18n.ParseMessageBytes([]byte{'{'}, decoded)
	return err
}
