package i18ncheck

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apiswitch/errcode/internal/i18ncheck/report"
)

// Exit statuses of Main.
const (
	ExitOK       = 0 // no finding at or above -fail-on
	ExitFindings = 1 // findings at or above -fail-on
	ExitUsage    = 2 // bad flags, or nothing could be checked: the reason is on stderr
)

// options are the command-line flags.
type options struct {
	cfg           Config
	format        string
	failOn        string
	baseline      string
	writeBaseline string
	writeStubs    bool
	explain       string
	locale        string
}

// loadCodes is LoadCodes; tests replace it to load a fixture package once.
var loadCodes = LoadCodes

// Main runs the i18ncheck command with args (without the program name) and returns its
// exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "i18ncheck: %v\n", err)
		return ExitUsage
	}
	code, err := run(opts, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "i18ncheck: %v\n", err)
		return ExitUsage
	}
	return code
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("i18ncheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.cfg.Dir, "C", "", "change to `dir` before resolving -pkg and -locales")
	fs.StringVar(&o.cfg.Pkg, "pkg", "", "package `pattern` of the code constants (default ./codes; when there is no such directory, as with -no-pkg)")
	fs.BoolVar(&o.cfg.NoPkg, "no-pkg", false, "no Go package: the message ids of the -source locale are what every locale must translate")
	fs.StringVar(&o.cfg.Type, "type", "Code", "`name` of the code type")
	fs.StringVar(&o.cfg.Locales, "locales", "./locales", "`dir`ectory of the go-i18n *.toml files")
	fs.StringVar(&o.cfg.Source, "source", "zh-CN", "the source `locale`, which the others translate")
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json, sarif or github")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 on findings of this `severity` or worse: error, warning or never")
	fs.StringVar(&o.baseline, "baseline", "", "accept the findings listed in `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the current findings to `file` as a baseline, and exit 0")
	fs.BoolVar(&o.writeStubs, "write-stubs", false, "append a stub for each missing entry and mark each stale one, then exit 0")
	fs.StringVar(&o.locale, "locale", "", "only this language `tag`; with -write-stubs, a new language's file is created")
	fs.StringVar(&o.explain, "explain", "", "explain the code with this `name or number` in every locale")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: i18ncheck [flags]\n\nChecks go-i18n message files against the code constants of a Go package, or against\nthe message ids of the source locale.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags only; see -help)", fs.Arg(0))
	}
	if o.cfg.NoPkg && o.cfg.Pkg != "" {
		return nil, errors.New("-pkg and -no-pkg exclude each other")
	}
	switch o.format {
	case "text", "json", "sarif", "github":
	default:
		return nil, fmt.Errorf("-format %q: want text, json, sarif or github", o.format)
	}
	if _, ok := failLevel(o.failOn); !ok {
		return nil, fmt.Errorf("-fail-on %q: want error, warning or never", o.failOn)
	}
	if o.writeStubs && (o.explain != "" || o.baseline != "" || o.writeBaseline != "" || o.format != "text") {
		return nil, errors.New("-write-stubs writes files and says what it wrote: it takes no -explain, -baseline, -write-baseline or -format")
	}
	return o, nil
}

// failLevel maps -fail-on to the lowest failing severity; never is above every severity.
func failLevel(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	case "never":
		return Error + 1, true
	}
	return 0, false
}

func run(o *options, stdout, stderr io.Writer) (int, error) {
	r, err := Run(o.cfg)
	if err != nil {
		return 0, err
	}
	if o.writeStubs {
		return writeStubs(r, o, stdout, stderr)
	}
	if o.locale != "" {
		if r, err = r.only(o.locale); err != nil {
			return 0, err
		}
	}
	if o.explain != "" {
		return explain(r, o.explain, stdout)
	}
	res := r.Result(r.Findings)
	if o.baseline != "" {
		if err := applyBaseline(res, resolve(o.cfg.Dir, o.baseline), o.baseline); err != nil {
			return 0, err
		}
	}
	if o.writeBaseline != "" {
		if err := writeBaselineFile(resolve(o.cfg.Dir, o.writeBaseline), res.Findings); err != nil {
			return 0, err
		}
		fmt.Fprintf(stderr, "i18ncheck: wrote %d findings to %s\n", len(res.Findings), o.writeBaseline)
		res.Findings = nil
	}
	if err := write(res, o.format, stdout); err != nil {
		return 0, err
	}
	if level, _ := failLevel(o.failOn); report.Failed(res.Findings, level) {
		return ExitFindings, nil
	}
	return ExitOK, nil
}

// applyBaseline removes from res the findings the baseline at path accepts; name is the
// path as the user gave it.
func applyBaseline(res *report.Result, path, name string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	b, err := report.ParseBaseline(name, data)
	if err != nil {
		return err
	}
	res.Findings, res.Accepted = b.Apply(res.Findings)
	res.Baseline = name
	return nil
}

func explain(r *Report, what string, stdout io.Writer) (int, error) {
	c := r.Lookup(what)
	if c == nil {
		return 0, fmt.Errorf("-explain %s: %s%s", what, r.noCode(), didYouMean(r.suggest(what)))
	}
	r.Explain(stdout, c)
	return ExitOK, nil
}

// writeStubs writes the stubs and says what it wrote: a line per file, then a summary. A
// locale whose files do not parse gets none, which makes the exit status 1.
func writeStubs(r *Report, o *options, stdout, stderr io.Writer) (int, error) {
	var tags []string
	if o.locale != "" {
		tags = []string{o.locale}
	}
	edits, err := r.WriteStubs(tags...)
	if err != nil {
		return 0, err
	}
	var stubs, marked, files int
	status := ExitOK
	for _, e := range edits {
		if e.Skipped != "" {
			fmt.Fprintf(stderr, "i18ncheck: %s: no stubs written: %s\n", e.File, e.Skipped)
			status = ExitFindings
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", e.File, e.summary())
		stubs, marked, files = stubs+e.Missing, marked+e.Stale, files+1
	}
	if files == 0 {
		fmt.Fprintln(stdout, "i18ncheck: no stubs to write: every code has an entry in every locale, and every stale entry is marked")
		return status, nil
	}
	var did []string
	if stubs > 0 {
		did = append(did, "wrote "+report.Plural(stubs, "stub"))
	}
	if marked > 0 {
		did = append(did, "marked "+report.Plural(marked, "stale entry"))
	}
	if len(did) == 0 { // an empty file for a language whose source has no messages
		did = append(did, "wrote no stubs")
	}
	fmt.Fprintf(stdout, "i18ncheck: %s in %s; translate each entry under %q and delete that line, then run i18ncheck\n",
		strings.Join(did, " and "), report.Plural(files, "file"), stubMarker)
	return status, nil
}

func writeBaselineFile(path string, fs []Finding) error {
	var buf bytes.Buffer
	if err := report.WriteBaseline(&buf, fs); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// write renders res in format.
func write(res *report.Result, format string, w io.Writer) error {
	switch format {
	case "json":
		return res.WriteJSON(w)
	case "sarif":
		return res.WriteSARIF(w)
	case "github":
		return writeGitHub(res, w)
	}
	return res.WriteText(w)
}

// writeGitHub also appends the Markdown summary to $GITHUB_STEP_SUMMARY when it is set.
func writeGitHub(res *report.Result, w io.Writer) error {
	path := strings.TrimSpace(os.Getenv("GITHUB_STEP_SUMMARY"))
	if path == "" {
		return res.WriteGitHub(w, nil)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := res.WriteGitHub(w, f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
