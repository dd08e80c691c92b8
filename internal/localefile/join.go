package localefile

import (
	"fmt"
	"strings"

	"github.com/apiswitch/errcode/internal/typo"
)

// A Join is a string key in a message table that is no message key: a message written after
// a table, which joined it, or a misspelt key such as "descripton". go-i18n rejects the file
// either way; which one was meant depends on the ids the caller knows, so ResolveJoins
// decides.
type Join struct {
	Table, Key, Text string
	Pos              Position

	form Form // Text parsed as the message it may be, by Read
}

// ResolveJoins reports each join of f as a problem: a key that isID accepts, or that is not
// close to a reserved key, is taken for a message that joined the table above it and is
// recovered as that message; any other key is reported as unknown.
func (f *File) ResolveJoins(isID func(string) bool) {
	for _, j := range f.Joins {
		p := Problem{Pos: j.Pos, Kind: Rejects, Subject: j.Table}
		if !isID(j.Key) && nearReserved(j.Key) {
			p.Text = fmt.Sprintf("unknown key %q in message %s: go-i18n rejects the file (reserved keys mixed with ids)", j.Key, j.Table)
			f.Problems = append(f.Problems, p)
			continue
		}
		p.Subject = j.Key
		p.Text = fmt.Sprintf("%q follows table [%s] and so became one of its keys: go-i18n rejects the file (reserved keys mixed with ids); move it above the first table or write it as [%s]", j.Key, j.Table, j.Key)
		f.Problems = append(f.Problems, p)
		m := &Message{ID: j.Key, Pos: j.Pos}
		if j.form.Name == "" { // a Join Read did not make
			j.form = Form{Name: "other", Text: j.Text, Pos: j.Pos}
			j.form.parse("", "", nil)
		}
		m.Forms = []Form{j.form}
		f.Messages = append(f.Messages, m)
	}
	if len(f.Joins) > 0 {
		f.Joins = nil
		sortMessages(f.Messages)
		sortProblems(f.Problems)
	}
}

// nearReserved reports whether k looks like a misspelt reserved key, such as "descripton".
func nearReserved(k string) bool {
	lk := strings.ToLower(k)
	for r := range reservedKeys {
		if typo.Distance(lk, r) <= 2 {
			return true
		}
	}
	return false
}
