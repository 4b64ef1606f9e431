package lint

import (
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/term"
)

// TestTermKeptHeuristics pins when a source term found in a translation
// is not taken as left untranslated: in parentheses after the language's
// own words (a gloss), or written as part of a capitalized name.
func TestTermKeptHeuristics(t *testing.T) {
	tests := []struct {
		text, term     string
		glossed, named bool
	}{
		{"canareechnye razvertyvaniya (canary deployments)", "canary deployments", true, false},
		{"Função como Serviço (FaaS, _Function as a Service_) é", "Function as a Service", true, true},
		{"(a) then Service later", "Service", false, true},
		{"Service at the start", "Service", false, false},
		{"the Observability Day talks", "Observability", false, true},
		{"ServiceNow Cloud Observability では", "Observability", false, true},
		{"Azure App Service での実行", "Service", false, true},
		{"kept service here", "service", false, false},
		{"Sous l'onglet Continuous Deployment, trouvez", "Continuous Deployment", false, true},
		{"在 Service 下拉菜单中", "Service", false, true},
		{"Fin. Service kept", "Service", false, false},
		{"「Service」", "Service", false, false},
		{"Infrastructure as code(IaC) các", "Infrastructure as code", false, false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.term)
		start := len([]rune(tt.text[:i]))
		m := term.Match{Start: start, End: start + len([]rune(tt.term))}
		if got := glossed(tt.text, m); got != tt.glossed {
			t.Errorf("glossed(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.glossed)
		}
		if got := inName(tt.text, m); got != tt.named {
			t.Errorf("inName(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.named)
		}
	}
}
