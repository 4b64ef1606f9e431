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
		if got := inName(tt.text, m, true); got != tt.named {
			t.Errorf("inName(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.named)
		}
	}
}

// TestTermKeptInContext pins the other readings of a source term a
// translation keeps that are not the term left untranslated: a capital
// in a language written without capitals, a quoted fragment of an
// identifier, the first word of a longer expression the source writes
// too, and the text of a link named as its target.
func TestTermKeptInContext(t *testing.T) {
	tests := []struct {
		name, text, src, trSource, srcSource, term, lang string
		kept                                             bool
	}{
		{"a capital in Japanese", "- **Kubernetes クラスター**: Service リソースとの相関", "Correlation with Service resources", "", "", "Service", "ja", false},
		{"a capital at a French sentence's start", "Service lent.", "Slow service.", "", "", "Service", "fr", true},
		{"lowercase in Japanese", "NGINX を services の間に", "put NGINX between two services", "", "", "services", "ja", true},
		{"an identifier's prefix in quotes", "「service.」グループ属性", "the service. group", "", "", "service", "ja", false},
		{"a term at a sentence's end in quotes", "「使う service」", "use the service", "", "", "service", "ja", true},
		{"a longer expression the source has", "运行在 service worker 内的", "running in a service worker", "", "", "service", "zh-cn", false},
		{"a longer expression ending with the term", "um novo pull request aberto", "a new pull request", "", "", "request", "pt", false},
		{"a word before the term the source lacks", "un nouveau bundle ici", "a new bundle here", "", "", "bundle", "fr", true},
		{"an article both languages write", "Un modello linguistico se ejecuta", "Un modello linguistico si esegue", "", "", "modello linguistico", "es", true},
		{"short words on the way to the next", "la observability by design del equipo", "observability by design matters", "", "", "observability", "es", false},
		{"short words and no word after them", "usa el service de", "use the service of", "", "", "service", "es", true},
		{"a particle the source writes after the term", "decir extraer muestras de _sampling out_.", "they are sampling out data", "", "", "sampling", "es", false},
		{"a word of three letters before the term", "web component 等", "web component and more", "", "", "component", "zh-tw", false},
		{"a gloss in full-width parentheses", "ページ（_ルート_、_routes_）間を移動", "between pages (routes)", "", "", "routes", "ja", false},
		{"a longer expression across lines", "deschide un pull    request.", "open a pull\nrequest.", "", "", "request", "ro", false},
		{"a word cited in quotes", "「build」スクリプトを変更します", "change the build script", "", "", "build", "ja", false},
		{"a UI label in bold, as the source writes it", "dans l'onglet Content & assets créez", "the Content & assets tab", "dans l'onglet **Content & assets** créez", "the **Content & assets** tab", "assets", "fr", false},
		{"a UI label of two words in bold", "l'onglet continuous deployment", "the continuous deployment tab", "l'onglet **continuous deployment**", "the **continuous deployment** tab", "continuous deployment", "fr", false},
		{"bold the source does not have", "le bundle ici", "the bundle here", "le **bundle** ici", "the bundle here", "bundle", "fr", true},
		{"an inline element as the source writes it", "props", "props", "<Option>props</Option>", "<Option>props</Option>", "props", "zh-cn", false},
		{"a next word the source lacks", "dans le runtime de votre application", "in your application's runtime", "", "", "runtime", "fr", true},
		{"a link named as its anchor", "通过 service 部分启用", "enabled in the service section", "通过 [service](#service) 部分启用", "", "service", "zh-cn", false},
		{"a link and the term again", "通过 service 部分, service 启用", "the service section, service", "通过 [service](#service) 部分, service 启用", "", "service", "zh-cn", true},
		{"a link named as its page", "kiến trúc monolithic apps", "monolithic apps architecture", "kiến trúc [monolithic apps](/monolithic-apps/)", "", "monolithic apps", "vi", true},
		{"a link to another anchor", "voir services ici", "see services here", "voir [services](#exporters) ici", "", "services", "fr", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []term.Match // every occurrence of the term
			for off := 0; ; {
				i := strings.Index(tt.text[off:], tt.term)
				if i < 0 {
					break
				}
				start := len([]rune(tt.text[:off+i]))
				ms = append(ms, term.Match{Term: &term.Term{Concept: "c", Text: tt.term}, Start: start, End: start + len([]rune(tt.term))})
				off += i + len(tt.term)
			}
			if len(ms) == 0 {
				t.Fatalf("%q not in %q", tt.term, tt.text)
			}
			written := keptAsWritten(tt.trSource, tt.srcSource)
			got := keptTerm(ms, "c", tt.text, tt.src, casedScript(tt.lang), func() map[string]int { return written })
			if got != tt.kept {
				t.Errorf("keptTerm(%q) = %v, want %v", tt.text, got, tt.kept)
			}
		})
	}
}
