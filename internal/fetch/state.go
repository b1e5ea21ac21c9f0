package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StateFile is the name of the state file in the out directory. It is
// hidden, so `load --docs` never reads it as a document.
const StateFile = ".ombudsgraph-fetch.json"

// partSuffix ends the names of files being written; they are hidden too
// (".name.RANDOM.part"), and removed at the start of every run.
const partSuffix = ".part"

// state is what the state file holds: the run in progress or last finished,
// and for every file fetched, its URL and the validators to ask whether it
// changed.
type state struct {
	Version int               `json:"version"`
	Run     runState          `json:"run"`
	Files   map[string]*entry `json:"files"`
}

// runState is when the last run started, and when it finished: a run that
// started but never finished was interrupted.
type runState struct {
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished,omitzero"`
}

// entry is one file fetched, named in state.Files by its path in the out
// directory ('/'-separated).
type entry struct {
	URL          string    `json:"url"`
	FinalURL     string    `json:"finalUrl,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"lastModified,omitempty"`
	Size         int64     `json:"size"`
	SHA256       string    `json:"sha256"`
	Checked      time.Time `json:"checked"`
	Changed      time.Time `json:"changed"`
}

const stateVersion = 1

// loadState reads the state file of dir. A missing file is an empty state;
// an unreadable one is an empty state and a warning (the state only saves
// requests: without it every file is fetched again).
func loadState(dir string) (*state, string) {
	st := &state{Version: stateVersion, Files: map[string]*entry{}}
	data, err := os.ReadFile(filepath.Join(dir, StateFile))
	if errors.Is(err, fs.ErrNotExist) {
		return st, ""
	}
	if err != nil {
		return st, fmt.Sprintf("%s: %v; fetching everything again", StateFile, err)
	}
	var read state
	if err := json.Unmarshal(data, &read); err != nil || read.Version != stateVersion {
		if err == nil {
			err = fmt.Errorf("version %d, not %d", read.Version, stateVersion)
		}
		return st, fmt.Sprintf("%s: unreadable (%v); fetching everything again", StateFile, err)
	}
	if read.Files == nil {
		read.Files = map[string]*entry{}
	}
	return &read, ""
}

// save writes the state file whole, through a temporary file, so that an
// interruption leaves the old state or the new, never half of one.
func (st *state) save(dir string) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(dir, StateFile, data)
}

// writeAtomic writes data to dir/name through a hidden temporary file that
// is synced and then renamed.
func writeAtomic(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*"+partSuffix)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// removeParts removes what an interrupted run left half written: the hidden
// ".*.part" files under dir.
func removeParts(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		name := d.Name()
		if !d.IsDir() && strings.HasPrefix(name, ".") && strings.HasSuffix(name, partSuffix) {
			return os.Remove(p)
		}
		return nil
	})
}
