package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/l10n"
)

// TestExportFormats checks that export's help and its --format error name
// every format exchange declares, and import's help every format it reads.
func TestExportFormats(t *testing.T) {
	var names []string
	for _, s := range exchange.Exports() {
		names = append(names, string(s.Name))
	}
	if export, want := stdoutOf(t, "export", "--help"), "{"+strings.Join(names, "|")+"}"; !strings.Contains(export, want) {
		t.Errorf("export --help does not list %s:\n%s", want, export)
	}
	imp := stdoutOf(t, "import", "--help")
	for _, s := range exchange.Imports() {
		if !strings.Contains(imp, s.Label) {
			t.Errorf("import --help does not list %s:\n%s", s.Label, imp)
		}
	}
}

// stdoutOf runs glosa with args, which must succeed, and returns its
// stdout.
func stdoutOf(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runGlosa(t, args...)
	if code != ExitOK {
		t.Fatalf("glosa %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// TestEnumFlag checks an enum flag's help, validation and completion.
func TestEnumFlag(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		list    bool
		want    []string
		wantErr string
	}{
		{args: nil, want: []string{"b"}},
		{args: []string{"--x", "c"}, want: []string{"c"}},
		{args: []string{"--x", "d"}, wantErr: `--x: unknown value "d" (use a, b, c)`},
		{args: nil, list: true, want: []string{"b"}},
		{args: []string{"--x", "a, c", "--x", "a"}, list: true, want: []string{"a", "c", "a"}},
		{args: []string{"--x", "a,d"}, list: true, wantErr: `--x: unknown value "d" (use a, b, c)`},
	} {
		var one string
		var many []string
		cmd := &cobra.Command{Use: "t", RunE: func(*cobra.Command, []string) error { return nil }}
		cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return err })
		if tt.list {
			enumListFlag(cmd, l10n.English(), &many, "x", []string{"b"}, "the `x`", "a", "b", "c")
		} else {
			enumFlag(cmd, l10n.English(), &one, "x", "b", "the `x`", "a", "b", "c")
		}
		if got := cmd.Flags().Lookup("x").Usage; got != "the `x` {a|b|c}" {
			t.Errorf("usage = %q", got)
		}
		cmd.SetArgs(tt.args)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: error %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got := many
		if !tt.list {
			got = []string{one}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%v: value %q, want %q", tt.args, got, tt.want)
		}
	}
}

// TestEnumCompletion checks that the shell is offered an enum flag's
// values that start with what is typed, after the last comma for a list
// and without those it lists.
func TestEnumCompletion(t *testing.T) {
	out := stdoutOf(t, cobra.ShellCompRequestCmd, "status", "--state", "stale,")
	for _, want := range []string{"stale,missing\n", "stale,current\n", ":4\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("completion lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "stale,stale\n") {
		t.Errorf("completion offers stale again:\n%s", out)
	}
	if out := stdoutOf(t, cobra.ShellCompRequestCmd, "status", "--state", "stale,mi"); out != "stale,missing\n:4\n" {
		t.Errorf("completion of stale,mi:\n%s", out)
	}
	out = stdoutOf(t, cobra.ShellCompRequestCmd, "check", "--format", "")
	for _, want := range []string{"text\n", "sarif\n", "junit\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("completion lacks %q:\n%s", want, out)
		}
	}
}
