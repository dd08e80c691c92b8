// Package codegen reads codes/codes.tsv, the single table of API Switch error codes, and writes
// what derives from it: the Go source of package codes (Source) and the README's status table
// (README). Command gencodes runs both for `go generate ./codes`; the tests of package codes
// use them to fail while a generated file is out of step with the table.
package codegen

import (
	"bufio"
	"fmt"
	"go/token"
	"io"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Row is one code of the table.
type Row struct {
	Line   int    // line in the table, for error messages
	Number int    // wire number, e.g. 10205
	Name   string // wire name, e.g. APP_NOT_FOUND
	Ident  string // Go identifier, e.g. AppNotFound
	Status int    // HTTP status
	GRPC   string // canonical gRPC code, as google.rpc.Code names it: NOT_FOUND
	Doc    string // meaning, in English
}

var nameRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// Header is the first line of the table that is not a comment.
const Header = "number\tname\tident\tstatus\tgrpc\tdoc"

// ParseFile reads the table in the named file; an error names the file.
func ParseFile(name string) ([]Row, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

// Parse reads the table. It rejects malformed rows, duplicate numbers, names and identifiers,
// unknown HTTP statuses and rows out of numeric order, naming the line.
func Parse(r io.Reader) ([]Row, error) {
	var rows []Row
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	header := false
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		if !header {
			if text != Header {
				return nil, fmt.Errorf("line %d: want header %q", line, Header)
			}
			header = true
			continue
		}
		row, err := parseRow(line, text)
		if err != nil {
			return nil, err
		}
		for _, key := range []string{"number " + strconv.Itoa(row.Number), "name " + row.Name, "ident " + row.Ident} {
			if prev, dup := seen[key]; dup {
				return nil, fmt.Errorf("line %d: duplicate %s (first on line %d)", line, key, prev)
			}
			seen[key] = line
		}
		if n := len(rows); n > 0 && rows[n-1].Number > row.Number {
			return nil, orderError(rows, row)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no codes")
	}
	return rows, nil
}

// orderError says where row, which breaks the numeric order, belongs.
func orderError(rows []Row, row Row) error {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].Number > row.Number })
	where := fmt.Sprintf("before %d (line %d)", rows[i].Number, rows[i].Line)
	if i > 0 {
		where = fmt.Sprintf("after %d (line %d)", rows[i-1].Number, rows[i-1].Line)
	}
	return fmt.Errorf("line %d: %d is out of numeric order: the table is sorted by number, so move the row %s", row.Line, row.Number, where)
}

func parseRow(line int, text string) (Row, error) {
	f := strings.Split(text, "\t")
	if len(f) != 6 {
		return Row{}, fmt.Errorf("line %d: want 6 tab-separated columns (%s), have %d", line, strings.ReplaceAll(Header, "\t", ", "), len(f))
	}
	row := Row{Line: line, Name: f[1], Ident: f[2], GRPC: f[4], Doc: strings.TrimSpace(f[5])}
	var err error
	if row.Number, err = strconv.Atoi(f[0]); err != nil || row.Number <= 0 {
		return Row{}, fmt.Errorf("line %d: bad number %q", line, f[0])
	}
	if !nameRE.MatchString(row.Name) {
		return Row{}, fmt.Errorf("line %d: bad name %q", line, row.Name)
	}
	if !token.IsIdentifier(row.Ident) || !token.IsExported(row.Ident) {
		return Row{}, fmt.Errorf("line %d: bad Go identifier %q", line, row.Ident)
	}
	if row.Status, err = strconv.Atoi(f[3]); err != nil || http.StatusText(row.Status) == "" {
		return Row{}, fmt.Errorf("line %d: bad HTTP status %q", line, f[3])
	}
	if _, ok := GRPCCodes[row.GRPC]; !ok {
		return Row{}, fmt.Errorf("line %d: bad gRPC code %q (want a google.rpc.Code name such as NOT_FOUND)", line, row.GRPC)
	}
	if (row.GRPC == "OK") != (row.Status < 300) {
		return Row{}, fmt.Errorf("line %d: gRPC code %s does not fit HTTP status %d: OK is for the 2XX progress codes only", line, row.GRPC, row.Status)
	}
	if row.Doc == "" {
		return Row{}, fmt.Errorf("line %d: %s has no doc", line, row.Name)
	}
	return row, nil
}

// GRPCCodes numbers the canonical gRPC codes by their google.rpc.Code names
// (google/rpc/code.proto); grpc-go's codes.Code has the same numbers.
var GRPCCodes = map[string]int{
	"OK": 0, "CANCELLED": 1, "UNKNOWN": 2, "INVALID_ARGUMENT": 3, "DEADLINE_EXCEEDED": 4,
	"NOT_FOUND": 5, "ALREADY_EXISTS": 6, "PERMISSION_DENIED": 7, "RESOURCE_EXHAUSTED": 8,
	"FAILED_PRECONDITION": 9, "ABORTED": 10, "OUT_OF_RANGE": 11, "UNIMPLEMENTED": 12,
	"INTERNAL": 13, "UNAVAILABLE": 14, "DATA_LOSS": 15, "UNAUTHENTICATED": 16,
}
