package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

var emailRE = regexp.MustCompile(`^[^@\s<>()",;:]+@[^@\s<>()",;:]+\.[^@\s<>()",;:]+$`)

// CheckContact checks that contact is an email address or an http(s) URL,
// for the site's operators to reach the person fetching.
func CheckContact(contact string) error {
	if contact == "" {
		return errors.New("a contact is required: an email address or URL where the site's operators can reach you, sent in the User-Agent of every request")
	}
	for _, r := range contact {
		if r < 0x21 || r > 0x7e {
			return fmt.Errorf("contact %q: printable ASCII only, without spaces", contact)
		}
	}
	if emailRE.MatchString(contact) {
		return nil
	}
	if u, err := url.Parse(contact); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return nil
	}
	return fmt.Errorf("contact %q: want an email address (name@example.org) or an http(s) URL", contact)
}

// UserAgent is the User-Agent of every request: the tool, its version, and
// the contact, as "ombudsgraph/VERSION (+mailto:ADDRESS)" or
// "ombudsgraph/VERSION (+URL)".
func UserAgent(version, contact string) string {
	if version == "" {
		version = "devel"
	}
	if !strings.Contains(contact, "://") {
		contact = "mailto:" + contact
	}
	return fmt.Sprintf("%s/%s (+%s)", Agent, version, contact)
}
