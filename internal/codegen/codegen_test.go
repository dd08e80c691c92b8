package codegen

import (
	"errors"
	"strings"
	"testing"
)

const header = Header + "\n"

func TestParse(t *testing.T) {
	in := "# comment\n\n" + header +
		"10001\tA_B\tAB\t400\tINVALID_ARGUMENT\tFirst.\n" +
		"10320\tC\tC\t202\tOK\t Second. \n"
	rows, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{
		{Line: 4, Number: 10001, Name: "A_B", Ident: "AB", Status: 400, GRPC: "INVALID_ARGUMENT", Doc: "First."},
		{Line: 5, Number: 10320, Name: "C", Ident: "C", Status: 202, GRPC: "OK", Doc: "Second."},
	}
	if len(rows) != len(want) {
		t.Fatalf("Parse = %d rows, want %d", len(rows), len(want))
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
}

func TestParseRejects(t *testing.T) {
	const ok = "10001\tA\tA\t400\tINVALID_ARGUMENT\tdoc\n"
	tests := []struct {
		name, in, want string
	}{
		{"no header", ok, "line 1: want header"},
		{"old header", "number\tname\tident\tstatus\tdoc\n" + ok, "line 1: want header"},
		{"columns", header + "10001\tA\tA\t400\tdoc\n", "line 2: want 6 tab-separated columns"},
		{"number", header + "x\tA\tA\t400\tINVALID_ARGUMENT\tdoc\n", `line 2: bad number "x"`},
		{"zero", header + "0\tA\tA\t400\tINVALID_ARGUMENT\tdoc\n", `line 2: bad number "0"`},
		{"name", header + "10001\ta\tA\t400\tINVALID_ARGUMENT\tdoc\n", `line 2: bad name "a"`},
		{"ident", header + "10001\tA\ta\t400\tINVALID_ARGUMENT\tdoc\n", `line 2: bad Go identifier "a"`},
		{"status", header + "10001\tA\tA\t999\tINVALID_ARGUMENT\tdoc\n", `line 2: bad HTTP status "999"`},
		{"grpc", header + "10001\tA\tA\t400\tNotFound\tdoc\n", `line 2: bad gRPC code "NotFound"`},
		{"ok for an error", header + "10001\tA\tA\t400\tOK\tdoc\n", "line 2: gRPC code OK does not fit HTTP status 400"},
		{"error for progress", header + "10001\tA\tA\t202\tABORTED\tdoc\n", "line 2: gRPC code ABORTED does not fit HTTP status 202"},
		{"doc", header + "10001\tA\tA\t400\tINVALID_ARGUMENT\t \n", "line 2: A has no doc"},
		{"duplicate name", header + ok + "10002\tA\tB\t400\tINVALID_ARGUMENT\tdoc\n", "line 3: duplicate name A (first on line 2)"},
		{"duplicate number", header + ok + "10001\tB\tB\t400\tINVALID_ARGUMENT\tdoc\n", "line 3: duplicate number 10001 (first on line 2)"},
		{"duplicate ident", header + ok + "10002\tB\tA\t400\tINVALID_ARGUMENT\tdoc\n", "line 3: duplicate ident A (first on line 2)"},
		{"empty", header, "no codes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want %q…", err, tt.want)
			}
		})
	}
}

// TestParseOrder checks that a row appended out of order is told where it belongs.
func TestParseOrder(t *testing.T) {
	in := header +
		"10001\tA\tA\t400\tINVALID_ARGUMENT\tdoc\n" +
		"10215\tB\tB\t400\tINVALID_ARGUMENT\tdoc\n" +
		"10220\tC\tC\t409\tABORTED\tdoc\n" +
		"10216\tD\tD\t400\tINVALID_ARGUMENT\tdoc\n"
	_, err := Parse(strings.NewReader(in))
	const want = "line 5: 10216 is out of numeric order: the table is sorted by number, so move the row after 10215 (line 3)"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
	in = header + "10002\tA\tA\t400\tINVALID_ARGUMENT\tdoc\n" + "10001\tB\tB\t400\tINVALID_ARGUMENT\tdoc\n"
	if _, err := Parse(strings.NewReader(in)); err == nil || !strings.HasSuffix(err.Error(), "before 10002 (line 2)") {
		t.Errorf("Parse error = %v, want the row moved before 10002", err)
	}
}

func TestStatusTable(t *testing.T) {
	rows := []Row{
		{Number: 10001, Name: "A", Status: 400, GRPC: "INVALID_ARGUMENT"},
		{Number: 10002, Name: "B", Status: 404, GRPC: "NOT_FOUND"},
		{Number: 10003, Name: "C", Status: 409, GRPC: "ABORTED"},
		{Number: 10004, Name: "D", Status: 409, GRPC: "ALREADY_EXISTS"},
		{Number: 10005, Name: "E", Status: 202, GRPC: "OK"},
		{Number: 10006, Name: "F", Status: 400, GRPC: "INVALID_ARGUMENT"},
	}
	const want = "| HTTP status | gRPC code | codes |\n|---|---|---|\n" +
		"| 202 Accepted | OK | `E` 10005 |\n" +
		"| 400 Bad Request | INVALID_ARGUMENT | `A` 10001, `F` 10006 |\n" +
		"| 404 Not Found | NOT_FOUND | `B` 10002 |\n" +
		"| 409 Conflict | ALREADY_EXISTS | `D` 10004 |\n" +
		"| 409 Conflict | ABORTED | `C` 10003 |\n"
	if got := StatusTable(rows); got != want {
		t.Errorf("StatusTable =\n%s\nwant\n%s", got, want)
	}
}

func TestREADME(t *testing.T) {
	rows := []Row{{Number: 10001, Name: "A", Status: 400, GRPC: "INVALID_ARGUMENT"}}
	doc := "# Title\n\nbefore\n" + TableStart + "| stale |\n" + TableEnd + "after\n"
	got, err := README([]byte(doc), rows)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Title\n\nbefore\n" + TableStart + StatusTable(rows) + TableEnd + "after\n"
	if string(got) != want {
		t.Errorf("README =\n%s\nwant\n%s", got, want)
	}
	for _, doc := range []string{"no markers\n", TableStart + "no end\n", "no start\n" + TableEnd} {
		if _, err := README([]byte(doc), rows); !errors.Is(err, ErrNoMarkers) {
			t.Errorf("README(%q) error = %v, want ErrNoMarkers", doc, err)
		}
	}
}
