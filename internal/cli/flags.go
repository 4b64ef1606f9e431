package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/l10n"
)

// A flag whose values are a closed set is declared once, with its values,
// by enumFlag or enumListFlag (gh's StringEnumFlag): the help ends with
// them ("{text|json}"), a value outside them is a usage error in the
// user's language that lists them, and the shell completes them.

// enumFlag declares on cmd the flag --name, stored in p, whose value is
// one of values; def is its default.
func enumFlag(cmd *cobra.Command, l *l10n.Localizer, p *string, name, def, usage string, values ...string) {
	*p = def
	cmd.Flags().Var(&enumValue{p: p, flag: name, values: values, l: l}, name, enumUsage(usage, values))
	complete(cmd, name, values, false)
}

// enumListFlag declares on cmd the flag --name, stored in p, that takes a
// list of values (comma-separated, or the flag repeated), each one of
// values; def is its default, replaced by the first value given.
func enumListFlag(cmd *cobra.Command, l *l10n.Localizer, p *[]string, name string, def []string, usage string, values ...string) {
	*p = def
	cmd.Flags().Var(&enumList{p: p, flag: name, values: values, l: l}, name, enumUsage(usage, values))
	complete(cmd, name, values, true)
}

// outputs are a command's output formats, each with what writes it, in
// the order its help lists them, the default first: the one list that
// --format's help, validation, completion and dispatch read.
type outputs[T any] []output[T]

// output is one output format.
type output[T any] struct {
	name  string
	write func(w io.Writer, v T) error
}

// names returns the formats' names.
func (o outputs[T]) names() []string {
	out := make([]string, len(o))
	for i, x := range o {
		out[i] = x.name
	}
	return out
}

// has reports whether name is one of the formats.
func (o outputs[T]) has(name string) bool { return slices.Contains(o.names(), name) }

// flag declares --format on cmd, stored in p, with the first format as
// its default.
func (o outputs[T]) flag(cmd *cobra.Command, l *l10n.Localizer, p *string, usage string) {
	enumFlag(cmd, l, p, "format", o[0].name, usage, o.names()...)
}

// write writes v in the named format, one of the flag's.
func (o outputs[T]) write(w io.Writer, name string, v T) error {
	for _, x := range o {
		if x.name == name {
			return x.write(w, v)
		}
	}
	return fmt.Errorf("unknown format %q", name) // the flag let it pass: glosa's mistake
}

// enumUsage is a flag's help with its values: "output `format` {text|json}".
func enumUsage(usage string, values []string) string {
	return usage + " {" + strings.Join(values, "|") + "}"
}

// complete makes the shell offer values for --name: after the last comma
// of what is typed, for a list.
func complete(cmd *cobra.Command, name string, values []string, list bool) {
	completeFunc(cmd, name, list, func() []string { return values })
}

// completeFunc makes the shell offer the values that values returns, when
// asked, for --name: those that start with what is typed, after its last
// comma for a list, leaving out those the list has.
func completeFunc(cmd *cobra.Command, name string, list bool, values func() []string) {
	err := cmd.RegisterFlagCompletionFunc(name, func(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(typed, ","); list && i >= 0 {
			prefix, typed = typed[:i+1], typed[i+1:]
		}
		var out []cobra.Completion
		listed := strings.Split(prefix, ",")
		for _, v := range values() {
			if strings.HasPrefix(v, typed) && !slices.Contains(listed, v) {
				out = append(out, prefix+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	if err != nil {
		panic(err) // a flag declared twice: a mistake in glosa's code
	}
}

// checkEnum returns the usage error for value, nil when it is one of
// values.
func checkEnum(l *l10n.Localizer, flag, value string, values []string) error {
	if slices.Contains(values, value) {
		return nil
	}
	return usage(l, "usage.enum", "Flag", flag, "Value", value, "Values", strings.Join(values, ", "))
}

// enumValue is an enumFlag's value.
type enumValue struct {
	p      *string
	flag   string
	values []string
	l      *l10n.Localizer
}

func (v *enumValue) String() string { return *v.p }
func (v *enumValue) Type() string   { return "string" }

func (v *enumValue) Set(s string) error {
	if err := checkEnum(v.l, v.flag, s, v.values); err != nil {
		return err
	}
	*v.p = s
	return nil
}

// enumList is an enumListFlag's value.
type enumList struct {
	p      *[]string
	flag   string
	values []string
	l      *l10n.Localizer
	set    bool // the default is replaced
}

func (v *enumList) String() string { return strings.Join(*v.p, ",") }
func (v *enumList) Type() string   { return "strings" }

func (v *enumList) Set(s string) error {
	var items []string
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if err := checkEnum(v.l, v.flag, item, v.values); err != nil {
			return err
		}
		items = append(items, item)
	}
	if !v.set {
		*v.p, v.set = nil, true
	}
	*v.p = append(*v.p, items...)
	return nil
}
