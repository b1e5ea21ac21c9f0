package store_test

import (
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

func TestMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return store.NewMemory() })
}
