package testsupport

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's documented limits, enforced by the fake like Discord does.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooter           = 2048
	MaxAuthorName       = 256
	MaxEmbedTotal       = 6000
	MaxActionRows       = 5
	MaxRowComponents    = 5
	MaxCustomID         = 100
	MaxButtonLabel      = 80
	MaxThreadName       = 100
)

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// invalidForm builds Discord's 400 "Invalid Form Body" (50035) with the
// nested errors object naming the offending field.
func invalidForm(field, code, message string) *httpError {
	return &httpError{status: http.StatusBadRequest, body: apiError{
		Code: 50035, Message: "Invalid Form Body",
		Errors: map[string]any{field: map[string]any{"_errors": []any{map[string]any{"code": code, "message": message}}}},
	}}
}

func tooLong(field string, max int) *httpError {
	return invalidForm(field, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
}

// CheckMessage applies Discord's message limits to a create or edit payload
// (decoded JSON) and returns a description of the first violation, or "".
// Tests use it to assert that every recorded request obeys the limits.
func CheckMessage(data map[string]any, create bool) string {
	if herr := validateMessage(data, create); herr != nil {
		return fmt.Sprintf("%d %v", herr.body.Code, herr.body.Errors)
	}
	return ""
}

func validateMessage(data map[string]any, create bool) *httpError {
	content, _ := data["content"].(string)
	if runeLen(content) > MaxContent {
		return tooLong("content", MaxContent)
	}
	embeds, _ := data["embeds"].([]any)
	if len(embeds) > MaxEmbeds {
		return tooLong("embeds", MaxEmbeds)
	}
	total := 0
	for i, e := range embeds {
		em, _ := e.(map[string]any)
		field := func(f string) string { return fmt.Sprintf("embeds.%d.%s", i, f) }
		str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
		if u := str(em, "url"); u != "" && !wellFormedURL(u) {
			return invalidForm(field("url"), "URL_TYPE_INVALID_URL", "Not a well formed URL.")
		}
		if n := runeLen(str(em, "title")); n > MaxEmbedTitle {
			return tooLong(field("title"), MaxEmbedTitle)
		} else {
			total += n
		}
		if n := runeLen(str(em, "description")); n > MaxEmbedDescription {
			return tooLong(field("description"), MaxEmbedDescription)
		} else {
			total += n
		}
		fields, _ := em["fields"].([]any)
		if len(fields) > MaxEmbedFields {
			return tooLong(field("fields"), MaxEmbedFields)
		}
		for j, f := range fields {
			fm, _ := f.(map[string]any)
			name, value := str(fm, "name"), str(fm, "value")
			if runeLen(name) > MaxFieldName {
				return tooLong(field(fmt.Sprintf("fields.%d.name", j)), MaxFieldName)
			}
			if runeLen(value) > MaxFieldValue {
				return tooLong(field(fmt.Sprintf("fields.%d.value", j)), MaxFieldValue)
			}
			if name == "" || value == "" {
				return invalidForm(field(fmt.Sprintf("fields.%d", j)), "BASE_TYPE_REQUIRED", "This field is required")
			}
			total += runeLen(name) + runeLen(value)
		}
		if ft, ok := em["footer"].(map[string]any); ok {
			if n := runeLen(str(ft, "text")); n > MaxFooter {
				return tooLong(field("footer.text"), MaxFooter)
			} else {
				total += n
			}
		}
		if au, ok := em["author"].(map[string]any); ok {
			if n := runeLen(str(au, "name")); n > MaxAuthorName {
				return tooLong(field("author.name"), MaxAuthorName)
			} else {
				total += n
			}
		}
	}
	if total > MaxEmbedTotal {
		return invalidForm("embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Embed size exceeds maximum size of %d", MaxEmbedTotal))
	}
	rows, _ := data["components"].([]any)
	if len(rows) > MaxActionRows {
		return tooLong("components", MaxActionRows)
	}
	for i, r := range rows {
		row, _ := r.(map[string]any)
		if t, _ := row["type"].(float64); int(t) != int(discordgo.ActionsRowComponent) {
			return invalidForm(fmt.Sprintf("components.%d.type", i), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).")
		}
		comps, _ := row["components"].([]any)
		if len(comps) == 0 || len(comps) > MaxRowComponents {
			return invalidForm(fmt.Sprintf("components.%d.components", i), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
		for j, c := range comps {
			cm, _ := c.(map[string]any)
			f := fmt.Sprintf("components.%d.components.%d", i, j)
			id, _ := cm["custom_id"].(string)
			label, _ := cm["label"].(string)
			style, _ := cm["style"].(float64)
			url, _ := cm["url"].(string)
			if runeLen(id) > MaxCustomID {
				return tooLong(f+".custom_id", MaxCustomID)
			}
			if runeLen(label) > MaxButtonLabel {
				return tooLong(f+".label", MaxButtonLabel)
			}
			if discordgo.ButtonStyle(style) == discordgo.LinkButton {
				if url == "" {
					return invalidForm(f+".url", "BASE_TYPE_REQUIRED", "This field is required")
				}
			} else if id == "" {
				return invalidForm(f+".custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			}
		}
	}
	if create && content == "" && len(embeds) == 0 && len(rows) == 0 {
		return errorf(http.StatusBadRequest, 50006, "Cannot send an empty message")
	}
	return nil
}

// wellFormedURL is what Discord accepts as an embed's url: an absolute
// http(s) (or attachment) address with a host and no blanks.
func wellFormedURL(s string) bool {
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Hostname() != ""
	case "attachment":
		return u.Opaque != "" || u.Host != ""
	}
	return false
}

// chatInputName is Discord's documented rule for the names of CHAT_INPUT
// (slash) commands and of every command option; Go spells the scripts
// \p{sc=Deva} and \p{sc=Thai} as \p{Devanagari} and \p{Thai}. Letters with
// a lower-case form must also be lower case (see lowerCaseName).
var chatInputName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// validChatInputName applies Discord's naming rule for slash commands and
// options: the regular expression, in lower case wherever a letter has a
// lower-case form.
func validChatInputName(name string) bool {
	if !chatInputName.MatchString(name) {
		return false
	}
	for _, r := range name {
		if unicode.ToLower(r) != r {
			return false
		}
	}
	return true
}

// validMenuName applies Discord's naming rule for USER and MESSAGE
// (context-menu) commands: 1 to 32 characters, mixed case and spaces
// allowed; a name of blanks or with control characters is no name.
func validMenuName(name string) bool {
	if n := runeLen(name); n < 1 || n > 32 || strings.TrimSpace(name) == "" {
		return false
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// MaxOptionLength is the largest min_length or max_length Discord accepts
// on a string option.
const MaxOptionLength = 6000

func validateCommands(cmds []*discordgo.ApplicationCommand) *httpError {
	if len(cmds) > 100 {
		return tooLong("_", 100)
	}
	// Names are unique within a type: a slash command and a message
	// command may share one.
	type key struct {
		typ  discordgo.ApplicationCommandType
		name string
	}
	seen := map[key]bool{}
	for i, c := range cmds {
		f := fmt.Sprintf("%d", i)
		typ := c.Type
		if typ == 0 {
			typ = discordgo.ChatApplicationCommand // the default
		}
		switch typ {
		case discordgo.ChatApplicationCommand:
			if !validChatInputName(c.Name) {
				return invalidForm(f+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
			}
			if n := runeLen(c.Description); n < 1 || n > 100 {
				return invalidForm(f+".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
			}
			if herr := validateOptions(f+".options", c.Options, 0); herr != nil {
				return herr
			}
		case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
			if !validMenuName(c.Name) {
				return invalidForm(f+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
			}
			// "The description field is not allowed when creating user
			// [or message] commands", nor are options (CHAT_INPUT only).
			if c.Description != "" {
				return invalidForm(f+".description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
			}
			if len(c.Options) > 0 {
				return invalidForm(f+".options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options")
			}
		default:
			return invalidForm(f+".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.")
		}
		k := key{typ, c.Name}
		if seen[k] {
			return invalidForm(f+".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[k] = true
	}
	return nil
}

func validateOptions(f string, opts []*discordgo.ApplicationCommandOption, depth int) *httpError {
	if len(opts) > 25 {
		return tooLong(f, 25)
	}
	optional := false
	for i, o := range opts {
		of := fmt.Sprintf("%s.%d", f, i)
		if !validChatInputName(o.Name) {
			return invalidForm(of+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if n := runeLen(o.Description); n < 1 || n > 100 {
			return invalidForm(of+".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		if o.MinLength != nil && (*o.MinLength < 0 || *o.MinLength > MaxOptionLength) {
			return invalidForm(of+".min_length", "NUMBER_TYPE_MAX", fmt.Sprintf("int value should be between 0 and %d.", MaxOptionLength))
		}
		if o.MaxLength < 0 || o.MaxLength > MaxOptionLength {
			return invalidForm(of+".max_length", "NUMBER_TYPE_MAX", fmt.Sprintf("int value should be between 1 and %d.", MaxOptionLength))
		}
		if len(o.Choices) > 25 {
			return tooLong(of+".choices", 25)
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			return invalidForm(of+".autocomplete", "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be set with choices")
		}
		sub := o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup
		if sub {
			if depth > 1 {
				return invalidForm(of, "APPLICATION_COMMAND_OPTIONS_TOO_DEEP", "Options nested too deeply")
			}
			if herr := validateOptions(of+".options", o.Options, depth+1); herr != nil {
				return herr
			}
			continue
		}
		if o.Required && optional {
			return invalidForm(of+".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
		}
		if !o.Required {
			optional = true
		}
	}
	return nil
}
