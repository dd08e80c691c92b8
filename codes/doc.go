// Package codes defines the error codes of API Switch and the error type handlers return.
//
// When API Switch answers with a status other than 2XX, its body is
//
//	{"Code": 10205, "Message": "未找到应用"}
//
// Code is the number in that body. Each code has a wire name (its String, such as
// "APP_NOT_FOUND"), a number and an HTTP status; all three come from one table, codes.tsv,
// from which codes_gen.go is generated. The list is append-only: a published code is never
// renumbered, renamed or removed.
//
// # Returning errors
//
// A bare Code is an error, and so is *Error, which adds template data for the message and a
// cause for the logs:
//
//	return codes.AppNotFound
//	return codes.Wrap(err, codes.VolCreateFailed).With("Name", name)
//
// With returns a copy and never changes its receiver, so an *Error declared once at package
// level may be shared by concurrent handlers:
//
//	var errNoApp = codes.New(codes.AppNotFound)
//	return errNoApp.With("Name", name)
//
// errors.Is matches by code through any %w wrapping, and From finds the code of an error:
//
//	if errors.Is(err, codes.AppNotFound) { ... }
//
// The cause is for operators only. Nothing in this module renders it for a client; the
// client sees the code and its localized message.
//
// # HTTP statuses
//
// 400 for bad parameters and formats, 401 for TOKEN_INVALID, 403 for FORBIDDEN and hard quota
// limits, 404 for what does not exist, 409 for name conflicts, wrong states and operations
// already under way, 422 for a stack file that parses but means something impossible, and 500
// for internal errors and failed back-end operations. Three codes report progress rather than
// faults and carry a 2XX status: VOL_EXT_CONTINUE and VOL_EXP_WAIT (202 Accepted) and
// VOL_EXP_READY (200 OK).
package codes

//go:generate go run ../internal/codegen/gencodes -readme ../README.md
