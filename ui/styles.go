package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles holds every style of the interface, built for a dark or a light
// background.
type Styles struct {
	IsDark bool

	HeaderBar     lipgloss.Style
	HeaderName    lipgloss.Style
	HeaderTenant  lipgloss.Style
	HeaderSandbox lipgloss.Style
	HeaderUser    lipgloss.Style

	Title    lipgloss.Style
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Strong   lipgloss.Style
	Accent   lipgloss.Style
	Success  lipgloss.Style
	Error    lipgloss.Style
	Warning  lipgloss.Style
	Selected lipgloss.Style
	Label    lipgloss.Style
	Link     lipgloss.Style

	Box          lipgloss.Style
	RecoveryCode lipgloss.Style
	Spinner      lipgloss.Style
	ProgressFull lipgloss.Style
	ProgressRest lipgloss.Style

	PhoneFrame  lipgloss.Style
	PhoneTitle  lipgloss.Style
	PhoneNotice lipgloss.Style
	PhoneCode   lipgloss.Style
	PhoneKey    lipgloss.Style

	Help      help.Styles
	Input     textinput.Styles
	ListItems list.DefaultItemStyles
	ListMain  list.Styles
}

// NewStyles builds the styles for a dark or a light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg      = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6E6E6"))
		muted   = ld(lipgloss.Color("#6E7781"), lipgloss.Color("#8B949E"))
		accent  = ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#A594FF"))
		success = ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950"))
		danger  = ld(lipgloss.Color("#CF222E"), lipgloss.Color("#FF7B72"))
		warning = ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922"))
		border  = ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#3D444D"))
		barBg   = ld(lipgloss.Color("#EAEEF2"), lipgloss.Color("#21262D"))
	)
	s := &Styles{IsDark: isDark}
	s.HeaderBar = lipgloss.NewStyle().Background(barBg).Foreground(fg)
	s.HeaderName = lipgloss.NewStyle().Background(barBg).Foreground(accent).Bold(true).Padding(0, 1)
	s.HeaderTenant = lipgloss.NewStyle().Background(barBg).Foreground(fg).Padding(0, 1)
	s.HeaderSandbox = lipgloss.NewStyle().Background(barBg).Foreground(warning).Bold(true).Padding(0, 1)
	s.HeaderUser = lipgloss.NewStyle().Background(barBg).Foreground(muted).Padding(0, 1)

	s.Title = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Text = lipgloss.NewStyle().Foreground(fg)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Strong = lipgloss.NewStyle().Foreground(fg).Bold(true)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Success = lipgloss.NewStyle().Foreground(success).Bold(true)
	s.Error = lipgloss.NewStyle().Foreground(danger).Bold(true)
	s.Warning = lipgloss.NewStyle().Foreground(warning)
	s.Selected = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Link = lipgloss.NewStyle().Foreground(muted).Underline(true)

	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 2)
	s.RecoveryCode = lipgloss.NewStyle().Foreground(fg).Bold(true).
		Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(1, 3)
	s.Spinner = lipgloss.NewStyle().Foreground(accent)
	s.ProgressFull = lipgloss.NewStyle().Foreground(accent)
	s.ProgressRest = lipgloss.NewStyle().Foreground(border)

	s.PhoneFrame = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1)
	s.PhoneTitle = lipgloss.NewStyle().Foreground(muted).Bold(true)
	s.PhoneNotice = lipgloss.NewStyle().Foreground(warning).Bold(true)
	s.PhoneCode = lipgloss.NewStyle().Foreground(fg).Bold(true)
	s.PhoneKey = lipgloss.NewStyle().Foreground(accent).Bold(true)

	// The footer is read over a shared screen: its keys and descriptions
	// keep 4.5:1 on every themeBackgrounds, which bubbles' greys did not
	// (2.1:1 to 3.4:1).
	s.Help = help.DefaultStyles(isDark)
	keyStyle := lipgloss.NewStyle().Foreground(fg)
	descStyle := lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#57606A"), lipgloss.Color("#A0A8B1")))
	sepStyle := lipgloss.NewStyle().Foreground(border)
	s.Help.ShortKey, s.Help.ShortDesc, s.Help.ShortSeparator = keyStyle, descStyle, sepStyle
	s.Help.FullKey, s.Help.FullDesc, s.Help.FullSeparator = keyStyle, descStyle, sepStyle
	s.Help.Ellipsis = sepStyle
	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Focused.Prompt = s.Input.Focused.Prompt.Foreground(accent)
	s.ListItems = list.NewDefaultItemStyles(isDark)
	s.ListItems.SelectedTitle = s.ListItems.SelectedTitle.Foreground(accent).BorderForeground(accent)
	s.ListItems.SelectedDesc = s.ListItems.SelectedDesc.Foreground(accent).BorderForeground(accent)
	s.ListMain = list.DefaultStyles(isDark)
	s.ListMain.Title = s.Title
	s.ListMain.TitleBar = lipgloss.NewStyle().Padding(0, 0, 1, 0)
	return s
}

// themeBackgrounds are common terminal backgrounds of each theme, which the
// text colours must read on: black, GitHub's, VS Code's and One Dark's for
// the dark theme; white and GitHub's light grey for the light one.
func themeBackgrounds(isDark bool) []color.Color {
	if isDark {
		return []color.Color{lipgloss.Color("#000000"), lipgloss.Color("#0D1117"), lipgloss.Color("#1E1E1E"), lipgloss.Color("#282C34")}
	}
	return []color.Color{lipgloss.Color("#FFFFFF"), lipgloss.Color("#F6F8FA")}
}
