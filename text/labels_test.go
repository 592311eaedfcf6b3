package text

import "testing"

func TestLabelAt(t *testing.T) {
	tests := []struct {
		line    string
		label   string // "" when the line opens no label
		body    string // the words after the label
		turn    bool   // IsTurnLabel
		generic bool   // IsGenericLabel
	}{
		{"Q Why now?", "Q", "Why now?", true, true},
		{"Q: And the ceasefire?", "Q", "And the ceasefire?", true, true},
		{"MR. KIRBY: Thank you.", "MR. KIRBY", "Thank you.", true, false},
		{"MS. JEAN-PIERRE: Good afternoon.", "MS. JEAN-PIERRE", "Good afternoon.", true, false},
		{"MS. O’NEILL: Yes.", "MS. O’NEILL", "Yes.", true, false},
		// A name's upper-case letters beyond ASCII.
		{"PRESIDENT QUILLFEÇO: Thank you.", "PRESIDENT QUILLFEÇO", "Thank you.", true, false},
		{"MR. ÁLVAREZ OAKHOLLÖW: Thanks.", "MR. ÁLVAREZ OAKHOLLÖW", "Thanks.", true, false},
		{"MR. QUILLFEÇo: no", "", "", false, false},
		// A role label misspelt.
		{"SENIOR ADMINISTRATION OFFICAL: On background.", "SENIOR ADMINISTRATION OFFICAL", "On background.", true, false},
		// A title and a surname of two words.
		{"PRESIDENT LÓPEZ QUILLFEATHER: Thank you.", "PRESIDENT LÓPEZ QUILLFEATHER", "Thank you.", true, false},
		{"GOVERNOR OAK HOLLOW: Thanks.", "GOVERNOR OAK HOLLOW", "Thanks.", true, false},
		// Titles only labels use; one only before another title.
		{"SURGEON GENERAL QUILLFEATHER: Thank you.", "SURGEON GENERAL QUILLFEATHER", "Thank you.", true, false},
		{"COACH OAKHOLLOW: Thanks.", "COACH OAKHOLLOW", "Thanks.", true, false},
		{"MAJOR GENERAL QUILLFEATHER: Thanks.", "MAJOR GENERAL QUILLFEATHER", "Thanks.", true, false},
		{"SECOND GENTLEMAN TAMSIN OAKHOLLOW: Thanks.", "SECOND GENTLEMAN TAMSIN OAKHOLLOW", "Thanks.", true, false},
		{"MAJOR ACCOMPLISHMENTS: The plan …", "MAJOR ACCOMPLISHMENTS", "The plan …", false, false},
		{"SECOND TERM AGENDA: The plan …", "SECOND TERM AGENDA", "The plan …", false, false},
		// An unnamed person by a role, or one of several.
		{"MILITARY AIDE: The President of Nowhereland …", "MILITARY AIDE", "The President of Nowhereland …", true, true},
		{"LOCAL LAW ENFORCEMENT OFFICIAL: Yes.", "LOCAL LAW ENFORCEMENT OFFICIAL", "Yes.", true, true},
		{"SENIOR ADMINISTRATION OFFICIAL ONE: Thanks.", "SENIOR ADMINISTRATION OFFICIAL ONE", "Thanks.", true, true},
		{"MESSAGE TO THE OFFICIAL: no", "MESSAGE TO THE OFFICIAL", "no", false, false},
		// A surname opening with a particle, up to four words.
		{"PRESIDENT VAN DER QUILLFEATHER: Thank you.", "PRESIDENT VAN DER QUILLFEATHER", "Thank you.", true, false},
		{"PRESIDENT BIN OAK AL HOLLOW: Thank you.", "PRESIDENT BIN OAK AL HOLLOW", "Thank you.", true, false},
		{"PRESIDENT OF THE QUILLTON BOARD: no", "PRESIDENT OF THE QUILLTON BOARD", "no", false, false},
		{"PRESIDENT QUILLFEATHER’S AGENDA: The plan …", "PRESIDENT QUILLFEATHER’S AGENDA", "The plan …", false, false},
		{"PRESIDENT OF THE BOARD: no", "PRESIDENT OF THE BOARD", "no", false, false},
		{"SENIOR ADMINISTRATION OFFICIAL: On background.", "SENIOR ADMINISTRATION OFFICIAL", "On background.", true, true},
		{"MODERATOR: First up, the line of Zara Quillfeather.", "MODERATOR", "First up, the line of Zara Quillfeather.", true, true},
		{"OPERATOR: Please go ahead.", "OPERATOR", "Please go ahead.", true, true},
		{"THE PRESIDENT: Folks, thank you.", "THE PRESIDENT", "Folks, thank you.", true, false},
		{"SECRETARY MAYORKAS: Thanks.", "SECRETARY MAYORKAS", "Thanks.", true, false},
		{"VICE PRESIDENT HARRIS: Hello.", "VICE PRESIDENT HARRIS", "Hello.", true, false},
		// Title words joined by a hyphen are a title.
		{"DIRECTOR-GENERAL QUILLFEATHER: Mr. President, thank you.", "DIRECTOR-GENERAL QUILLFEATHER", "Mr. President, thank you.", true, false},
		{"SECRETARY-GENERAL OAKHOLLOW: Thank you.", "SECRETARY-GENERAL OAKHOLLOW", "Thank you.", true, false},
		{"LONG-TERM PLAN: The plan invests …", "LONG-TERM PLAN", "The plan invests …", false, false},
		{"SECURING THE GRID: The plan invests …", "SECURING THE GRID", "The plan invests …", false, false},
		{"NOMINATIONS SENT TO THE SENATE: Zara Quillfeather.", "NOMINATIONS SENT TO THE SENATE", "Zara Quillfeather.", false, false},
		{"NOTE: none", "NOTE", "none", false, false},
		{"Quillfeather: said", "", "", false, false},
		{"QUESTION time", "", "", false, false},
		{"MR. KIRBY:\nThank you.", "", "", false, false},
		{"Q.", "", "", false, false},
	}
	for _, tc := range tests {
		label, body, ok := LabelAt(tc.line, 0)
		if ok != (tc.label != "") || label != tc.label {
			t.Errorf("LabelAt(%q) = %q %v, want %q", tc.line, label, ok, tc.label)
			continue
		}
		if !ok {
			continue
		}
		if got := tc.line[body:]; got != tc.body {
			t.Errorf("LabelAt(%q) body %q, want %q", tc.line, got, tc.body)
		}
		if IsTurnLabel(label) != tc.turn {
			t.Errorf("IsTurnLabel(%q) = %v", label, !tc.turn)
		}
		if IsGenericLabel(label) != tc.generic {
			t.Errorf("IsGenericLabel(%q) = %v", label, !tc.generic)
		}
	}
	// A label is read where the line starts, not at the text's start.
	text := "Intro line.\nMR. KIRBY: Thank you."
	if label, body, ok := LabelAt(text, 12); !ok || label != "MR. KIRBY" || text[body:] != "Thank you." {
		t.Errorf("LabelAt at a line start = %q %d %v", label, body, ok)
	}
	for w, want := range map[string]bool{"MR.": true, "MS.": true, "DR.": true, "Mrs.": true, "miss": true, "mr": true, "SECRETARY": false, "M.": false} {
		if IsHonorific(w) != want {
			t.Errorf("IsHonorific(%q) = %v", w, !want)
		}
	}
}

func TestTitleWords(t *testing.T) {
	for w, want := range map[string]bool{"secretary": true, "press": true, "u.s.": true, "of": true, "kirby": false} {
		if IsTitleWord(w) != want {
			t.Errorf("IsTitleWord(%q) = %v", w, !want)
		}
	}
	if !IsTitleNoun("spokesperson") || IsTitleNoun("of") || !IsConnector("of") || IsConnector("secretary") {
		t.Error("title nouns and connectors")
	}
}

func TestGenericLabelTypo(t *testing.T) {
	for label, want := range map[string]string{
		"SENIOR ADMINISTRATION OFFICAL":  "SENIOR ADMINISTRATION OFFICIAL",
		"SENIOR ADMINISTRATION OFFIAL":   "SENIOR ADMINISTRATION OFFICIAL",
		"MODERATR":                       "",
		"SPENCER":                        "",
		"AUDIENCE MEMBERS":               "",
		"SENIOR ADMINISTRATION OFFICIAL": "",
		"SECRETARY OAKHOLLOW":            "",
		"MR. QUILLFEATHER":               "",
	} {
		if got := GenericLabelTypo(label); got != want {
			t.Errorf("GenericLabelTypo(%q) = %q, want %q", label, got, want)
		}
	}
}
