package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// putThemes writes the authority types and the themes, in their order, and
// deletes the stored themes that are no longer among them, then changes the
// revision; unless the revision marker says these very themes were the last
// written, when it writes nothing.
func (s *Store) putThemes(ctx context.Context, themes []graph.Theme) error {
	types := make([]any, len(graph.AuthorityTypes))
	for i, t := range graph.AuthorityTypes {
		types[i] = map[string]any{"hid": hid("AuthorityType:" + string(t)), "name": string(t)}
	}
	rows := make([]any, len(themes))
	keep := map[int64]bool{}
	for i, t := range themes {
		h := hid("Theme:" + t.Slug)
		keep[h] = true
		rows[i] = map[string]any{"hid": h, "slug": t.Slug, "name": t.Name, "description": t.Description, "position": i,
			"subcategories": strs(t.Subcategories), "terms": strs(t.Terms), "acronyms": strs(t.Acronyms)}
	}
	b, err := json.Marshal([]any{types, rows}) // a map's keys in order: the same themes, the same bytes
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	sum := sha256.Sum256(b)
	digest := hex.EncodeToString(sum[:])
	res, err := s.query(ctx, readThemesDigest, nil)
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	if len(res.Records) == 1 && res.Records[0].AsMap()["themes"] == digest {
		return nil // these themes are the ones stored
	}
	if _, err := s.query(ctx, writeAuthorityTypes, map[string]any{"rows": types}); err != nil {
		return fmt.Errorf("authority types: %w", err)
	}
	if _, err := s.query(ctx, writeThemes, map[string]any{"rows": rows}); err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	res, err = s.query(ctx, listThemes, nil)
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	var gone []any
	for _, rec := range res.Records {
		h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
		if err != nil {
			return fmt.Errorf("themes: %w", err)
		}
		if !keep[h] {
			gone = append(gone, h)
		}
	}
	if len(gone) > 0 {
		if _, err := s.query(ctx, deleteThemes, map[string]any{"hids": gone}); err != nil {
			return fmt.Errorf("themes: %w", err)
		}
	}
	sess := s.session(ctx)
	defer sess.Close(ctx)
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := run(ctx, tx, setThemesDigest, map[string]any{"themes": digest}); err != nil {
			return nil, err
		}
		return nil, bump(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	return nil
}
