package corpus

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archiveMembers reads the named members of the White House archive in one
// pass, or skips the test when the archive is absent.
func archiveMembers(t *testing.T, names ...string) map[string][]byte {
	t.Helper()
	path := filepath.Join(sharedDir, "corpus", "whitehouse-briefings.tar.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("White House archive not available (%v): skipping the real-record test", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	out := map[string][]byte{}
	tr := tar.NewReader(zr)
	for len(out) < len(want) {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !want[name] {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	for n := range want {
		if out[n] == nil {
			t.Fatalf("member %s not in the archive", n)
		}
	}
	return out
}

// turnWant is who is expected to speak at the first occurrence of at.
type turnWant struct {
	at, speaker, title string
	role               Role
}

// TestWhiteHouseTurns: over real briefings, gaggles and background calls,
// reporters' questions are the reporter's, moderators' and operators'
// lines theirs (an official who only hands over the floor included), and
// officials are named with the title the document gives; statements and
// readouts are the issuing person's or office's, dated as their opening
// says.
func TestWhiteHouseTurns(t *testing.T) {
	cases := map[string][]turnWant{
		"2021-03-05_press-briefing-by-press-secretary-jen-psaki-march_1621ee58.txt": {
			{"Lots going on around here", "Jen Psaki", "Press Secretary", RoleOfficial},
			{"45 days into the Biden presidency", "Reporter", "", RoleReporter},
			{"His view and his position hasn’t changed", "Jen Psaki", "Press Secretary", RoleOfficial},
		},
		"2021-03-08_background-press-call-by-senior-administration-off_78ac01b7.txt": {
			{"Via Teleconference", "", "", RoleUnknown},
			{"Why don’t we go to a line with Carla Angola", "Moderator", "", RoleModerator},
			{"This question is for a (inaudible) officer", "Reporter", "", RoleReporter},
			{"Gracias, Carla", "Senior Administration Official", "", RoleOfficial},
			{"Greetings to everyone from the National Security Council", "Senior Administration Official", "", RoleModerator},
		},
		"2022-07-28_background-press-call-on-president-bidens-call-wit_6a43cb0d.txt": {
			{"Could we queue up the questions", "Moderator", "", RoleModerator},
			{"Thanks so much, Jenny, for the question", "Senior Administration Official", "", RoleOfficial},
		},
		"2021-03-22_press-briefing-by-white-house-covid-19-response-te_1b91a709.txt": {
			{"First question will go to Dan Vergano", "Moderator", "", RoleModerator},
			{"I’m delighted to be back with you all today", "Walensky", "", RoleOfficial},
			{"Great. Thank you. Next question.", "Slavitt", "Acting Administrator", RoleModerator},
		},
		"2021-02-18_press-briefing-by-press-secretary-jen-psaki-and-ho_907e915b.txt": {
			{"Zeke Miller, you’re open", "Operator", "", RoleOperator},
			{"Let me start with FEMA", "Elizabeth Sherwood-Randall", "Homeland Security Advisor", RoleOfficial},
		},
		"2021-02-19_press-gaggle-by-press-secretary-jen-psaki-aboard-a_45437ce7.txt": {
			{"Looking forward to our trip to Kalamazoo", "Jen Psaki", "Press Secretary", RoleOfficial},
			{"Why is now the time to engage with Iran", "Reporter", "", RoleReporter},
		},
		"2022-04-12_press-gaggle-by-press-secretary-jen-psaki-4_f32c8a46.txt": {
			{"welcome to our trip to Iowa", "Jen Psaki", "Press Secretary", RoleOfficial},
			{"Did you see the comments from President Putin", "Reporter", "", RoleReporter},
		},
		"2023-07-12_on-the-record-press-gaggle-by-nsc-senior-director_6413ba06.txt": {
			{"Good morning in sunny Vilnius", "Amanda Sloat", "", RoleOfficial},
			{"Next, we’ll go to Chris from the AP", "Sean Savett", "", RoleModerator},
			{"reform agenda for Ukraine", "Reporter", "", RoleReporter},
		},
		"2021-08-09_on-the-record-press-call-by-national-security-coun_62db5652.txt": {
			{"Welcome to a briefing to discuss", "Moderator", "", RoleModerator},
			{"I want to apologize for not being Jake", "Juan Gonzalez", "", RoleOfficial},
			{"become a global partner of NATO", "Reporter", "", RoleReporter},
		},
		"2023-03-06_press-briefing-by-press-secretary-karine-jean-pier_cd9925fb.txt": {
			{"Happy Monday", "Karine Jean-Pierre", "Press Secretary", RoleOfficial},
			{"Two questions on the D.C. crime situation", "Reporter", "", RoleReporter},
		},
		"2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt": {
			{"there can be no military solution to this conflict", "John Kirby", "NSC Coordinator for Strategic Communications", RoleOfficial},
			{"Who’s doing rapid response for that", "Reporter", "", RoleReporter},
		},
		"2025-01-29_press-briefing-by-press-secretary-karoline-leavitt_9aef5e32.txt": {
			{"does the president see anything fishy about DeepSeek", "Reporter", "", RoleReporter},
			{"The president was asked about DeepSeek last night", "Karoline Leavitt", "Press Secretary", RoleOfficial},
		},
		"2021-02-17_remarks-by-president-biden-in-a-cnn-town-hall-with_dea0f184.txt": {
			{"My mother would say", "Joe Biden", "President", RoleOfficial},
			{"Hi, welcome to Milwaukee", "Audience Member", "", RoleUnknown},
		},
		// Articles quoting a speech or an interview in a list under the
		// person introducing it: the lead paragraph's subject, a heading.
		"2026-01-04_rubio-this-is-our-hemisphere-and-president-trump-w_c2546538.txt": {
			{"joined multiple news programs", "The White House", "", RoleIssuer},
			{"They were on the ground for about two hours", "Marco Rubio", "Secretary", RoleReported},
		},
		"2025-06-22_sunday-shows-president-trumps-pursuit-of-peace-thr_74bd0801.txt": {
			{"We’re not at war with Iran", "JD Vance", "Vice President", RoleReported},
			{"What happens next will now depend", "Marco Rubio", "Secretary of State", RoleReported},
		},
		"2026-01-21_in-davos-president-trump-outlines-bold-vision-for_f677c679.txt": {
			{"Homeownership has always been", "Donald J. Trump", "President", RoleReported},
		},
		// Statements and readouts: the issuing person or office.
		// A readout is the White House's account of the call, not the
		// words of the person whose call it was.
		"2022-12-22_readout-of-apnsa-jake-sullivans-call-with-qatari-d_b21b7a41.txt": {
			{"spoke by phone today", "The White House", "", RoleIssuer},
		},
		"2021-01-24_readout-of-president-joseph-r-biden-jr-call-with-p_c57832c7.txt": {
			{"spoke today with President Emmanuel Macron", "The White House", "", RoleIssuer},
		},
		"2022-10-17_statement-from-press-secretary-karine-jean-pierre_03569be2.txt": {
			{"looks forward to welcoming President Isaac Herzog", "Karine Jean-Pierre", "Press Secretary", RoleIssuer},
		},
		"2021-07-14_statement-by-nsc-spokesperson-emily-horne-on-natio_624c9db0.txt": {
			{"met today with Foreign Minister", "Emily Horne", "NSC Spokesperson", RoleIssuer},
		},
		"2021-10-13_fact-sheet-ongoing-public-u-s-efforts-to-counter-r_5673f7b9.txt": {
			{"counter-ransomware", "The White House", "", RoleIssuer},
		},
		"2021-02-15_statement-by-president-joe-biden-on-the-2021-speci_7ee370ea.txt": {
			{"Health care is a right, not a privilege", "Joe Biden", "President", RoleIssuer},
		},
	}
	// Readouts dated by their opening ("… yesterday", "On Friday, …"),
	// not by their publication.
	dated := map[string]struct{ at, speaker, date string }{
		"2021-01-23_readout-of-president-joe-biden-call-with-president_d0a9e727.txt": {"review bilater", "The White House", "2021-01-22"},
		"2021-06-12_readout-of-white-house-roundtable-with-lgbtq-and-g_a460bd28.txt": {"Domestic Policy Advisor Susan Rice", "The White House", "2021-06-11"},
		"2021-06-25_readout-of-president-joseph-r-biden-jr-call-with-s_d2b43da7.txt": {"to thank her again", "The White House", "2021-06-25"},
	}
	names := make([]string, 0, len(cases)+len(dated))
	for n := range cases {
		names = append(names, n)
	}
	for n := range dated {
		names = append(names, n)
	}
	data := archiveMembers(t, names...)
	for name, w := range dated {
		docs, err := Parse(name, data[name])
		if err != nil || len(docs) != 1 {
			t.Fatalf("Parse %s: %d docs, %v", name, len(docs), err)
		}
		d := docs[0]
		checkTurns(t, d)
		tr := turnOf(t, d, w.at)
		if tr.Speaker.Name != w.speaker || tr.Role != RoleIssuer || tr.DateString() != w.date {
			t.Errorf("%s: %+v %q %q, want %q issuing, %q", name, tr.Speaker, tr.Role, tr.DateString(), w.speaker, w.date)
		}
	}
	for name, wants := range cases {
		t.Run(name[:min(len(name), 40)], func(t *testing.T) {
			docs, err := Parse(name, data[name])
			if err != nil || len(docs) != 1 {
				t.Fatalf("Parse: %d docs, %v", len(docs), err)
			}
			d := docs[0]
			checkTurns(t, d)
			for _, w := range wants {
				tr := turnOf(t, d, w.at)
				if tr.Speaker.Name != w.speaker || tr.Speaker.Title != w.title || tr.Role != w.role {
					t.Errorf("turn at %q: %+v %q, want %q (%q) %q", w.at, tr.Speaker, tr.Role, w.speaker, w.title, w.role)
				}
				// The day it was said: the publication's, or the day the
				// preamble gives ("(February 16, 2021)" for a town hall
				// published the next day).
				want := d.DateString()
				if name == "2021-02-17_remarks-by-president-biden-in-a-cnn-town-hall-with_dea0f184.txt" {
					want = "2021-02-16"
				}
				if tr.DateString() != want {
					t.Errorf("turn at %q dated %q, want %q", w.at, tr.DateString(), want)
				}
			}
			// Every reporter's question is a Q turn and names no official.
			for _, tr := range d.Turns() {
				if tr.Role == RoleReporter && tr.Speaker.Name != "Reporter" {
					t.Errorf("reporter turn spoken by %+v", tr.Speaker)
				}
				if tr.Role == RoleReporter && !strings.HasPrefix(d.Text[tr.Start:tr.End], "Q") {
					t.Errorf("reporter turn not opened by Q: %.40q", d.Text[tr.Start:tr.End])
				}
			}
		})
	}
}
