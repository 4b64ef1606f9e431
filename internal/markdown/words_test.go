package markdown

import (
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/testtree"
)

// wordsScripts is prose in every script glosa's users write, and the
// sequences UAX #29 treats specially: CountWords must count as the
// reference, uniseg over the whole text, does.
var wordsScripts = []string{
	"The quick brown fox jumps over the lazy dog.",
	"It's e.g. 3.14, 1,000,000; foo_bar __init__ a:b x.y.z end. _ __ 'quoted' \"q\"",
	"don't  can't\trock'n'roll o'clock 1'000 a'1 1'a a.1 1.a a..b 1..2 a::b 1,,2 1;2 a;b a,b",
	"mid-word well-known x86_64 utf-8 v1.2.3 http://example.com/a_b?c=d#e foo@bar.org",
	"Crème brûlée à la façon de Ågård, naïve coöperation, Straße, Œuvre, ĳ, ǅ, ª º µ",
	"precomposed é vs decomposed e\u0301, n\u0303o, a\u0308b, \u0301start, x \u0301 y",
	"Το γρήγορο καφέ αλεπού πηδάει. Ἀρχή.",
	"Быстрая коричневая лиса прыгает через ленивую собаку. Ёжик, й.",
	"الثعلب البني السريع يقفز فوق الكلب الكسول، ١٢٣ ٤٥٦.",
	"השועל החום המהיר קופץ מעל הכלב העצלן. צה\"ל ו'שלום' ג'ירפה",
	"तेज़ भूरी लोमड़ी आलसी कुत्ते के ऊपर कूदती है। १२३",
	"สุนัขจิ้งจอกสีน้ำตาลกระโดดข้ามสุนัขขี้เกียจ ๑๒๓",
	"敏捷的棕色狐狸跳过了懒狗。中文文本，没有空格。",
	"すばやい茶色のキツネがのろまな犬を飛び越えた。カタカナ ｶﾀｶﾅﾞ ﾊﾟ",
	"빠른 갈색 여우가 게으른 개를 뛰어넘었다. 한국어",
	"Emoji 👍 👨‍👩‍👧 🇪🇸🇮🇹 ✈️ 1️⃣ a👍b ⌚ family:👨‍👩‍👧!",
	"mixed English and 日本語 and Ελληνικά and русский, 3.14€ 100% x²",
	"wide\u3000space\u2003em \u00a0nbsp\u00a0here soft\u00adhyphen zero\u200bwidth zw\u200dj zwnj\u200cx",
	"\uff9e\uff9f \uff9e \u3000\uff9e a\u200d\u200db \u00b7 l·l a·b a\u2019b a\u2018b a\u2024b 1\u066b2",
	"crlf\r\nline\rcr\vvt\fff\x00nul\x01soh \x7f",
	"",
	"   ",
	"'",
	"_a_ a_ _1 1_ 1_a",
}

func TestCountWordsMatchesUniseg(t *testing.T) {
	for _, s := range wordsScripts {
		if got, want := CountWords(s), countSegments(s); got != want {
			t.Errorf("CountWords(%q) = %d, uniseg counts %d", s, got, want)
		}
		// Every script also inside ASCII prose, at the start, middle and end
		// of a word and after blanks.
		for _, frame := range []string{"a%sb", "x %s y", "%s.", "1.%s.2", " \t%s\n", "é%s'"} {
			in := strings.Replace(frame, "%s", s, 1)
			if got, want := CountWords(in), countSegments(in); got != want {
				t.Errorf("CountWords(%q) = %d, uniseg counts %d", in, got, want)
			}
		}
	}
}

// TestCountWordsShortStrings compares every string of up to four runes
// over an alphabet of each word-break class the fast path knows and a
// few it leaves to uniseg.
func TestCountWordsShortStrings(t *testing.T) {
	alphabet := []string{"a", "é", "1", "_", ":", ".", "'", ",", ";", "-", "\"", " ", "\t", "\n", "\r", "\u0301", "\u00ad", "\u3000", "\uff9e", "\u2019", "\u05d0", "ア", "中", "👍", "\u200d"}
	for s := range testtree.Strings(alphabet, 4) {
		if got, want := CountWords(s), countSegments(s); got != want {
			t.Errorf("CountWords(%q) = %d, uniseg counts %d", s, got, want)
		}
	}
}

// TestCountWordsLatinRunes checks each rune the fast path classes in
// several contexts, so that a wrong class in latinClass shows.
func TestCountWordsLatinRunes(t *testing.T) {
	for r := rune(0); r <= 0x24F; r++ {
		if _, ok := latinClass(r); !ok {
			continue
		}
		c := string(r)
		for _, in := range []string{c, "a" + c + "b", "1" + c + "2", "a" + c + "1", c + c, "x " + c + " y", "a" + c, c + "1", "_" + c + "_", "a:" + c, "1," + c} {
			if got, want := CountWords(in), countSegments(in); got != want {
				t.Errorf("CountWords(%q) = %d, uniseg counts %d", in, got, want)
			}
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range wordsScripts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountWords(s), countSegments(s); got != want {
			t.Errorf("CountWords(%q) = %d, uniseg counts %d", s, got, want)
		}
	})
}

func BenchmarkCountWords(b *testing.B) {
	text := strings.Repeat(wordsScripts[0]+" "+wordsScripts[1]+" "+wordsScripts[3]+"\n", 20)
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			CountWords(text)
		}
	})
	b.Run("uniseg", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			countSegments(text)
		}
	})
}
