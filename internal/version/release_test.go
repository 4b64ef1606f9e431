package version

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestReleaseBinaries checks the release .ci/release-build made in the
// folder GLOSA_RELEASE_DIR names (.ci/run builds one; six cross-builds
// take minutes, too long for every go test): the six binaries, each for
// the system and processor its name says, the checksums of all six, and
// the stamped version, commit and date in the --version of the one this
// machine runs.
func TestReleaseBinaries(t *testing.T) {
	dir := os.Getenv("GLOSA_RELEASE_DIR")
	if dir == "" {
		t.Skip("GLOSA_RELEASE_DIR names no release: .ci/run builds one with .ci/release-build")
	}
	sumsFiles, _ := filepath.Glob(filepath.Join(dir, "glosa_*_checksums.txt"))
	if len(sumsFiles) != 1 {
		t.Fatalf("%s: %d checksums files, want 1", dir, len(sumsFiles))
	}
	v := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(sumsFiles[0]), "glosa_"), "_checksums.txt")
	sums := readSums(t, sumsFiles[0])
	commit, date := head(t)
	// What --version prints: the one binary this machine runs is run, the
	// others must hold the same strings.
	stamped := []string{"v" + v, commit, date}
	machines := map[string]struct {
		elf   elf.Machine
		macho macho.Cpu
		pe    uint16
	}{
		"amd64": {elf.EM_X86_64, macho.CpuAmd64, pe.IMAGE_FILE_MACHINE_AMD64},
		"arm64": {elf.EM_AARCH64, macho.CpuArm64, pe.IMAGE_FILE_MACHINE_ARM64},
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, arch := range []string{"amd64", "arm64"} {
			name := fmt.Sprintf("glosa_%s_%s_%s", v, goos, arch)
			if goos == "windows" {
				name += ".exe"
			}
			path := filepath.Join(dir, name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Error(err)
				continue
			}
			if got, want := fmt.Sprintf("%x", sha256.Sum256(data)), sums[name]; got != want {
				t.Errorf("%s: sha256 %s, the checksums file says %q", name, got, want)
			}
			delete(sums, name)
			for _, v := range stamped {
				if !bytes.Contains(data, []byte(v)) {
					t.Errorf("%s: %q is not stamped in it", name, v)
				}
			}
			m := machines[arch]
			switch goos {
			case "linux":
				f, err := elf.Open(path)
				if err != nil || f.Machine != m.elf || f.OSABI != elf.ELFOSABI_NONE {
					t.Errorf("%s: not an ELF binary for %s (%v)", name, arch, err)
				}
			case "darwin":
				f, err := macho.Open(path)
				if err != nil || f.Cpu != m.macho || f.Type != macho.TypeExec {
					t.Errorf("%s: not a Mach-O executable for %s (%v)", name, arch, err)
				}
			case "windows":
				f, err := pe.Open(path)
				if err != nil || f.Machine != m.pe {
					t.Errorf("%s: not a PE executable for %s (%v)", name, arch, err)
				}
			}
			if goos == runtime.GOOS && arch == runtime.GOARCH {
				checkStamp(t, path, fmt.Sprintf("glosa version v%s (commit %s, %s)\n", v, commit, date))
			}
		}
	}
	for name := range sums {
		t.Errorf("the checksums file lists %s, which is not a release binary", name)
	}
}

// readSums reads a checksums file: "HASH  NAME" lines.
func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("%s: %q is not HASH  NAME", path, sc.Text())
		}
		sums[name] = hash
	}
	return sums
}

// head returns the hash of HEAD, which the release is built from, and its
// date as the release stamps it.
func head(t *testing.T) (commit, date string) {
	t.Helper()
	git := exec.Command("git", "log", "-1", "--format=%H %cd", "--date=format-local:%Y-%m-%dT%H:%M:%SZ")
	git.Env = append(os.Environ(), "TZ=UTC")
	out, err := git.Output()
	if err != nil {
		t.Fatalf("git log: %v", err)
	}
	commit, date, _ = strings.Cut(strings.TrimSpace(string(out)), " ")
	return commit, date
}

// checkStamp runs a release binary's --version.
func checkStamp(t *testing.T, bin, want string) {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	if string(out) != want {
		t.Errorf("%s --version printed %q, want %q", filepath.Base(bin), out, want)
	}
}

// TestGoReleaserConfig: .ci/goreleaser.yaml, which CI cannot run (see
// .ci/run), builds what .ci/release-build builds: the six targets without
// cgo, -trimpath, the three variables of this package stamped, binaries
// named and checksummed as .ci/install-glosa downloads them.
func TestGoReleaserConfig(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", ".ci", "goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Binary  string   `yaml:"binary"`
			Env     []string `yaml:"env"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			Formats      []string `yaml:"formats"`
			NameTemplate string   `yaml:"name_template"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	if err := yaml.NewDecoder(f).Decode(&cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("want version 2, one build, one archive: %+v", cfg)
	}
	b, a := cfg.Builds[0], cfg.Archives[0]
	got := fmt.Sprint(b.Main, b.Binary, b.Env, b.Goos, b.Goarch, b.Flags, a.Formats, a.NameTemplate, cfg.Checksum)
	want := fmt.Sprint("./cmd/glosa", "glosa", []string{"CGO_ENABLED=0"}, []string{"linux", "darwin", "windows"}, []string{"amd64", "arm64"},
		[]string{"-trimpath"}, []string{"binary"}, "{{ .Binary }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}",
		struct{ NameTemplate, Algorithm string }{"{{ .ProjectName }}_{{ .Version }}_checksums.txt", "sha256"})
	if got != want {
		t.Errorf("goreleaser.yaml builds\n%s\nwant\n%s", got, want)
	}
	ldflags := strings.Join(b.Ldflags, " ")
	for _, v := range []string{"version={{ .Tag }}", "commit={{ .FullCommit }}", "date={{ .CommitDate }}"} {
		if !strings.Contains(ldflags, "-X github.com/glosa/glosa/internal/version."+v) {
			t.Errorf("ldflags %q do not stamp %s", ldflags, v)
		}
	}
}
