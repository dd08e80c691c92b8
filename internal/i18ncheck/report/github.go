package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// GitHub shows at most 10 error and 10 warning annotations of a step: spend them on a few
// findings of each check, so that one noisy check does not hide the others.
const (
	annotationsPerCheck    = 3
	annotationsPerSeverity = 10
)

// WriteGitHub writes workflow commands: one collapsible group per check holding its
// findings, a few of them as annotations and the rest as plain lines, then the summary and
// the coverage. When summary is not nil, it also writes a Markdown step summary with the
// full tables.
func (r *Result) WriteGitHub(w, summary io.Writer) error {
	budget := map[Severity]int{Error: annotationsPerSeverity, Warning: annotationsPerSeverity}
	for _, rule := range Rules {
		group := filterCheck(r.Findings, rule.ID)
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(w, "::group::i18ncheck %s: %s\n", rule.ID, countText(group))
		for i, f := range group {
			if i < annotationsPerCheck && budget[f.Severity] > 0 {
				budget[f.Severity]--
				fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", f.Severity,
					ghProperty(filepath.ToSlash(f.Pos.File)), f.Pos.Line, f.Pos.Col, ghProperty("i18ncheck "+f.Check), ghData(f.Message))
				continue
			}
			fmt.Fprintf(w, "%s: %s: %s [%s]\n", f.Pos, f.Severity, f.Message, f.Check)
		}
		fmt.Fprintln(w, "::endgroup::")
	}
	fmt.Fprintf(w, "i18ncheck: %s\n", r.Summary())
	if err := r.writeCoverage(w); err != nil {
		return err
	}
	if summary != nil {
		return r.writeSummary(summary)
	}
	return nil
}

func filterCheck(fs []Finding, check string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Check == check {
			out = append(out, f)
		}
	}
	return out
}

// countText says "2 errors, 1 warning".
func countText(fs []Finding) string {
	e, w := Count(fs)
	return Plural(e, "error") + ", " + Plural(w, "warning")
}

// writeSummary writes Markdown for $GITHUB_STEP_SUMMARY: coverage, then every finding.
func (r *Result) writeSummary(w io.Writer) error {
	fmt.Fprintf(w, "## i18ncheck\n\n%s.\n\n| locale | translated | coverage |\n|---|---:|---:|\n", mdCell(r.Summary()))
	for _, c := range r.Coverage {
		fmt.Fprintf(w, "| %s%s | %d/%d | %.1f%% |\n", c.Locale, strings.TrimPrefix(c.note(), " "), c.Translated, c.Total, c.Percent())
	}
	if len(r.Findings) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n| location | severity | check | message |\n|---|---|---|---|\n")
	for _, f := range r.Findings {
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", f.Pos, f.Severity, f.Check, mdCell(f.Message))
	}
	return nil
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// ghData escapes the message of a workflow command.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value of a workflow command.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
