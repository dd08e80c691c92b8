package codegen

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// The markers around the README's status table. What lies between them is rewritten by
// README; everything else is kept byte for byte.
const (
	TableStart = "<!-- status-table:start (generated from codes/codes.tsv by go generate ./codes) -->\n"
	TableEnd   = "<!-- status-table:end -->\n"
)

// ErrNoMarkers is returned by README for a document without the status-table markers.
var ErrNoMarkers = errors.New("codegen: no status-table markers (" + strings.TrimSpace(TableStart) + " … " + strings.TrimSpace(TableEnd) + ")")

// README returns doc, the README, with the status table between TableStart and TableEnd
// rewritten from rows.
func README(doc []byte, rows []Row) ([]byte, error) {
	before, rest, ok1 := strings.Cut(string(doc), TableStart)
	_, after, ok2 := strings.Cut(rest, TableEnd)
	if !ok1 || !ok2 {
		return nil, ErrNoMarkers
	}
	return []byte(before + TableStart + StatusTable(rows) + TableEnd + after), nil
}

// StatusTable renders the Markdown table of codes by HTTP status and gRPC code: one line per
// pair, in order of status then gRPC number, each listing its codes in table order.
func StatusTable(rows []Row) string {
	type key struct {
		status int
		grpc   int
	}
	byKey := map[key][]string{}
	var keys []key
	for _, r := range rows {
		k := key{r.Status, GRPCCodes[r.GRPC]}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], fmt.Sprintf("`%s` %d", r.Name, r.Number))
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.status, b.status), cmp.Compare(a.grpc, b.grpc))
	})
	var b strings.Builder
	b.WriteString("| HTTP status | gRPC code | codes |\n|---|---|---|\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "| %d %s | %s | %s |\n", k.status, http.StatusText(k.status), grpcName(k.grpc), strings.Join(byKey[k], ", "))
	}
	return b.String()
}

// grpcName returns the google.rpc.Code name of n.
func grpcName(n int) string {
	for name, m := range GRPCCodes {
		if m == n {
			return name
		}
	}
	return fmt.Sprint(n)
}
