package corpus

import (
	"hash/fnv"
	"math/rand"
	"strings"
)

// vocabSize is the number of words of every language's vocabulary. All
// languages have the same size so that one random draw picks "the same"
// word in each, and a translation has its source's structure.
const vocabSize = 256

// english is the source language's vocabulary: words of the field the
// sample glossary covers.
var english = strings.Fields(`model models token tokens attention layer layers weight weights
training inference prompt prompts image images text encoder decoder latent space noise diffusion
sampler step steps scheduler vector vectors embedding embeddings network neural transformer
parameter parameters memory quantization format file files checkpoint adapter rank matrix matrices
gradient loss learning rate batch dataset data label labels caption captions context window
sequence length output input head heads block blocks residual normalization activation function
softmax probability distribution temperature sampling greedy search beam score scores metric
benchmark evaluation accuracy precision quality speed hardware device graphics card processor
cache kernel operation operations tensor tensors shape dimension dimensions channel channels pixel
pixels resolution upscaling guidance scale classifier free conditioning condition control net
mask masks region regions style content artist artists community license open source weights
release version research paper papers author authors method methods technique techniques result
results example examples user users tool tools library libraries framework frameworks interface
workflow node nodes graph graphs pipeline pipelines server client request response stream
streaming chat assistant instruction instructions fine tuning alignment preference reward policy
agent agents task tasks reasoning chain thought knowledge retrieval document documents index
indexes query queries answer answers language languages translation vocabulary word words
character characters byte bytes unicode merge rule rules split subword tokenizer pretraining
corpus corpora large small medium base variant variants family families architecture`)

// syllables are what the translation languages' invented words are made
// of: enough of each language's letters (accents, ñ, ß, ł) to exercise
// Unicode handling without pretending to be real translations.
var syllables = map[string][]string{
	"es": {"ca", "de", "la", "ción", "mo", "ña", "res", "ti", "ble", "dá", "go", "lo", "men", "te", "ví", "pro"},
	"it": {"zio", "ne", "la", "mo", "del", "tà", "ri", "co", "gli", "sce", "re", "pe", "più", "sta", "vo", "ma"},
	"fr": {"é", "le", "mon", "tion", "çon", "que", "ré", "ai", "eau", "pre", "dè", "ment", "où", "gra", "chi", "vu"},
	"de": {"sch", "ver", "ung", "ü", "ß", "ein", "ge", "ten", "ö", "keit", "ber", "stra", "lich", "ä", "wort", "zu"},
	"pt": {"ção", "ão", "de", "mo", "lhe", "pa", "ra", "ções", "vel", "ã", "tu", "do", "se", "ni", "bra", "ê"},
	"nl": {"ij", "oe", "ver", "ge", "aa", "sch", "lijk", "en", "de", "ui", "ing", "te", "kr", "bo", "ee", "waa"},
	"pl": {"ł", "ż", "cz", "sz", "ni", "ść", "owa", "prz", "ą", "ę", "ka", "wy", "rz", "mi", "dzie", "ó"},
	"sv": {"å", "ä", "ö", "sk", "ning", "het", "för", "st", "la", "ge", "ord", "tt", "ar", "kla", "mo", "sj"},
}

// languages are the project languages in the order a corpus uses them;
// the first is the source.
var languages = []string{"en", "es", "it", "fr", "de", "pt", "nl", "pl", "sv"}

// MaxLangs is the largest number of languages a corpus can have.
var MaxLangs = len(languages)

// vocabulary returns a language's words: English's own, or invented ones
// made of its syllables, the same every time.
func vocabulary(code string) []string {
	words := make([]string, 0, vocabSize)
	if code == "en" {
		for i := 0; len(words) < vocabSize; i++ {
			w := english[i%len(english)]
			if i >= len(english) {
				w += "ly"
			}
			words = append(words, w)
		}
		return words
	}
	h := fnv.New64a()
	h.Write([]byte(code))
	rng := rand.New(rand.NewSource(int64(h.Sum64())))
	syl := syllables[code]
	seen := map[string]bool{}
	for len(words) < vocabSize {
		n := 1 + rng.Intn(3)
		var b strings.Builder
		for range n {
			b.WriteString(syl[rng.Intn(len(syl))])
		}
		w := b.String()
		if seen[w] || len(w) < 2 {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	return words
}
