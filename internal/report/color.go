package report

import "github.com/glosa/glosa/internal/status"

// ANSI colours, used only when the output is a terminal that accepts them.
const (
	reset   = "\x1b[0m"
	bold    = "\x1b[1m"
	red     = "\x1b[31m"
	green   = "\x1b[32m"
	yellow  = "\x1b[33m"
	magenta = "\x1b[35m"
	cyan    = "\x1b[36m"
	gray    = "\x1b[90m"
)

var stateColor = map[status.State]string{
	status.Current:      green,
	status.Stale:        yellow,
	status.Missing:      red,
	status.Untranslated: magenta,
	status.Unverified:   cyan,
	status.Orphan:       gray,
}

var severityColor = map[string]string{"error": red, "warning": yellow, "info": cyan}

func paint(on bool, color, s string) string {
	if !on || color == "" || s == "" {
		return s
	}
	return color + s + reset
}
