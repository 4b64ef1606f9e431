package docgen

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite docs/reference from the code")

// root is the repository root, seen from this package's folder.
const root = "../.."

// TestReference fails when a page of docs/reference differs from what the
// code says; -update rewrites them.
func TestReference(t *testing.T) {
	if *update {
		if err := Write(root); err != nil {
			t.Fatal(err)
		}
	}
	stale, err := Diff(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("docs/reference is not what the code says: %s\nrun go test ./internal/docgen -update and review the diff", strings.Join(stale, ", "))
	}
}

// TestSchemasValidateSample validates what status and check write for the
// sample repository against the closed form of their schemas, which
// refuses keys the Go types do not declare.
func TestSchemasValidateSample(t *testing.T) {
	for _, d := range schemas {
		t.Run(d.file, func(t *testing.T) {
			b, err := d.Schema(root, true)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			c := jsonschema.NewCompiler()
			if err := c.AddResource(d.file, doc); err != nil {
				t.Fatal(err)
			}
			sch, err := c.Compile(d.file)
			if err != nil {
				t.Fatal(err)
			}
			for _, args := range samples[d.command] {
				out := run(t, d.command, args...)
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
				if err != nil {
					t.Fatalf("%s %v: %v", d.command, args, err)
				}
				if err := sch.Validate(inst); err != nil {
					t.Errorf("%s %v --format json does not match %s: %v", d.command, args, d.file, err)
				}
			}
		})
	}
}

// samples are the flags each command is run with on the sample
// repository, so that every key of its document has a value somewhere.
var samples = map[string][][]string{
	"glosa status": {{}, {"--lang", "es"}, {"--state", "stale,missing"}},
	"glosa check":  {{}, {"--lang", "es"}, {"--fail-on", "warning,stale,missing,orphan", "--min-coverage", "90"}},
}

// run runs a glosa command with --format json on the sample repository
// and returns its stdout.
func run(t *testing.T, command string, args ...string) []byte {
	t.Helper()
	verb := strings.TrimPrefix(command, "glosa ")
	ios, _, stdout, stderr := iostreams.Test()
	argv := append([]string{"-C", root, "--no-cache", verb, "--format", "json"}, args...)
	if code := cli.Run(ios, argv); code != cli.ExitOK && code != cli.ExitFailed {
		t.Fatalf("glosa %v: exit %d\n%s", argv, code, stderr)
	}
	return stdout.Bytes()
}
