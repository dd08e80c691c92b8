package codes_test

import (
	"errors"
	"fmt"
	"io"

	"github.com/apiswitch/errcode/codes"
)

func ExampleCode() {
	c := codes.AppNotFound
	fmt.Println(int(c), c, c.HTTPStatus())
	// Output: 10205 APP_NOT_FOUND 404
}

func ExampleByName() {
	c, ok := codes.ByName("VOL_SS_CREATE_FAILED")
	fmt.Println(int(c), ok)
	// Output: 10331 true
}

func ExampleWrap() {
	err := fmt.Errorf("create volume: %w",
		codes.Wrap(io.ErrUnexpectedEOF, codes.VolCreateFailed).With("Name", "data"))
	fmt.Println(errors.Is(err, codes.VolCreateFailed))
	if e, ok := codes.From(err); ok {
		fmt.Println(e.Code, e.Code.HTTPStatus(), e.Data["Name"])
	}
	// The cause stays in Error(), which is for logs only.
	fmt.Println(err)
	// Output:
	// true
	// VOL_CREATE_FAILED 500 data
	// create volume: VOL_CREATE_FAILED (10312): unexpected EOF
}
