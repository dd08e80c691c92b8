package codes_test

import (
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/apiswitch/errcode/codes"
)

// errShared is declared the way handlers share errors: once, at package level.
var errShared = codes.Wrap(io.EOF, codes.AppNotFound).With("Project", "p1")

// TestWithConcurrent runs handlers that each add their own data to errShared while others
// render it. With must copy: under -race a With that wrote to its receiver's map is a
// reported data race, and without -race the checks below see the receiver changed.
func TestWithConcurrent(t *testing.T) {
	const handlers = 32
	got := make([]*codes.Error, handlers)
	var wg sync.WaitGroup
	for i := range handlers {
		wg.Go(func() {
			got[i] = errShared.With("Name", i).With("Index", fmt.Sprint(i))
		})
		wg.Go(func() {
			for k, v := range errShared.Data { // what a renderer does
				_ = fmt.Sprint(k, v)
			}
		})
	}
	wg.Wait()

	assert.Equal(t, map[string]any{"Project": "p1"}, errShared.Data, "With changed its receiver")
	for i, e := range got {
		assert.Equal(t, map[string]any{"Project": "p1", "Name": i, "Index": fmt.Sprint(i)}, e.Data)
		assert.Equal(t, codes.AppNotFound, e.Code)
		assert.ErrorIs(t, e, io.EOF)
	}
}

func TestWithCopies(t *testing.T) {
	base := &codes.Error{Code: codes.InternalError, Status: 502, Cause: io.EOF}
	e := base.With("Name", "web")
	assert.NotSame(t, base, e)
	assert.Nil(t, base.Data, "With changed its receiver")
	assert.Equal(t, codes.Error{Code: codes.InternalError, Status: 502, Cause: io.EOF, Data: map[string]any{"Name": "web"}}, *e)

	// Two values derived from one Error do not share a map.
	a, b := e.With("K", "a"), e.With("K", "b")
	assert.Equal(t, "a", a.Data["K"])
	assert.Equal(t, "b", b.Data["K"])
	assert.Equal(t, map[string]any{"Name": "web"}, e.Data)

	var nilErr *codes.Error
	assert.Equal(t, &codes.Error{Data: map[string]any{"Name": "x"}}, nilErr.With("Name", "x"))
}
