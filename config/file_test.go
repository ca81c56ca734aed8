package config

import (
	"strings"
	"testing"
)

func TestUnknownKeys(t *testing.T) {
	cases := []struct {
		name  string
		file  string
		wants []string
	}{
		{"in a profile", "[profiles.p]\ndomain = \"a.auth0.com\"\ncolour = \"red\"\n", []string{"profile p key colour line 3", "unknown key", "a profile holds domain"}},
		{"misspelt", "[profiles.p]\nclientId = \"x\"\n", []string{"key clientId line 2", "did you mean client_id?"}},
		{"other case", "[profiles.p]\nDomain = \"a.auth0.com\"\n", []string{"key Domain line 2", "did you mean domain?"}},
		{"at the top", "domain = \"a.auth0.com\"\n", []string{"key domain line 1", "belongs in a profile"}},
		{"unknown top table", "\n[servers]\nx = 1\n", []string{"key servers line 2", "default_profile and [profiles.NAME]"}},
		{"dotted", "\n\nfoo.bar = 1\n", []string{"key foo line 3"}},
		{"sub-table of a profile", "[profiles.p]\n[profiles.p.extra]\na = 1\n", []string{"profile p key extra line 2"}},
		{"inline table", "[profiles]\np = { domain = \"a.auth0.com\", nope = 1 }\n", []string{"profile p key nope line 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t)
			env.writeConfig(t, c.file, 0o600)
			_, problems := loadErrors(t, nil, env)
			mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), c.wants...)
		})
	}
}

func TestEveryFileProblemIsReported(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, `[profiles.p]
domain = 5
nope = 1
plain = "yes please"
poll_interval = 5
theme = "neon"
`, 0o600)
	_, problems := loadErrors(t, nil, env)
	byLine := map[int]string{}
	for _, p := range problems {
		byLine[p.Source.Line] = p.Error()
	}
	if len(problems) != 5 || len(byLine) != 5 {
		t.Fatalf("%d problems %v, want one on each of lines 2 to 6", len(problems), problems)
	}
	mustContain(t, "domain error", byLine[2], `write domain = "…"`)
	mustContain(t, "unknown key error", byLine[3], "unknown key")
	mustContain(t, "plain error", byLine[4], "true or false")
	mustContain(t, "poll_interval error", byLine[5], `"5s"`)
	mustContain(t, "theme error", byLine[6], "auto, light or dark")
}

func TestProfileShapes(t *testing.T) {
	for name, text := range map[string]string{
		"profiles not a table": "profiles = 5\n",
		"profile not a table":  "[profiles]\np = 5\n",
		"array of profiles":    "[[profiles]]\ndomain = \"a\"\n",
		"empty profile name":   "[profiles.\"\"]\ndomain = \"a\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			env := newEnv(t)
			env.writeConfig(t, text, 0o600)
			_, problems := loadErrors(t, nil, env)
			mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), "[profiles.")
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, "[profiles.p]\ndomain = acme.auth0.com\n", 0o600)
	_, problems := loadErrors(t, nil, env)
	mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), "line 2", "not valid TOML", "fix that line")
}

func TestSyntaxErrorsDoNotShowSecrets(t *testing.T) {
	const secret = "Zq9xUnquotedSecretValue42"
	for _, text := range []string{
		"[profiles.p]\nclient_secret = " + secret + "\n",
		"[profiles.p]\nclient_secret = \"" + secret + "\"x\n",
		"[profiles.p]\nclient_secret = '" + secret + "\n",
		"[profiles]\np = { client_secret = " + secret + " }\n",
	} {
		env := newEnv(t)
		env.writeConfig(t, text, 0o600)
		_, _, err := Load(nil, env.get)
		if err == nil {
			t.Fatalf("%q loaded", text)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), secret[:8]) {
			t.Errorf("%q: error shows the secret: %v", text, err)
		}
		mustContain(t, "error", err.Error(), "line 2", "in quotes")
	}
}

func TestControlCharactersAreEscaped(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, "[profiles.\"p\\u001b[31m\"]\n\"k\\u001b]0;x\\u0007\" = 1\ntheme = \"\\u001b[2J\"\n", 0o600)
	_, _, err := Load(nil, env.get)
	if err == nil {
		t.Fatal("loaded")
	}
	if strings.ContainsAny(err.Error(), "\x1b\x07") {
		t.Errorf("error carries escape sequences: %q", err.Error())
	}
}

func TestFileTooBigOrNotAFile(t *testing.T) {
	env := newEnv(t)
	dir := t.TempDir()
	_, problems := loadErrors(t, Flags{keyConfig: dir}, env)
	mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), "not a regular file")

	big := writeFile(t, dir+"/big.toml", strings.Repeat("# padding\n", maxConfigSize/10+1), 0o600)
	_, problems = loadErrors(t, Flags{keyConfig: big}, env)
	mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), "larger than 1 MiB")
}

func TestManyProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("[profiles.p]\n")
	for i := range 5000 {
		b.WriteString("unknown" + itoa(i) + " = 1\n")
	}
	env := newEnv(t)
	env.writeConfig(t, b.String(), 0o600)
	_, problems := loadErrors(t, nil, env)
	if len(problems) != maxFileProblems+1 {
		t.Fatalf("%d problems, want %d and a count of the rest", len(problems), maxFileProblems+1)
	}
	if problems[0].Source.Line != 2 || problems[maxFileProblems-1].Source.Line != maxFileProblems+1 {
		t.Errorf("problems not in file order: first on line %d", problems[0].Source.Line)
	}
	mustContain(t, "last problem", problems[maxFileProblems].Error(), "4980 more problems")
}
