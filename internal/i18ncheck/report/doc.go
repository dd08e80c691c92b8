// Package report is the reporting half of i18ncheck: the findings the checks produce, the
// formats they are written in, and the baseline that accepts known findings.
//
// A Finding is one problem at a file:line:col position, with a check id, a severity and,
// for a finding about a code, related locations such as the code's declaration. A Result
// gathers the findings of one run with the coverage of each locale and is written as text,
// JSON, SARIF 2.1.0 or GitHub Actions workflow commands.
//
// # Baselines
//
// A Baseline accepts findings by fingerprint: a hash of the check, the locale, the subject
// and a detail, never a position, so that editing a file does not invalidate it. Applying
// it removes the accepted findings, counts them for the summaries, and reports each entry
// that matches nothing any more, so that the file shrinks as problems are fixed.
package report
