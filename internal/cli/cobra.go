package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mfapush/mfapush/internal/i18n"
)

// commandsGroup holds every command, so that fang heads them with the
// catalog's word rather than its own "commands".
const commandsGroup = "commands"

// localizeCobra words in t what cobra adds in English: the help and
// completion commands, the -h and -v flags, the heading of the commands and
// the flag errors. fang's own headings (USAGE, EXAMPLES, FLAGS) cannot be
// changed; its man command is hidden.
func localizeCobra(root *cobra.Command, t *i18n.Catalog) {
	root.AddGroup(&cobra.Group{ID: commandsGroup, Title: t.Help.Commands})
	root.SetHelpCommandGroupID(commandsGroup)
	root.SetCompletionCommandGroupID(commandsGroup)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		c.GroupID = commandsGroup
		switch c.Name() {
		case "help":
			c.Short, c.Long = t.Help.Help, fmt.Sprintf(t.Help.HelpLong, root.Name())
		case "completion":
			localizeCompletion(c, root.Name(), t)
		}
	}
	root.Flags().BoolP("version", "v", false, fmt.Sprintf(t.Help.VersionFlag, root.Name()))
	root.SetVersionTemplate(versionLine()) // cobra's own says "mfapush version dev"
	addHelpFlags(root, t)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err, t) })
}

// completionLoads is the line that loads a shell's completions.
var completionLoads = map[string]string{
	"bash":       "source <(%s completion bash)",
	"zsh":        "source <(%s completion zsh)",
	"fish":       "%s completion fish | source",
	"powershell": "%s completion powershell | Out-String | Invoke-Expression",
}

func localizeCompletion(c *cobra.Command, program string, t *i18n.Catalog) {
	c.Short, c.Long = t.Help.Completion, fmt.Sprintf(t.Help.CompletionLong, program)
	for _, shell := range c.Commands() {
		name := shell.Name()
		shell.Short = fmt.Sprintf(t.Help.CompletionShell, name)
		shell.Long = fmt.Sprintf(t.Help.CompletionShellLong, program, name, fmt.Sprintf(completionLoads[name], program))
		shell.Args = noArgs(t)
		if f := shell.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = t.Help.NoDescriptions
		}
	}
}

// addHelpFlags gives every command the -h flag cobra would add, worded in t.
func addHelpFlags(c *cobra.Command, t *i18n.Catalog) {
	c.Flags().BoolP("help", "h", false, fmt.Sprintf(t.Help.HelpFlag, c.DisplayName()))
	_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
	for _, sub := range c.Commands() {
		addHelpFlags(sub, t)
	}
}

// flagError words a flag parsing error in t, as one line that says what to
// type. fang prints it under an ERROR header, title-casing the first word,
// adding a period and wrapping at the terminal's width less four: so
// messages start with a plain word, end without a period and stay under 75
// characters to fit one line of 80 columns.
func flagError(err error, t *i18n.Catalog) error {
	var (
		unknown *pflag.NotExistError
		empty   *pflag.ValueRequiredError
		bad     *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &unknown):
		name := "--" + unknown.GetSpecifiedName()
		if unknown.GetSpecifiedName() == "" {
			name = "-" + unknown.GetSpecifiedShortnames()
		}
		err = fmt.Errorf(t.CLI.UnknownFlag, name)
	case errors.As(err, &empty):
		err = fmt.Errorf(t.CLI.FlagNeedsValue, "--"+empty.GetFlag().Name)
	case errors.As(err, &bad) && bad.GetFlag().Value.Type() == "duration":
		err = fmt.Errorf(t.CLI.BadDuration, "--"+bad.GetFlag().Name, bad.GetValue())
	case errors.As(err, &bad) && bad.GetFlag().Value.Type() == "bool":
		err = fmt.Errorf(t.CLI.BadBool, "--"+bad.GetFlag().Name, bad.GetValue())
	}
	return usageError{err}
}
